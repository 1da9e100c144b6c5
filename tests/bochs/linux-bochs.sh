#!/bin/bash
# TAP suite: the stock Linux kernel in a Linux domain on Intel VT-x
# (Bochs corei7_skylake_x, VMX + EPT): examples/linux.ksh, the same image
# and checks as the QEMU/SVM suite (tests/boot/linux_dom.sh). Slow: about
# 220 s of Bochs CPU time to the machine's stop (measured: 644 s wall with
# other emulators running; 54 min at load 30), so the boot is bounded by
# KSH_BOCHS_LINUX_TIMEOUT (default 6000 s). Runs in make check-bochs, or
# alone with make check-bochs-linux. Prints the wall and Bochs CPU time.
set -u
source "$(dirname "$0")/lib.sh"
source "$bochs_root/tests/boot/linux_checks.sh"
out=$build/bochs-linux
img=$build/images/linux
n=0
ok() { # STATUS TEXT
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
echo "1..8"
rm -rf "$out" && mkdir -p "$out"
{ [ -r "$img/vmlinuz" ] && [ -r "$img/initramfs.cpio.gz" ] &&
	"$kshc" "$bochs_root/examples/linux.ksh" -L "$img" --emit-c "$out" &&
	KSH_KERNEL_LIB=$build/lib/libksh-kernel.a \
		"$bochs_root/scripts/link-image.sh" "$out/image.efi" \
		"$out/tables.c" "$out/payloads.S"; } >"$out/build.log" 2>&1
ok $? "examples/linux.ksh builds (needs make linux-image; log $out/build.log)"
[ -r "$out/image.efi" ] &&
	"$bochs_here/bochs-run.sh" -m corei7_skylake_x -e "$out/image.efi" \
		-d "$out/run" -M 512 -t "${KSH_BOCHS_LINUX_TIMEOUT:-6000}" \
		-u 'ksh: no domain left to run|ksh: refusing to start|PANIC' \
		>/dev/null 2>&1
echo "# Bochs start to machine stop: wall $(cat "$out/run/wall_ms.txt" 2>/dev/null || echo n/a) ms, Bochs CPU $(cat "$out/run/cpu_ms.txt" 2>/dev/null || echo n/a) ms"
clean=$out/serial.txt
tr -d '\r' <"$out/run/com1.txt" >"$clean" 2>/dev/null || : >"$clean"
grep -q '^ksh: virtualization backend: vmx' "$clean"
ok $? "the kernel runs on the VMX backend"
linux_example_checks "$clean" "$img" "on VMX, "
exit 0
