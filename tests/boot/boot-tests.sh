#!/bin/bash
# TAP suite: boot tests of the kernel under QEMU TCG + OVMF (AMD SVM with
# nested paging). Each tests/boot/cases/NAME.ksh is a complete system;
# directives in its comments say what to check:
#
#   // boot-expect: TEXT    a serial line containing TEXT must appear, after
#                           the line matched by the previous boot-expect
#   // boot-see: TEXT       a serial line containing TEXT must appear,
#                           anywhere (for lines of different domains,
#                           whose order depends on emulation speed)
#   // boot-reject: TEXT    no serial line may contain TEXT
#   // boot-until: TEXT     stop the machine once TEXT appears (systems
#                           that never stop by themselves)
#   // boot-cpu: MODEL      QEMU -cpu (default qemu64,+svm,+npt)
#   // boot-tamper: N       flip a byte of payload N's SHA-256 in the
#                           generated tables (a tampered image)
#   // boot-sed: EXPR       a sed expression applied to the generated
#                           tables.c (a corrupted image)
#   // boot-timeout: S      seconds (default 90)
#
# KSH_BOOT_CASES (a list of .ksh files) runs only those cases.
#
# Images are built the way kshc -o will: kshc --emit-c, then
# scripts/link-image.sh. Cases run KSH_BOOT_JOBS at a time (default 1:
# make check already runs this suite beside the other emulator suites).
# Logs stay in $KSH_BUILD/boot-tests/ (serial log NAME.log, build output
# NAME.build); a failing case prints which check failed.
set -u
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
out=$build/boot-tests
jobs=${KSH_BOOT_JOBS:-1}
kshc=$build/bin/kshc
mkdir -p "$out"

directive() { # FILE NAME -> values, one per line
	sed -n "s|^[[:space:]]*// $2:[[:space:]]*||p" "$1"
}

# Runs one case; writes $out/NAME.result: "ok" or "not ok: reason".
run_case() {
	local ksh=$1 name dir res cpu until tmo log
	name=$(basename "$ksh" .ksh)
	dir=$out/$name
	res=$out/$name.result
	log=$out/$name.log
	rm -rf "$dir" && mkdir -p "$dir"
	cpu=$(directive "$ksh" boot-cpu | head -n 1)
	until=$(directive "$ksh" boot-until | head -n 1)
	tmo=$(directive "$ksh" boot-timeout | head -n 1)
	if ! { "$kshc" "$ksh" -L "$build/guests" --emit-c "$dir" &&
		tamper "$ksh" "$dir/tables.c" &&
		edit_tables "$ksh" "$dir/tables.c" &&
		KSH_KERNEL_LIB=$build/lib/libksh-kernel.a \
			scripts/link-image.sh "$dir/image.efi" "$dir/tables.c" \
			"$dir/payloads.S"; } >"$out/$name.build" 2>&1; then
		echo "not ok: image build failed (see $out/$name.build)" >"$res"
		return
	fi
	tests/boot/qemu-boot.sh "$dir/image.efi" "$log" "${tmo:-90}" \
		"${cpu:-qemu64,+svm,+npt}" "$until"
	local rc=$?
	if [ $rc -eq 124 ]; then
		echo "not ok: timed out (log $log)" >"$res"
		return
	fi
	check_log "$ksh" "$log" >"$res"
}

# boot-tamper N: flip the first byte of payload N's digest in tables.c.
tamper() {
	local n
	n=$(directive "$1" boot-tamper | head -n 1)
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
edit_tables() {
	local expr
	expr=$(directive "$1" boot-sed | head -n 1)
	[ -z "$expr" ] && return 0
	cp "$2" "$2.orig"
	sed -i -e "$expr" "$2"
	! cmp -s "$2" "$2.orig" || { echo "boot-sed: no change" >&2; return 1; }
}

# Prints "ok" or "not ok: ..." for a serial log against the directives.
check_log() {
	local ksh=$1 log=$2 clean=$2.txt line=0 want n
	tr -d '\r' <"$log" >"$clean"
	while IFS= read -r want; do
		n=$(tail -n +$((line + 1)) "$clean" | grep -nF -m 1 -- "$want" |
			cut -d: -f1)
		if [ -z "$n" ]; then
			echo "not ok: missing (in order) \"$want\" (log $log)"
			return
		fi
		line=$((line + n))
	done < <(directive "$ksh" boot-expect)
	while IFS= read -r want; do
		if ! grep -qF -- "$want" "$clean"; then
			echo "not ok: missing \"$want\" (log $log)"
			return
		fi
	done < <(directive "$ksh" boot-see)
	while IFS= read -r want; do
		if grep -qF -- "$want" "$clean"; then
			echo "not ok: unexpected \"$want\" (log $log)"
			return
		fi
	done < <(directive "$ksh" boot-reject)
	echo ok
}

cases=(${KSH_BOOT_CASES:-tests/boot/cases/*.ksh})
echo "1..${#cases[@]}"
if [ ! -x "$kshc" ] || [ ! -r "$build/lib/libksh-kernel.a" ]; then
	for i in "${!cases[@]}"; do
		echo "not ok $((i + 1)) - $(basename "${cases[$i]}" .ksh): kshc or libksh-kernel.a not built"
	done
	exit 0
fi
for ksh in "${cases[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	run_case "$ksh" &
done
wait
for i in "${!cases[@]}"; do
	name=$(basename "${cases[$i]}" .ksh)
	r=$(cat "$out/$name.result" 2>/dev/null || echo "not ok: no result")
	if [ "$r" = ok ]; then
		echo "ok $((i + 1)) - $name"
	else
		echo "not ok $((i + 1)) - $name: ${r#not ok: }"
		tail -n 15 "$out/$name.log.txt" 2>/dev/null | sed 's/^/# /' >&2
	fi
done
