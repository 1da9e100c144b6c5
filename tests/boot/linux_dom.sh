#!/bin/bash
# TAP suite: a Linux domain under ksh (QEMU TCG, AMD SVM + NPT, OVMF).
# examples/linux.ksh runs Debian's stock bzImage and the initramfs of
# `make linux-image` on the emulated PC devices (kernel/vm/linux_dom.c):
# the kernel must reach its initramfs, run the ksh.run= commands with the
# right output, hide what CPUID must hide, print no oops, and its reboot
# must come back to ksh as a reset request that stops the domain, with
# the exit counts logged.
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/boot.sh"
source "$ROOT/tests/boot/linux_checks.sh"
cd "$ROOT" || exit 1
out=$BUILD/boot-tests/linux_dom
img=$BUILD/images/linux
mkdir -p "$out"
tap_plan 9
boot_build examples/linux.ksh "$out/gen" "$img"
tap_check $? "examples/linux.ksh builds (log $out/gen/build.log)"
start=$SECONDS
# A stock kernel under TCG: about 80 s alone, several minutes when other
# emulators share the two cores.
clean=$out/serial.txt
boot_qemu "$out/gen/image.efi" "$clean" "${KSH_LINUX_TIMEOUT:-420}"
rc=$?
echo "# QEMU start to machine stop: $((SECONDS - start)) s (status $rc)"
linux_example_checks "$clean" "$img"

# A device the Linux domain cannot have (a UART decoding 16 ports) is
# refused by name before the domain starts; the machine then stops.
sed -e 's/device uart com1 { port 0x3f8; irq 4; }/device uart com1 { port 0x3f8 count 16; irq 4; }/' \
	examples/linux.ksh >"$out/bad.ksh"
rm -f "$out/bad.log"
blog=$out/bad.log
boot_build "$out/bad.ksh" "$out/bad" "$img" &&
	boot_qemu "$out/bad/image.efi" "$blog" 240 "" "ksh: no domain left"
log_has "$blog" "ksh: domain linux not started: uart com1 needs 8 ports" &&
	! log_any "$blog" "[linux]"
tap_check $? "a UART with 16 ports is refused by name; the domain never runs"
tap_done
