// A CPU without NX (no-execute pages, which the kernel's W^X page tables
// need) is refused by name before ExitBootServices, from CPUID alone,
// instead of after it when the page tables are built; the firmware goes
// on with its next boot option (UEFI spec 2.10, 3.1.1).
// boot-cpu: qemu64,+svm,+npt,-nx
// boot-expect: ksh: refusing to boot: CPU lacks NX
// boot-expect: ksh: returning EFI_UNSUPPORTED to the firmware
// boot-expect: BdsDxe: failed to start Boot0002 "UEFI QEMU HARDDISK QM00001 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x0,0xFFFF,0x0): Unsupported
// boot-expect: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-until: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-reject: ksh: leaving boot services
// boot-reject: [one]
system "no_nx" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
