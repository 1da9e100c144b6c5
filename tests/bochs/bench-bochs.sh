#!/bin/bash
# Benchmark (make bench): the same image under Bochs with Intel VT-x
# (corei7_skylake_x, the VMX backend) and AMD-V (ryzen, the SVM backend),
# both models booted at the same time so they share the machine's load.
#
#   hypercall round trip  tests/bochs/cases/hcbench.ksh: the hcbench
#                         guest's KSH_HC_DOMAIN_INFO loop, in emulated TSC
#                         cycles and nanoseconds (Bochs runs with
#                         clock sync=none, so emulated time counts
#                         emulated instructions: host load does not move it)
#   native boot           tests/bochs/cases/native_boot.ksh: Bochs start to
#                         the kernel's last line, wall time and Bochs CPU
#                         time (OVMF included)
#
# Prints one line per figure and the VMX/SVM ratio. Logs stay in
# $KSH_BUILD/bochs-bench/.
set -u
source "$(dirname "$0")/lib.sh"
out=$build/bochs-bench
vmx=corei7_skylake_x
svm=ryzen
mkdir -p "$out"

fail() {
	echo "bench-bochs: $*" >&2
	exit 1
}
[ -x "$kshc" ] && [ -r "$build/lib/libksh-kernel.a" ] ||
	fail "kshc or libksh-kernel.a not built"

for c in hcbench native_boot; do
	bochs_build "$bochs_here/cases/$c.ksh" "$out/$c" ||
		fail "image build failed: $out/$c/build.log"
	# One image, two boots: copy it per model.
	for m in $vmx $svm; do
		rm -rf "$out/$c-$m" && mkdir -p "$out/$c-$m"
		cp "$out/$c/image.efi" "$out/$c-$m/image.efi"
	done
	bochs_boot "$bochs_here/cases/$c.ksh" $vmx "$out/$c-$vmx" &
	bochs_boot "$bochs_here/cases/$c.ksh" $svm "$out/$c-$svm" &
	wait
	for m in $vmx $svm; do
		r=$(bochs_check "$bochs_here/cases/$c.ksh" "$out/$c-$m/run/com1.txt")
		[ "$r" = ok ] || fail "$c on $m: $r"
	done
done

field() { # LOG KEY -> value of KEY= on the first HCBENCH line having it
	tr -d '\r' <"$1" | grep -ao "HCBENCH.*$2=[0-9]*" | head -n 1 |
		sed "s/.*$2=//"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

cv=$(field "$out/hcbench-$vmx/run/com1.txt" cycles_per_call)
cs=$(field "$out/hcbench-$svm/run/com1.txt" cycles_per_call)
nv=$(field "$out/hcbench-$vmx/run/com1.txt" ns_per_call)
ns=$(field "$out/hcbench-$svm/run/com1.txt" ns_per_call)
bw_v=$(cat "$out/native_boot-$vmx/run/wall_ms.txt")
bw_s=$(cat "$out/native_boot-$svm/run/wall_ms.txt")
bc_v=$(cat "$out/native_boot-$vmx/run/cpu_ms.txt")
bc_s=$(cat "$out/native_boot-$svm/run/cpu_ms.txt")
echo "bochs hypercall round trip: vmx($vmx) ${cv} cycles ${nv} ns, svm($svm) ${cs} cycles ${ns} ns; vmx/svm $(ratio "$nv" "$ns") (emulated time)"
echo "bochs native boot: vmx($vmx) ${bw_v} ms wall ${bc_v} ms cpu, svm($svm) ${bw_s} ms wall ${bc_s} ms cpu; vmx/svm $(ratio "$bc_v" "$bc_s") (cpu), $(ratio "$bw_v" "$bw_s") (wall)"
