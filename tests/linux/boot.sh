#!/bin/bash
# TAP suite: the Linux guest image (images/linux/) boots under plain QEMU
# TCG straight from -kernel/-initrd, loads its modules, prints the ready
# marker and runs ksh.run= commands (percent-decoded), then powers off.
# Prints the boot-to-marker wall time as a TAP comment.
source "$(dirname "$0")/../lib/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
b=${KSH_BUILD:-build}/images/linux
tap_plan 6

if [ ! -f "$b/vmlinuz" ] || [ ! -f "$b/initramfs.cpio.gz" ]; then
	for i in 1 2 3 4 5 6; do tap_fail "image missing: run make linux-image"; done
	exit 0
fi
release=$(cat "$b/kernel-release")
# Boot protocol: "HdrS" at 0x202 (Documentation/arch/x86/boot.rst).
tap_eval '[ "$(dd if="$b/vmlinuz" bs=1 skip=514 count=4 2>/dev/null)" = HdrS ]' \
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
tap_eval '[ -n "$ready" ]' "ready marker KSH-LINUX-READY on ttyS0"
[ -n "$ready" ] && printf '# boot-to-marker %d.%02d s (QEMU TCG, -m 512)\n' \
	$(((ready - t0) / 1000000000)) $((((ready - t0) / 10000000) % 100))
out=$(tr -d '\r' <"$log")
run() { # output of ksh.run number $1
	printf '%s\n' "$out" | sed -n "/^KSH-RUN-BEGIN $1\$/,/^KSH-RUN-END $1 /p"
}
tap_eval 'run 1 | grep -qx "$release" && run 1 | grep -q "^KSH-RUN-END 1 rc=0"' \
	"ksh.run 1: uname -r is $release"
tap_eval 'for m in ne2k_pci 8390 ata_piix ahci uio_pci_generic; do run 2 | grep -q "^$m " || exit 1; done' \
	"guest driver modules loaded (lsmod)"
tap_eval 'run 3 | grep -qx "a%b" && run 3 | grep -q "^KSH-RUN-END 3 rc=1"' \
	"ksh.run 3: percent-decoding and exit status"
tap_eval '[ "$rc" -eq 0 ] && grep -q "reboot: Power down" "$log"' \
	"ksh.after=poweroff ends the run (qemu rc $rc)"
[ -n "$ready" ] || tail -n 40 "$log" >&2
tap_done
