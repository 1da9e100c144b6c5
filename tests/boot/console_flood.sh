#!/bin/bash
# TAP suite: console output cannot starve other domains, and guest-caused
# log lines are rate-limited (kernel/core/console_out.c), under QEMU SVM.
#
# console_flood.ksh: "flood" writes 4096 bytes a call for 3.5 s while
# "beat", in the other half of each 20 ms major frame, counts its frames
# and the time it ran in them for 3 s. Before output was queued, each
# write went out byte by byte with interrupts off and ran over beat's
# frames. Checked: beat gets at least BEAT_MIN_PCT % of the frames the
# plan gives it (a loose bound: see below), its heartbeat lines all appear
# in order while the flood goes on, the flood's lines go out whole and its
# excess is dropped with a count line, and both domains end.
#
# console_deny.ksh: "deny" alternates two refused channel calls 2000
# times; its "audit: denied" lines stop after the burst and a count of
# the suppressed ones is printed, while "witness" runs to its end.
. "$(dirname "$0")/chan_lib.sh"
BEAT_MIN_PCT=${KSH_BEAT_MIN_PCT:-50}
MAJOR_MS=20
echo "1..7"

chan_image tests/boot/console_flood.ksh console_flood
built=$?
rc=skipped
[ $built -eq 0 ] && rc=$(chan_boot console_flood "${KSH_BOOT_TIMEOUT:-300}")
L=$OUT/console_flood.log
has "$L" "ksh: domain beat exited with status 0" &&
	has "$L" "ksh: domain flood exited with status 0" &&
	has "$L" "ksh: no domain left to run"
ok $? "flood and beat both run to their end (qemu status $rc, log $L)"

# BEAT DONE frames=F ran_ms=R elapsed_ms=E: F of E/MAJOR_MS frames, and
# R of E/2 ms (beat's half of the plan).
done_line=$(grep -a '^\[beat\] BEAT DONE' "$L" | head -n 1)
read -r frames ran elapsed < <(echo "$done_line" |
	sed -n 's/.*frames=\([0-9]*\) ran_ms=\([0-9]*\) elapsed_ms=\([0-9]*\).*/\1 \2 \3/p')
if [ -n "${frames:-}" ] && [ "${elapsed:-0}" -gt 0 ]; then
	want=$((elapsed / MAJOR_MS))
	# The time share is a figure, not a check: under TCG on a shared
	# host the emulator loses the CPU for whole frames (a run with a
	# silent neighbour measured 82 % of the frames, 28 % of the time).
	# The >= 95 % share is shown against a simulated UART in
	# tests/unit/test_console_out.c.
	echo "# beat: $frames of $want frames, ran $ran of $((elapsed / 2)) ms" \
		"(figure only)"
	[ $((100 * frames)) -ge $((BEAT_MIN_PCT * want)) ]
	ok $? "beat gets >= $BEAT_MIN_PCT % of its frames beside the flood ($frames of $want)"
else
	ok 1 "beat gets its frames (no BEAT DONE line)"
	show "$L"
fi

# Heartbeats every 10 frames (200 ms), in order, none lost.
beats=$(grep -a '^\[beat\] BEAT [0-9]' "$L" | sed 's/.*BEAT \([0-9]*\) .*/\1/')
n_beats=$(echo "$beats" | grep -c .)
expect=$(seq 10 10 $((${frames:-0} - 1)) | tr '\n' ' ')
[ "$n_beats" -ge 10 ] && [ "$(echo $beats)" = "$(echo $expect)" ]
ok $? "beat's heartbeats all arrive, in order ($n_beats lines)"

has "$L" "[flood] FLOOD DONE calls=" &&
	grep -aq '^ksh: \[flood\] console: [0-9]* bytes dropped (output faster than the serial line)$' "$L" &&
	grep -aq '^\[flood\] aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa$' "$L"
ok $? "the flood's lines go out whole, its excess is dropped with a count line"

chan_image tests/boot/console_deny.ksh console_deny
built=$?
rc=skipped
[ $built -eq 0 ] && rc=$(chan_boot console_deny "${KSH_BOOT_TIMEOUT:-300}")
D=$OUT/console_deny.log
has "$D" "[deny] DENY DONE calls=2000 ebadh=2000" &&
	has "$D" "ksh: domain deny exited with status 0" &&
	has "$D" "[witness] DONE witness" &&
	has "$D" "ksh: no domain left to run"
ok $? "deny's 2000 alternating calls are refused, witness runs to its end (qemu status $rc, log $D)"
n_denied=$(grep -ac '^ksh: audit: denied deny chan_send handle' "$D")
echo "# deny: $n_denied denial lines printed for 2000 refusals"
[ "$n_denied" -ge 20 ] && [ "$n_denied" -le 200 ]
ok $? "alternating denials are rate-limited ($n_denied lines for 2000)"
grep -aq '^ksh: audit: \[deny\] [0-9]* log lines suppressed (the audit ring has every record)$' "$D"
ok $? "the count of suppressed denial lines is printed"
