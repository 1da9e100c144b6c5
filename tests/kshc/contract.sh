#!/bin/bash
# TAP suite: `kshc -o` checks the system against the contract of the
# runtime it links against (RUNTIME/contract.json, written at build time
# from include/ksh/features.h), not the one it was built with; a
# runtime without a readable contract stops the build with status 3,
# naming the file. --check keeps the built-in contract.
cd "$(dirname "$0")/../.." || exit 1
ROOT=$(pwd)
BUILD=${KSH_BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
KSHC=$BUILD/bin/kshc
RT=$BUILD/lib/ksh
W=$(mktemp -d "${TMPDIR:-/tmp}/ksh-contract-test.XXXXXX") || exit 1
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/tmp"
export TMPDIR=$W/tmp
unset KSH_RUNTIME_DIR
n=0
ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
echo "1..11"

# A copy of the runtime whose contract the test may change: every file a
# link to the real one, contract.json a file of its own.
copy_runtime() {
	mkdir -p "$1" && cp -rs "$RT/." "$1/" && rm -f "$1/contract.json" &&
		cp "$RT/contract.json" "$1/contract.json"
}
# set_feature FILE NAME true|false: flips one feature's enforced flag.
set_feature() {
	sed -i "s/\"name\": \"$2\", \"bit\": \([0-9]*\), \"enforced\": [a-z]*/\"name\": \"$2\", \"bit\": \1, \"enforced\": $3/" "$1"
	grep -q "\"name\": \"$2\", \"bit\": [0-9]*, \"enforced\": $3" "$1"
}

cat >"$W/two.ksh" <<'KSH'
system "two" { platform { cpus 2; } schedule { major 10ms; cpu 0 { a 10ms; } } }
domain a : native "hello.elf" { memory 2M; affinity 0; }
KSH
cat >"$W/one.ksh" <<'KSH'
system "one" { platform { cpus 1; } schedule { major 10ms; cpu 0 { lx 10ms; } } }
domain lx : linux {
	memory 64M; kernel "bzImage";
	device uart com1 { port 0x3f8; irq 4; }
}
KSH
P=(-L tests/kshc/payloads)

grep -q "\"version\": \"$(cat VERSION)\"" "$RT/contract.json" &&
	grep -q "\"table_format\": 1," "$RT/contract.json"
ok $? "the runtime's contract.json names its version and table format"

"$KSHC" "$W/one.ksh" "${P[@]}" -o "$W/one.efi" -M -MF "$W/one.d" 2>"$W/err"
ok $? "kshc -o builds a system within the runtime's contract"
grep -q "lib/ksh/contract.json" "$W/one.d"
ok $? "-M lists the runtime's contract.json as an input"

copy_runtime "$W/rt-none" && rm "$W/rt-none/contract.json"
"$KSHC" "$W/one.ksh" "${P[@]}" -o "$W/x.efi" --runtime-dir "$W/rt-none" \
	2>"$W/err"
[ $? -eq 3 ] && grep -q "rt-none/contract.json: No such file" "$W/err" &&
	[ ! -e "$W/x.efi" ]
ok $? "a runtime without contract.json: status 3, the file named"
KSH_RUNTIME_DIR=$W/rt-none "$KSHC" "$W/one.ksh" "${P[@]}" -o "$W/x.efi" \
	2>"$W/err"
[ $? -eq 3 ] && grep -q "rt-none/contract.json" "$W/err"
ok $? "found the same way through KSH_RUNTIME_DIR"

copy_runtime "$W/rt-bad" && head -c 40 "$RT/contract.json" >"$W/rt-bad/contract.json"
"$KSHC" "$W/one.ksh" "${P[@]}" -o "$W/x.efi" --runtime-dir "$W/rt-bad" \
	2>"$W/err"
[ $? -eq 3 ] && grep -q "rt-bad/contract.json:.*not valid JSON" "$W/err"
ok $? "a truncated contract.json: status 3, the file named"

copy_runtime "$W/rt-fmt" &&
	sed -i 's/"table_format": 1,/"table_format": 2,/' "$W/rt-fmt/contract.json"
"$KSHC" "$W/one.ksh" "${P[@]}" -o "$W/x.efi" --runtime-dir "$W/rt-fmt" \
	2>"$W/err"
[ $? -eq 3 ] && grep -q "reads table format 2, kshc writes format 1" "$W/err"
ok $? "a runtime of another table format: status 3"

# A runtime that withdraws the Linux UART: -o refuses it at its line,
# naming that runtime's version, though the built-in contract has it.
copy_runtime "$W/rt-nouart" &&
	set_feature "$W/rt-nouart/contract.json" device-uart-linux false &&
	sed -i 's/"version": "[^"]*"/"version": "9.9.9-test"/' \
		"$W/rt-nouart/contract.json"
ok $? "test runtime without the Linux UART made"
"$KSHC" "$W/one.ksh" "${P[@]}" -o "$W/x.efi" \
	--runtime-dir "$W/rt-nouart" 2>"$W/err"
[ $? -eq 1 ] && grep -q "one.ksh:4:9: error\[not-enforced\]: 'device uart' in a linux domain is not enforced by ksh runtime 9.9.9-test (table format 1)" "$W/err" &&
	[ ! -e "$W/x.efi" ]
ok $? "kshc -o follows the runtime's contract: the UART refused at its line"
"$KSHC" "$W/one.ksh" "${P[@]}" --check --runtime-dir "$W/rt-nouart" 2>"$W/err"
ok $? "kshc --check keeps the contract kshc was built with"

# A runtime that claims a second CPU: -o builds, --check refuses.
copy_runtime "$W/rt-smp" && set_feature "$W/rt-smp/contract.json" smp true &&
	"$KSHC" "$W/two.ksh" "${P[@]}" -o "$W/two.efi" --runtime-dir "$W/rt-smp" &&
	! "$KSHC" "$W/two.ksh" "${P[@]}" --check 2>"$W/err" &&
	grep -q "'cpus 2' is not enforced by ksh runtime $(cat VERSION)" "$W/err"
ok $? "a runtime enforcing smp gets cpus 2 from -o; --check refuses it"
