#!/bin/bash
# TAP suite: the static `kshchan` binary (images/linux/kshchan/) on the
# host, against a fake sysfs tree of regular files (KSHCHAN_SYSFS). The
# register block is a plain file here, so the test reads back exactly
# which registers the tool wrote (LENGTH, METHOD, COMMAND) and what it put
# in the message buffer of BAR1, and feeds it a RESULT to report.
source "$(dirname "$0")/../lib/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
bin=${KSH_BUILD:-build}/images/kshchan/kshchan
tap_plan 8
if [ ! -x "$bin" ]; then
	for _ in 1 2 3 4 5 6 7 8; do tap_fail "$bin missing: run make kshchan"; done
	exit 0
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

# le32 V...: little-endian 32-bit words.
le32() { perl -e 'print pack("V*", map { (/^0x/ ? hex($_) : $_) & 0xffffffff } @ARGV)' "$@"; }
# fn SLOT CHANNEL DEVICE ROLE RESULT: a message channel function (kind 2)
# with methods unlock, sign; RESULT is what the RESULT register holds.
fn() {
	local d=$t/sys/$1
	mkdir -p "$d"
	echo 0x4b53 >"$d/vendor"; echo 0x4348 >"$d/device"
	echo 0xff0000 >"$d/class"; echo 1 >"$d/enable"
	# ID INFO MAX_MSG STATUS IRQ_MASK IRQ_ACK METHOD LENGTH COMMAND RESULT
	le32 0x4348534B $((1 | 2 << 8 | $4 << 12 | 2 << 16)) 4096 0 0 0 0 0 0 \
		"$5" 0 0 0 0 0 0 >"$d/resource0"
	{
		# magic version kind role max_msg buf_offset buf_size n_methods
		le32 0x4348534B 1 2 "$4" 4096 4096 4096 2
		for s in "$2" "$3" unlock sign; do
			printf '%s' "$s"; head -c $((64 - ${#s})) /dev/zero
		done
	} >"$d/resource1"
	truncate -s 8192 "$d/resource1"
}
fn 0000:00:04.0 reply answers 4 0
fn 0000:00:03.0 crypto keys 3 -4
mkdir -p "$t/sys/0000:00:01.0" && echo 0x8086 >"$t/sys/0000:00:01.0/vendor"
export KSHCHAN_SYSFS=$t/sys

tap_eval '! readelf -l "$bin" | grep -q INTERP' "kshchan is linked static (no ELF interpreter)"

out=$("$bin" list 2>&1)
tap_eval '[ "$out" = "0000:00:03.0 crypto device=keys kind=message role=sender max=4096 methods=unlock,sign
0000:00:04.0 reply device=answers kind=message role=receiver max=4096 methods=unlock,sign" ]' \
	"list: one line per channel function, sorted, others skipped"

# RESULT holds -KSH_EPERM: exit status 4, named on stderr.
"$bin" send crypto sign "hello" 2>"$t/err"
rc=$?
tap_eval '[ $rc -eq 4 ] && grep -q "^kshchan: send crypto sign: KSH_EPERM: refused by policy" "$t/err"' \
	"send refused: exit 4, KSH_EPERM named (rc $rc)"

regs=$(od -An -v -tu4 -j 24 -N 12 "$t/sys/0000:00:03.0/resource0" | tr -s ' ')
tap_eval '[ "$regs" = " 1 5 1" ]' "send wrote METHOD=1 (sign) LENGTH=5 COMMAND=SEND through resource0 (got$regs)"
tap_eval '[ "$(dd if="$t/sys/0000:00:03.0/resource1" bs=1 skip=4096 count=6 2>/dev/null | od -An -c | tr -d " ")" = "hello\\0" ]' \
	"send copied the data into BAR1's message buffer (resource1 mmap)"

"$bin" send nope sign x 2>"$t/err"
rc=$?
tap_eval '[ $rc -eq 17 ] && grep -q "KSHCHAN_ENOCHAN" "$t/err"' "unknown channel: exit 17, KSHCHAN_ENOCHAN (rc $rc)"

"$bin" send crypto sign -x 0 2>"$t/err"
rc=$?
tap_eval '[ $rc -eq 64 ] && grep -q "^usage:" "$t/err"' "bad hex: usage, exit 64 (rc $rc)"

KSHCHAN_SYSFS=$t/none "$bin" list 2>"$t/err"
rc=$?
tap_eval '[ $rc -eq 20 ] && grep -q "KSHCHAN_EIO" "$t/err"' "no sysfs: exit 20, KSHCHAN_EIO (rc $rc)"
tap_done
