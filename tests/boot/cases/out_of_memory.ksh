// More domain memory than the machine has (QEMU runs with 512 MiB): the
// UEFI entry fails closed with a message, before any domain starts.
// boot-expect: ksh: memory object
// boot-expect: ksh: refusing to boot: out of memory
// boot-reject: ready
system "out_of_memory" {
	platform { cpus 1; memory 2G; iommu optional; }
	schedule { major 20ms; cpu 0 { big 10ms; small 10ms; } }
}
level low;
type t;
domain big : native "hello.elf" { memory 1G; type t; level low; }
domain small : native "hello.elf" { memory 2M; type t; level low; }
