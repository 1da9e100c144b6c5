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
run_out() { # output of ksh.run command N, without the domain prefix
	sed -n "/^\[linux\] KSH-RUN-BEGIN $1\$/,/^\[linux\] KSH-RUN-END $1 /p" \
		"$clean" | sed -e '1d' -e 's/^\[linux\] //'
}
grep -q '^ksh: virtualization backend: vmx' "$clean" &&
	grep -q '^\[linux\] KSH-LINUX-READY$' "$clean"
ok $? "on VMX, the stock kernel reaches its initramfs (KSH-LINUX-READY)"
rel=$(cat "$img/kernel-release" 2>/dev/null)
run_out 1 | grep -q "^Linux (none) ${rel:-none} .* x86_64 GNU/Linux\$" &&
	run_out 1 | grep -qx 'KSH-RUN-END 1 rc=0'
ok $? "uname -a names the kernel release of the image ($rel)"
[ "$(run_out 2)" = "42
KSH-RUN-END 2 rc=0" ]
ok $? "busybox arithmetic: echo \$((6*7)) gives 42"
[ "$(run_out 3)" = "KSH-RUN-END 3 rc=1" ]
ok $? "/proc/cpuinfo shows no apic, x2apic, mtrr, monitor, svm or vmx flag"
! grep -Ei 'Oops|BUG:|Call Trace|Kernel panic|unchecked MSR' "$clean" >&2
ok $? "no oops, BUG, call trace, panic or unchecked MSR access in the log"
grep -q '^ksh: domain linux stopped: the guest asked for a system reset' \
	"$clean" && grep -q '^\[linux\] .*reboot: Restarting system' "$clean"
ok $? "reboot -f reaches ksh as a reset request that stops the domain"
grep -q '^ksh: domain linux: [0-9]* ms, exits: .*io=[0-9]*.*interrupts injected [1-9]' \
	"$clean" && grep -q '^ksh: no domain left to run' "$clean"
ok $? "exit counts by reason logged; the machine stops after the domain"
grep '^ksh: domain linux: [0-9]* ms, exits' "$clean" | sed 's/^/# /'
grep -q KSH-LINUX-READY "$clean" || tail -n 30 "$clean" | sed 's/^/# /' >&2
exit 0
