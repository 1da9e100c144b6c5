#!/bin/bash
# TAP suite: runs the native test guests under the host harness
# (tests/guests/native_host.c: no hypervisor, the guest at CPL 3 in a Linux
# process, hypercalls emulated) and checks their serial lines, so the
# runtime (entry, hypercall wrappers, console, printf, checks) and each
# guest's logic are tested without the kernel. Privileged instructions stop
# a guest here, which is where the hostile guests are stopped anyway; the
# boot tests (tests/boot/) run the same ELFs on the real kernel.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
host=$build/tests/native-host
g=$build/guests
source tests/lib/tap.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# check STATUS TEXT: one TAP line; a failure shows the harness output.
check() {
	tap_check "$@"
	[ "$1" = 0 ] || sed 's/^/# /' "$log" | head -n 40
}

# run NAME ARGS... : runs the harness, output in $log.
run() {
	timeout -k 5 60 "$host" "$@" >"$log" 2>&1
	echo "rc=$?" >>"$log"
}

# in_order LINE... : each line appears whole in $log, in this order.
in_order() {
	awk -v want="$(printf '%s\n' "$@")" '
		BEGIN { n = split(want, w, "\n"); i = 1 }
		i <= n && $0 == w[i] { i++ }
		END { exit i <= n }' "$log"
}

absent() { ! grep -q -e "$1" "$log"; }

# hello: all lines in order, the name bounded to its 64 bytes.
run --name alpha --id 3 "$g/hello.elf"
in_order "hello from alpha 0" "hello from alpha 1" "hello from alpha 2" \
	"hello from alpha 3" "hello from alpha 4" "DONE alpha" \
	"HARNESS exit 0" "rc=0"
check $? "hello prints its lines, yields and exits 0"

long=$(printf 'n%.0s' $(seq 1 70))
run --name "$long" "$g/hello.elf"
in_order "hello from ${long:0:63} 0" "DONE ${long:0:63}" "HARNESS exit 0"
check $? "hello prints a long name as the loader truncated it"

run --bad-magic "$g/hello.elf"
in_order "HARNESS exit 126" && grep -q '^ksh-rt: bad native info' "$log" &&
	absent '^hello from'
check $? "runtime refuses a bad ksh_native_info magic before main"

# Every VMMCALL/VMCALL the disassembler sees was found by the harness, and
# nothing else was patched (a stray match would corrupt code).
for e in hello hostile_hypercall hcbench; do
	want=$(objdump -d "$g/$e.elf" | grep -cE '\s(vmmcall|vmcall)\s*$')
	run "$g/$e.elf"
	grep -qx "HARNESS patched $want hypercall sites" "$log" && [ "$want" -gt 0 ]
	check $? "$e: $want hypercall sites patched, as objdump counts"
done

run "$g/spinner.elf"
in_order "SPIN start" && grep -q '^HARNESS stopped' "$log" &&
	absent 'SPIN escaped'
check $? "spinner prints SPIN start, then executes cli"

# Hostile guests: the first attempt is announced, then it is stopped.
run "$g/hostile_io.elf"
in_order "HOSTILE-IO start=0" "HOSTILE-IO attempt 0 out 0xcf8 value=0x80000000" &&
	grep -q '^HARNESS stopped' "$log" && absent FAIL
check $? "hostile_io announces out 0xcf8 and is stopped"
run --name io_kbd "$g/hostile_io.elf"
in_order "HOSTILE-IO start=2" "HOSTILE-IO attempt 2 out 0x64 value=0xfe" &&
	absent FAIL
check $? "hostile_io: name keyword kbd selects the 0x64 reset"
run --name io_cfc "$g/hostile_io.elf"
in_order "HOSTILE-IO attempt 1 in 0xcfc" && absent FAIL
check $? "hostile_io: name keyword cfc selects the 0xcfc read"

run "$g/hostile_msr.elf"
in_order "HOSTILE-MSR start=0" \
	"HOSTILE-MSR attempt 0 wrmsr 0xc0000080 value=0xd01" &&
	grep -q '^HARNESS stopped' "$log" && absent FAIL
check $? "hostile_msr announces the EFER write and is stopped"
run --name msr_apic "$g/hostile_msr.elf"
in_order "HOSTILE-MSR attempt 1 rdmsr 0x1b" && absent FAIL
check $? "hostile_msr: name keyword apic selects APIC_BASE"
run --name msr_hsave "$g/hostile_msr.elf"
in_order "HOSTILE-MSR attempt 3 rdmsr 0xc0010117" && absent FAIL
check $? "hostile_msr: name keyword hsave selects VM_HSAVE_PA"

