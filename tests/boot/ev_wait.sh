#!/bin/bash
# TAP suite: tests/boot/ev_wait.ksh under QEMU SVM. A native receiver
# blocks in CHAN_RECV (KSH_RECV_WAIT) and in EVENT_WAIT and is woken by
# the other domain's message and signal, each after exactly one
# hypercall (blocked, not polling) and no earlier than the sender
# answered; a wait with a timeout returns -KSH_EAGAIN once it passes;
# waits on an event or channel not held are refused and audited; the
# blocked domain's frames idle instead of going to the other domain; a
# domain blocked for ever with no one left to wake it stops the machine.
. "$(dirname "$0")/chan_lib.sh"
tap_plan 9
L=$OUT/ev_wait.log
chan_image tests/boot/ev_wait.ksh ev_wait
built=$?
tap_check $built "ev_wait.ksh builds (log $OUT/ev_wait/build.log)"
rc=skipped
[ $built -eq 0 ] && rc=$(chan_boot ev_wait "${KSH_BOOT_TIMEOUT:-240}")
has "$L" "ksh: domain sender exited with status 0" &&
	has "$L" "[waiter] EVW DONE failures=0"
tap_check $? "the system runs to its end (qemu status $rc, log $L)"
# The waiter ends blocked for ever on an event only the exited sender
# could signal: the kernel stops rather than idle on.
has "$L" "ksh: no domain left to run: stopping" &&
	! log_any "$L" "ksh: domain waiter exited" && ! log_any "$L" "EVW FAIL woken"
tap_check $? "a domain blocked with no one left to wake it: the machine stops"
has "$L" "[waiter] PASS recv-one-call" && has "$L" "[waiter] PASS recv-blocked" &&
	has "$L" "[waiter] PASS recv-bytes"
tap_check $? "a blocked receiver is woken by the message, in one call"
has "$L" "[waiter] PASS event-one-call" && has "$L" "[waiter] PASS event-blocked" &&
	has "$L" "[waiter] PASS event-fired"
tap_check $? "a blocked event waiter is woken by the signal, in one call"
has "$L" "[waiter] PASS timeout-eagain" && has "$L" "[waiter] PASS timeout-not-early" &&
	has "$L" "[waiter] PASS poll-eagain"
tap_check $? "a wait times out with EAGAIN, not before its timeout; timeout 0 polls"
has "$L" "ksh: audit: denied waiter event_wait its events: EBADH" &&
	has "$L" "ksh: audit: denied waiter chan_recv handle 5: EBADH" &&
	has "$L" "ksh: audit: denied waiter chan_recv ready: EPERM (not the receiving end)" &&
	has "$L" "[waiter] PASS wait-sender-end"
tap_check $? "waits on an event or channel not held: refused, audited"
has "$L" "[sender] PASS frames-kept"
tap_check $? "a blocked domain's frames idle; the other domain gets no more time"
has "$L" "[waiter] EVW DONE failures=0" && has "$L" "[sender] EVS DONE failures=0" &&
	! grep -a '^\[\(waiter\|sender\)\] FAIL' "$L" >&2
tap_check $? "both domains pass all their checks"
[ $built -eq 0 ] && grep -a '^\[waiter\] EVW \|^\[sender\] EVS yields' "$L" | sed 's/^/# /'
tap_done
