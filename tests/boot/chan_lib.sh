# Helpers of the channel boot suites (sourced, not run): build an image
# from a .ksh with kshc --emit-c and scripts/link-image.sh, boot it under
# QEMU TCG (AMD SVM + NPT, OVMF) with tests/boot/qemu-boot.sh, and TAP.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
BUILD=${KSH_BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
KSHC=$BUILD/bin/kshc
OUT=$BUILD/chan-boot
mkdir -p "$OUT"

tap_n=0
# ok STATUS DESCRIPTION: one TAP line for the status of the last check.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
	fi
}

# chan_image KSH NAME: builds $OUT/NAME.efi; output in $OUT/NAME.build.
chan_image() {
	local dir=$OUT/$2
	rm -rf "$dir" && mkdir -p "$dir"
	{ "$KSHC" "$1" -L "$BUILD/guests" --emit-c "$dir" &&
		KSH_KERNEL_LIB=$BUILD/lib/libksh-kernel.a \
			scripts/link-image.sh "$OUT/$2.efi" "$dir/tables.c" \
			"$dir/payloads.S"; } >"$OUT/$2.build" 2>&1
}

# chan_boot NAME TIMEOUT: boots $OUT/NAME.efi, serial log (without CRs)
# in $OUT/NAME.log; prints QEMU's status.
chan_boot() {
	rm -f "$OUT/$1.raw" "$OUT/$1.log"
	tests/boot/qemu-boot.sh "$OUT/$1.efi" "$OUT/$1.raw" "$2" >/dev/null 2>&1
	local rc=$?
	tr -d '\r' <"$OUT/$1.raw" >"$OUT/$1.log" 2>/dev/null
	echo "$rc"
}

# has LOG TEXT: a line of LOG contains TEXT.
has() { grep -aqF -- "$2" "$1"; }

# before LOG A B: the first line with A comes before the last line with B.
before() {
	local a b
	a=$(grep -anF -m 1 -- "$2" "$1" | cut -d: -f1)
	b=$(grep -anF -- "$3" "$1" | tail -n 1 | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}

# show LOG: the kernel's and the domains' lines, for a failing run.
show() { grep -a '^ksh:\|^\[' "$1" | tail -n 60 | sed 's/^/# /' >&2; }

# chan_boot_until NAME TIMEOUT TEXT...: chan_boot for systems that never
# stop by themselves (a server domain): the machine is stopped once every
# TEXT has appeared in the serial log, or at TIMEOUT. Prints "stopped" or
# QEMU's status.
chan_boot_until() {
	local name=$1 tmo=$2 pid t all m
	shift 2
	rm -f "$OUT/$name.raw" "$OUT/$name.log"
	tests/boot/qemu-boot.sh "$OUT/$name.efi" "$OUT/$name.raw" \
		"$tmo" >/dev/null 2>&1 &
	pid=$!
	for t in $(seq 1 "$tmo"); do
		kill -0 "$pid" 2>/dev/null || break
		all=1
		for m in "$@"; do
			grep -aqF -- "$m" "$OUT/$name.raw" 2>/dev/null || all=0
		done
		if [ $all -eq 1 ]; then
			sleep 1
			# End the emulator through its `timeout` (the script's
			# child), so qemu-boot.sh goes on to remove its ESP.
			kill $(ps -o pid= --ppid "$pid") 2>/dev/null
			wait "$pid" 2>/dev/null
			tr -d '\r' <"$OUT/$name.raw" >"$OUT/$name.log"
			echo stopped
			return
		fi
		sleep 1
	done
	wait "$pid"
	local rc=$?
	tr -d '\r' <"$OUT/$name.raw" >"$OUT/$name.log" 2>/dev/null
	echo "$rc"
}
