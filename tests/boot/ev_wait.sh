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
echo "1..9"
L=$OUT/ev_wait.log
chan_image tests/boot/ev_wait.ksh ev_wait
built=$?
ok $built "ev_wait.ksh builds (log $OUT/ev_wait.build)"
rc=skipped
[ $built -eq 0 ] && rc=$(chan_boot ev_wait "${KSH_BOOT_TIMEOUT:-240}")
has "$L" "ksh: domain sender exited with status 0" &&
	has "$L" "[waiter] EVW DONE failures=0"
ok $? "the system runs to its end (qemu status $rc, log $L)"
# The waiter ends blocked for ever on an event only the exited sender
# could signal: the kernel stops rather than idle on.
has "$L" "ksh: no domain left to run: stopping" &&
	! has "$L" "ksh: domain waiter exited" && ! has "$L" "EVW FAIL woken"
ok $? "a domain blocked with no one left to wake it: the machine stops"
has "$L" "[waiter] PASS recv-one-call" && has "$L" "[waiter] PASS recv-blocked" &&
	has "$L" "[waiter] PASS recv-bytes"
ok $? "a blocked receiver is woken by the message, in one call"
has "$L" "[waiter] PASS event-one-call" && has "$L" "[waiter] PASS event-blocked" &&
	has "$L" "[waiter] PASS event-fired"
ok $? "a blocked event waiter is woken by the signal, in one call"
has "$L" "[waiter] PASS timeout-eagain" && has "$L" "[waiter] PASS timeout-not-early" &&
	has "$L" "[waiter] PASS poll-eagain"
ok $? "a wait times out with EAGAIN, not before its timeout; timeout 0 polls"
has "$L" "ksh: audit: denied waiter event_wait its events: EBADH" &&
	has "$L" "ksh: audit: denied waiter chan_recv handle 5: EBADH" &&
	has "$L" "ksh: audit: denied waiter chan_recv ready: EPERM (not the receiving end)" &&
	has "$L" "[waiter] PASS wait-sender-end"
ok $? "waits on an event or channel not held: refused, audited"
has "$L" "[sender] PASS frames-kept"
ok $? "a blocked domain's frames idle; the other domain gets no more time"
has "$L" "[waiter] EVW DONE failures=0" && has "$L" "[sender] EVS DONE failures=0" &&
	! grep -a '^\[\(waiter\|sender\)\] FAIL' "$L" >&2
ok $? "both domains pass all their checks"
[ $built -eq 0 ] && grep -a '^\[waiter\] EVW \|^\[sender\] EVS yields' "$L" | sed 's/^/# /'
exit 0
