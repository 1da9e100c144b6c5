// A domain that turns interrupts off and spins forever keeps only its own
// minor frame: the host timer preempts it (INTR intercept), the other
// domain runs to its end, and the spinner is given its frames back (it is
// preempted, not stopped): after the worker's exit it still reports the
// preemptions it saw (tests/guests/spinner.c). The run is stopped once
// that report follows the worker's exit.
// boot-until: ksh: domain worker exited with status 0
// boot-until: [spin] SPIN preempted
// boot-see: [spin] SPIN start
// boot-expect: [worker] hello from worker 4
// boot-expect: [worker] DONE worker
// boot-expect: ksh: domain worker exited with status 0
// boot-expect: [spin] SPIN preempted
// boot-reject: ksh: domain spin stopped
// boot-reject: ksh: domain spin exited
// boot-reject: SPIN escaped
// boot-reject: PANIC
system "spinner" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 40ms; cpu 0 { spin 20ms; worker 20ms; } }
}
level low;
type t;
domain spin : native "spinner.elf" { memory 2M; type t; level low; }
domain worker : native "hello.elf" { memory 2M; type t; level low; }
