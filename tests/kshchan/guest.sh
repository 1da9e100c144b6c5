#!/bin/bash
# TAP suite: the `kshchan` tool inside the Linux guest image. Boots the
# initramfs under plain QEMU TCG (no ksh, so no channel device): the
# static binary runs in busybox's world and says, by name and exit
# status, that there is no channel device (KSHCHAN_ENOCHAN, 17).
source "$(dirname "$0")/../lib/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
b=${KSH_BUILD:-build}/images/linux
tap_plan 3
if [ ! -f "$b/vmlinuz" ] || [ ! -f "$b/initramfs.cpio.gz" ]; then
	for _ in 1 2 3; do tap_fail "image missing: run make linux-image"; done
	exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
append="console=ttyS0 ksh.run=kshchan%20help ksh.run=kshchan%20list"
append="$append ksh.run=kshchan%20send%20crypto%20sign%20x ksh.after=poweroff"
timeout 170 qemu-system-x86_64 -kernel "$b/vmlinuz" \
	-initrd "$b/initramfs.cpio.gz" -append "$append" \
	-nographic -cpu qemu64 -m 256 -no-reboot -net none -monitor none \
	>"$log" 2>&1 </dev/null
out=$(tr -d '\r' <"$log")
run() { printf '%s\n' "$out" | sed -n "/^KSH-RUN-BEGIN $1\$/,/^KSH-RUN-END $1 /p"; }
tap_eval 'run 1 | grep -q "^usage: kshchan list" && run 1 | grep -q "^KSH-RUN-END 1 rc=0"' \
	"/bin/kshchan runs in the guest (help, rc 0)"
tap_eval 'run 2 | grep -q "no ksh channel device found" && run 2 | grep -q "^KSH-RUN-END 2 rc=17"' \
	"kshchan list without a channel device: rc 17"
tap_eval 'run 3 | grep -q "send crypto: KSHCHAN_ENOCHAN" && run 3 | grep -q "^KSH-RUN-END 3 rc=17"' \
	"kshchan send to a missing channel: KSHCHAN_ENOCHAN, rc 17"
tap_done
