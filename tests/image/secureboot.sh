#!/bin/bash
# TAP suite: under OVMF with Secure Boot enforcing and Debian's snakeoil
# keys enrolled, an image signed by ksh-sign with the snakeoil key boots;
# the same image unsigned, signed with a key the firmware does not trust,
# or signed and then changed by one byte in .text is refused.
. "$(dirname "$0")/lib.sh"

APP=$BUILD/tests/image/hello_app.efi
W=$WORK
tap_plan 4

"$KSH_SIGN" --sign-key "$SNAKEOIL_KEY" --sign-cert "$SNAKEOIL_CERT" \
	--sign-pass-file "$W/snakeoil.pass" -o "$W/good.efi" "$APP" >&2
make_other_key "$W"
"$KSH_SIGN" --sign-key "$W/other.key" --sign-cert "$W/other.pem" \
	-o "$W/other.efi" "$APP" >&2
cp "$W/good.efi" "$W/tampered.efi"
off=$((0x$(objdump -h "$APP" | awk '$2==".text"{print $6}') + 16))
printf '\x5a' | dd of="$W/tampered.efi" bs=1 seek="$off" conv=notrunc \
	2>/dev/null
cp "$APP" "$W/unsigned.efi"

# Two boots at a time (the machines have two cores); each ~5-10 s.
boot() { sb_boot "$W/$1.efi" "$W/$1.log" 240 >"$W/$1.rc"; }
boot good &
boot unsigned &
wait
boot other &
boot tampered &
wait
for b in good unsigned other tampered; do
	echo "--- $b (qemu status $(cat "$W/$b.rc"))" >&2
	tr -d '\033' <"$W/$b.log" | tr '\r' '\n' | grep -v '^\s*$' | tail -n 8 >&2
done

app_ran "$W/good.log" "$(cat "$W/good.rc")"
tap_check $? "signed with the enrolled snakeoil key: boots and runs"
refused "$W/unsigned.log"
tap_check $? "unsigned: refused (Access Denied)"
refused "$W/other.log"
tap_check $? "signed with an untrusted key: refused (Access Denied)"
refused "$W/tampered.log"
tap_check $? "signed, then one byte of .text changed: refused (Access Denied)"
tap_done
