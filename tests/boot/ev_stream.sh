#!/bin/bash
# TAP suite: tests/boot/ev_stream.ksh under QEMU SVM. 1 MiB streams from
# one native domain to another through a 64 KiB memory channel with the
# ring library (runtime/ring/ring.c): the reader, read-only at the nested
# level, checks every byte, loses nothing (its position goes back to the
# writer as credit), and blocks on the doorbell instead of polling.
. "$(dirname "$0")/chan_lib.sh"
tap_plan 5
L=$OUT/ev_stream.log
chan_image tests/boot/ev_stream.ksh ev_stream
built=$?
tap_check $built "ev_stream.ksh builds (log $OUT/ev_stream/build.log)"
rc=skipped
[ $built -eq 0 ] && rc=$(chan_boot ev_stream "${KSH_BOOT_TIMEOUT:-240}")
has "$L" "ksh: no domain left to run" &&
	has "$L" "ksh: domain producer exited with status 0" &&
	has "$L" "ksh: domain consumer exited with status 0"
tap_check $? "the system runs to its end, both domains exit 0 (qemu status $rc, log $L)"
has "$L" "[consumer] PASS all-bytes" && has "$L" "[consumer] PASS every-byte-right" &&
	has "$L" "[consumer] PASS nothing-lost" && has "$L" "[producer] PASS all-written"
tap_check $? "1 MiB arrives through the ring, every byte checked, nothing lost"
has "$L" "[consumer] PASS waits-bounded"
tap_check $? "the reader blocks on the doorbell: at most one wait per record"
has "$L" "[consumer] EVC DONE failures=0" && has "$L" "[producer] EVP DONE failures=0" &&
	! grep -a '^\[\(producer\|consumer\)\] FAIL' "$L" >&2
tap_check $? "both domains pass all their checks"
[ $built -eq 0 ] && grep -a '^\[consumer\] EVC \|^\[producer\] EVP ' "$L" | sed 's/^/# /'
tap_done
