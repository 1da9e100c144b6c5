#!/bin/bash
# TAP suite: tests/kshchan/ring_linux.ksh under QEMU SVM. A native writer
# (ev_producer) streams records through the ring library into a memory
# channel; the Linux reader takes the first three with `kshchan ring-read`
# through its channel device (window BAR2 mapped read-only, doorbell on
# STATUS EVENT), and they must be byte for byte the writer's records
# (lengths and bytes of tests/guests/ev_stream.h).
. "$(dirname "$0")/../boot/chan_lib.sh"
tap_plan 3
L=$OUT/ring_linux.log
chan_image tests/kshchan/ring_linux.ksh ring_linux "$BUILD/images/linux"
built=$?
tap_check $built "tests/kshchan/ring_linux.ksh builds (log $OUT/ring_linux/build.log)"
st=skipped
start=$SECONDS
[ $built -eq 0 ] && st=$(chan_boot_until ring_linux \
	"${KSH_LINUX_TIMEOUT:-480}" "[linux] KSH-RUN-END 2 ")
# The machine stops by itself (status 1) once Linux reboots and the
# writer waits for credit that never comes.
echo "# QEMU start to the reader's end: $((SECONDS - start)) s ($st)"
run_out() {
	grep -a '^\[linux\] ' "$L" | sed -e 's/^\[linux\] //' |
		sed -n "/^KSH-RUN-BEGIN $1\$/,/^KSH-RUN-END $1 /p" | sed '1d'
}
run_out 1 | grep -q ' pipe device=pipedev kind=memory role=reader max=65536 methods=$'
tap_check $? "kshchan list: the memory channel's reading end ($st, log $L)"

# The writer's first three records: record k has 1 + 389k % 3000 bytes,
# stream byte `off` is (off * 2654435761) >> 13, low 8 bits.
# The console splits long lines, so the hex is compared joined: the
# stream is continuous across records, so order and content both count.
want=
off=0
for k in 0 1 2; do
	for ((i = 0; i < 1 + (k * 389) % 3000; i++)); do
		want=$want$(printf '%02x' $(((off * 2654435761) >> 13 & 255)))
		off=$((off + 1))
	done
done
got=$(run_out 2 | grep -v '^KSH-RUN-END' | tr -d '\n')
[ "$got" = "$want" ] && [ ${#got} -eq $((2 * off)) ] &&
	run_out 2 | grep -q '^KSH-RUN-END 2 rc=0'
r=$?
tap_check $r "kshchan ring-read: three records ($off bytes), byte for byte the writer's"
[ $r -ne 0 ] && show "$L"
tap_done
