// Two native domains, half the major frame each: their lines alternate as
// the schedule says (each hello yields after a line, so every minor frame
// shows exactly one line of its domain).
// boot-expect: ksh: schedule: 2 minor frames in a 200000 us major frame
// boot-expect: [alpha] hello from alpha 0
// boot-expect: [beta] hello from beta 0
// boot-expect: [alpha] hello from alpha 1
// boot-expect: [beta] hello from beta 1
// boot-expect: [alpha] hello from alpha 2
// boot-expect: [beta] hello from beta 2
// boot-expect: [alpha] hello from alpha 3
// boot-expect: [beta] hello from beta 3
// boot-expect: [alpha] hello from alpha 4
// boot-expect: [beta] hello from beta 4
// boot-expect: [alpha] DONE alpha
// boot-expect: ksh: domain alpha exited with status 0
// boot-expect: [beta] DONE beta
// boot-expect: ksh: domain beta exited with status 0
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: PANIC
system "interleave" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 200ms; cpu 0 { alpha 100ms; beta 100ms; } }
}
level low;
type t;
domain alpha : native "hello.elf" { memory 2M; type t; level low; }
domain beta : native "hello.elf" { memory 2M; type t; level low; }
