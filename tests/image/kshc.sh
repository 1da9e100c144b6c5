#!/bin/bash
# TAP suite: `kshc SYSTEM.ksh -o IMAGE.efi` end to end with the real
# kernel runtime: dependency file and digests, byte-identical rebuilds from
# different directories (signed and unsigned), clean failure on a bad
# .ksh, a boot of examples/hello.ksh under QEMU SVM, and payload
# measurement: a payload byte changed inside a built image stops that
# domain with a message while the other one runs.
. "$(dirname "$0")/lib.sh"

KSHC=$BUILD/bin/kshc
GUESTS=$BUILD/guests
FIND=$BUILD/tests/image/find-bytes
W=$WORK
mkdir -p "$W/tmp"
export TMPDIR=$W/tmp
SNAKE=(--sign-key "$SNAKEOIL_KEY" --sign-cert "$SNAKEOIL_CERT"
	--sign-pass-file "$W/snakeoil.pass")
tap_plan 16

"$KSHC" examples/hello.ksh -L "$GUESTS" -o "$W/hello.efi" -M -MF \
	"$W/hello.d" --print-digest >"$W/hello.out" 2>"$W/hello.err"
tap_check $? "kshc -o builds examples/hello.ksh"
[ -z "$(ls -A "$W/tmp")" ]
tap_check $? "no temporaries left after the build"
grep -q '^ examples/hello.ksh' "$W/hello.d" &&
	grep -q "^ [^ ]*guests/hello.elf" "$W/hello.d" &&
	grep -q 'lib/ksh/libksh-kernel.a' "$W/hello.d"
tap_check $? "-M -MF lists the .ksh, the payload and the kernel library"
want=$("$KSH_SIGN" --print-digest "$W/hello.efi" | cut -d' ' -f1)
grep -q "^authenticode-sha256 $want " "$W/hello.out" &&
	grep -q "^payload-sha256 $(sha256sum "$GUESTS/hello.elf" |
		cut -d' ' -f1)  " "$W/hello.out"
tap_check $? "--print-digest prints the image and payload digests"

# Installed: kshc under PREFIX/bin finds its runtime in PREFIX/lib/ksh.
unset KSH_RUNTIME_DIR
make -s install DESTDIR="$W/inst" PREFIX=/usr BUILD="${KSH_BUILD:-build}" \
	>"$W/install.log" 2>&1 && [ -f "$W/inst/usr/lib/ksh/libksh-kernel.a" ] &&
	[ -f "$W/inst/usr/lib/ksh/include/ksh/tables.h" ]
tap_check $? "make install puts the runtime in PREFIX/lib/ksh"
"$W/inst/usr/bin/kshc" examples/hello.ksh -L "$GUESTS" -o "$W/inst.efi" &&
	cmp -s "$W/hello.efi" "$W/inst.efi"
tap_check $? "the installed kshc links with it: the same image as in the tree"
rm -rf "$W/inst"

# The same inputs copied to two directories and built from each. (The
# tables name the .ksh as given on the command line, for auditors, so the
# invocation is the same in both.)
for d in one two; do
	mkdir -p "$W/$d/t"
	cp examples/hello.ksh "$GUESTS/hello.elf" "$W/$d/"
done
build_in() {
	(cd "$W/$1" && TMPDIR=$W/$1/t "$KSHC" hello.ksh -L . -o "$2" "${@:3}")
}
build_in one u.efi 2>/dev/null && build_in two other.efi 2>/dev/null &&
	cmp -s "$W/one/u.efi" "$W/two/other.efi"
tap_check $? "unsigned images built in different directories are identical"
build_in one s.efi "${SNAKE[@]}" 2>/dev/null &&
	build_in two s.efi "${SNAKE[@]}" 2>/dev/null &&
	cmp -s "$W/one/s.efi" "$W/two/s.efi"
tap_check $? "signed images built in different directories are identical"
sbverify --cert "$SNAKEOIL_CERT" "$W/one/s.efi" >/dev/null 2>&1 &&
	osslsigncode verify -in "$W/one/s.efi" -CAfile "$SNAKEOIL_CERT" \
		>/dev/null 2>&1
tap_check $? "the signed image verifies (sbverify, osslsigncode)"
SOURCE_DATE_EPOCH=1234567890 build_in one e1.efi 2>/dev/null &&
	SOURCE_DATE_EPOCH=1234567890 build_in two e2.efi 2>/dev/null &&
	cmp -s "$W/one/e1.efi" "$W/two/e2.efi" &&
	[ "$(u32 "$W/one/e1.efi" $(($(u32 "$W/one/e1.efi" 60) + 8)))" \
		-eq 1234567890 ]
tap_check $? "SOURCE_DATE_EPOCH: the PE timestamp, still reproducible"

echo 'domain broken : native "missing.elf" { memory 2M; }' >>"$W/one/hello.ksh"
echo previous >"$W/one/bad.efi"
build_in one bad.efi 2>"$W/bad.err"
[ $? -eq 1 ] && [ "$(cat "$W/one/bad.efi")" = previous ] &&
	[ -z "$(ls -A "$W/one/t")" ] && grep -q 'error' "$W/bad.err"
tap_check $? "an error in the .ksh: status 1, old output kept, no temporaries"

# Boots: the image as built, and one with a byte of hello_a's payload
# changed. kshc embeds identical payload bytes once, so for the tampering
# hello_b boots another ELF (hcbench) and hello.elf is hello_a's alone.
sed 's/^domain hello_b : native "hello.elf"/domain hello_b : native "hcbench.elf"/' \
	examples/hello.ksh >"$W/mixed.ksh"
"$KSHC" "$W/mixed.ksh" -L "$GUESTS" -o "$W/tampered.efi" 2>>"$W/hello.err" &&
	grep -q 'hcbench.elf' "$W/mixed.ksh"
off=$("$FIND" "$W/tampered.efi" "$GUESTS/hello.elf" | head -n1)
[ -n "$off" ] && flip_byte "$W/tampered.efi" $((off + 200))
tap_check $? "hello_a's payload found inside the image and one byte changed"
efi_boot plain "$W/hello.efi" "$W/boot.log" 240 >"$W/boot.rc" &
efi_boot plain "$W/tampered.efi" "$W/tampered.log" 240 >"$W/tampered.rc" &
wait
for b in boot tampered; do
	echo "--- $b (qemu status $(cat "$W/$b.rc"))" >&2
	tr -d '\r' <"$W/$b.log" | grep -a '^ksh:\|^\[' >&2
done
grep -aq '^\[hello_a\] DONE' "$W/boot.log" &&
	grep -aq '^\[hello_b\] DONE' "$W/boot.log" &&
	grep -aq '^ksh: no domain left to run' "$W/boot.log"
tap_check $? "the image boots under QEMU SVM and both domains run to the end"
tr -d '\r' <"$W/boot.log" | grep -aq \
	'^\[hello_b\] hello_b received "greetings from hello_a" on channel greet$' &&
	grep -aq '^ksh: domain hello_a exited with status 0' "$W/boot.log" &&
	grep -aq '^ksh: domain hello_b exited with status 0' "$W/boot.log"
tap_check $? "hello_a's greeting crosses the greet channel to hello_b"
grep -aq '^ksh: domain hello_a refused: payload SHA-256 does not match' \
	"$W/tampered.log" && ! grep -aq '^\[hello_a\]' "$W/tampered.log"
tap_check $? "changed payload: hello_a refused with a message, never started"
grep -aq '^\[hello_b\] HCBENCH DONE' "$W/tampered.log"
tap_check $? "changed payload: hello_b still starts and runs"
tap_done
