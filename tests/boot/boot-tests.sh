#!/bin/bash
# TAP suite: boot tests of the kernel under QEMU TCG + OVMF (AMD SVM with
# nested paging). Each tests/boot/cases/NAME.ksh is a complete system;
# directives in its comments say what to check (tests/lib/boot.sh,
# boot_check, has the matching rules; tests/bochs/boot-bochs.sh reads the
# same directives with the same checker):
#
#   // boot-expect: TEXT    a line carrying TEXT must appear, after the
#                           line matched by the previous boot-expect
#   // boot-see: TEXT       a line carrying TEXT must appear, anywhere
#                           (for lines of different domains, whose order
#                           depends on emulation speed)
#   // boot-count: N TEXT   exactly N lines carry TEXT
#   // boot-reject: TEXT    no serial line may contain TEXT
#   // boot-until: TEXT     stop the machine once TEXT appears (systems
#                           that never stop by themselves; several: once
#                           all appeared, in order); required evidence too
#   // boot-cpu: MODEL      QEMU -cpu (default qemu64,+svm,+npt)
#   // boot-tamper: N       flip a byte of payload N's SHA-256 in the
#                           generated tables (a tampered image)
#   // boot-sed: EXPR       a sed expression applied to the generated
#                           tables.c (a corrupted image)
#   // boot-timeout: S      seconds (default 90)
#
# A TEXT starting with "ksh:" must start a line (only the kernel writes
# those); one starting with "[name]" must start a line (that domain's
# console); any other TEXT must be inside a kernel line.
#
# KSH_BOOT_CASES (a list of .ksh files) runs only those cases; the log
# folder is KSH_BOOT_OUT (default $KSH_BUILD/boot-tests). Cases run
# KSH_BOOT_JOBS at a time (default 1: make check already runs this suite
# beside the other emulator suites). Each case starts from nothing: its
# old image and logs are deleted first, and a failed build fails it. Logs
# stay in the log folder (serial log NAME.log, build NAME/build.log); a
# failing case prints which check failed.
set -u
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/boot.sh"
cd "$ROOT" || exit 1
out=${KSH_BOOT_OUT:-$BUILD/boot-tests}
jobs=${KSH_BOOT_JOBS:-1}
mkdir -p "$out"

# Runs one case; writes $out/NAME.result: "ok" or "not ok: reason".
run_case() {
	local ksh=$1 name res log cpu tmo rc
	name=$(basename "$ksh" .ksh)
	res=$out/$name.result
	log=$out/$name.log
	rm -f "$res" "$log" "$log.raw"
	if ! boot_build "$ksh" "$out/$name"; then
		echo "not ok: image build failed (see $out/$name/build.log)" >"$res"
		return
	fi
	cpu=$(boot_directive "$ksh" boot-cpu | head -n 1)
	tmo=$(boot_directive "$ksh" boot-timeout | head -n 1)
	boot_qemu "$out/$name/image.efi" "$log" "${tmo:-90}" "$cpu" \
		"$(boot_directive "$ksh" boot-until)"
	rc=$?
	if [ $rc -eq 124 ]; then
		echo "not ok: timed out (log $log)" >"$res"
		return
	fi
	boot_check "$ksh" "$log" >"$res"
}

cases=(${KSH_BOOT_CASES:-tests/boot/cases/*.ksh})
tap_plan ${#cases[@]}
for ksh in "${cases[@]}"; do
	rm -f "$out/$(basename "$ksh" .ksh).result" "$out/$(basename "$ksh" .ksh).done"
done
# The cases run in the background, KSH_BOOT_JOBS at a time; each one's
# line is printed, in order, as soon as it is known, so a suite stopped
# by its time limit still reports the cases it finished.
(
	for ksh in "${cases[@]}"; do
		while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
		name=$(basename "$ksh" .ksh)
		{ run_case "$ksh"; : >"$out/$name.done"; } &
	done
	wait
) &
runner=$!
for ksh in "${cases[@]}"; do
	name=$(basename "$ksh" .ksh)
	while [ ! -e "$out/$name.done" ] && kill -0 "$runner" 2>/dev/null; do
		sleep 1
	done
	r=$(cat "$out/$name.result" 2>/dev/null || echo "not ok: no result")
	if [ "$r" = ok ]; then
		tap_ok "$name"
	else
		tap_fail "$name: ${r#not ok: }"
		boot_show "$out/$name.log" 15
	fi
done
wait
tap_done
