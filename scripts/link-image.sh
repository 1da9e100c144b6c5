#!/bin/sh
# Links a bootable UEFI image from the generated tables and payloads:
#
#   scripts/link-image.sh OUT.efi tables.c payloads.S
#
# 1. tables.c and payloads.S (written by `kshc --emit-c`) are compiled with
#    the kernel's UEFI flags (position-independent, no red zone, no SSE:
#    mk/config.mk EFI_ALL_CFLAGS, repeated below).
# 2. They are linked with GNU-EFI's start-up object and linker script,
#    libksh-kernel.a (every kernel object: --whole-archive, so each
#    vendor backend is present for vcpu_select's weak references), BearSSL (payload SHA-256) and
#    GNU-EFI's libraries, as a shared object whose only relocations are
#    relative (GNU-EFI's _relocate applies them at load).
# 3. objcopy turns the ELF into a PE32+ EFI application (subsystem 10).
#
# Environment: KSH_KERNEL_LIB (default build/lib/libksh-kernel.a),
# KSH_INCLUDE (default include/, the public ABI, next to this script), CC, LD,
# OBJCOPY.
set -eu
if [ $# -ne 3 ]; then
	echo "usage: $0 OUT.efi tables.c payloads.S" >&2
	exit 2
fi
out=$1 tables=$2 payloads=$3
root=$(cd "$(dirname "$0")/.." && pwd)
lib=${KSH_KERNEL_LIB:-$root/build/lib/libksh-kernel.a}
inc=${KSH_INCLUDE:-$root/include}
cc=${CC:-cc} ld=${LD:-ld} objcopy=${OBJCOPY:-objcopy}
efi_inc=/usr/include/efi
efi_lib=/usr/lib
bearssl=/usr/lib/x86_64-linux-gnu/libbearssl.a

for f in "$lib" "$tables" "$payloads" "$efi_lib/crt0-efi-x86_64.o"; do
	[ -r "$f" ] || { echo "$0: cannot read $f" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cflags="-std=gnu11 -I$inc -I$efi_inc -I$efi_inc/x86_64 -DKSH_KERNEL \
	-fpic -ffreestanding -fno-stack-protector -fno-stack-check \
	-fshort-wchar -mno-red-zone -maccumulate-outgoing-args \
	-mgeneral-regs-only -DEFI_FUNCTION_WRAPPER -O2"
# Payload paths in payloads.S are relative to where kshc ran: assemble
# from the directory holding payloads.S.
$cc $cflags -c "$tables" -o "$tmp/tables.o"
(cd "$(dirname "$payloads")" && $cc $cflags -c "$(basename "$payloads")" -o "$tmp/payloads.o")
$ld -nostdlib -znocombreloc -z noexecstack --no-undefined -T "$efi_lib/elf_x86_64_efi.lds" -shared \
	-Bsymbolic "$efi_lib/crt0-efi-x86_64.o" "$tmp/tables.o" \
	"$tmp/payloads.o" --whole-archive "$lib" --no-whole-archive \
	--start-group "$bearssl" \
	"$efi_lib/libefi.a" "$efi_lib/libgnuefi.a" --end-group \
	-o "$tmp/image.so"
$objcopy -j .text -j .sdata -j .data -j .rodata -j .dynamic -j .dynsym \
	-j .rel -j .rela -j '.rela.*' -j .reloc --target efi-app-x86_64 \
	--subsystem=10 "$tmp/image.so" "$out"
