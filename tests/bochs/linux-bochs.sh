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
source "$bochs_root/tests/lib/tap.sh"
out=$build/bochs-linux
img=$build/images/linux
tap_plan 9
boot_build "$bochs_root/examples/linux.ksh" "$out" "$img" &&
	[ -r "$img/vmlinuz" ] && [ -r "$img/initramfs.cpio.gz" ]
tap_check $? "examples/linux.ksh builds (needs make linux-image; log $out/build.log)"
[ -r "$out/image.efi" ] &&
	"$bochs_here/bochs-run.sh" -m corei7_skylake_x -e "$out/image.efi" \
		-d "$out/run" -M 512 -t "${KSH_BOCHS_LINUX_TIMEOUT:-6000}" \
		-u '^ksh: no domain left to run|^ksh: refusing to start|^ksh: PANIC' \
		>/dev/null 2>&1
echo "# Bochs start to machine stop: wall $(cat "$out/run/wall_ms.txt" 2>/dev/null || echo n/a) ms, Bochs CPU $(cat "$out/run/cpu_ms.txt" 2>/dev/null || echo n/a) ms"
clean=$out/serial.txt
tr -d '\r' <"$out/run/com1.txt" >"$clean" 2>/dev/null || : >"$clean"
log_has "$clean" "ksh: virtualization backend: vmx"
tap_check $? "the kernel runs on the VMX backend"
linux_example_checks "$clean" "$img" "on VMX, "
tap_done
