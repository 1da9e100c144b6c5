// Blocking waits (tests/boot/ev_wait.sh boots it): ev_waiter blocks in a
// receive and an event wait and is woken by ev_sender; a wait times out;
// waits on what it does not hold are refused and audited; last, it
// blocks for ever with no one left to wake it, and the kernel stops.
// Guests: tests/guests/ev_waiter.c, ev_sender.c. The directives below
// are for the Bochs run (tests/boot/ev_bochs.sh, VMX); ev_wait.sh checks
// the QEMU run line by line.
// boot-expect: [waiter] PASS recv-blocked
// boot-expect: [waiter] PASS event-blocked
// boot-expect: [waiter] PASS timeout-not-early
// boot-expect: ksh: audit: denied waiter event_wait its events: EBADH
// boot-expect: [waiter] EVW DONE failures=0
// boot-expect: ksh: domain sender exited with status 0
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: ksh: domain waiter exited
// boot-reject: FAIL
// boot-reject: PANIC

system "ev_wait" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule {
		major 4ms;
		cpu 0 { sender 2ms; waiter 2ms; }
	}
}

level low;
type ev_t;

domain waiter : native "ev_waiter.elf" {
	memory 2M; type ev_t; level low;
}

domain sender : native "ev_sender.elf" {
	memory 2M; type ev_t; level low;
}

channel req : message sender -> waiter {
	size 64;
	methods { hello(bytes); }
}

channel ready : message waiter -> sender {
	size 16;
	methods { step(bytes); }
}

event bell : sender -> waiter;

policy {
	allow ev_t ev_t : req { hello };
	allow ev_t ev_t : ready { step };
}
