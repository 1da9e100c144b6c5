#!/bin/bash
# TAP suite: the kshc corpora, run with the sanitizer build (kshc-san).
#  - tests/kshc/pass/*.ksh and examples/*.ksh compile with -Werror and
#    print nothing;
#  - tests/kshc/fail/*.ksh print exactly the sibling .err file and exit 1
#    (0 for a warning-only case), run from that folder so paths are short;
#  - every check name of ksh-compiler/diag_ids.h has a fail case;
#  - tests/kshc/robust/* (garbage, fuzzer finds) end with status 0 or 1,
#    never a crash or a sanitizer report; a generated 30 MB file too.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
kshc=$(pwd)/$build/bin/kshc-san
[ -x "$kshc" ] || kshc=$(pwd)/$build/bin/kshc
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
tmp=$build/tests/kshc-corpus
rm -rf "$tmp" && mkdir -p "$tmp"
shopt -s nullglob
source tests/lib/tap.sh

for f in examples/*.ksh tests/kshc/pass/*.ksh; do
	if "$kshc" --check -Werror -L tests/kshc/payloads "$f" \
		>"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
		tap_ok "pass: $f"
	else
		cat "$tmp/out" >&2
		tap_fail "pass: $f"
	fi
done

for f in tests/kshc/fail/*.ksh; do
	base=${f%.ksh}
	want=1
	grep -q 'error\[' "$base.err" 2>/dev/null || want=0
	(cd tests/kshc/fail &&
		"$kshc" --check -L ../payloads "$(basename "$f")" \
			>"../../../$tmp/stdout" 2>"../../../$tmp/stderr")
	rc=$?
	if [ ! -f "$base.err" ]; then
		tap_fail "fail: $f has no .err file"
	elif [ $rc -ne $want ]; then
		cat "$tmp/stderr" >&2
		tap_fail "fail: $f exited $rc, expected $want"
	elif ! diff -u "$base.err" "$tmp/stderr" >&2 || [ -s "$tmp/stdout" ]; then
		tap_fail "fail: $f diagnostics differ from $(basename "$base").err"
	else
		tap_ok "fail: $f"
	fi
done

# Every check has at least one fail case naming it.
missing=
for name in $(sed -n 's/^DIAG([A-Z_0-9]*, "\([a-z0-9-]*\)".*/\1/p' \
	ksh-compiler/diag_ids.h); do
	grep -q "\[$name\]" tests/kshc/fail/*.err || missing="$missing $name"
done
if [ -z "$missing" ]; then
	tap_ok "every check has a fail case"
else
	tap_fail "checks without a fail case:$missing"
fi

# Every check is documented in dsl/checks.md under its name.
undoc=
for name in $(sed -n 's/^DIAG([A-Z_0-9]*, "\([a-z0-9-]*\)".*/\1/p' \
	ksh-compiler/diag_ids.h); do
	grep -q "^### $name\b" dsl/checks.md || undoc="$undoc $name"
done
if [ -z "$undoc" ]; then
	tap_ok "every check is documented in dsl/checks.md"
else
	tap_fail "checks missing from dsl/checks.md:$undoc"
fi

robust() {
	local f=$1 what=$2 rc
	"$kshc" --check "$f" >"$tmp/out" 2>&1
	rc=$?
	if [ $rc -le 1 ] && ! grep -q 'Sanitizer\|runtime error' "$tmp/out"; then
		tap_ok "robust: $what (exit $rc)"
	else
		head -n 30 "$tmp/out" >&2
		tap_fail "robust: $what (exit $rc)"
	fi
}
for f in tests/kshc/robust/*; do
	robust "$f" "$f"
done
# An enormous file: 30 MB of declarations and noise, within the time limit.
python3 - "$tmp/huge.ksh" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('system "huge" { platform { cpus 1; } }\n')
    for i in range(400000):
        f.write("type t%d; // %s\n" % (i, "x" * 40))
PY
robust "$tmp/huge.ksh" "30 MB input"
tap_done
