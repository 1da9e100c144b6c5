#!/bin/bash
# Helpers of the loader end-to-end suites (sourced): the shared TAP
# helper (tests/lib/tap.sh) and e2e_boot, which runs one loader with loader-run and boots what it wrote
# through the Multiboot shim under QEMU TCG.
b=${KSH_BUILD:-build}
source "$(dirname "${BASH_SOURCE[0]}")/../lib/tap.sh"

# e2e_boot DIR TIMEOUT STOP LOADER FILE INITRD RAM_MIB ARG
# Leaves DIR/serial.log (carriage returns removed) and DIR/regs; returns
# 1 when the loader refused. The run ends when a line matches the regex
# STOP, QEMU exits (isa-debug-exit) or TIMEOUT seconds pass; DIR/ms holds
# the wall time from QEMU start to STOP in milliseconds (empty if never).
e2e_boot() {
	local dir=$1 tmo=$2 stop=$3 pid t0 mods regs
	shift 3
	# From nothing: no log of an earlier run can stand in for this one.
	rm -rf "$dir"
	mkdir -p "$dir"
	if ! "$b/tests/loader-run" "$1" "$2" "$3" "$4" "$dir" "$5" \
		>"$dir/run.out" 2>"$dir/run.err"; then
		cat "$dir/run.err" >&2
		return 1
	fi
	mods=$(sed -n 's/^MODS=//p' "$dir/run.out")
	regs=$(sed -n 's/^REGS=//p' "$dir/run.out")
	echo "$regs" >"$dir/regs"
	: >"$dir/ms"
	t0=$(date +%s%N)
	timeout "$tmo" qemu-system-x86_64 -kernel "$b/fixtures/e2e/shim.elf" \
		-initrd "$mods" -append "$regs" -nographic -cpu qemu64 -m 512 \
		-no-reboot -net none -monitor none \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		>"$dir/raw.log" 2>&1 </dev/null &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		if grep -qa -E "$stop" "$dir/raw.log"; then
			echo $((($(date +%s%N) - t0) / 1000000)) >"$dir/ms"
			break
		fi
		sleep 0.05
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ -s "$dir/ms" ] || ! grep -qa -E "$stop" "$dir/raw.log" ||
		echo $((($(date +%s%N) - t0) / 1000000)) >"$dir/ms"
	tr -d '\r' <"$dir/raw.log" >"$dir/serial.log"
	return 0
}

# reg NAME DIR: a register value the loader chose (from DIR/regs).
reg() { tr ' ' '\n' <"$2/regs" | sed -n "s/^$1=//p"; }
