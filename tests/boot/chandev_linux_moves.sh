#!/bin/bash
# TAP suite: channel-device BAR moves cannot drain the kernel's pool
# (kernel/core/chan_dev.c, npt.c). Two Linux domains under QEMU TCG (SVM
# + NPT) share a 62 MiB + 4 KiB memory channel window: mover
# (tests/boot/chandev_linux_moves_mover.sh) moves its BAR2 40 times as
# root by writing config space through sysfs, each time to a fresh
# 64 MiB slot (32 new page tables per placement), and checks the window
# at every new place; the place it left is unmapped (its read faults).
# Then mover's other device and the other domain
# (chandev_linux_moves_other.sh) place BARs at new addresses: their
# table pages come from their own domain's reserve, which mover's moves
# never touch.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
out=$build/boot-tests/chandev_linux_moves
mkdir -p "$out"
n=0
ok() { # STATUS TEXT
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
has() { grep -qF -- "$1" "$clean"; }
echo "1..8"
log=$out/serial.log
clean=$out/serial.txt
: >"$log"
: >"$clean"
# Each script, comments dropped, gzip + base64 in one ksh.run= (the
# initramfs /init percent-decodes it; a command line holds 2 KiB).
run() {
	b64=$(sed '/^[[:space:]]*#/d' "tests/boot/chandev_linux_moves_$1.sh" |
		gzip -9n | base64 -w0)
	echo "console=ttyS0 nolapic noapic acpi=off ksh.run=echo%20$b64%7Cbase64%20-d%7Cgunzip%3E/t%3Bsh%20/t"
}
sed -e "s|@MOVER@|$(run mover)|" -e "s|@OTHER@|$(run other)|" \
	tests/boot/chandev_linux_moves.ksh.in >"$out/chandev_linux_moves.ksh"
{ "$build/bin/kshc" "$out/chandev_linux_moves.ksh" -L "$build/images/linux" \
	--emit-c "$out/gen" &&
	KSH_KERNEL_LIB=$build/lib/libksh-kernel.a scripts/link-image.sh \
		"$out/image.efi" "$out/gen/tables.c" "$out/gen/payloads.S"; } \
	>"$out/build.log" 2>&1
ok $? "chandev_linux_moves.ksh builds (log $out/build.log)"
start=$SECONDS
tmo=${KSH_LINUX_TIMEOUT:-840}
if [ -r "$out/image.efi" ]; then
	tests/boot/qemu-boot.sh "$out/image.efi" "$log" "$tmo" &
	qb=$!
	while kill -0 "$qb" 2>/dev/null; do
		tr -d '\r' <"$log" >"$clean"
		has "[mover] CHM mover END" && has "[other] CHM other END" && break
		grep -aq '^ksh: domain [a-z]* stopped' "$clean" && break
		sleep 1
	done
	sleep 1
	kill "$qb" 2>/dev/null
	wait "$qb" 2>/dev/null
fi
tr -d '\r' <"$log" >"$clean"
echo "# QEMU start to the end: $((SECONDS - start)) s"
grep -a 'CHM \|BAR\|channel device\|violation\|^ksh: domain [a-z]* stopped' "$clean" |
	sed 's/^/# /'

# One worst-case placement of every BAR: bigdev 3 (BAR1) + 34 (BAR2:
# 32 PTs, a PD, a PDPT), notedev 3.
has "ksh: domain mover: BAR reserve of 40 nested-paging pages" &&
	has "ksh: domain other: BAR reserve of 40 nested-paging pages"
ok $? "each Linux domain gets its own BAR reserve, sized from the tables"
has "[mover] CHM mover window at 0x00000000e4000000 first=0x4D4F5645 last=0x454E4421" &&
	has "[mover] CHM mover moves=40 ok=40 at=0xA4000000 left=0xA0000000"
ok $? "40 moves of the 62 MiB + 4 KiB window: the window is at every new place"
# The kernel's own count, logged at 16 and 32 placements: the pages in
# use stay within the reserve (the old code spent 32 more per move).
line=$(grep -a '^ksh: domain mover: device bigdev: 32 BAR placements; ' "$clean")
echo "# $line"
set -- $(echo "$line" | sed -n 's/.*reserve \([0-9]*\) pages, \([0-9]*\) in use, peak \([0-9]*\)$/\1 \2 \3/p')
[ $# -eq 3 ] && [ "$1" -eq 40 ] && [ "$2" -le 40 ] && [ "$3" -le 40 ]
ok $? "after 32 placements the table pages in use stay within the reserve"
has "ksh: domain mover violation: memory access outside its grants: read gpa a0000000 (not mapped)" &&
	has "[mover] CHM mover old-read rc=139"
ok $? "the address a move left no longer reaches the window: the read faults"
has "[mover] CHM mover notedev magic=0x4348534B" &&
	has "[mover] CHM mover told rc=0"
ok $? "after the moves, the same domain's other device still places its BAR"
has "[other] CHM other notedev magic=0x4348534B" &&
	has "[other] CHM other window first=0x4D4F5645 last=0x454E4421"
ok $? "after the moves, the other domain places both BARs; its window shows mover's data"
has "[mover] CHM mover END" && has "[other] CHM other END" &&
	! grep -aq '^ksh: domain [a-z]* stopped\|: BAR[12] at [0-9a-f]* refused' "$clean"
ok $? "no placement refused, no domain stopped"
exit 0
