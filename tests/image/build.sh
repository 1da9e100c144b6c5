#!/bin/bash
# TAP suite: the image stage of kshc (-o), through the test driver that
# feeds it fixed generated files: build, reproducibility, dependency file,
# digests, temporaries, atomic output, exit statuses, signing.
. "$(dirname "$0")/lib.sh"

DRV=$BUILD/tests/image/image-build-driver
W=$WORK
RT=$W/rt
make_fixture_runtime "$RT" || exit 1
head -c 10000 /dev/urandom >"$W/payload.bin"
make_fixture_gen "$W/gen" "$W/payload.bin"
mkdir -p "$W/tmp"
export TMPDIR=$W/tmp
SNAKE=(--sign-key "$SNAKEOIL_KEY" --sign-cert "$SNAKEOIL_CERT"
	--sign-pass-file "$W/snakeoil.pass")
drv() { "$DRV" "$W/gen" sys.ksh --runtime-dir "$RT" "$@"; }
tmp_empty() { [ -z "$(ls -A "$W/tmp")" ]; }
tap_plan 29

drv -o "$W/a.efi" -M -MF "$W/a.d" --print-digest >"$W/a.out" 2>"$W/a.err"
tap_check $? "builds an image from generated tables and a payload"
objdump -h "$W/a.efi" 2>/dev/null | grep -q 'file format pei-x86-64'
tap_check $? "the output is a PE32+ EFI application"
tmp_empty
tap_check $? "the temporary directory is removed after success"
pe_fields "$W/a.efi"
[ "$CERT_LEN" -eq 0 ]
tap_check $? "without --sign-key the image is unsigned"
want=$("$KSH_SIGN" --print-digest "$W/a.efi" | cut -d' ' -f1)
grep -q "^authenticode-sha256 $want  $W/a.efi\$" "$W/a.out"
tap_check $? "--print-digest prints the Authenticode digest"
grep -q "^payload-sha256 $(sha256sum "$W/payload.bin" | cut -d' ' -f1)  " \
	"$W/a.out"
tap_check $? "--print-digest prints each payload's SHA-256"
missing=0
for f in sys.ksh "$W/payload.bin" "$RT/libksh-kernel.a" \
	"$RT/efi/crt0-efi-x86_64.o" "$RT/efi/elf_x86_64_efi.lds"; do
	if ! grep -q "^ $f\( \\\\\)\?\$" "$W/a.d" || ! grep -q "^$f:\$" "$W/a.d"; then
		echo "missing $f" >&2
		missing=1
	fi
done
[ $missing -eq 0 ]
tap_check $? "-M -MF lists the source, payloads and runtime files"
head -n1 "$W/a.d" | grep -q "^$W/a.efi: "
tap_check $? "the dependency rule's target is the output"

# Reproducibility: a second build from another directory, other names,
# other temporary root gives the same bytes.
mkdir -p "$W/elsewhere/tmp2"
(cd "$W/elsewhere" && TMPDIR=$W/elsewhere/tmp2 drv -o other-name.efi) &&
	cmp -s "$W/a.efi" "$W/elsewhere/other-name.efi"
tap_check $? "unsigned builds in different directories are byte-identical"
drv -o "$W/s1.efi" "${SNAKE[@]}" 2>/dev/null &&
	(cd "$W/elsewhere" && TMPDIR=$W/elsewhere/tmp2 drv -o s2.efi \
		"${SNAKE[@]}" 2>/dev/null) && cmp -s "$W/s1.efi" "$W/elsewhere/s2.efi"
tap_check $? "signed builds in different directories are byte-identical"
sbverify --cert "$SNAKEOIL_CERT" "$W/s1.efi" >/dev/null 2>&1
tap_check $? "the signed image verifies (sbverify --cert)"
SOURCE_DATE_EPOCH=1700000000 drv -o "$W/e.efi" 2>/dev/null &&
	pe_fields "$W/e.efi" &&
	[ "$(u32 "$W/e.efi" $(($(u32 "$W/e.efi" 60) + 8)))" -eq 1700000000 ]
tap_check $? "SOURCE_DATE_EPOCH becomes the PE timestamp"
SOURCE_DATE_EPOCH=1700000000 drv -o "$W/e2.efi" 2>/dev/null &&
	cmp -s "$W/e.efi" "$W/e2.efi" && ! cmp -s "$W/a.efi" "$W/e.efi"
tap_check $? "same SOURCE_DATE_EPOCH, same bytes; another one, other bytes"
SOURCE_DATE_EPOCH=soon drv -o "$W/bad.efi" 2>"$W/e.err"
[ $? -eq 3 ] && grep -q "SOURCE_DATE_EPOCH 'soon'" "$W/e.err" &&
	[ ! -e "$W/bad.efi" ] && tmp_empty
tap_check $? "a malformed SOURCE_DATE_EPOCH is refused (status 3)"

