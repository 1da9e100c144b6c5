// x87/SSE state is per vCPU: fpu_secret keeps a pattern in xmm0-xmm15,
// ST(0) and MXCSR while fpu_spy, in another domain, reads those registers
// on every slice and overwrites them. Without the kernel's FXSAVE/FXRSTOR
// switch (ksh/fpu.h) the spy sees the pattern and the secret sees the
// spy's values. The spy's first read also checks a fresh domain starts
// from the reset state.
// Evidence is the two guests' own register checks, in an order that
// makes them mean something: every one of the spy's slices came after
// the secret was loaded (the kernel's "FPU:" banner is printed at every
// boot, whatever the switch does, so it proves nothing).
// boot-expect: [secret] FPU-SECRET loaded
// boot-expect: [spy] FPU-SPY clean after 15 slices
// boot-see: ksh: mitigations: ibpb=unavailable bti=retpoline rsb=fill32 clear=none tsx=hidden exec2m=allowed x87ptr=scrub
// boot-see: [secret] FPU-SECRET intact after 40 rounds
// boot-see: ksh: domain spy exited with status 0
// boot-see: ksh: domain secret exited with status 0
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FPU-SPY leak
// boot-reject: FPU-SPY dirty
// boot-reject: FPU-SECRET corrupted
// boot-reject: PANIC
// boot-reject: FPU-SPY cpuid
// boot-timeout: 240
system "fpu_isolation" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { secret 20ms; spy 20ms; } }
}
level low;
type t;
domain secret : native "fpu_secret.elf" { memory 2M; type t; level low; }
domain spy : native "fpu_spy.elf" { memory 2M; type t; level low; }
