#!/bin/bash
# make demo: compiles examples/hello.ksh into one UEFI image with kshc and
# boots it under QEMU (TCG, AMD SVM with nested paging, OVMF firmware),
# printing the hypervisor's and the domains' serial output as it comes.
# Succeeds when every domain has run to its end and the kernel has stopped
# the machine; fails on a timeout or anything else.
#
# Environment: KSH_BUILD (default build), DEMO_TIMEOUT (seconds, 300).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
build=${KSH_BUILD:-build}
out=$build/demo
timeout_s=${DEMO_TIMEOUT:-300}
mkdir -p "$out"

echo "== kshc examples/hello.ksh -o $out/hello.efi"
"$build/bin/kshc" examples/hello.ksh -L "$build/guests" -o "$out/hello.efi" \
	--print-digest || exit 1
ls -l "$out/hello.efi"

# An ESP (FAT, no partition table) holding the image as the removable-media
# boot path, and a fresh copy of the firmware variables.
rm -f "$out/esp.img"
truncate -s 16M "$out/esp.img"
mformat -i "$out/esp.img" :: &&
	mmd -i "$out/esp.img" ::/EFI ::/EFI/BOOT &&
	mcopy -i "$out/esp.img" "$out/hello.efi" ::/EFI/BOOT/BOOTX64.EFI || exit 1
cp /usr/share/OVMF/OVMF_VARS_4M.fd "$out/vars.fd"

echo "== booting under QEMU (SVM + NPT, OVMF); up to ${timeout_s}s"
# The kernel ends the run through isa-debug-exit (status (v << 1) | 1).
timeout -k 5 "$timeout_s" qemu-system-x86_64 -machine q35 -accel tcg \
	-cpu qemu64,+svm,+npt -m 512 -smp 1 -nographic -no-reboot -net none \
	-drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd \
	-drive if=pflash,format=raw,unit=1,file="$out/vars.fd" \
	-drive format=raw,file="$out/esp.img" \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 </dev/null |
	tr -d '\r' | tee "$out/serial.log" |
	grep --line-buffered -a '^ksh:\|^\['
rc=${PIPESTATUS[0]}

domains=$(grep -c '^domain ' examples/hello.ksh)
done_n=$(grep -ac '^ksh: domain .* exited with status 0' "$out/serial.log")
if [ "$rc" -eq 124 ]; then
	echo "demo: FAILED: no end after ${timeout_s}s (log: $out/serial.log)"
	exit 1
fi
if [ "$done_n" -ne "$domains" ] ||
	! grep -aq 'no domain left to run' "$out/serial.log"; then
	echo "demo: FAILED: $done_n of $domains domains finished" \
		"(QEMU status $rc; log: $out/serial.log)"
	exit 1
fi
if ! grep -aq '^\[hello_b\] hello_b received "greetings from hello_a"' \
	"$out/serial.log"; then
	echo "demo: FAILED: the greeting never crossed the channel" \
		"(log: $out/serial.log)"
	exit 1
fi
echo "demo: OK: $done_n of $domains domains ran to the end, and the" \
	"greeting crossed channel greet; log: $out/serial.log"
