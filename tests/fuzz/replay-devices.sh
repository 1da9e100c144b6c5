#!/bin/bash
# TAP suite: every kept fuzz input of every device model (the corpus and
# the crash regressions under tests/fuzz/) runs through the model's
# harness again, built with AddressSanitizer and UBSan. One test per
# model: a replay fails only by a sanitizer report or trap ending the
# process, so a line per input would be "ok" by construction; a failing
# line names the input the harness died on. A model with no kept input
# fails.
source "$(dirname "$0")/../lib/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
models="pic pit uart rtc pci legacy ne2k ide chan"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
tap_plan 9
for m in $models; do
	set --
	for d in tests/fuzz/corpus/dev_$m tests/fuzz/crashes/dev_$m; do
		[ -d "$d" ] && set -- "$@" "$d"
	done
	if out=$("$build/tests/fuzz-replay/dev_$m" "$@" 2>"$err"); then
		count=$(echo "$out" | tail -n 1 | cut -d' ' -f1)
		if [ "${count:-0}" -gt 0 ]; then
			tap_ok "dev_$m: $count inputs replayed, no sanitizer report"
		else
			tap_fail "dev_$m: no kept inputs to replay"
		fi
	else
		last=$(sed -n 's/^replay: //p' "$err" | tail -n 1)
		grep -v '^replay: ' "$err" | tail -n 30 | sed 's/^/# /' >&2
		tap_fail "dev_$m: replay failed on ${last:-its first input}"
	fi
done
tap_done
