#!/bin/bash
# TAP suite: a Linux domain under ksh (QEMU TCG, AMD SVM + NPT, OVMF).
# examples/linux.ksh runs Debian's stock bzImage and the initramfs of
# `make linux-image` on the emulated PC devices (kernel/core/linux_dom.c):
# the kernel must reach its initramfs, run the ksh.run= commands with the
# right output, hide what CPUID must hide, print no oops, and its reboot
# must come back to ksh as a reset request that stops the domain, with
# the exit counts logged.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
out=$build/boot-tests/linux_dom
img=$build/images/linux
mkdir -p "$out"
n=0
ok() { # STATUS TEXT
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
echo "1..9"
log=$out/serial.log
: >"$log"
{ "$build/bin/kshc" examples/linux.ksh -L "$img" --emit-c "$out/gen" &&
	KSH_KERNEL_LIB=$build/lib/libksh-kernel.a scripts/link-image.sh \
		"$out/image.efi" "$out/gen/tables.c" "$out/gen/payloads.S"; } \
	>"$out/build.log" 2>&1
ok $? "examples/linux.ksh builds (log $out/build.log)"
start=$SECONDS
# A stock kernel under TCG: about 80 s alone, several minutes when other
# emulators share the two cores.
[ -r "$out/image.efi" ] &&
	tests/boot/qemu-boot.sh "$out/image.efi" "$log" \
		"${KSH_LINUX_TIMEOUT:-420}" qemu64,+svm,+npt
rc=$?
echo "# QEMU start to machine stop: $((SECONDS - start)) s (status $rc)"
clean=$out/serial.txt
tr -d '\r' <"$log" >"$clean"
# The output of ksh.run command N, without the domain prefix.
run_out() {
	sed -n "/^\[linux\] KSH-RUN-BEGIN $1\$/,/^\[linux\] KSH-RUN-END $1 /p" \
		"$clean" | sed -e '1d' -e 's/^\[linux\] //'
}
grep -q '^\[linux\] KSH-LINUX-READY$' "$clean"
ok $? "the stock kernel reaches its initramfs (KSH-LINUX-READY)"
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

# A device the Linux domain cannot have (a UART decoding 16 ports) is
# refused by name before the domain starts; the machine then stops.
sed -e 's/device uart com1 { port 0x3f8; irq 4; }/device uart com1 { port 0x3f8 count 16; irq 4; }/' \
	examples/linux.ksh >"$out/bad.ksh"
blog=$out/bad.log
: >"$blog"
"$build/bin/kshc" "$out/bad.ksh" -L "$img" --emit-c "$out/bad" \
	>"$out/bad.build" 2>&1 &&
	KSH_KERNEL_LIB=$build/lib/libksh-kernel.a scripts/link-image.sh \
		"$out/bad.efi" "$out/bad/tables.c" "$out/bad/payloads.S" \
		>>"$out/bad.build" 2>&1 &&
	tests/boot/qemu-boot.sh "$out/bad.efi" "$blog" 240 qemu64,+svm,+npt \
		"ksh: no domain left"
tr -d '\r' <"$blog" | grep -q '^ksh: domain linux not started: uart com1 needs 8 ports' &&
	! grep -q '^\[linux\]' "$blog"
ok $? "a UART with 16 ports is refused by name; the domain never runs"
exit 0
