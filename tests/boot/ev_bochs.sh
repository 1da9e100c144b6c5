#!/bin/bash
# TAP suite (make check-bochs): tests/boot/ev_wait.ksh under Bochs,
# Intel VMX + EPT (corei7_skylake_x): blocking receive and event wait,
# timeout and refused waits on the VMX backend, where the woken call's
# result reaches the guest through the VMCS entry path instead of the
# VMCB. Directives in the .ksh (tests/bochs/lib.sh reads them).
source "$(dirname "$0")/../bochs/lib.sh"
ksh=$bochs_root/tests/boot/ev_wait.ksh
dir=$build/bochs-boot/ev_wait-skylake
echo "1..1"
if ! bochs_build "$ksh" "$dir"; then
	echo "not ok 1 - ev_wait under Bochs VMX: image build failed ($dir/build.log)"
	exit 0
fi
bochs_boot "$ksh" corei7_skylake_x "$dir"
res=$(bochs_check "$ksh" "$dir/run/com1.txt")
case $res in
ok*) echo "ok 1 - ev_wait under Bochs VMX (wall $(cat "$dir/run/wall_ms.txt" 2>/dev/null) ms)" ;;
*)
	echo "not ok 1 - ev_wait under Bochs VMX: ${res#not ok: }"
	tail -n 15 "$dir/run/com1.txt.clean" 2>/dev/null | sed 's/^/# /' >&2
	;;
esac