# Failures: the old output stays, no partial file, no temporaries.
echo "previous" >"$W/keep.efi"
cp -r "$W/gen" "$W/badgen"
echo "this is not C" >>"$W/badgen/tables.c"
"$DRV" "$W/badgen" sys.ksh --runtime-dir "$RT" -o "$W/keep.efi" \
	2>"$W/f.err"
[ $? -eq 3 ] && grep -q 'kshc: error: .*failed with exit status' "$W/f.err"
tap_check $? "a C compiler failure gives status 3 and says which tool failed"
[ "$(cat "$W/keep.efi")" = previous ] && [ -z "$(ls "$W" | grep 'keep.efi.')" ]
tap_check $? "after a failed build the previous output is untouched"
tmp_empty
tap_check $? "the temporary directory is removed after a failure"
touch "$W/badgen/FAIL"
"$DRV" "$W/badgen" sys.ksh --runtime-dir "$RT" -o "$W/keep.efi" 2>/dev/null
[ $? -eq 1 ] && tmp_empty && [ "$(cat "$W/keep.efi")" = previous ]
tap_check $? "a front-end error keeps its status and leaves no temporaries"
drv -o "$W/k.efi" --keep-temps 2>"$W/k.err"
kept=$(sed -n 's/^kshc: temporaries kept in //p' "$W/k.err")
[ -n "$kept" ] && [ -f "$kept/tables.c" ] && [ -f "$kept/image.efi" ]
tap_check $? "--keep-temps keeps the generated C and says where"
rm -rf "$kept"

drv -o "$W/v.efi" --verbose 2>"$W/v.err" &&
	grep -q -- '-c tables.c -o tables.o' "$W/v.err" &&
	grep -q -- 'libgnuefi.a --end-group -o image.so' "$W/v.err" &&
	grep -q 'objcopy .*--target efi-app-x86_64' "$W/v.err"
tap_check $? "--verbose prints the compile, link and objcopy commands"
drv -o "$W/cc.efi" --cc "false" 2>"$W/cc.err"
[ $? -eq 3 ] && grep -q 'false failed with exit status 1' "$W/cc.err"
tap_check $? "--cc chooses the C compiler"
CC=/nonexistent/cc drv -o "$W/cc.efi" 2>"$W/cc.err"
[ $? -eq 3 ] && grep -q 'cannot run /nonexistent/cc' "$W/cc.err"
tap_check $? "CC from the environment is used; a missing one is reported"
mkdir -p "$W/emptyrt"
"$DRV" "$W/gen" sys.ksh --runtime-dir "$W/emptyrt" -o "$W/x.efi" 2>"$W/r.err"
[ $? -eq 3 ] && grep -q 'lacks libksh-kernel.a' "$W/r.err" && [ ! -e "$W/x.efi" ]
tap_check $? "an incomplete runtime directory is named with what it lacks"
KSH_RUNTIME_DIR=$RT "$DRV" "$W/gen" sys.ksh -o "$W/env.efi" 2>/dev/null &&
	cmp -s "$W/a.efi" "$W/env.efi"
tap_check $? "KSH_RUNTIME_DIR points at the runtime"
drv -o "$W/x.efi" --sign-key "$SNAKEOIL_KEY" --sign-cert "$SNAKEOIL_CERT" \
	--verbose 2>"$W/p.err"
[ $? -eq 4 ] && grep -q 'the key is encrypted' "$W/p.err" &&
	! grep -q 'tables.c' "$W/p.err" && [ ! -e "$W/x.efi" ] && tmp_empty
tap_check $? "a key problem is found before compiling (status 4)"
drv -o "$W/nodir/x.efi" 2>"$W/o.err"
[ $? -eq 5 ] && grep -q 'cannot create a temporary file' "$W/o.err" && tmp_empty
tap_check $? "an unwritable output gives status 5"
drv -o "$W/x.efi" -M 2>"$W/m.err"
[ $? -eq 5 ] && grep -q -- '-M needs -MF' "$W/m.err"
tap_check $? "-M without -MF is refused"

# SIGTERM during the compile: the tool is stopped, the temporaries go, no
# output appears, and the stage dies of the signal (status 128 + 15).
printf '#!/bin/sh\nexec sleep 60\n' >"$W/slowcc"
chmod +x "$W/slowcc"
start=$(date +%s)
"$DRV" "$W/gen" sys.ksh --runtime-dir "$RT" -o "$W/sig.efi" \
	--cc "$W/slowcc" 2>/dev/null &
pid=$!
for i in $(seq 1 100); do
	[ -n "$(ls -A "$W/tmp")" ] && [ -e "$(ls -d "$W"/tmp/*/tables.c 2>/dev/null |
		head -n1)" ] && break
	sleep 0.1
done
sleep 0.3
kill -TERM "$pid"
wait "$pid"
rc=$?
[ $rc -eq 143 ] && tmp_empty && [ ! -e "$W/sig.efi" ]
tap_check $? "SIGTERM: dies of it (status $rc), no temporaries, no output"
[ $(($(date +%s) - start)) -lt 30 ]
tap_check $? "SIGTERM reaches the running tool (no wait for it to finish)"
tap_done
