#!/bin/bash
# TAP suite: every input the fuzzer kept (tests/kshc/fuzz-corpus), every
# crash it ever found (tests/kshc/robust), and the examples and compiler
# corpora run through the whole front end under ASan+UBSan without a
# report (tests/fuzz/kshc_replay.c). One test per corpus: a replay can
# only fail by a sanitizer report or trap ending the process, so one line
# per input would be "ok" by construction. A failing line names the input
# the process died on; an empty corpus fails too.
source "$(dirname "$0")/../lib/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
replay=$build/tests/kshc-fuzz-replay
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
shopt -s nullglob
err=$(mktemp)
trap 'rm -f "$err"' EXIT

corpora=("tests/kshc/fuzz-corpus/*" "tests/kshc/robust/*" "examples/*.ksh"
	"tests/kshc/pass/*.ksh" "tests/kshc/fail/*.ksh")
tap_plan ${#corpora[@]}
for c in "${corpora[@]}"; do
	# shellcheck disable=SC2206
	files=($c)
	if [ ${#files[@]} -eq 0 ]; then
		tap_fail "$c: no input to replay"
		continue
	fi
	out=$("$replay" "${files[@]}" 2>"$err")
	rc=$?
	if [ $rc -eq 0 ] && [ "$out" = "${#files[@]} inputs" ]; then
		tap_ok "$c: ${#files[@]} inputs, no sanitizer report"
	else
		last=$(sed -n 's/^replay: //p' "$err" | tail -n 1)
		tap_fail "$c: status $rc on ${last:-its first input}"
		tail -n 30 "$err" | sed 's/^/# /' >&2
	fi
done
tap_done
