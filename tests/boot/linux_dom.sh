#!/bin/bash
# TAP suite: a Linux domain under ksh (QEMU TCG, AMD SVM + NPT, OVMF).
# examples/linux.ksh runs Debian's stock bzImage and the initramfs of
# `make linux-image` on the emulated PC devices (kernel/vm/linux_dom.c):
# the kernel must reach its initramfs, run the ksh.run= commands with the
# right output, hide what CPUID must hide, print no oops, and its reboot
# must come back to ksh as a reset request that stops the domain, with
# the exit counts logged.
cd "$(dirname "$0")/../.." || exit 1
source tests/boot/linux_checks.sh
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
linux_example_checks "$clean" "$img"

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
