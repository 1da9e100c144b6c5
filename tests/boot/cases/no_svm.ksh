// A CPU without SVM is refused by name before ExitBootServices: the image
// returns EFI_UNSUPPORTED, and OVMF's boot manager reports the failed boot
// option and goes on with the next one (the EFI shell) instead of the
// machine stopping (UEFI spec 2.10, 3.1.1).
// boot-cpu: qemu64,-svm
// boot-expect: ksh: refusing to boot: svm: CPU lacks SVM
// boot-expect: ksh: returning EFI_UNSUPPORTED to the firmware
// boot-expect: BdsDxe: failed to start Boot0002 "UEFI QEMU HARDDISK QM00001 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x0,0xFFFF,0x0): Unsupported
// boot-expect: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-until: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-reject: ksh: leaving boot services
// boot-reject: [one]
system "no_svm" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
