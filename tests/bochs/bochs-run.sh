#!/bin/bash
# Boots one EFI application under Bochs + OVMF and waits for a result.
#
#   bochs-run.sh -m MODEL -e APP.efi -d WORKDIR [-t TIMEOUT_S] [-u REGEX]
#                [-M MEGS]
#
# WORKDIR gets a FAT16 ESP image (EFI/BOOT/BOOTX64.EFI + startup.nsh),
# bochsrc.txt, com1.txt (the serial log), e9.txt (port 0xE9 output) and
# bochs.log. Bochs is stopped as soon as a line of com1.txt or e9.txt
# matches REGEX (default: a line starting with "KSH-DONE"), or when
# TIMEOUT_S seconds pass. Exit status: 0 when REGEX was seen, 124 on
# timeout, 2 on bad usage or a missing tool. Pass/fail is the caller's to
# decide from the log lines: Bochs's own exit status says nothing.
# Separate WORKDIRs may run in parallel.
set -u
here=$(cd "$(dirname "$0")" && pwd)
model= app= dir= tmo=60 until='^KSH-DONE' megs=256
while getopts m:e:d:t:u:M: o; do
	case $o in
	m) model=$OPTARG ;; e) app=$OPTARG ;; d) dir=$OPTARG ;;
	t) tmo=$OPTARG ;; u) until=$OPTARG ;; M) megs=$OPTARG ;;
	*) echo "usage: $0 -m MODEL -e APP.efi -d DIR [-t S] [-u REGEX] [-M MEGS]" >&2; exit 2 ;;
	esac
done
if [ -z "$model" ] || [ -z "$app" ] || [ -z "$dir" ]; then
	echo "$0: -m, -e and -d are required" >&2; exit 2
fi
rom=${KSH_BOCHS_ROM:-/usr/share/ovmf/OVMF.fd}
for f in "$app" "$rom"; do
	[ -r "$f" ] || { echo "$0: cannot read $f" >&2; exit 2; }
done
for t in bochs mformat mmd mcopy; do
	command -v $t >/dev/null || { echo "$0: $t not installed" >&2; exit 2; }
done

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# A run killed earlier leaves esp.img.lock behind, and Bochs refuses a
# locked image.
rm -f "$dir"/esp.img "$dir"/esp.img.lock "$dir"/com1.txt "$dir"/e9.txt "$dir"/bochs.log \
	"$dir"/cpu_ms.txt "$dir"/wall_ms.txt

# The ESP: plain FAT16, no partition table; OVMF's IDE driver finds it.
# startup.nsh covers the case where BDS falls back to the shell.
mformat -i "$dir/esp.img" -C -T 65536 -h 16 -s 32 -F ::  >/dev/null 2>&1 ||
	mformat -i "$dir/esp.img" -C -T 65536 -h 16 -s 32 :: || exit 2
mmd -i "$dir/esp.img" ::/EFI ::/EFI/BOOT || exit 2
mcopy -i "$dir/esp.img" "$app" ::/EFI/BOOT/BOOTX64.EFI || exit 2
printf 'fs0:\r\n\\EFI\\BOOT\\BOOTX64.EFI\r\n' >"$dir/startup.nsh"
mcopy -i "$dir/esp.img" "$dir/startup.nsh" ::/startup.nsh || exit 2

sed -e "s|@MODEL@|$model|" -e "s|@ROM@|$rom|" -e "s|@DISK@|$dir/esp.img|" \
	-e "s|@COM1@|$dir/com1.txt|" -e "s|@LOG@|$dir/bochs.log|" \
	-e "s|@MEGS@|$megs|" "$here/bochsrc.in" >"$dir/bochsrc.txt"
# Debian's Bochs has the debugger built in and stops before the first
# instruction: feed it "c". Later commands come from a FIFO on stdin: a
# "Shutdown" on port 0x8900, or a SIGINT from us, drops Bochs back into
# the debugger, and "quit" then makes it exit cleanly. Only a clean exit
# flushes com1.txt, which Bochs writes through a buffer.
echo c >"$dir/cont.rc"
rm -f "$dir/ctl"
mkfifo "$dir/ctl" || exit 2
exec 7<>"$dir/ctl"
: >"$dir/com1.txt"
: >"$dir/e9.txt"

start=$(date +%s%N)
# timeout(1) is only the safety net: the loop below stops Bochs cleanly
# at TIMEOUT_S so that the log of a hung run is complete too.
(
	cd "$dir" || exit 2
	exec timeout -k 5 $((tmo + 15)) bochs -q -f bochsrc.txt -rc cont.rc \
		<&7 >e9.txt 2>>bochs.log
) &
pid=$!
rc=124
deadline=$(($(date +%s) + tmo))
while kill -0 $pid 2>/dev/null && [ "$(date +%s)" -lt $deadline ]; do
	if grep -Eq "$until" "$dir/com1.txt" "$dir/e9.txt" 2>/dev/null; then
		rc=0
		# CPU time Bochs used up to the result line (utime + stime,
		# proc(5)): a figure far less at the mercy of machine load
		# than wall time.
		for b in $(pgrep -P $pid); do
			awk -v hz="$(getconf CLK_TCK)" \
				'{ printf "%d\n", ($14 + $15) * 1000 / hz }' \
				"/proc/$b/stat" >"$dir/cpu_ms.txt" 2>/dev/null
		done
		break
	fi
	sleep 0.2
done
# Stop it: into the debugger, then "quit"; TERM only if that fails.
if kill -0 $pid 2>/dev/null; then
	# $pid is timeout(1) (exec above): it passes INT and TERM on to
	# Bochs.
	kill -INT $pid 2>/dev/null
	echo quit >&7
	for _ in $(seq 50); do
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
	done
	kill -0 $pid 2>/dev/null && kill -TERM $pid 2>/dev/null
fi
wait $pid 2>/dev/null
exec 7>&-
# The whole line is there now.
grep -Eq "$until" "$dir/com1.txt" "$dir/e9.txt" 2>/dev/null && rc=0
end=$(date +%s%N)
ms=$(((end - start) / 1000000))
echo "bochs-run: model=$model rc=$rc wall=${ms}ms" >>"$dir/bochs.log"
echo "$ms" >"$dir/wall_ms.txt"
rm -f "$dir/esp.img.lock"
exit $rc
