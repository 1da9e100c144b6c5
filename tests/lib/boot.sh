# shellcheck shell=bash
# The one build-and-boot helper of the shell suites (sourced; sources
# log.sh). Sets ROOT, BUILD (absolute) and KSHC, and offers:
#
#   boot_build KSH DIR [LIBDIR...]   image from a .ksh, from nothing
#   boot_qemu EFI LOG TIMEOUT [CPU] [UNTIL]   one QEMU/OVMF boot
#   boot_qemu_until EFI LOG TIMEOUT TEXT...   boot until every TEXT is seen
#   boot_directive KSH NAME          a case's directive values
#   boot_check KSH LOG [per-domain]  a serial log against a case's directives
#   boot_show LOG                    the kernel's and domains' last lines
#
# Images are built as kshc -o builds them: kshc --emit-c, then
# scripts/link-image.sh with the in-tree kernel library. Serial logs are
# stored without carriage returns. Evidence is matched as log.sh says:
# kernel lines by "ksh:" at the start, domain lines by "[name] ".

boot_lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$boot_lib/../.." && pwd)
BUILD=${KSH_BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
KSHC=$BUILD/bin/kshc
# shellcheck source=tests/lib/log.sh
source "$boot_lib/log.sh"

# boot_directive KSH NAME: the values of "// NAME: value" lines, in order.
boot_directive() {
	sed -n "s|^[[:space:]]*// $2:[[:space:]]*||p" "$1"
}

# boot_build KSH DIR [LIBDIR...]: deletes DIR (nothing of an earlier run
# survives a failed build), then writes DIR/image.efi from KSH, payloads
# found in $BUILD/guests and the LIBDIRs. Applies the case's boot-tamper
# and boot-sed directives to the generated tables. Output in
# DIR/build.log; status 0 when the image was built.
boot_build() {
	local ksh=$1 dir=$2 libs=() l
	shift 2
	for l in "$BUILD/guests" "$@"; do libs+=(-L "$l"); done
	rm -rf "$dir" && mkdir -p "$dir" || return 1
	{ [ -x "$KSHC" ] && [ -r "$BUILD/lib/libksh-kernel.a" ] &&
		"$KSHC" "$ksh" "${libs[@]}" --emit-c "$dir" &&
		boot_tamper "$ksh" "$dir/tables.c" &&
		boot_sed "$ksh" "$dir/tables.c" &&
		KSH_KERNEL_LIB=$BUILD/lib/libksh-kernel.a \
			"$ROOT/scripts/link-image.sh" "$dir/image.efi" \
			"$dir/tables.c" "$dir/payloads.S"; } >"$dir/build.log" 2>&1
}

# boot-tamper N: flip the first byte of payload N's digest in tables.c.
boot_tamper() {
	local n
	n=$(boot_directive "$1" boot-tamper | head -n 1)
	[ -z "$n" ] && return 0
	python3 - "$2" "$n" <<'PY'
import re, sys
path, n = sys.argv[1], int(sys.argv[2])
src = open(path).read()
digests = list(re.finditer(r'\.sha256 = \{\s*0x([0-9a-fA-F]{2})', src))
if n >= len(digests):
    sys.exit("boot-tamper: no payload %d" % n)
m = digests[n]
flipped = "%02x" % (int(m.group(1), 16) ^ 0xFF)
src = src[:m.start(1)] + flipped + src[m.end(1):]
open(path, "w").write(src)
PY
}

# boot-sed EXPR: edits tables.c; the edit must change something.
boot_sed() {
	local expr
	expr=$(boot_directive "$1" boot-sed | head -n 1)
	[ -z "$expr" ] && return 0
	cp "$2" "$2.orig"
	sed -i -e "$expr" "$2"
	! cmp -s "$2" "$2.orig" || { echo "boot-sed: no change" >&2; return 1; }
}

# boot_qemu EFI LOG TIMEOUT [CPU] [UNTIL]: deletes LOG, boots EFI under
# QEMU TCG + OVMF (tests/boot/qemu-boot.sh; UNTIL: newline-separated
# texts, the machine is stopped once they have appeared in order), and
# leaves the serial log without CRs in LOG (raw in LOG.raw). Returns
# qemu-boot.sh's status (124: timed out; no image: 2).
boot_qemu() {
	local efi=$1 log=$2 rc
	rm -f "$log" "$log.raw"
	if [ ! -r "$efi" ]; then
		: >"$log"
		return 2
	fi
	"$ROOT/tests/boot/qemu-boot.sh" "$efi" "$log.raw" "$3" \
		"${4:-qemu64,+svm,+npt}" "${5:-}" >/dev/null 2>&1
	rc=$?
	tr -d '\r' <"$log.raw" >"$log" 2>/dev/null || : >"$log"
	return $rc
}

# boot_qemu_until EFI LOG TIMEOUT TEXT...: boot_qemu for systems that
# never stop by themselves: the machine is stopped once every TEXT (any
# order) is in the log, or at TIMEOUT. Prints "stopped" or QEMU's status.
boot_qemu_until() {
	local efi=$1 log=$2 tmo=$3 pid all m t rc
	shift 3
	rm -f "$log" "$log.raw"
	if [ ! -r "$efi" ]; then
		: >"$log"
		echo 2
		return
	fi
	"$ROOT/tests/boot/qemu-boot.sh" "$efi" "$log.raw" "$tmo" \
		>/dev/null 2>&1 &
	pid=$!
	for t in $(seq 1 "$tmo"); do
		kill -0 "$pid" 2>/dev/null || break
		all=1
		for m in "$@"; do
			log_has "$log.raw" "$m" || { all=0; break; }
		done
		if [ $all -eq 1 ]; then
			sleep 1
			# End the emulator through its `timeout` or QEMU child,
			# so qemu-boot.sh goes on to remove its ESP.
			kill $(ps -o pid= --ppid "$pid") 2>/dev/null
			wait "$pid" 2>/dev/null
			tr -d '\r' <"$log.raw" >"$log"
			echo stopped
			return
		fi
		sleep 1
	done
	wait "$pid"
	rc=$?
	tr -d '\r' <"$log.raw" >"$log" 2>/dev/null || : >"$log"
	echo "$rc"
}

# The domain a directive speaks for: "[name] ..." or "ksh: domain name
# ...", else the kernel ("ksh").
boot_stream() {
	local s
	case $1 in
	\[*\]*) s=${1#[}; echo "${s%%]*}" ;;
	"ksh: domain "*) s=${1#ksh: domain }; s=${s%% *}; echo "${s%:}" ;;
	*) echo ksh ;;
	esac
}

