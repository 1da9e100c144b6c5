#!/bin/bash
# TAP suite: examples/keystore_linux.ksh under QEMU SVM. A Linux client
# (Debian's kernel, busybox initramfs) uses the key store through two ksh
# channel devices with the `kshchan` tool: sign before unlock is refused
# by the kernel's flow machine (exit status 4, KSH_EPERM, audited); after
# the PIN it gets an ECDSA P-256 signature that openssl verifies here
# against the test key; after a lock, three wrong PINs block the key store
# (the right PIN is then refused too, and so is a signature); the native
# third domain, with a channel no rule grants, is refused and audited.
. "$(dirname "$0")/../boot/chan_lib.sh"
tap_plan 10
L=$OUT/keystore_linux.log
W=$OUT/keystore_linux.work
rm -rf "$W" && mkdir -p "$W"
chan_image examples/keystore_linux.ksh keystore_linux "$BUILD/images/linux"
built=$?
tap_check $built "examples/keystore_linux.ksh builds (log $OUT/keystore_linux/build.log)"
st=skipped
start=$SECONDS
# Linux under TCG: about 80 s alone, minutes on a loaded machine.
[ $built -eq 0 ] && st=$(chan_boot_until keystore_linux \
	"${KSH_LINUX_TIMEOUT:-480}" "[client] KSH-RUN-END 7 " "ksh: domain intruder exited")
echo "# QEMU start to the client's last answer: $((SECONDS - start)) s ($st)"
# Output of ksh.run N: the client's lines only (other domains print
# in between), without the domain prefix.
run_out() {
	grep -a '^\[client\] ' "$L" | sed -e 's/^\[client\] //' |
		sed -n "/^KSH-RUN-BEGIN $1\$/,/^KSH-RUN-END $1 /p" | sed '1d'
}

run_out 1 | grep -q ' crypto device=crypto_dev kind=message role=sender max=4096 methods=unlock,sign,lock$' &&
	run_out 1 | grep -q ' reply device=reply_dev kind=message role=receiver max=256 methods=status,signature$' &&
	run_out 1 | grep -q '^KSH-RUN-END 1 rc=0'
tap_check $? "kshchan list shows both channel functions ($st, log $L)"

run_out 2 | grep -q 'KSH_EPERM' && run_out 2 | grep -q '^KSH-RUN-END 2 rc=4' &&
	has "$L" "ksh: audit: denied client chan_send crypto.sign in state locked: EPERM"
tap_check $? "sign before unlock: exit 4 (KSH_EPERM), refused by the flow machine and audited"

[ "$(run_out 3)" = "status 8
unlocked
KSH-RUN-END 3 rc=0" ] && has "$L" "[keystore] KEYSTORE unlock ok"
tap_check $? "kshchan send crypto unlock 1234: the key store answers 'unlocked'"

sig=$(run_out 4 | sed -n '/^signature [0-9]*$/{n;p;}' | head -n 1)
run_out 4 | grep -q '^KSH-RUN-END 4 rc=0' && [ -n "$sig" ]
tap_check $? "after unlock, sign returns a signature (exit 0)"

openssl ec -in examples/keystore-test-key.pem -pubout -out "$W/pub.pem" 2>/dev/null
printf '%s' "$sig" | xxd -r -p >"$W/sig.der"
printf '%s' ksh-linux-client-signs-this >"$W/msg"
openssl dgst -sha256 -verify "$W/pub.pem" -signature "$W/sig.der" \
	"$W/msg" >/dev/null 2>&1 &&
	printf 'tampered' >>"$W/msg" &&
	! openssl dgst -sha256 -verify "$W/pub.pem" -signature "$W/sig.der" \
		"$W/msg" >/dev/null 2>&1
tap_check $? "openssl verifies the signature with the test key; a changed message fails"

[ "$(run_out 5)" = "status 6
locked
KSH-RUN-END 5 rc=0" ] && [ "$(run_out 6)" = "status 23
wrong pin, 2 tries left
status 23
wrong pin, 1 tries left
status 7
blocked
status 7
blocked
KSH-RUN-END 6 rc=0" ] && has "$L" "[keystore] KEYSTORE blocked"
tap_check $? "after lock, three wrong PINs block the key store; the right PIN is then refused"

[ "$(run_out 7)" = "status 16
refused: blocked
KSH-RUN-END 7 rc=0" ] && [ "$(grep -ac 'KEYSTORE signed' "$L")" = 1 ]
tap_check $? "a blocked key store signs nothing more"

has "$L" "ksh: audit: denied intruder chan_send guest_crypto.sign: EPERM (no rule: default deny)" &&
	has "$L" "[intruder] INTRUDER DONE failures=0"
tap_check $? "the third domain, without a grant, is refused and audited"

key=$(openssl ec -in examples/keystore-test-key.pem -no_public \
	-outform DER 2>/dev/null | od -An -v -tx1 | tr -d ' \n' | cut -c15-78)
[ ${#key} -eq 64 ] && ! grep -aqi "$(printf '%s' "$key" | cut -c1-16)" "$L" &&
	! log_any "$L" "PANIC" && ! grep -Eq 'Oops|BUG:|Kernel panic' "$L"
tap_check $? "the private key never appears on the console; no panic or oops"
[ $built -eq 0 ] && [ "$st" != stopped ] && show "$L"
tap_done
