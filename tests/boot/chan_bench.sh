#!/bin/bash
# Benchmark (make bench): boots tests/boot/chan_bench.ksh under QEMU SVM
# and prints its figures: message round trip between two native domains
# (bounded by the static schedule's major frame, 2 ms here), polling
# with yields against blocking receive (KSH_RECV_WAIT), with the
# hypercalls each round trip took; the send hypercall's cost;
# memory-channel copy bandwidth as a ratio to memcpy inside the same
# domain in the same run (write side and read side); and the ring
# library's throughput on that window as a ratio to memcpy of the same
# bytes (target 80 %). Under TCG these are emulation figures: compare
# ratios, not MB/s with hardware. Exit status 1 if the run did not
# complete.
. "$(dirname "$0")/chan_lib.sh"
L=$OUT/chan_bench.log
chan_image tests/boot/chan_bench.ksh chan_bench || {
	echo "chan_bench: image build failed ($OUT/chan_bench/build.log)" >&2
	exit 1
}
rc=$(chan_boot chan_bench "${KSH_BOOT_TIMEOUT:-240}")
grep -a 'BENCH' "$L" | sed 's/^\[[a-z]*\] /chan_bench: /'
for side in write read; do
	pct=$(grep -ao "BENCH ring_$side .*ratio_pct=[0-9]*" "$L" | sed 's/.*=//')
	[ -n "$pct" ] || continue
	verdict="meets"
	[ "$pct" -ge 80 ] || verdict="misses"
	echo "chan_bench: ring $side at $pct % of memcpy: $verdict the 80 % target"
done
has "$L" "[bping] BENCH PING DONE failures=0" && has "$L" "[bpong] BENCH PONG DONE failures=0" || {
	echo "chan_bench: run incomplete (qemu status $rc, log $L)" >&2
	exit 1
}
