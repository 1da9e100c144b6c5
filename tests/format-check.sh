#!/bin/sh
# TAP suite: the C sources are clang-format clean (.clang-format at the root).
cd "$(dirname "$0")/.." || exit 1
. tests/lib/tap.sh
tap_plan 1
if out=$(make -s format-check 2>&1); then
	tap_ok "clang-format clean"
else
	echo "$out" | head -n 40 >&2
	tap_fail "clang-format reports differences (run: make format)"
fi
tap_done
