#!/bin/bash
# TAP suite: what loader_linux writes really boots Linux. The host tool
# linux-loader-dump runs the loader on the image of `make linux-image`
# (512 MiB RAM); under QEMU TCG a Multiboot shim copies the written regions
# to their guest-physical addresses and enters the kernel with the loader's
# CR3, GDT, RIP and RSI (tests/linux/shim.S). The kernel must see our e820
# map and command line and reach the initramfs's ready marker.
cd "$(dirname "$0")/../.." || exit 1
b=${KSH_BUILD:-build}
img=$b/images/linux
echo "1..5"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if eval "$1"; then ok "$2"; else no "$2"; fi; }

t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
[ -n "${KSH_KEEP_LOG:-}" ] && trap 'cp "$t/serial.log" "$KSH_KEEP_LOG"; rm -rf "$t"' EXIT
# acpi=off: QEMU's firmware tables sit in RAM our e820 calls usable.
cmd="console=ttyS0 acpi=off ksh.run=cat%20/proc/cmdline ksh.after=shell"
if ! "$b/tests/linux-loader-dump" "$img/vmlinuz" "$img/initramfs.cpio.gz" \
	512 "$t" "$cmd" >"$t/out" 2>"$t/err"; then
	cat "$t/err" >&2
	for i in 1 2 3 4 5; do no "loader_linux refused the image"; done
	exit 0
fi
ok "loader_linux accepted vmlinuz + initramfs (512 MiB)"
mods=$(sed -n 's/^MODS=//p' "$t/out")
regs=$(sed -n 's/^REGS=//p' "$t/out")

log=$t/serial.log
t0=$(date +%s%N)
timeout 100 qemu-system-x86_64 -kernel "$b/fixtures/linux/shim.elf" \
	-initrd "$mods" -append "$regs" -nographic -cpu qemu64 -m 512 \
	-no-reboot -net none -monitor none >"$log" 2>&1 </dev/null &
pid=$!
ready=
while kill -0 "$pid" 2>/dev/null; do
	[ -z "$ready" ] && grep -q '^KSH-LINUX-READY' "$log" && ready=$(date +%s%N)
	grep -q '^KSH-RUN-END 1 ' "$log" && break
	sleep 0.05
done
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
out=$(tr -d '\r' <"$log")

check 'grep -q "shim: regions copied" <<<"$out"' \
	"shim entered the kernel with the loader's registers"
check 'grep -q "BIOS-e820: \[mem 0x0000000000000000-0x000000000009ffff\] usable" <<<"$out" &&
	grep -q "BIOS-e820: \[mem 0x00000000000a0000-0x00000000000fffff\] reserved" <<<"$out" &&
	grep -q "BIOS-e820: \[mem 0x0000000000100000-0x000000001fffffff\] usable" <<<"$out"' \
	"kernel reports the loader's e820 map"
check '[ -n "$ready" ]' "initramfs reached KSH-LINUX-READY"
[ -n "$ready" ] && printf '# loader boot to marker %d.%02d s (QEMU TCG, shim)\n' \
	$(((ready - t0) / 1000000000)) $((((ready - t0) / 10000000) % 100))
check 'sed -n "/^KSH-RUN-BEGIN 1\$/,/^KSH-RUN-END 1 /p" <<<"$out" | grep -qxF "$cmd"' \
	"/proc/cmdline is the loader's command line"
[ -n "$ready" ] || tail -n 30 "$log" >&2
exit 0
