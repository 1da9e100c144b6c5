#!/bin/sh
# TAP suite: the C sources are clang-format clean (.clang-format at the root).
cd "$(dirname "$0")/.." || exit 1
echo "1..1"
if out=$(make -s format-check 2>&1); then
	echo "ok 1 - clang-format clean"
else
	echo "$out" | head -n 40 >&2
	echo "not ok 1 - clang-format reports differences (run: make format)"
fi
