#!/bin/bash
# TAP suite: for every example and every tests/kshc/pass case, kshc
# --emit-c output compiles with the kernel's table header under the
# project's warning flags, links with the kernel's validator and passes
# ksh_tables_validate(), with every payload's digest re-checked
# (tests/kshc/validate_main.c). Also checks that two runs are
# byte-identical.
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
build=${KSH_BUILD:-build}
kshc=$build/bin/kshc
work=$build/tests/kshc-emit
rm -rf "$work" && mkdir -p "$work"
cc=${HOST_CC:-cc}
warn="-Wall -Wextra -Werror -Wmissing-prototypes -Wcast-qual -Wwrite-strings"

shopt -s nullglob
cases=(examples/*.ksh tests/kshc/pass/*.ksh)
tap_plan $((${#cases[@]} * 2))
for ksh in "${cases[@]}"; do
	name=$(echo "$ksh" | tr '/.' '__')
	out=$work/$name
	if ! "$kshc" "$ksh" -L tests/kshc/payloads --emit-c "$out" \
		2>"$out.log"; then
		cat "$out.log" >&2
		tap_fail "$ksh: kshc failed"
	elif ! $cc -std=gnu11 $warn -Iinclude -o "$out/validate" \
		"$out/tables.c" "$out/payloads.S" kernel/core/tables_check.c \
		tests/kshc/validate_main.c -lcrypto 2>"$out.log"; then
		cat "$out.log" >&2
		tap_fail "$ksh: generated tables do not compile"
	elif ! "$out/validate" >"$out.log" 2>&1; then
		cat "$out.log" >&2
		tap_fail "$ksh: ksh_tables_validate refuses the tables"
	else
		tap_ok "$ksh: $(cat "$out.log")"
	fi
	if "$kshc" "$ksh" -L tests/kshc/payloads --emit-c "$out.again" \
		2>/dev/null &&
		cmp -s "$out/tables.c" "$out.again/tables.c" &&
		cmp -s "$out/tables.h" "$out.again/tables.h" &&
		cmp -s "$out/payloads.S" "$out.again/payloads.S"; then
		tap_ok "$ksh: output is byte-identical across runs"
	else
		tap_fail "$ksh: output differs between two runs"
	fi
done
tap_done