# hostile_mem builds its page tables (pure .bss work) and is stopped at the
# MOV to CR3 here, before any attempt line: the boot tests see the rest.
for case in ":0" "mem_write:1" "mem_lapic:2" "mem_lapic_write:3" \
	"mem_high:4" "mem_high_write:5"; do
	name=${case%:*} k=${case#*:}
	run ${name:+--name "$name"} --ram 8 "$g/hostile_mem.elf"
	in_order "HOSTILE-MEM start=$k ram=0x800000" &&
		grep -q '^HARNESS stopped signal=11' "$log" && absent FAIL
	check $? "hostile_mem ${name:-default}: start=$k, page tables built"
done

# hostile_hypercall: every check up to CPL 3 passes against the ABI as
# the harness applies it; the CPL 3 setup (LGDT) stops it here.
run --name hc "$g/hostile_hypercall.elf"
in_order "PASS enosys-0" "PASS enosys-12" "PASS enosys-trunc" \
	"PASS enosys-high" "HOSTILE-HC console ok" "PASS console-ok" \
	"PASS console-long" \
	"PASS efault-outside-ram" "PASS efault-cross-end" \
	"PASS efault-len-wrap" "PASS efault-ptr-wrap" "PASS efault-huge-len" \
	"PASS einval-info-small" "PASS info-small-untouched" \
	"PASS efault-info-outside" "PASS efault-info-cross" "PASS info-ok" \
	"PASS info-domain-id" "PASS info-ram-size" "PASS info-name" &&
	absent '^FAIL'
check $? "hostile_hypercall: argument checks report PASS"

# hcbench: the figures are printed as numbers (the harness's hypercall is
# a SIGILL round trip, so the values say nothing about the kernel).
run "$g/hcbench.elf"
grep -qE '^HCBENCH calls=10000 cycles_per_call=[1-9][0-9]* mean_cycles_per_call=[1-9][0-9]*$' "$log" &&
	grep -qE '^HCBENCH tsc_khz=[1-9][0-9]* ns_per_call=[1-9][0-9]*$' "$log" &&
	grep -qE '^MEMCPY bytes=65536 cycles=[1-9][0-9]* MBps=[1-9][0-9]*$' "$log" &&
	in_order "HCBENCH DONE" "HARNESS exit 0"
check $? "hcbench prints cycles_per_call, ns_per_call and MEMCPY MBps"
grep -E '^(HCBENCH|MEMCPY)' "$log" | sed 's/^/# harness: /'

# stack_guard (built with -fstack-protector-all): the runtime's WRMSR of
# FS base is skipped here, so the canary is the process's (glibc's); the
# overrun must still reach the runtime's __stack_chk_fail.
run --name sg_intact "$g/stack_guard.elf"
grep -q '^STACK-GUARD canary non-zero, low byte 0 (source ' "$log" &&
	in_order "STACK-GUARD intact DONE" "HARNESS exit 0" && absent FAIL
check $? "stack_guard: non-zero canary, protected calls return normally"
run --name sg "$g/stack_guard.elf"
in_order "STACK-GUARD smashing 40 bytes into a 16-byte buffer" \
	"ksh-rt: stack smashing detected: stopping the domain" \
	"HARNESS exit 125" && absent FAIL
check $? "stack_guard: a stack overrun stops the domain with status 125"

# Multiboot kernels: ELF32 with a valid header in the search window.
"$host" --check-multiboot 1 "$g/multiboot1.elf" >"$log" 2>&1
check $? "multiboot1.elf: ELF32 with a valid Multiboot v1 header"
"$host" --check-multiboot 2 "$g/multiboot2.elf" >"$log" 2>&1
check $? "multiboot2.elf: ELF32 with a valid Multiboot2 header"
! "$host" --check-multiboot 2 "$g/multiboot1.elf" >"$log" 2>&1
check $? "the header check refuses a v1 kernel as v2"

# Multiboot kernels run: loaded by loader_multiboot, 32-bit code in
# compatibility mode. Needs a mapping at 0x1000 and a host that runs
# 32-bit user code (see native_host.c); where either is missing the
# harness exits 77 and the runs are skipped, with the harness's reason.
for k in 1 2; do
	run --multiboot --ram 16 --cmdline "console=ttyS0 mb.test=$k" \
		"$g/multiboot$k.elf"
	if grep -q '^rc=77$' "$log"; then
		tap_skip "$(sed -n 's/^HARNESS skip: //p' "$log")" "multiboot$k runs"
		continue
	fi
	all=0
	for l in "MB$k cmdline=console=ttyS0 mb.test=$k" \
		"MB$k mem_lower=640 mem_upper=15360" \
		"MB$k mmap 2 base=0x100000 len=0xf00000 type=1" \
		"MB$k mmap entries=3 available_kb=16000" "MB$k loader=ksh"; do
		grep -qxF "$l" "$log" || all=1
	done
	[ $all = 0 ] && absent FAIL &&
		in_order "MB$k magic ok" "MB$k failures=0" "MB$k DONE" \
			"HARNESS exit 0"
	check $? "multiboot$k reports magic, cmdline, memory and map, DONE"
	run --multiboot --bad-magic --ram 16 "$g/multiboot$k.elf"
	if ! grep -q '^rc=77$' "$log"; then
		grep -q "^MB$k FAIL magic=0x" "$log" &&
			in_order "MB$k failures=1" "MB$k DONE" "HARNESS exit 1"
		check $? "multiboot$k reports a wrong magic as FAIL"
	fi
done

# Native ELFs: ET_EXEC x86-64, loaded at >= 1 MiB, vaddr == paddr.
bad=0
for e in "$g"/*.elf; do
	case $e in */multiboot*) continue ;; esac
	readelf -h "$e" | grep -q 'EXEC (Executable file)' || bad=1
	while read -r _ _ va pa _; do
		[ $((va)) -ge $((0x100000)) ] && [ "$va" = "$pa" ] || bad=1
	done < <(readelf -lW "$e" | grep '^ *LOAD')
done
echo "$bad" >"$log"
check "$bad" "native guests are ET_EXEC, PT_LOADs at >= 1 MiB with vaddr == paddr"

tap_done
