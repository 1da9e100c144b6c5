#!/bin/bash
# `make bench` (Linux domain): time from starting QEMU to the initramfs's
# KSH-LINUX-READY line, for the same bzImage, initramfs and command line
# (examples/linux.ksh's, without its ksh.run= commands)
#   - under ksh: the image of examples/linux.ksh (OVMF, then ksh, then the
#     Linux domain on emulated devices, nested under TCG's SVM);
#   - directly in QEMU TCG: -kernel/-initrd (SeaBIOS), same CPU model;
# both in this run, on this machine, and their ratio; plus the exit counts
# by reason the kernel logs for the ksh boot. Under TCG every figure is
# the emulator's (and the machine's load's), not hardware's. Logs stay in
# $KSH_BUILD/bench/linux/.
set -u
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
out=$build/bench/linux
img=$build/images/linux
mkdir -p "$out"
cpu=qemu64,+svm,+npt
cmd="console=ttyS0 nolapic noapic acpi=off ksh.run=reboot%20-f"
sed -e "s|^\([[:space:]]*cmdline \).*|\1\"$cmd\";|" examples/linux.ksh \
	>"$out/linux.ksh"
"$build/bin/kshc" "$out/linux.ksh" -L "$img" --emit-c "$out/gen" >/dev/null &&
	KSH_KERNEL_LIB=$build/lib/libksh-kernel.a scripts/link-image.sh \
		"$out/linux.efi" "$out/gen/tables.c" "$out/gen/payloads.S" ||
	exit 1

ms() { date +%s%3N; }
# Waits for KSH-LINUX-READY in LOG while PID runs; prints the ms taken.
wait_ready() { # PID LOG START_MS
	while kill -0 "$1" 2>/dev/null; do
		grep -aq KSH-LINUX-READY "$2" && break
		sleep 0.1
	done
	if grep -aq KSH-LINUX-READY "$2"; then
		echo $(($(ms) - $3))
	else
		echo fail
	fi
}

: >"$out/ksh.log"
t0=$(ms)
tests/boot/qemu-boot.sh "$out/linux.efi" "$out/ksh.log" 600 "$cpu" \
	"ksh: no domain left" >/dev/null 2>&1 &
pid=$!
ksh_ms=$(wait_ready $pid "$out/ksh.log" "$t0")
wait $pid

: >"$out/direct.log"
t0=$(ms)
timeout 600 qemu-system-x86_64 -machine q35 -accel tcg -cpu "$cpu" -m 512 \
	-smp 1 -display none -no-reboot -net none -kernel "$img/vmlinuz" \
	-initrd "$img/initramfs.cpio.gz" -append "$cmd" \
	-serial file:"$out/direct.log" -monitor none </dev/null &
pid=$!
direct_ms=$(wait_ready $pid "$out/direct.log" "$t0")
kill $pid 2>/dev/null
wait $pid 2>/dev/null

echo "linux boot to KSH-LINUX-READY, QEMU TCG $cpu, same bzImage/initramfs/cmdline:"
echo "  under ksh (OVMF + ksh + domain): ${ksh_ms} ms"
echo "  direct (-kernel/-initrd):        ${direct_ms} ms"
if [ "$ksh_ms" != fail ] && [ "$direct_ms" != fail ]; then
	echo "  ratio ksh/direct: $(awk "BEGIN { printf \"%.2f\", $ksh_ms / $direct_ms }")"
fi
tr -d '\r' <"$out/ksh.log" | grep '^ksh: domain linux: [0-9]* ms, exits' |
	sed 's/^/  /'
uptime | sed 's/^/  machine load:/'
