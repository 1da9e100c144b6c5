#!/bin/sh
# TAP suite: every kept fuzz input of every device model (the corpus and
# the crash regressions under tests/fuzz/) runs through the model's
# harness again, built with AddressSanitizer and UBSan.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
models="pic pit uart rtc pci legacy ne2k ide chan"
echo "1..9"
n=0
for m in $models; do
	n=$((n + 1))
	set --
	for d in tests/fuzz/corpus/dev_$m tests/fuzz/crashes/dev_$m; do
		[ -d "$d" ] && set -- "$@" "$d"
	done
	if out=$("$build/tests/fuzz-replay/dev_$m" "$@" 2>&1); then
		count=$(echo "$out" | tail -n 1 | cut -d' ' -f1)
		if [ "${count:-0}" -gt 0 ]; then
			echo "ok $n - dev_$m: $count inputs replayed"
		else
			echo "not ok $n - dev_$m: no kept inputs to replay"
		fi
	else
		echo "$out" | tail -n 30 >&2
		echo "not ok $n - dev_$m: replay failed"
	fi
done
