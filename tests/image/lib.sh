# Shared helpers of the image TAP suites (sourced, not run).
#
# Sets ROOT, BUILD, KSH_SIGN, a private WORK directory removed on exit, and
# offers TAP output (tests/lib/tap.sh), the snakeoil key (Debian ovmf: its certificate is
# enrolled in OVMF_VARS_4M.snakeoil.fd) and a Secure Boot QEMU runner.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
BUILD=${KSH_BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
KSH_SIGN=$BUILD/bin/ksh-sign
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ksh-image-test.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT

SNAKEOIL_KEY=/usr/share/ovmf/PkKek-1-snakeoil.key
SNAKEOIL_CERT=/usr/share/ovmf/PkKek-1-snakeoil.pem
OVMF_SB_CODE=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd
OVMF_SB_VARS=/usr/share/OVMF/OVMF_VARS_4M.snakeoil.fd
printf 'snakeoil\n' >"$WORK/snakeoil.pass"

# TAP: the shared helper (tap_plan, tap_check $? "...", tap_done).
# shellcheck source=tests/lib/tap.sh
source "$ROOT/tests/lib/tap.sh"

# make_other_key DIR: a fresh RSA key and self-signed certificate that no
# firmware trusts.
make_other_key() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=untrusted \
		-keyout "$1/other.key" -out "$1/other.pem" >/dev/null 2>&1
}

# make_esp EFI IMG: a FAT image with EFI as the removable-media boot path.
make_esp() {
	rm -f "$2"
	truncate -s 8M "$2" &&
		mformat -i "$2" :: &&
		mmd -i "$2" ::/EFI ::/EFI/BOOT &&
		mcopy -i "$2" "$1" ::/EFI/BOOT/BOOTX64.EFI
}

# efi_boot MODE EFI LOG [TIMEOUT]: boots EFI from an ESP under QEMU TCG
# with AMD SVM and nested paging (what the kernel needs) and OVMF, writing
# the serial log to LOG; prints QEMU's exit status. MODE "sb": Secure Boot
# enforcing with the snakeoil keys enrolled (OVMF_SB_VARS above, SMM on
# q35); MODE "plain": OVMF without Secure Boot. Stops early once
# the firmware has given up on every boot option.
efi_boot() {
	local mode=$1 efi=$2 log=$3 tmo=${4:-90} dir pid rc i fw
	dir=$(mktemp -d "$WORK/boot.XXXXXX")
	make_esp "$efi" "$dir/esp.img" >/dev/null 2>&1 || {
		echo 255
		return
	}
	if [ "$mode" = sb ]; then
		cp "$OVMF_SB_VARS" "$dir/vars.fd"
		fw=(-machine q35,smm=on
			-global driver=cfi.pflash01,property=secure,value=on
			-drive "if=pflash,format=raw,unit=0,readonly=on,file=$OVMF_SB_CODE")
	else
		cp /usr/share/OVMF/OVMF_VARS_4M.fd "$dir/vars.fd"
		fw=(-machine q35
			-drive "if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd")
	fi
	timeout -k 5 "$tmo" qemu-system-x86_64 "${fw[@]}" -accel tcg \
		-cpu qemu64,+svm,+npt -m 512 -smp 1 -nographic -no-reboot \
		-net none -drive "if=pflash,format=raw,unit=1,file=$dir/vars.fd" \
		-drive "format=raw,file=$dir/esp.img" \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
		</dev/null >"$log" 2>&1 &
	pid=$!
	# "No bootable option" follows every refused load; waiting for it
	# instead of the timeout saves most of a minute per refused image.
	for i in $(seq 1 $((tmo * 5))); do
		if ! kill -0 "$pid" 2>/dev/null; then
			break
		fi
		if grep -q 'No bootable option or device' "$log"; then
			kill "$pid" 2>/dev/null
			break
		fi
		sleep 0.2
	done
	wait "$pid"
	rc=$?
	rm -rf "$dir"
	echo "$rc"
}

