#!/bin/sh
# TAP suite: speculation hardening visible in the built kernel library
# (kernel/spec.mk, ksh/spec_ctrl.h).
#  1. No indirect call or jump is left outside the retpoline thunks: every
#     one a guest could influence (the vendor operations table, the device
#     dispatch of runtime/devices/vdev_bus.c, port and MMIO dispatch,
#     switch jump tables) goes through __x86_indirect_thunk_*.
#  2. The vendor table and the device dispatch really call the thunks (so
#     test 1 is not passing over an empty or unreadable disassembly).
#  3. Both VM-exit paths fill the return stack buffer before the host's
#     first RET (kernel/include/arch/rsb_fill.h).
cd "$(dirname "$0")/.." || exit 1
build=${KSH_BUILD:-build}
lib=$build/lib/libksh-kernel.a
echo "1..3"
if [ ! -r "$lib" ]; then
	for i in 1 2 3; do echo "not ok $i - $lib not built"; done
	exit 0
fi
dis=$(mktemp)
trap 'rm -f "$dis"' EXIT
if ! objdump -dr --no-show-raw-insn "$lib" >"$dis" 2>&1; then
	for i in 1 2 3; do echo "not ok $i - objdump failed on $lib"; done
	exit 0
fi

# Function headers look like "0000000000000000 <name>:"; an indirect
# branch is a call or jmp whose operand starts with '*' (AT&T syntax),
# with or without a notrack/bnd prefix.
bad=$(awk '
	/^[0-9a-f]+ <[^>]+>:$/ { fn = $2; next }
	/^In archive|file format/ { next }
	/[ \t](call|callq|jmp|jmpq)[ \t]+\*/ {
		if (fn !~ /^<__x86_indirect_thunk_/) print fn ": " $0
	}' "$dis")
if [ -z "$bad" ]; then
	echo "ok 1 - no indirect call or jump outside the retpoline thunks"
else
	printf '%s\n' "$bad" | head -n 20 | sed 's/^/# /'
	echo "not ok 1 - $(printf '%s\n' "$bad" | wc -l) indirect branches outside the thunks"
fi

# The callers that must go through thunks: the scheduler's vcpu_ops->run
# (run_frame, which the compiler may inline into sched_run), the exit
# handler's vcpu_ops calls, vdev_bus's ops->read/write (bus_access, or
# the bus entry points it is inlined into).
missing=
for group in "run_frame sched_run" "exit_handle" \
	"bus_access vdev_bus_pio_read vdev_bus_mmio_read"; do
	n=$(awk -v names=" $group " '
		/^[0-9a-f]+ <[^>]+>:$/ {
			name = substr($2, 2, length($2) - 3)
			on = index(names, " " name " ") > 0
			next
		}
		on && /__x86_indirect_thunk_/ { n++ }
		END { print n + 0 }' "$dis")
	[ "$n" -gt 0 ] || missing="$missing ($group)"
done
if [ -z "$missing" ]; then
	echo "ok 2 - the scheduler, exit handler and device bus call through the thunks"
else
	echo "not ok 2 - no thunk call found in:$missing"
fi

# RSB fill: 32 calls each returning into a PAUSE/LFENCE trap, i.e. the
# exit path holds PAUSE and a CALL to a local label.
missing=
for fn in svm_vmrun vmx_exit; do
	n=$(awk -v want="<$fn>:" '
		/^[0-9a-f]+ <[^>]+>:$/ { on = ($2 == want); next }
		on && /[ \t]pause/ { n++ }
		END { print n + 0 }' "$dis")
	[ "$n" -ge 2 ] || missing="$missing $fn"
done
if [ -z "$missing" ]; then
	echo "ok 3 - svm_vmrun and vmx_exit fill the return stack buffer"
else
	echo "not ok 3 - no RSB fill in:$missing"
fi
