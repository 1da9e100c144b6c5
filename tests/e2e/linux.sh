#!/bin/bash
# TAP suite: what loader_linux writes really boots Linux. loader-run loads
# the image of `make linux-image` (512 MiB RAM); the shim copies the
# written pages into QEMU's RAM and enters the kernel with the loader's
# CR3, GDT, RIP and RSI. The kernel must report our e820 map, see our
# command line and reach the initramfs's ready marker.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
tap_plan 5
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
img=$b/images/linux
# acpi=off: QEMU's firmware tables sit in RAM our e820 calls usable.
cmd="console=ttyS0 acpi=off ksh.run=cat%20/proc/cmdline ksh.after=shell"
if ! e2e_boot "$t/l" 170 '^KSH-RUN-END 1 ' linux "$img/vmlinuz" \
	"$img/initramfs.cpio.gz" 512 "$cmd"; then
	for i in 1 2 3 4 5; do tap_fail "loader_linux refused the image"; done
	exit 0
fi
tap_ok "loader_linux accepted vmlinuz + initramfs (512 MiB)"
log=$t/l/serial.log
tap_eval 'grep -qa "shim: regions copied, entering in long mode" "$log"' \
	"shim entered the kernel with the loader's registers"
tap_eval 'grep -q "BIOS-e820: \[mem 0x0000000000000000-0x000000000009ffff\] usable" "$log" &&
	grep -q "BIOS-e820: \[mem 0x00000000000a0000-0x00000000000fffff\] reserved" "$log" &&
	grep -q "BIOS-e820: \[mem 0x0000000000100000-0x000000001fffffff\] usable" "$log"' \
	"kernel reports the loader's e820 map"
tap_eval 'grep -q "^KSH-LINUX-READY" "$log"' "initramfs reached KSH-LINUX-READY"
tap_eval 'sed -n "/^KSH-RUN-BEGIN 1\$/,/^KSH-RUN-END 1 /p" "$log" | grep -qxF "$cmd"' \
	"/proc/cmdline is the loader's command line"
ms=$(cat "$t/l/ms")
[ -n "$ms" ] && echo "# loader_linux + shim: QEMU start to ksh.run done ${ms} ms"
grep -q "^KSH-LINUX-READY" "$log" || tail -n 30 "$log" >&2
tap_done
