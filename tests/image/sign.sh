#!/bin/bash
# TAP suite: ksh-sign writes Authenticode signatures that independent
# verifiers accept, deterministically, and refuses bad input clearly.
. "$(dirname "$0")/lib.sh"

APP=$BUILD/tests/image/hello_app.efi
W=$WORK
SNAKE=(--sign-key "$SNAKEOIL_KEY" --sign-cert "$SNAKEOIL_CERT")
tap_plan 24

"$KSH_SIGN" "${SNAKE[@]}" --sign-pass-file "$W/snakeoil.pass" \
	--print-digest -o "$W/a.efi" "$APP" >"$W/a.out" 2>"$W/a.err"
tap_check $? "signs the fixture with the snakeoil key (passphrase file)"
sbverify --cert "$SNAKEOIL_CERT" "$W/a.efi" >"$W/sbv.log" 2>&1
tap_check $? "sbverify --cert accepts the signature"
osslsigncode verify -in "$W/a.efi" -CAfile "$SNAKEOIL_CERT" >"$W/oss.log" 2>&1
tap_check $? "osslsigncode verify accepts the signature"
! grep -q 'invalid PE checksum' "$W/oss.log"
tap_check $? "the PE checksum is updated (osslsigncode recomputes it)"
want=$(sed -n 's/^Calculated message digest *: *\([0-9A-F]*\).*/\1/p' \
	"$W/oss.log" | tr A-F a-f)
got=$(cut -d' ' -f1 "$W/a.out")
[ -n "$want" ] && [ "$got" = "$want" ]
tap_check $? "--print-digest equals osslsigncode's calculated digest"
pe_fields "$W/a.efi"
size=$(stat -c%s "$W/a.efi")
[ $((CERT_OFF % 8)) -eq 0 ] && [ $((CERT_OFF + CERT_LEN)) -eq "$size" ] &&
	[ "$(u32 "$W/a.efi" "$CERT_OFF")" -eq "$CERT_LEN" ] &&
	[ "$(u16 "$W/a.efi" $((CERT_OFF + 4)))" -eq $((0x0200)) ] &&
	[ "$(u16 "$W/a.efi" $((CERT_OFF + 6)))" -eq 2 ] &&
	[ $((CERT_LEN % 8)) -eq 0 ]
