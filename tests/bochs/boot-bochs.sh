#!/bin/bash
# TAP suite: the kernel's boot tests under Bochs (make check-bochs).
#
#   Intel corei7_skylake_x (VMX + EPT)  and  AMD ryzen (SVM + NPT, with
#   next-RIP save, which QEMU lacks): a native domain, an isolation
#   violation, bad hypercalls, Multiboot v1/v2 kernels;
#   Intel core2_penryn_t9600 (VMX, no EPT): a refusal naming EPT;
#   a Linux domain on emulated PC devices (lxtick) on both vendors.
#
# Cases come from tests/boot/cases/ (the QEMU suite's, same directives,
# checked by the same code: tests/lib/boot.sh) and tests/bochs/cases/.
# Each run starts from nothing (old image and logs deleted; a failed build
# fails it). KSH_BOCHS_JOBS (default 2) boots run at a time;
# logs stay in $KSH_BUILD/bochs-boot/CASE-MODEL/.
set -u
source "$(dirname "$0")/lib.sh"
source "$bochs_root/tests/lib/tap.sh"
out=$build/bochs-boot
jobs=${KSH_BOCHS_JOBS:-2}
boot_cases=${KSH_BOOT_CASES:-$bochs_root/tests/boot/cases}
own_cases=$bochs_here/cases

# case-file:model pairs
runs=()
for m in corei7_skylake_x ryzen; do
	for c in interleave hostile_mem hostile_hypercall multiboot; do
		runs+=("$boot_cases/$c.ksh:$m")
	done
done
runs+=("$own_cases/no_ept.ksh:core2_penryn_t9600")
# CPU-state hardening: CR4 bits hidden from CPUID (VMX: the domain is
# stopped), and SVM or VMX instructions, RDPMC, MONITOR/MWAIT from a guest.
# (hostile_cr4.ksh is QEMU's only: Bochs 2.7's ryzen model runs WRPKRU
# with CR4.PKE clear instead of raising #UD.)
runs+=("$own_cases/hostile_cr4_vmx.ksh:corei7_skylake_x")
runs+=("$own_cases/hostile_vmx.ksh:corei7_skylake_x")
runs+=("$bochs_root/tests/boot/harden/hostile_svm.ksh:ryzen")
# #DB/#AC/WBINVD/RDPRU storms: intercepted and reflected or dropped, on
# both vendors (Bochs models alignment checks, QEMU does not).
runs+=("$own_cases/hostile_trap_bochs.ksh:corei7_skylake_x")
runs+=("$own_cases/hostile_trap_ryzen.ksh:ryzen")
# XSETBV from a guest on VMX (Skylake-X has XSAVE): #UD, XCR0 unchanged.
runs+=("$bochs_root/tests/boot/harden/hostile_xsetbv.ksh:corei7_skylake_x")
# A Linux domain on emulated devices (lxtick), on both vendors.
for m in corei7_skylake_x ryzen; do
	runs+=("$own_cases/linux_devices.ksh:$m")
done

run_one() { # ksh model
	local ksh=$1 model=$2 name dir res
	name=$(basename "$ksh" .ksh)-$model
	dir=$out/$name
	res=$out/$name.result
	rm -f "$res"
	if [ ! -r "$ksh" ]; then
		echo "not ok: no case $ksh" >"$res"
		return
	fi
	if ! bochs_build "$ksh" "$dir"; then
		echo "not ok: image build failed (see $dir/build.log)" >"$res"
		return
	fi
	bochs_boot "$ksh" "$model" "$dir"
	if [ $? -eq 124 ]; then
		echo "not ok: timed out (log $dir/run/com1.txt)" >"$res"
		return
	fi
	# hostile_hypercall: "hc" makes some forty calls, its witness prints
	# five lines; under Bochs the witness may finish first.
	# hostile_trap_*: the witness ends before or after the storm.
	local order=
	case $(basename "$ksh") in
	hostile_hypercall.ksh | hostile_trap_*.ksh) order=per-domain ;;
	esac
	bochs_check "$ksh" "$dir/run/com1.txt" $order >"$res"
	echo " (wall $(cat "$dir/run/wall_ms.txt" 2>/dev/null) ms, Bochs CPU $(cat "$dir/run/cpu_ms.txt" 2>/dev/null || echo n/a) ms)" >>"$res"
}

mkdir -p "$out"
tap_plan ${#runs[@]}
for r in "${runs[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	run_one "${r%:*}" "${r##*:}" &
done
wait
for i in "${!runs[@]}"; do
	r=${runs[$i]}
	name=$(basename "${r%:*}" .ksh)-${r##*:}
	res=$(tr -d '\n' <"$out/$name.result" 2>/dev/null || echo "not ok: no result")
	case $res in
	ok*) tap_ok "$name${res#ok}" ;;
	*)
		tap_fail "$name: ${res#not ok: }"
		boot_show "$out/$name/run/com1.txt.clean" 15
		;;
	esac
done
tap_done
