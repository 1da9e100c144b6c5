#!/bin/bash
# TAP suite: native and Multiboot payloads start as their loaders say. Each
# probe (tests/e2e/*_probe*) is loaded by the real loader on the host,
# copied into QEMU's RAM by the shim and entered with the loader's
# vcpu_start; it reports what it sees on COM1.
cd "$(dirname "$0")/../.." || exit 1
. tests/e2e/lib.sh
tap_plan 9
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fx=$b/fixtures/e2e

# Native: 256 MiB (the identity map must also cover the shim at 128 MiB).
if e2e_boot "$t/n" 60 'KSH-NATIVE-RAMTOP' native "$fx/native_probe.elf" - \
	256 probe-dom; then
	line=$(grep -a '^KSH-NATIVE' "$t/n/serial.log" | head -n1)
	kv() { tr ' ' '\n' <<<"$line" | sed -n "s/^$1=//p"; }
	tap_eval '[ "${line%% *}" = KSH-NATIVE-OK ]' \
		"native: info magic at RDI (${line%% *})"
	tap_eval '[ "$(kv info)" = 0x1000 ] && [ "$(kv domain)" = 0x5 ] &&
		[ "$(kv handles)" = 0x2 ] && [ "$(kv ram)" = 0x10000000 ] &&
		[ "$(kv name)" = probe-dom ]' \
		"native: ksh_native_info fields (id, handles, RAM, name)"
	tap_eval '[ "$(kv rsp)" = 0xfff0000 ] && [ "$(kv rflags)" = 0x2 ] &&
		[ "$(kv rax)" = 0x0 ] && [ "$(kv rsi)" = 0x0 ]' \
		"native: RSP = RAM - 64 KiB, RFLAGS = 0x2, other registers 0"
	tap_eval '[ "$(kv cs)" = 0x10 ] && [ "$(kv ss)" = 0x18 ] &&
		[ "$(kv cr0pg)" = 0x1 ] && [ "$(kv cr4pae)" = 0x1 ] &&
		[ $(( $(kv efer) & 0xd00 )) -eq $((0xd00)) ] &&
		[ "$(kv cr3)" = "$(reg cr3 "$t/n")" ]' \
		"native: long mode on the loader's GDT and page tables"
	tap_eval '[ "$(kv bsszero)" = 0x1 ] &&
		grep -qa "^KSH-NATIVE-RAMTOP-OK" "$t/n/serial.log"' \
		"native: bss zeroed, RAM top mapped"
	[ -n "$(cat "$t/n/ms")" ] || tail -n 20 "$t/n/serial.log" >&2
else
	for i in 1 2 3 4 5; do tap_fail "native: loader refused the probe"; done
fi

# Multiboot v1 and v2: 64 MiB, command line passed through.
for v in 1 2; do
	magic=$([ $v = 1 ] && echo 0x2badb002 || echo 0x36d76289)
	if e2e_boot "$t/m$v" 60 '^KSH-MB' multiboot "$fx/mb_probe$v.elf" - \
		64 "mbtest v=$v"; then
		line=$(grep -a '^KSH-MB' "$t/m$v/serial.log" | head -n1)
		tap_eval '[ "$line" = "KSH-MB$v-OK magic=$magic cs=0x10 pg=0x0 mem_upper=0xfc00 cmdline=mbtest v=$v" ]' \
			"multiboot v$v: EAX magic, info (mem_upper, command line), flat 32-bit CS, paging off"
		tap_eval '[ "$(reg rip "$t/m$v")" = "$(printf 0x%x $((0x$(readelf -h "$fx/mb_probe$v.elf" | sed -n "s/.*Entry point address: *0x//p"))))" ]' \
			"multiboot v$v: entry is the ELF entry point"
		[ -n "$line" ] || tail -n 20 "$t/m$v/serial.log" >&2
	else
		tap_fail "multiboot v$v: loader refused the probe"
		tap_fail "multiboot v$v: loader refused the probe"
	fi
done
ms=$(cat "$t/n/ms" 2>/dev/null)
[ -n "$ms" ] && echo "# native probe: QEMU start to report ${ms} ms"
tap_done
