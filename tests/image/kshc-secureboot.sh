#!/bin/bash
# TAP suite: the image kshc signs boots under OVMF Secure Boot with the
# snakeoil keys enrolled; the same image unsigned, signed with another key,
# or signed and then changed by one byte in code or in the tables is
# refused by the firmware.
. "$(dirname "$0")/lib.sh"

KSHC=$BUILD/bin/kshc
W=$WORK
mkdir -p "$W/tmp"
export TMPDIR=$W/tmp
tap_plan 7

"$KSHC" examples/hello.ksh -L "$BUILD/guests" -o "$W/good.efi" \
	--sign-key "$SNAKEOIL_KEY" --sign-cert "$SNAKEOIL_CERT" \
	--sign-pass-file "$W/snakeoil.pass" --keep-temps 2>"$W/build.err"
tap_check $? "kshc builds and signs examples/hello.ksh"
kept=$(sed -n 's/^kshc: temporaries kept in //p' "$W/build.err")
"$KSHC" examples/hello.ksh -L "$BUILD/guests" -o "$W/unsigned.efi"
make_other_key "$W"
"$KSHC" examples/hello.ksh -L "$BUILD/guests" -o "$W/other.efi" \
	--sign-key "$W/other.key" --sign-cert "$W/other.pem"
code=$(sym_offset "$kept/image.so" "$W/good.efi" efi_main)
tables=$(sym_offset "$kept/image.so" "$W/good.efi" ksh_tables)
cp "$W/good.efi" "$W/code.efi"
cp "$W/good.efi" "$W/tables.efi"
[ -n "$code" ] && [ -n "$tables" ] && flip_byte "$W/code.efi" $((code + 4)) &&
	flip_byte "$W/tables.efi" $((tables + 8)) &&
	! cmp -s "$W/good.efi" "$W/code.efi" && ! cmp -s "$W/good.efi" "$W/tables.efi"
tap_check $? "one byte changed in efi_main and one in ksh_tables"
rm -rf "$kept"

boot() { sb_boot "$W/$1.efi" "$W/$1.log" 240 >"$W/$1.rc"; }
boot good &
boot unsigned &
wait
boot other &
boot code &
wait
boot tables
for b in good unsigned other code tables; do
	echo "--- $b (qemu status $(cat "$W/$b.rc"))" >&2
	tr -d '\033' <"$W/$b.log" | tr '\r' '\n' | grep -a 'BdsDxe\|^ksh:\|^\[' |
		tail -n 12 >&2
done

grep -aq '^\[hello_a\] DONE' "$W/good.log" &&
	grep -aq '^\[hello_b\] DONE' "$W/good.log"
tap_check $? "signed with the enrolled key: boots under Secure Boot, domains run"
for b in unsigned other code tables; do
	grep -aq 'HARDDISK.*Access Denied' "$W/$b.log" &&
		! grep -aq 'ksh: microhypervisor' "$W/$b.log"
	tap_check $? "$b image refused by the firmware (Access Denied)"
done
tap_done
