#!/bin/bash
# Boots one UEFI image under QEMU TCG with OVMF and writes the serial log:
#
#   tests/boot/qemu-boot.sh IMAGE.efi LOG [TIMEOUT_S] [CPU] [UNTIL]
#
# CPU defaults to qemu64,+svm,+npt (AMD SVM with nested paging, emulated by
# TCG). The ESP is a FAT image made with mtools
# and the firmware variables a fresh copy per run. The run ends when QEMU
# exits (the kernel stops the machine through isa-debug-exit, which gives
# status (code << 1) | 1), when the lines UNTIL names have appeared (for
# systems that never stop, e.g. with a domain spinning forever: status 0;
# UNTIL holds one text per line, matched in order as tests/lib/log.sh
# matches evidence), or after TIMEOUT_S seconds (default 60; status 124):
# an image that returns to the firmware would otherwise sit in its menu
# forever.
set -u
# shellcheck source=tests/lib/log.sh
source "$(dirname "$0")/../lib/log.sh"
img=$1 log=$2 tmo=${3:-60} cpu=${4:-qemu64,+svm,+npt} until=${5:-}
code=/usr/share/OVMF/OVMF_CODE_4M.fd
vars=/usr/share/OVMF/OVMF_VARS_4M.fd
work=$(mktemp -d)
qpid=
cleanup() {
	[ -n "$qpid" ] && kill "$qpid" 2>/dev/null && wait "$qpid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
cp "$vars" "$work/vars.fd"
# 32 MiB FAT16 (FAT32 needs more clusters than that).
if ! mformat -i "$work/esp.img" -C -T 65536 -h 2 -s 32 :: ||
	! mmd -i "$work/esp.img" ::/EFI ::/EFI/BOOT ||
	! mcopy -i "$work/esp.img" "$img" ::/EFI/BOOT/BOOTX64.EFI; then
	echo "qemu-boot: cannot build the ESP image" >&2
	exit 2
fi
: >"$log"
qemu-system-x86_64 -machine q35 -accel tcg -cpu "$cpu" \
	-m 512 -smp 1 -display none -no-reboot -net none \
	-drive if=pflash,format=raw,unit=0,readonly=on,file=$code \
	-drive if=pflash,format=raw,unit=1,file="$work/vars.fd" \
	-drive format=raw,file="$work/esp.img" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-serial file:"$log" -monitor none </dev/null &
qpid=$!
start=$SECONDS
while kill -0 "$qpid" 2>/dev/null; do
	if [ -n "$until" ] && mapfile -t wants <<<"$until" &&
		log_in_order "$log" "${wants[@]}"; then
		sleep 0.5 # let the lines after it reach the log
		exit 0
	fi
	if [ $((SECONDS - start)) -ge "$tmo" ]; then
		echo "qemu-boot: timed out after ${tmo}s" >>"$log"
		exit 124
	fi
	sleep 0.2
done
wait "$qpid"
rc=$?
qpid=
exit $rc
