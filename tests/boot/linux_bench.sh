#!/bin/bash
# `make bench` (Linux domain): time from starting QEMU to the initramfs's
# KSH-LINUX-READY line, for the same bzImage, initramfs and command line
# (examples/linux.ksh's, without its ksh.run= commands)
#   - under ksh: the image of examples/linux.ksh (OVMF, then ksh, then the
#     Linux domain on emulated devices, nested under TCG's SVM);
#   - directly in QEMU TCG: -kernel/-initrd (SeaBIOS), same CPU model;
# both in this run, on this machine, and their ratio; plus the exit counts
# by reason the kernel logs for the ksh boot. The ksh boot is split into
# phases by polling its serial log: OVMF until it starts the image, ksh's
# start-up (table checks, payload SHA-256, loading), the Linux domain. The
# issue's measure starts at the image (firmware is not ours and OVMF under
# TCG alone takes 7-18 s here, the most variable part); the ratio from
# QEMU start is printed too. Under TCG every figure is
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
# Polls LOG every 50 ms while PID runs and prints, space-separated, the ms
# from START_MS at which each PATTERN first appeared ("fail" if never).
marks() { # PID LOG START_MS PATTERN...
	local pid=$1 log=$2 t0=$3 i
	shift 3
	local -a pat=("$@") at=()
	for i in "${!pat[@]}"; do at[i]=fail; done
	while :; do
		local left=0
		for i in "${!pat[@]}"; do
			if [ "${at[i]}" = fail ]; then
				if grep -aq -- "${pat[i]}" "$log"; then
					at[i]=$(($(ms) - t0))
				else
					left=1
				fi
			fi
		done
		[ $left = 0 ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	echo "${at[@]}"
}

: >"$out/ksh.log"
t0=$(ms)
tests/boot/qemu-boot.sh "$out/linux.efi" "$out/ksh.log" 600 "$cpu" \
	"ksh: no domain left" >/dev/null 2>&1 &
pid=$!
# image started by the firmware; the Linux domain entered; ready marker
read -r img_ms dom_ms ksh_ms < <(marks $pid "$out/ksh.log" "$t0" \
	'ksh: microhypervisor starting' 'ksh: schedule:' KSH-LINUX-READY)
wait $pid

: >"$out/direct.log"
t0=$(ms)
timeout 600 qemu-system-x86_64 -machine q35 -accel tcg -cpu "$cpu" -m 512 \
	-smp 1 -display none -no-reboot -net none -kernel "$img/vmlinuz" \
	-initrd "$img/initramfs.cpio.gz" -append "$cmd" \
	-serial file:"$out/direct.log" -monitor none </dev/null &
pid=$!
read -r direct_ms < <(marks $pid "$out/direct.log" "$t0" KSH-LINUX-READY)
kill $pid 2>/dev/null
wait $pid 2>/dev/null

ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
echo "linux boot to KSH-LINUX-READY, QEMU TCG $cpu, same bzImage/initramfs/cmdline:"
echo "  direct (-kernel/-initrd, SeaBIOS included):   ${direct_ms} ms"
echo "  under ksh, from QEMU start (OVMF included):   ${ksh_ms} ms"
echo "    OVMF until it starts the image:             ${img_ms} ms"
echo "    ksh start-up (tables, digests, devices):    ${img_ms}..${dom_ms} ms"
case "$ksh_ms $direct_ms $img_ms" in
*fail*) echo "  ratio: not measured (a boot did not reach its marker)" ;;
*)
	echo "  ratio ksh/direct, image start to ready (the target's measure): $(ratio $((ksh_ms - img_ms)) "$direct_ms")"
	echo "  ratio ksh/direct, QEMU start to ready (OVMF counted too):     $(ratio "$ksh_ms" "$direct_ms")"
	;;
esac
tr -d '\r' <"$out/ksh.log" | grep '^ksh: domain linux: [0-9]* ms, exits' |
	sed 's/^/  /'
uptime | sed 's/^/  machine load:/'
