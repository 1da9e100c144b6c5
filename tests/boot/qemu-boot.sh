#!/bin/sh
# Boots one UEFI image under QEMU TCG with OVMF and writes the serial log:
#
#   tests/boot/qemu-boot.sh IMAGE.efi LOG [TIMEOUT_S] [CPU]
#
# CPU defaults to qemu64,+svm,+npt (AMD SVM with nested paging, emulated by
# TCG; see shared notes/emulators.md). The ESP is a FAT image made with
# mtools; the firmware variables a fresh copy per run. The run is bounded
# by TIMEOUT_S (default 60): an image that returns to the firmware would
# otherwise sit in its menu forever. Exit status: QEMU's (isa-debug-exit
# gives (code << 1) | 1), or 124 on timeout.
set -u
img=$1 log=$2 tmo=${3:-60} cpu=${4:-qemu64,+svm,+npt}
code=/usr/share/OVMF/OVMF_CODE_4M.fd
vars=/usr/share/OVMF/OVMF_VARS_4M.fd
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$vars" "$work/vars.fd"
mformat -i "$work/esp.img" -C -T 65536 -h 2 -s 32 -F :: >/dev/null 2>&1 ||
	mformat -i "$work/esp.img" -C -t 64 -h 2 -s 32 :: >/dev/null
mmd -i "$work/esp.img" ::/EFI ::/EFI/BOOT
mcopy -i "$work/esp.img" "$img" ::/EFI/BOOT/BOOTX64.EFI
timeout -k 5 "$tmo" qemu-system-x86_64 -machine q35 -accel tcg -cpu "$cpu" \
	-m 512 -smp 1 -display none -no-reboot -net none \
	-drive if=pflash,format=raw,unit=0,readonly=on,file=$code \
	-drive if=pflash,format=raw,unit=1,file="$work/vars.fd" \
	-drive format=raw,file="$work/esp.img" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-serial file:"$log" -monitor none </dev/null
