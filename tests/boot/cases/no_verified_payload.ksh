// The only domain's payload does not match its digest: with nothing left
// to run, the image refuses before ExitBootServices, gives back its
// memory and returns EFI_LOAD_ERROR; the firmware goes on with its next
// boot option instead of the machine stopping.
// boot-tamper: 0
// boot-expect: ksh: domain one refused: payload SHA-256 does not match the digest in the tables
// boot-expect: ksh: refusing to boot: no domain can start
// boot-expect: ksh: returning EFI_LOAD_ERROR to the firmware
// boot-expect: BdsDxe: failed to start Boot0002 "UEFI QEMU HARDDISK QM00001 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x0,0xFFFF,0x0): Load Error
// boot-expect: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-until: BdsDxe: starting Boot0003 "EFI Internal Shell"
// boot-reject: ksh: leaving boot services
// boot-reject: [one]
system "no_verified_payload" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