# boot_check KSH LOG [per-domain]: prints "ok" or "not ok: why" for the
# serial LOG (CRs removed) against the case's directives:
#   boot-expect TEXT  carried by a line after the previous boot-expect's
#                     (with per-domain: after the previous one of the
#                     same domain, or of the kernel, for cases whose
#                     domains race at a speed the emulator decides)
#   boot-see TEXT     carried by some line, anywhere
#   boot-count N TEXT carried by exactly N lines
#   boot-reject TEXT  no line contains TEXT anywhere
#   boot-until TEXT   (each) carried by a line, in order: the run got
#                     where it was stopped
# "Carried" is log.sh's anchored match. boot-cpu, boot-timeout,
# boot-tamper and boot-sed are read by the boot and the build.
boot_check() {
	local ksh=$1 log=$2 mode=${3:-} want n key line cnt text
	declare -A at=()
	if [ ! -s "$log" ]; then
		echo "not ok: empty serial log ($log)"
		return
	fi
	while IFS= read -r want; do
		key=all
		[ "$mode" = per-domain ] && key=$(boot_stream "$want")
		line=${at[$key]:-0}
		if ! n=$(log_find "$log" "$want" "$line"); then
			echo "not ok: missing (in order) \"$want\" (log $log)"
			return
		fi
		at[$key]=$n
	done < <(boot_directive "$ksh" boot-expect)
	while IFS= read -r want; do
		if ! log_has "$log" "$want"; then
			echo "not ok: missing \"$want\" (log $log)"
			return
		fi
	done < <(boot_directive "$ksh" boot-see)
	while IFS= read -r want; do
		cnt=${want%% *}
		text=${want#* }
		n=$(log_count "$log" "$text")
		if [ "$n" != "$cnt" ]; then
			echo "not ok: $n lines, not $cnt, carry \"$text\" (log $log)"
			return
		fi
	done < <(boot_directive "$ksh" boot-count)
	line=0
	while IFS= read -r want; do
		if ! line=$(log_find "$log" "$want" "$line"); then
			echo "not ok: the run never reached \"$want\" (log $log)"
			return
		fi
	done < <(boot_directive "$ksh" boot-until)
	while IFS= read -r want; do
		if log_any "$log" "$want"; then
			echo "not ok: unexpected \"$want\" (log $log)"
			return
		fi
	done < <(boot_directive "$ksh" boot-reject)
	echo ok
}

# boot_show LOG: the kernel's and the domains' last lines, as TAP
# diagnostics on stderr (for a failing run).
boot_show() {
	grep -a '^ksh:\|^\[' "$1" 2>/dev/null | tail -n "${2:-30}" |
		sed 's/^/# /' >&2
}
