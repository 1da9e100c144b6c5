#!/bin/bash
# TAP suite: kshc's outputs and command line.
#  - golden files: --emit-c (tables.c, tables.h), --emit-json and --dump of
#    every example equal tests/kshc/golden/<example>.*  (regenerate with
#    KSH_UPDATE_GOLDEN=1 after a deliberate change, and review the diff);
#  - --emit-json of every example and pass case validates against
#    dsl/system.schema.json; --dot is accepted by Graphviz;
#  - -M lists includes and payloads; exit codes 0/1/2; --help, --version.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
kshc=$build/bin/kshc
tmp=$build/tests/kshc-golden
gold=tests/kshc/golden
rm -rf "$tmp" && mkdir -p "$tmp"
shopt -s nullglob
source tests/lib/tap.sh
check() { # check NAME command...
	local name=$1
	shift
	if "$@" >"$tmp/log" 2>&1; then tap_ok "$name"; else
		cat "$tmp/log" >&2
		tap_fail "$name"
	fi
}
same() { # same GOLDEN GENERATED
	if [ -n "${KSH_UPDATE_GOLDEN:-}" ]; then
		mkdir -p "$gold" && cp "$2" "$1"
	fi
	diff -u "$1" "$2"
}

for ksh in examples/*.ksh; do
	b=$(basename "$ksh" .ksh)
	"$kshc" -L tests/kshc/payloads "$ksh" --emit-c "$tmp/$b" \
		--emit-json "$tmp/$b.json" --dump >"$tmp/$b.dump" 2>"$tmp/log"
	check "$ksh: tables.c matches golden" same "$gold/$b.tables.c" "$tmp/$b/tables.c"
	check "$ksh: tables.h matches golden" same "$gold/$b.tables.h" "$tmp/$b/tables.h"
	check "$ksh: JSON matches golden" same "$gold/$b.json" "$tmp/$b.json"
	check "$ksh: dump matches golden" same "$gold/$b.dump" "$tmp/$b.dump"
done

validate_json() {
	"$kshc" -L tests/kshc/payloads "$1" --emit-json "$tmp/v.json" &&
		python3 - "$tmp/v.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open("dsl/system.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.validate(json.load(open(sys.argv[1])), schema,
                    cls=jsonschema.Draft202012Validator)
PY
}
dot_ok() {
	"$kshc" -L tests/kshc/payloads "$1" --dot "$tmp/g.dot" &&
		dot -Tsvg "$tmp/g.dot" -o "$tmp/g.svg" && [ -s "$tmp/g.svg" ]
}
for ksh in examples/*.ksh tests/kshc/pass/*.ksh; do
	check "$ksh: JSON validates against the schema" validate_json "$ksh"
	check "$ksh: Graphviz accepts the --dot output" dot_ok "$ksh"
done

deps_ok() {
	"$kshc" -L tests/kshc/payloads tests/kshc/pass/full.ksh -M \
		-MT out/tables.c >"$tmp/deps" &&
		grep -q '^out/tables.c: ' "$tmp/deps" &&
		grep -q 'tests/kshc/pass/full-labels.inc' "$tmp/deps" &&
		grep -q 'tests/kshc/payloads/bzImage' "$tmp/deps" &&
		grep -q '^tests/kshc/payloads/hello.elf:$' "$tmp/deps" &&
		[ "$(grep -c '^  .*payloads/hello.elf' "$tmp/deps")" = 1 ]
}
check "-M lists the includes and each payload once" deps_ok
mf_ok() {
	"$kshc" -L tests/kshc/payloads examples/hello.ksh --emit-c "$tmp/mf" \
		-MF "$tmp/mf.d" && grep -q "^$tmp/mf/tables.c $tmp/mf/tables.h" "$tmp/mf.d"
}
check "-MF writes the rule next to --emit-c" mf_ok
status() { # status WANT command...
	local want=$1
	shift
	"$@" >/dev/null 2>&1
	[ $? -eq "$want" ]
}
check "exit 0 on success" status 0 "$kshc" -L tests/kshc/payloads --check examples/hello.ksh
check "exit 1 on errors" status 1 "$kshc" --check tests/kshc/fail/syntax.ksh
check "exit 1 on a missing input" status 1 "$kshc" --check no/such/file.ksh
check "exit 2 on an unknown option" status 2 "$kshc" --bogus examples/hello.ksh
check "exit 2 without an input" status 2 "$kshc"
check "exit 2 with two inputs" status 2 "$kshc" a.ksh b.ksh
check "exit 2 when an option lacks its argument" status 2 "$kshc" examples/hello.ksh --emit-c
check "--help exits 0 and documents -L" sh -c "'$kshc' --help | grep -q -- '-L DIR'"
check "--version names the table format" sh -c "'$kshc' --version | grep -q 'table format $(sed -n 's/^#define KSH_TABLES_VERSION \([0-9]*\)u.*/\1/p' include/ksh/tables.h)'"
check "-Werror makes a warning fail" status 1 "$kshc" -Werror --check tests/kshc/fail/unused.ksh
check "--check writes nothing" sh -c "'$kshc' -L tests/kshc/payloads --check examples/hello.ksh --emit-c '$tmp/nothing'; [ ! -e '$tmp/nothing' ]"
check "an unwritable output fails with 1" status 1 "$kshc" -L tests/kshc/payloads examples/hello.ksh --emit-json /proc/version/x
collision_refused() {
	! "$kshc" -L tests/kshc/payloads tests/kshc/misc/macro-collision.ksh \
		--emit-c "$tmp/coll" 2>"$tmp/coll.err" &&
		grep -q 'KSH_HANDLE_A_B_C' "$tmp/coll.err" &&
		[ ! -e "$tmp/coll/tables.c" ] && [ ! -e "$tmp/coll/tables.h" ]
}
check "colliding tables.h constants are refused, nothing written" collision_refused
devices_ok() {
	"$kshc" -L tests/kshc/payloads examples/hello.ksh \
		--emit-json /dev/stdout | python3 -m json.tool >/dev/null &&
		"$kshc" -L tests/kshc/payloads examples/hello.ksh \
			--emit-json /dev/null && [ -c /dev/null ]
}
check "a device output (/dev/stdout, /dev/null) is written in place" devices_ok
tap_done
