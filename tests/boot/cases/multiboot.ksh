// Multiboot v1 and v2 test kernels are loaded as the specification says,
// start in 32-bit protected mode with the info structure, check it and
// report through the console hypercall.
// boot-see: [mb1] MB1 magic ok
// boot-see: [mb1] MB1 cmdline=mb1 test cmdline
// boot-see: [mb1] MB1 failures=0
// boot-see: [mb1] MB1 DONE
// boot-see: [mb2] MB2 cmdline=mb2 test cmdline
// boot-see: [mb2] MB2 failures=0
// boot-see: [mb2] MB2 DONE
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
system "multiboot" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { mb1 20ms; mb2 20ms; } }
}
level low;
type t;
domain mb1 : multiboot "multiboot1.elf" {
	memory 4M; type t; level low; cmdline "mb1 test cmdline";
}
domain mb2 : multiboot "multiboot2.elf" {
	memory 4M; type t; level low; cmdline "mb2 test cmdline";
}
