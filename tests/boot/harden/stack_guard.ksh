// Native domains get a real stack-protector canary: the runtime points FS
// at a TLS block of the domain's own with a canary from RDRAND or, on
// this CPU model (qemu64 has no RDRAND), from RDTSC readings around an
// exit (ksh/rt/stack_guard.h). Without it %fs:0x28 is guest address
// 0x28, which holds 0 ("STACK-GUARD FAIL canary is 0"). The guest is
// built with -fstack-protector-all; overrunning a stack buffer must reach
// __stack_chk_fail and stop that domain, and only that one.
// boot-see: [intact] STACK-GUARD canary non-zero, low byte 0 (source rdtsc)
// boot-see: [intact] STACK-GUARD intact DONE
// boot-see: ksh: domain intact exited with status 0
// boot-see: [smash] STACK-GUARD canary non-zero, low byte 0 (source rdtsc)
// boot-see: [smash] STACK-GUARD smashing 40 bytes into a 16-byte buffer
// boot-see: [smash] ksh-rt: stack smashing detected: stopping the domain
// boot-see: ksh: domain smash exited with status 125
// boot-see: [witness] DONE witness
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
system "stack_guard" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 60ms; cpu 0 { smash 20ms; intact 20ms; witness 20ms; } }
}
level low;
type t;
domain smash : native "stack_guard.elf" { memory 2M; type t; level low; }
domain intact : native "stack_guard.elf" { memory 2M; type t; level low; }
domain witness : native "hello.elf" { memory 2M; type t; level low; }