tap_check $? "WIN_CERTIFICATE: rev 2.0, PKCS_SIGNED_DATA, 8-aligned, at the end"
# cmp -l lists differing bytes (1-based) over the common length: only
# CheckSum and the certificate directory entry may differ.
bad=$(cmp -l "$APP" "$W/a.efi" 2>/dev/null | awk -v c="$CKS_OFF" \
	-v s="$SECDIR_OFF" '{ o = $1 - 1 }
	!((o >= c && o < c + 4) || (o >= s && o < s + 8)) { n++ }
	END { print n + 0 }')
[ "$bad" -eq 0 ] && [ "$(cmp -l "$APP" "$W/a.efi" 2>/dev/null | wc -l)" -gt 0 ]
tap_check $? "the image bytes are kept (only CheckSum and the directory change)"

"$KSH_SIGN" "${SNAKE[@]}" --sign-pass-file "$W/snakeoil.pass" \
	-o "$W/b.efi" "$APP" 2>/dev/null && cmp -s "$W/a.efi" "$W/b.efi"
tap_check $? "signing twice gives byte-identical images"
KSH_TEST_PASS=snakeoil "$KSH_SIGN" "${SNAKE[@]}" \
	--sign-pass-env KSH_TEST_PASS -o "$W/c.efi" "$APP" 2>/dev/null &&
	cmp -s "$W/a.efi" "$W/c.efi"
tap_check $? "passphrase from an environment variable gives the same image"
cp "$W/a.efi" "$W/d.efi"
"$KSH_SIGN" "${SNAKE[@]}" --sign-pass-file "$W/snakeoil.pass" "$W/d.efi" \
	2>/dev/null && cmp -s "$W/a.efi" "$W/d.efi"
tap_check $? "re-signing a signed image in place replaces its signature"
tail -c +$((CERT_OFF + 9)) "$W/a.efi" >"$W/sig.der"
openssl asn1parse -inform DER -in "$W/sig.der" >"$W/sig.txt" 2>/dev/null
grep -q messageDigest "$W/sig.txt" && grep -q '1.3.6.1.4.1.311.2.1.4' \
	"$W/sig.txt" && ! grep -q signingTime "$W/sig.txt"
tap_check $? "no signingTime attribute in the signature"

make_other_key "$W"
"$KSH_SIGN" --sign-key "$W/other.key" --sign-cert "$W/other.pem" \
	-o "$W/o.efi" "$APP" 2>/dev/null
tap_check $? "signs with an unencrypted key"
sbverify --cert "$W/other.pem" "$W/o.efi" >/dev/null 2>&1 &&
	! sbverify --cert "$SNAKEOIL_CERT" "$W/o.efi" >/dev/null 2>&1
tap_check $? "sbverify accepts it only with its own certificate"

cp "$W/a.efi" "$W/t.efi"
off=$((0x$(objdump -h "$W/t.efi" | awk '$2==".text"{print $6}') + 16))
printf '\x5a' | dd of="$W/t.efi" bs=1 seek="$off" conv=notrunc 2>/dev/null
! cmp -s "$W/a.efi" "$W/t.efi" &&
	! sbverify --cert "$SNAKEOIL_CERT" "$W/t.efi" >/dev/null 2>&1 &&
	! osslsigncode verify -in "$W/t.efi" -CAfile "$SNAKEOIL_CERT" \
		>/dev/null 2>&1
tap_check $? "a byte changed in .text breaks verification"

# Refusals: exit status 1, one clear line, no output file, no secret.
refuse() {
	local want=$1 out=$2
	shift 2
	rm -f "$out"
	KSH_TEST_PASS=wrong-but-secret-passphrase "$KSH_SIGN" "$@" \
		>"$W/r.out" 2>"$W/r.err"
	local rc=$?
	[ $rc -eq 1 ] && grep -q "$want" "$W/r.err" && [ ! -e "$out" ] &&
		! grep -q 'secret-passphrase\|PRIVATE KEY\|snakeoil$' \
			"$W/r.err" "$W/r.out"
}
refuse "the key is encrypted" "$W/x.efi" "${SNAKE[@]}" -o "$W/x.efi" "$APP"
tap_check $? "encrypted key without passphrase: clear error, no output"
refuse "wrong passphrase" "$W/x.efi" "${SNAKE[@]}" \
	--sign-pass-env KSH_TEST_PASS -o "$W/x.efi" "$APP"
tap_check $? "wrong passphrase: clear error, no output, passphrase not shown"
refuse "does not match the certificate" "$W/x.efi" --sign-key \
	"$W/other.key" --sign-cert "$SNAKEOIL_CERT" -o "$W/x.efi" "$APP"
tap_check $? "key and certificate that do not match are refused"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
	-out "$W/ec.key" 2>/dev/null
openssl req -x509 -key "$W/ec.key" -days 1 -subj /CN=ec -out "$W/ec.pem" \
	2>/dev/null
refuse "not RSA" "$W/x.efi" --sign-key "$W/ec.key" --sign-cert "$W/ec.pem" \
	-o "$W/x.efi" "$APP"
tap_check $? "non-RSA keys are refused (signatures would not be reproducible)"
refuse "not a PE image" "$W/x.efi" --sign-key "$W/other.key" --sign-cert \
	"$W/other.pem" -o "$W/x.efi" "$ROOT/VERSION"
tap_check $? "a file that is not PE is refused"
head -c 300 "$APP" >"$W/trunc.efi"
refuse "ksh-sign: .*trunc.efi: " "$W/x.efi" --sign-key "$W/other.key" \
	--sign-cert "$W/other.pem" -o "$W/x.efi" "$W/trunc.efi"
tap_check $? "a truncated PE is refused with the file named"
refuse "cannot open signing key" "$W/x.efi" --sign-key "$W/none.key" \
	--sign-cert "$W/other.pem" -o "$W/x.efi" "$APP"
tap_check $? "a missing key file is reported"
refuse "not a PEM or DER X.509 certificate" "$W/x.efi" --sign-key \
	"$W/other.key" --sign-cert "$W/other.key" -o "$W/x.efi" "$APP"
tap_check $? "a key given as certificate is refused"
cp "$W/a.efi" "$W/keep.efi"
refuse "the key is encrypted" "$W/nothing" "${SNAKE[@]}" "$W/keep.efi"
cmp -s "$W/a.efi" "$W/keep.efi" && [ -z "$(ls "$W" | grep 'keep.efi.')" ]
tap_check $? "a failed in-place signing leaves the file and no temporary"
"$KSH_SIGN" >/dev/null 2>&1
[ $? -eq 2 ]
tap_check $? "usage error exits with status 2"
tap_done
