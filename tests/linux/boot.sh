#!/bin/bash
# TAP suite: the Linux guest image (images/linux/) boots under plain QEMU
# TCG straight from -kernel/-initrd, loads its modules, prints the ready
# marker and runs ksh.run= commands (percent-decoded), then powers off.
# Prints the boot-to-marker wall time as a TAP comment.
cd "$(dirname "$0")/../.." || exit 1
b=${KSH_BUILD:-build}/images/linux
echo "1..6"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { if eval "$1"; then ok "$2"; else no "$2"; fi; }

if [ ! -f "$b/vmlinuz" ] || [ ! -f "$b/initramfs.cpio.gz" ]; then
	for i in 1 2 3 4 5 6; do no "image missing: run make linux-image"; done
	exit 0
fi
release=$(cat "$b/kernel-release")
# Boot protocol: "HdrS" at 0x202 (Documentation/arch/x86/boot.rst).
check '[ "$(dd if="$b/vmlinuz" bs=1 skip=514 count=4 2>/dev/null)" = HdrS ]' \
	"vmlinuz is a bzImage (HdrS)"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# %20 space, %25 '%', %3B ';': the last command prints "a%b" then fails.
append="console=ttyS0 ksh.run=uname%20-r ksh.run=lsmod"
append="$append ksh.run=echo%20a%25b%3Bfalse ksh.after=poweroff"
t0=$(date +%s%N)
timeout 170 qemu-system-x86_64 -kernel "$b/vmlinuz" \
	-initrd "$b/initramfs.cpio.gz" -append "$append" \
	-nographic -cpu qemu64 -m 512 -no-reboot -net none -monitor none \
	>"$log" 2>&1 </dev/null &
pid=$!
ready=
while kill -0 "$pid" 2>/dev/null; do
	if [ -z "$ready" ] && grep -q '^KSH-LINUX-READY' "$log"; then
		ready=$(date +%s%N)
	fi
	sleep 0.05
done
wait "$pid"
rc=$?
if [ -z "$ready" ] && grep -q '^KSH-LINUX-READY' "$log"; then
	ready=$(date +%s%N)
fi
check '[ -n "$ready" ]' "ready marker KSH-LINUX-READY on ttyS0"
[ -n "$ready" ] && printf '# boot-to-marker %d.%02d s (QEMU TCG, -m 512)\n' \
	$(((ready - t0) / 1000000000)) $((((ready - t0) / 10000000) % 100))
out=$(tr -d '\r' <"$log")
run() { # output of ksh.run number $1
	printf '%s\n' "$out" | sed -n "/^KSH-RUN-BEGIN $1\$/,/^KSH-RUN-END $1 /p"
}
check 'run 1 | grep -qx "$release" && run 1 | grep -q "^KSH-RUN-END 1 rc=0"' \
	"ksh.run 1: uname -r is $release"
check 'for m in ne2k_pci 8390 ata_piix ahci uio_pci_generic; do run 2 | grep -q "^$m " || exit 1; done' \
	"guest driver modules loaded (lsmod)"
check 'run 3 | grep -qx "a%b" && run 3 | grep -q "^KSH-RUN-END 3 rc=1"' \
	"ksh.run 3: percent-decoding and exit status"
check '[ "$rc" -eq 0 ] && grep -q "reboot: Power down" "$log"' \
	"ksh.after=poweroff ends the run (qemu rc $rc)"
[ -n "$ready" ] || tail -n 40 "$log" >&2
exit 0
