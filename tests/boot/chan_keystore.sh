#!/bin/bash
# TAP suite: examples/keystore.ksh under QEMU SVM. The client unlocks the
# native key store with a PIN and gets an ECDSA P-256 signature, which is
# verified here on the host with openssl against the public key the key
# store printed (and against the test key's own public key); the flow
# machine refuses sign while locked (kernel, audited); three wrong PINs
# block the key store; the third domain, holding a channel no rule
# grants, is refused and audited; the private key never appears on the
# console. The same system with its channels declared in another order
# still works: the native domains find their handles by channel name.
. "$(dirname "$0")/chan_lib.sh"
tap_plan 12
L=$OUT/keystore.log
W=$OUT/keystore.work
rm -rf "$W" && mkdir -p "$W"
chan_image examples/keystore.ksh keystore
built=$?
tap_check $built "examples/keystore.ksh builds (log $OUT/keystore/build.log)"
st=skipped
[ $built -eq 0 ] && st=$(chan_boot_until keystore "${KSH_BOOT_TIMEOUT:-240}" \
	"[client] CLIENT DONE" "ksh: domain intruder exited")
has "$L" "[client] CLIENT DONE failures=0" &&
	! grep -a '^\[client\] FAIL' "$L" >&2
tap_check $? "the client's every step gets the expected answer ($st, log $L)"

# The signature, verified on the host.
pub=$(sed -n 's/^\[keystore\] KEYSTORE pub \([0-9a-f]*\)$/\1/p' "$L" | head -n 1)
sig=$(sed -n 's/^\[client\] CLIENT sig \([0-9a-f]*\)$/\1/p' "$L" | head -n 1)
msg=$(sed -n 's/^\[client\] CLIENT msg //p' "$L" | head -n 1)
[ ${#pub} -eq 130 ] && [ -n "$sig" ] && [ -n "$msg" ]
tap_check $? "the key store's public key and the client's signature are in the log"
# SubjectPublicKeyInfo for a P-256 point (RFC 5480): fixed prefix + point.
printf '%s%s' 3059301306072a8648ce3d020106082a8648ce3d030107034200 "$pub" |
	xxd -r -p | openssl pkey -pubin -inform DER -out "$W/pub.pem" 2>/dev/null
printf '%s' "$sig" | xxd -r -p >"$W/sig.der"
printf '%s' "$msg" >"$W/msg"
openssl dgst -sha256 -verify "$W/pub.pem" -signature "$W/sig.der" \
	"$W/msg" >/dev/null 2>&1
tap_check $? "openssl verifies the signature with the printed public key"
openssl ec -in examples/keystore-test-key.pem -pubout -out "$W/real.pem" \
	2>/dev/null && cmp -s "$W/pub.pem" "$W/real.pem" &&
	printf 'tampered' >>"$W/msg" &&
	! openssl dgst -sha256 -verify "$W/real.pem" -signature "$W/sig.der" \
		"$W/msg" >/dev/null 2>&1
tap_check $? "it is the test key's public key; a changed message fails to verify"

has "$L" "ksh: audit: denied client chan_send crypto.sign in state locked: EPERM" &&
	has "$L" "[client] PASS sign-locked-kernel" &&
	has "$L" "[client] PASS sign-relocked-kernel"
tap_check $? "sign while locked: refused by the kernel's flow machine, audited"
has "$L" "[client] PASS sign-after-wrong-pin" &&
	has "$L" "[keystore] KEYSTORE refused sign"
tap_check $? "a wrong PIN moves the flow but the key store still refuses to sign"
has "$L" "[keystore] KEYSTORE blocked" &&
	has "$L" "[client] PASS right-pin-blocked" &&
	has "$L" "[client] PASS sign-blocked"
tap_check $? "three wrong PINs block the key store, even for the right PIN"
has "$L" "ksh: audit: denied intruder chan_send guest_crypto.sign: EPERM (no rule: default deny)" &&
	has "$L" "ksh: audit: denied intruder chan_send handle 1: EBADH" &&
	has "$L" "[intruder] INTRUDER DONE failures=0"
tap_check $? "the domain without a grant is refused and audited"
key=$(openssl ec -in examples/keystore-test-key.pem -no_public \
	-outform DER 2>/dev/null | od -An -v -tx1 | tr -d ' \n' | cut -c15-78)
[ ${#key} -eq 64 ] && ! grep -aqi "$key" "$L" &&
	! grep -aqi "$(printf '%s' "$key" | cut -c1-16)" "$L"
tap_check $? "the private key never appears on the console"
! log_any "$L" "stopped:" && ! log_any "$L" "PANIC" &&
	has "$L" "ksh: domain intruder exited with status 0"
tap_check $? "no domain was stopped; the key store kept serving"

# Declaration order: "reply" moved before "crypto" renumbers both domains'
# handles; the key store and client look them up by name (ksh_handle), so
# the exchange is unchanged. With handles hard-coded this run fails.
R=$OUT/keystore_reordered
awk '/^channel crypto :/ { hold = 1 } hold { buf = buf $0 "\n"; if (/^}/) { hold = 0; held = buf; buf = "" } next }
     { print } /^channel reply :/ { inreply = 1 } inreply && /^}/ { printf "%s", held; inreply = 0 }' \
	examples/keystore.ksh >"$R.ksh"
rst=not-built
if [ "$(grep -n '^channel' "$R.ksh" | head -2 | cut -d' ' -f2 | tr '\n' ' ')" = "reply crypto " ] &&
	chan_image "$R.ksh" keystore_reordered; then
	rst=$(chan_boot_until keystore_reordered "${KSH_BOOT_TIMEOUT:-240}" \
		"CLIENT DONE" "ksh: domain intruder exited")
fi
has "$OUT/keystore_reordered.log" "[client] CLIENT DONE failures=0" &&
	has "$OUT/keystore_reordered.log" "[keystore] KEYSTORE signed"
tap_check $? "channels declared in another order: handles found by name ($rst, log $OUT/keystore_reordered.log)"
tap_done
