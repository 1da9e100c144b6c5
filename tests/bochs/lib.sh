# Shared by the Bochs boot suites and benchmark (sourced, bash): the
# Bochs side of tests/lib/boot.sh, whose builder and checker these call.
#
# Cases are .ksh systems with the directives of tests/boot/boot-tests.sh
# in their comments, read by the same code (boot_build applies boot-tamper
# and boot-sed; boot_check reads boot-expect, boot-see, boot-count,
# boot-reject and boot-until, with the same anchored matching). Two are
# QEMU's and ignored here: boot-cpu (the Bochs CPU model is the caller's
# choice) and boot-timeout (a Bochs boot takes 20-30 s of CPU;
# KSH_BOCHS_TIMEOUT bounds each, default 1200 s of wall time for loaded
# machines).

bochs_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/lib/boot.sh
source "$bochs_here/../lib/boot.sh"
bochs_root=$ROOT
build=$BUILD
kshc=$KSHC

bochs_directive() { boot_directive "$@"; }

# bochs_build CASE.ksh DIR: deletes DIR, writes DIR/image.efi; 0 or 1
# (DIR/build.log).
bochs_build() { boot_build "$1" "$2"; }

# bochs_boot CASE.ksh MODEL DIR: boots DIR/image.efi under MODEL until the
# kernel's last line (or the case's last boot-until text, or the timeout).
# Serial log in DIR/run/com1.txt; returns bochs-run.sh's status.
bochs_boot() {
	local ksh=$1 model=$2 dir=$3 until
	until=$(boot_directive "$ksh" boot-until | tail -n 1)
	rm -rf "$dir/run"
	# The kernel's last words: all domains done, a refusal, a panic.
	local re='^ksh: no domain left to run|^ksh: refusing to start|^ksh: PANIC'
	[ -n "$until" ] && re="$re|^$(printf '%s' "$until" | sed 's/[][\.*^$|(){}+?]/\\&/g')"
	"$bochs_here/bochs-run.sh" -m "$model" -e "$dir/image.efi" \
		-d "$dir/run" -t "${KSH_BOCHS_TIMEOUT:-1200}" -u "$re" \
		>/dev/null 2>&1
}

# bochs_check CASE.ksh LOG [per-domain]: prints "ok" or "not ok: why"
# (boot_check on LOG without its CRs, kept as LOG.clean).
bochs_check() {
	tr -d '\r' <"$2" >"$2.clean" 2>/dev/null || : >"$2.clean"
	boot_check "$1" "$2.clean" "${3:-}"
}
