// Intel VT-x without EPT (Bochs core2_penryn_t9600): the VMX backend's
// probe refuses by name before ExitBootServices, the image returns
// EFI_UNSUPPORTED, and OVMF's boot manager reports the failed boot option
// and goes on with the next one (the EFI shell) instead of the machine
// stopping (UEFI spec 2.10, 3.1.1).
// boot-expect: ksh: refusing to boot: vmx: CPU lacks EPT
// boot-expect: ksh: returning EFI_UNSUPPORTED to the firmware
// boot-expect: BdsDxe: failed to start Boot0001 "UEFI Generic 1234 BXHD00011 " from PciRoot(0x0)/Pci(0x1,0x1)/Ata(Primary,Master,0x0): Unsupported
// boot-expect: BdsDxe: starting Boot0002 "EFI Internal Shell"
// boot-until: BdsDxe: starting Boot0002 "EFI Internal Shell"
// boot-reject: ksh: leaving boot services
// boot-reject: [one]
system "no_ept" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
