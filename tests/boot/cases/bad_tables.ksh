// Tables whose format version is not the kernel's are refused before
// anything is allocated, with the reason; the image returns
// EFI_LOAD_ERROR and the firmware goes on with its next boot option.
// boot-sed: s/\.version = KSH_TABLES_VERSION/.version = 99/
// boot-expect: ksh: refusing to boot: the generated tables are invalid: table format version differs from the kernel's
// boot-expect: ksh: returning EFI_LOAD_ERROR to the firmware
// boot-expect: BdsDxe: failed to start Boot0002 "UEFI QEMU HARDDISK QM00001 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x0,0xFFFF,0x0): Load Error
// boot-expect: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-until: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-reject: allocated
system "bad_tables" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
