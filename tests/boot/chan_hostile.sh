#!/bin/bash
# TAP suite: tests/boot/chan_hostile.ksh under QEMU SVM. A message
# between two native domains arrives and is printed; every hostile
# channel call of chan_mallory is refused with its code and audited (an
# audit summary line on the console for each, and the records bob reads),
# while alice and bob keep running to their end.
. "$(dirname "$0")/chan_lib.sh"
tap_plan 14
L=$OUT/chan_hostile.log
chan_image tests/boot/chan_hostile.ksh chan_hostile
built=$?
tap_check $built "chan_hostile.ksh builds (log $OUT/chan_hostile/build.log)"
rc=skipped
[ $built -eq 0 ] && rc=$(chan_boot chan_hostile "${KSH_BOOT_TIMEOUT:-240}")
has "$L" "ksh: no domain left to run"
tap_check $? "the system runs to its end (qemu status $rc, log $L)"
has "$L" "[bob] BOB got greet: hello 0 from alice" &&
	has "$L" "[bob] BOB got greet: hello 2 from alice"
tap_check $? "alice's messages reach bob, in order, and bob prints them"
has "$L" "ksh: audit: denied mallory chan_send handle 7: EBADH"
tap_check $? "a channel not held: EBADH, audited"
has "$L" "ksh: audit: denied mallory chan_send session.secret in state closed: EPERM (no rule: default deny)" &&
	has "$L" "ksh: audit: denied mallory chan_recv session: EPERM (not the receiving end)"
tap_check $? "a method not granted, or the wrong end: EPERM, audited"
has "$L" "ksh: audit: denied mallory chan_send session.data in state closed: EPERM"
tap_check $? "the flow order broken: EPERM in state closed, audited"
has "$L" "ksh: audit: denied mallory chan_send session.open in state closed: EFAULT" &&
	has "$L" "ksh: audit: denied mallory chan_send handle 4294967295: EBADH"
tap_check $? "buffers outside mallory's memory or wrapping: EFAULT; 2^32 aliases: EBADH"
has "$L" "ksh: audit: denied mallory chan_send flood.spam: EAGAIN" &&
	has "$L" "ksh: audit: last denial repeated 40 more times"
tap_check $? "a flooded queue: EAGAIN to the sender, audited, repeats summed up"
has "$L" "[mallory] MALLORY DONE failures=0" &&
	! grep -a '^\[mallory\] FAIL' "$L" >&2
tap_check $? "mallory saw each refusal code it expected"
has "$L" "[bob] PASS audit-eagain" &&
	has "$L" "[bob] BOB audit records=" && has "$L" "[bob] PASS audit-ebadh"
tap_check $? "bob (audit reader) reads every refusal back from the audit ring"
has "$L" "[bob] PASS flood-kept"
tap_check $? "the messages the flooded queue accepted are all delivered"
has "$L" "[bob] BOB DONE failures=0" && has "$L" "[alice] ALICE DONE failures=0" &&
	! grep -a '^\[\(alice\|bob\)\] FAIL' "$L" >&2
tap_check $? "alice and bob pass all their checks"
has "$L" "[mallory] PASS board-read" &&
	has "$L" "ksh: domain mallory stopped: violation: memory access outside its grants: write gpa 80000000 (mapped without that right)" &&
	! log_any "$L" "FAIL board-write"
tap_check $? "a write to a read-only channel mapping: mallory stopped by nested paging"
# bob finishes only after mallory's session close, which follows all its
# attacks (mallory's own DONE line may come later: it can lose the CPU
# right after the close).
before "$L" "ksh: audit: denied mallory chan_send flood.spam: EAGAIN" \
	"[bob] BOB DONE" &&
	has "$L" "ksh: domain bob exited with status 0" &&
	has "$L" "ksh: domain alice exited with status 0" &&
	[ "$(grep -ac 'stopped:' "$L")" -eq 1 ]
tap_check $? "the other domains keep running after the attacks; only mallory stopped"
tap_done
