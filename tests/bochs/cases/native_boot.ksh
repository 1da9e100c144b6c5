// The smallest system: one native domain that prints and exits. Its boot
// time (Bochs start to the last kernel line) is the "native boot" figure
// of the Bochs VMX/SVM benchmark.
// boot-expect: ksh: virtualization backend:
// boot-expect: [one] DONE one
// boot-expect: ksh: domain one exited with status 0
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: PANIC
system "native_boot" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { one 10ms; } }
}
level low;
type t;
domain one : native "hello.elf" { memory 2M; type t; level low; }
