#!/bin/bash
# TAP suite (make check-bochs): tests/boot/ev_wait.ksh under Bochs,
# Intel VMX + EPT (corei7_skylake_x): blocking receive and event wait,
# timeout and refused waits on the VMX backend, where the woken call's
# result reaches the guest through the VMCS entry path instead of the
# VMCB. Directives in the .ksh, checked by tests/lib/boot.sh.
source "$(dirname "$0")/../bochs/lib.sh"
source "$ROOT/tests/lib/tap.sh"
ksh=$ROOT/tests/boot/ev_wait.ksh
dir=$BUILD/bochs-boot/ev_wait-skylake
tap_plan 1
if ! bochs_build "$ksh" "$dir"; then
	tap_fail "ev_wait under Bochs VMX: image build failed ($dir/build.log)"
	exit 0
fi
bochs_boot "$ksh" corei7_skylake_x "$dir"
res=$(bochs_check "$ksh" "$dir/run/com1.txt")
case $res in
ok*) tap_ok "ev_wait under Bochs VMX (wall $(cat "$dir/run/wall_ms.txt" 2>/dev/null) ms)" ;;
*)
	tap_fail "ev_wait under Bochs VMX: ${res#not ok: }"
	boot_show "$dir/run/com1.txt.clean" 15
	;;
esac