# sb_boot EFI LOG [TIMEOUT]: efi_boot with Secure Boot enforcing.
sb_boot() { efi_boot sb "$@"; }

# sym_offset SO EFI SYMBOL: the file offset in the PE image EFI of
# SYMBOL's address in the linked ELF SO (kept by kshc --keep-temps).
sym_offset() {
	local addr idx name size vma lma off rest
	addr=$(nm "$1" | awk -v s="$3" '$3 == s { print $1 }')
	[ -n "$addr" ] || return 1
	objdump -h "$2" | while read -r idx name size vma lma off rest; do
		case $idx in '' | *[!0-9]*) continue ;; esac
		if [ $((0x$addr)) -ge $((0x$vma)) ] &&
			[ $((0x$addr)) -lt $((0x$vma + 0x$size)) ]; then
			echo $((0x$addr - 0x$vma + 0x$off))
			break
		fi
	done
}

# flip_byte FILE OFFSET: changes one byte (XOR 0x01).
flip_byte() {
	local v
	v=$(od -An -tu1 -j"$2" -N1 "$1" | tr -d ' ')
	printf "$(printf '\\%03o' $((v ^ 1)))" |
		dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# app_ran LOG RC: the fixture printed its line and left through
# isa-debug-exit with 0x10 (QEMU status 0x21).
app_ran() {
	grep -q 'KSH-FIXTURE: signed app is running' "$1" && [ "$2" -eq 33 ]
}

# refused LOG: the firmware refused the boot image and never ran it.
refused() {
	grep -q 'HARDDISK.*Access Denied' "$1" &&
		! grep -q 'KSH-FIXTURE' "$1"
}

# u32 FILE OFFSET / u16 FILE OFFSET: little-endian integers from a file.
u32() { od -An -tu4 -j"$2" -N4 "$1" | tr -d ' '; }
u16() { od -An -tu2 -j"$2" -N2 "$1" | tr -d ' '; }

# pe_fields FILE: sets CKS_OFF (OptionalHeader.CheckSum), SECDIR_OFF
# (certificate table directory entry), CERT_OFF and CERT_LEN.
pe_fields() {
	local opt=$(($(u32 "$1" 60) + 24))
	CKS_OFF=$((opt + 64))
	SECDIR_OFF=$((opt + 144))
	CERT_OFF=$(u32 "$1" "$SECDIR_OFF")
	CERT_LEN=$(u32 "$1" $((SECDIR_OFF + 4)))
}

# make_fixture_runtime DIR: a runtime directory laid out as kshc expects
# (see ksh-compiler/image/image_build.c) whose "kernel library" is the
# fixture app, for testing the image stage apart from the real kernel.
make_fixture_runtime() {
	mkdir -p "$1/efi" "$1/include/ksh" &&
		cp /usr/lib/crt0-efi-x86_64.o /usr/lib/elf_x86_64_efi.lds \
			/usr/lib/x86_64-linux-gnu/libbearssl.a \
			/usr/lib/libefi.a /usr/lib/libgnuefi.a "$1/efi/" &&
		cp "$ROOT"/include/ksh/*.h "$1/include/ksh/" &&
		ar rcD "$1/libksh-kernel.a" \
			"$BUILD/efi/tests/image/fixtures/hello_app.o"
}

# make_fixture_gen DIR PAYLOAD: generated files as the front end writes
# them: a table referring to one payload embedded with .incbin.
make_fixture_gen() {
	mkdir -p "$1"
	cat >"$1/tables.c" <<-'EOT'
		#include <ksh/tables.h>
		extern const uint8_t ksh_payload_0[];
		const uint8_t *const ksh_test_payloads[] = {ksh_payload_0};
	EOT
	cat >"$1/payloads.S" <<-EOT
		.section .note.GNU-stack, "", @progbits
		.section .rodata
		.globl ksh_payload_0
		ksh_payload_0:
		.incbin "$2"
	EOT
}
