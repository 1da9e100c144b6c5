# shellcheck shell=bash
# Helpers of the channel boot suites (sourced, not run): the shared TAP
# and build-and-boot helpers (tests/lib/tap.sh, tests/lib/boot.sh) with
# one folder per suite under $BUILD/chan-boot (OUT).
#
#   chan_image KSH NAME [LIBDIR...]  deletes NAME's old image and logs,
#                                    builds $OUT/NAME/image.efi
#   chan_boot NAME TIMEOUT           boots it; serial log $OUT/NAME.log;
#                                    prints QEMU's status
#   chan_boot_until NAME TIMEOUT TEXT...  the same for systems that never
#                                    stop: stopped once every TEXT is seen
#   has LOG TEXT                     log_has (anchored evidence)
#   before LOG A B                   the first A comes before the last B

source "$(dirname "${BASH_SOURCE[0]}")/../lib/tap.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/boot.sh"
cd "$ROOT" || exit 1
OUT=$BUILD/chan-boot
mkdir -p "$OUT"

chan_image() {
	local ksh=$1 name=$2
	shift 2
	rm -f "$OUT/$name.log" "$OUT/$name.log.raw"
	: >"$OUT/$name.log"
	boot_build "$ksh" "$OUT/$name" "$@"
}

chan_boot() {
	boot_qemu "$OUT/$1/image.efi" "$OUT/$1.log" "$2"
	echo $?
}

chan_boot_until() {
	local name=$1 tmo=$2
	shift 2
	boot_qemu_until "$OUT/$name/image.efi" "$OUT/$name.log" "$tmo" "$@"
}

has() { log_has "$@"; }

before() {
	local a b
	a=$(log_find "$1" "$2") || return 1
	b=$(LOG_B=$3 awk 'index($0, ENVIRON["LOG_B"]) == 1 { n = NR } END { print n + 0 }' "$1")
	[ "$a" -lt "$b" ]
}

show() { boot_show "$1" 60; }
