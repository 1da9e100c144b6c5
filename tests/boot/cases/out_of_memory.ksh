// More domain memory than the machine has (QEMU runs with 512 MiB): the
// UEFI entry fails closed with a message before any domain starts, gives
// back what it had allocated (small's 64 MiB and the 4 KiB boot
// information) and returns EFI_OUT_OF_RESOURCES; the firmware goes on
// with its next boot option.
// boot-expect: ksh: memory object big.ram needs 1048576 KiB
// boot-expect: ksh: refusing to boot: out of memory
// boot-expect: ksh: gave back 65540 KiB to the firmware (its free memory grew by
// boot-expect: ksh: returning EFI_OUT_OF_RESOURCES to the firmware
// boot-expect: BdsDxe: failed to start Boot0002 "UEFI QEMU HARDDISK QM00001 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x0,0xFFFF,0x0): Out of Resources
// boot-expect: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-until: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-reject: ready
system "out_of_memory" {
	platform { cpus 1; memory 2G; iommu optional; }
	schedule { major 20ms; cpu 0 { small 10ms; big 10ms; } }
}
level low;
type t;
domain small : native "hello.elf" { memory 64M; type t; level low; }
domain big : native "hello.elf" { memory 1G; type t; level low; }
