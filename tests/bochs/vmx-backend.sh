#!/bin/bash
# TAP suite: the VMX backend's own test app (tests/bochs/vmxtest/) under
# Bochs, on an Intel model with EPT (every check of the app must pass), on
# one with VMX but no EPT and on an AMD model (both must be refused with
# the missing feature named, and must not hang).
# Each run starts from nothing (bochs-run.sh deletes its old log).
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/tap.sh"
build=${KSH_BUILD:-build}
efi=$build/tests/bochs/vmxtest.efi
out=$build/bochs

if [ ! -r "$efi" ]; then
	tap_plan 1
	tap_fail "$efi not built"
	exit 1
fi
run() { # model dir
	rm -rf "${out:?}/$2" "$out/$2.rc"
	"$here/bochs-run.sh" -m "$1" -e "$efi" -d "$out/$2" -t 1200 \
		-u '^KSH-DONE ' >/dev/null 2>&1
	echo $? >"$out/$2.rc"
}
mkdir -p "$out"
run corei7_skylake_x vmxtest-skx &
run core2_penryn_t9600 vmxtest-penryn &
wait
run ryzen vmxtest-ryzen

log=$out/vmxtest-skx/com1.txt
if [ "$(cat "$out/vmxtest-skx.rc")" != 0 ]; then
	tap_fail "corei7_skylake_x: the test app finished (timeout)"
else
	tap_ok "corei7_skylake_x: the test app finished (wall $(cat "$out/vmxtest-skx/wall_ms.txt") ms, Bochs CPU $(cat "$out/vmxtest-skx/cpu_ms.txt" 2>/dev/null || echo n/a) ms)"
fi
# Forward the app's own checks, renumbered.
while IFS= read -r line; do
	case "$line" in
	"ok "*) tap_ok "corei7_skylake_x: ${line#* - }" ;;
	"not ok "*) tap_fail "corei7_skylake_x: ${line#* - }" ;;
	"# bench"*) echo "$line" >&2 ;;
	esac
done < <(tr -d '\r' <"$log")
grep -aq '^KSH-DONE pass' "$log" && tap_ok "corei7_skylake_x: KSH-DONE pass" ||
	tap_fail "corei7_skylake_x: KSH-DONE pass"
# The app must have run its checks, not stopped early.
[ "$(grep -ac '^ok ' "$log")" -ge 71 ] && tap_ok "corei7_skylake_x: all 71 checks ran" ||
	tap_fail "corei7_skylake_x: all 71 checks ran"

for m in penryn:core2_penryn_t9600:EPT ryzen:ryzen:VMX; do
	d=${m%%:*}; rest=${m#*:}; model=${rest%%:*}; feat=${rest#*:}
	log=$out/vmxtest-$d/com1.txt
	if grep -aq "^KSH-VMX-REFUSED: $feat\$" <(tr -d '\r' <"$log"); then
		tap_ok "$model: refused, naming $feat"
	else
		tap_fail "$model: refused, naming $feat (got: $(grep -a REFUSED "$log" | head -1))"
	fi
done
tap_done
