// As stack_guard.ksh on a CPU model with RDRAND (QEMU -cpu max): the
// canary is drawn from RDRAND, which CPUID (filtered) still shows.
// boot-see: [intact] STACK-GUARD canary non-zero, low byte 0 (source rdrand)
// boot-see: [intact] STACK-GUARD intact DONE
// boot-see: [smash] ksh-rt: stack smashing detected: stopping the domain
// boot-see: ksh: domain smash exited with status 125
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
// boot-cpu: max,+svm,+npt
// boot-timeout: 240
system "stack_guard_rdrand" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { smash 20ms; intact 20ms; } }
}
level low;
type t;
domain smash : native "stack_guard.elf" { memory 2M; type t; level low; }
domain intact : native "stack_guard.elf" { memory 2M; type t; level low; }
