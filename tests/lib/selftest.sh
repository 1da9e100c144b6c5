#!/bin/bash
# TAP suite: the test machinery tested. Fake serial logs, fake suites and
# a fake replay binary go through the shared checker (tests/lib/boot.sh,
# log.sh), the runner (scripts/run-tests.sh) and the fuzz replay script,
# each built to show one way a bad run used to pass: a guest printing a
# look-alike of a kernel or another domain's line, a boot-see line the
# Bochs checker ignored, a spinner the kernel stopped, the FPU spy done
# before the secret was loaded, one CR4 refusal line for ten bits, a TAP
# plan not kept, a skip or TODO counted as a pass, a crash in the fuzz
# replay not naming its input.
set -u
source "$(dirname "$0")/tap.sh"
source "$(dirname "$0")/boot.sh"
cd "$ROOT" || exit 1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

# ---- anchored evidence (log.sh) -------------------------------------------
printf '%s\n' '[mem] ksh: domain witness exited with status 0' \
	'[mem] [witness] DONE witness' '[mem] violation: #GP injected' \
	'ksh: domain mem stopped: violation: forbidden' >"$t/fake.log"
! log_has "$t/fake.log" "ksh: domain witness exited with status 0"
tap_check $? "a guest's look-alike of a kernel line is not kernel evidence"
! log_has "$t/fake.log" "[witness] DONE witness"
tap_check $? "a guest's look-alike of another domain's line is not that domain's"
! log_has "$t/fake.log" "#GP injected" && log_has "$t/fake.log" "violation: forbidden"
tap_check $? "text without a prefix is looked for in kernel lines only"
log_has "$t/fake.log" "[mem] [witness]" &&
	log_has "$t/fake.log" "ksh: domain mem stopped:" &&
	[ "$(log_count "$t/fake.log" "[mem] ")" = 3 ]
tap_check $? "genuine kernel and domain lines are found and counted"
log_any "$t/fake.log" "DONE witness"
tap_check $? "refusals (boot-reject) still match anywhere"

# ---- one checker for QEMU and Bochs (boot.sh, bochs/lib.sh) ----------------
cat >"$t/case.ksh" <<'K'
// boot-expect: [a] one
// boot-see: ksh: domain b stopped: violation: x
// boot-see: [witness] DONE witness
// boot-reject: PANIC
K
printf '%s\r\n' '[a] one' '[b] ksh: domain b stopped: violation: x' \
	'[a] [witness] DONE witness' >"$t/com1.txt"
source "$ROOT/tests/bochs/lib.sh"
r=$(bochs_check "$t/case.ksh" "$t/com1.txt")
case $r in "not ok: missing \"ksh: domain b stopped"*) true ;; *) false ;; esac
tap_check $? "the Bochs checker reads boot-see and anchors it (got: $r)"
printf '%s\r\n' '[a] one' 'ksh: domain b stopped: violation: x' \
	'[witness] DONE witness' >"$t/com1.txt"
[ "$(bochs_check "$t/case.ksh" "$t/com1.txt")" = ok ]
tap_check $? "the same checker accepts the genuine run"

# ---- the spinner must be preempted, not stopped ---------------------------
good=('ksh: domain spin: payload spinner.elf verified (SHA-256) and loaded'
	'[spin] SPIN start' '[worker] hello from worker 4' '[worker] DONE worker'
	'ksh: domain worker exited with status 0'
	'[spin] SPIN preempted 16 times, interrupts still off')
printf '%s\n' "${good[@]}" >"$t/spin.log"
[ "$(boot_check tests/boot/cases/spinner.ksh "$t/spin.log")" = ok ]
tap_check $? "spinner: preempted and resumed after the worker's end: ok"
printf '%s\n' "${good[@]:0:3}" 'ksh: domain spin stopped: halted' \
	"${good[@]:3:3}" >"$t/spin.log"
r=$(boot_check tests/boot/cases/spinner.ksh "$t/spin.log")
[ "$r" = "not ok: unexpected \"ksh: domain spin stopped\" (log $t/spin.log)" ]
tap_check $? "spinner: a stopped spinner fails the case ($r)"
printf '%s\n' "${good[@]:0:2}" '[spin] SPIN preempted 8 times, interrupts still off' \
	"${good[@]:2:3}" >"$t/spin.log"
r=$(boot_check tests/boot/cases/spinner.ksh "$t/spin.log")
[ "$r" != ok ]
tap_check $? "spinner: no report after the worker's end fails the case ($r)"

# ---- FPU: the banner is no evidence; the spy must run after the load ------
printf '%s\n' 'ksh: FPU: x87/SSE state switched per vCPU (FXSAVE), XCR0 absent' \
	'[spy] FPU-SPY clean after 15 slices' '[secret] FPU-SECRET loaded' \
	'[secret] FPU-SECRET intact after 40 rounds' \
	'ksh: domain spy exited with status 0' \
	'ksh: domain secret exited with status 0' \
	'ksh: no domain left to run: stopping' >"$t/fpu.log"
r=$(boot_check tests/boot/cases/fpu_isolation.ksh "$t/fpu.log")
[ "$r" != ok ]
tap_check $? "fpu_isolation: a spy done before the secret was loaded fails ($r)"
! grep -q 'boot-[a-z]*: ksh: FPU:' tests/boot/cases/fpu_isolation*.ksh
tap_check $? "fpu_isolation*: the always-printed FPU banner is not evidence"

# ---- CR4: one kernel line per refused bit ---------------------------------
{
	sed -n 's|^// boot-see: ||p' tests/boot/harden/hostile_cr4.ksh |
		grep -v '^ksh: domain cr4: CR4 write'
	echo 'ksh: domain cr4: CR4 write 40220 refused (sets a bit the guest'"'"'s CPUID does not offer, bits 40000) at rip 1000: #GP injected'
	echo 'ksh: no domain left to run: stopping'
} >"$t/cr4.log"
r=$(boot_check tests/boot/harden/hostile_cr4.ksh "$t/cr4.log")
[ "$r" != ok ]
tap_check $? "hostile_cr4: one refusal line for ten refused bits fails ($r)"
# All ten, and one more: the count (boot-count) catches it.
sed -n 's|^// boot-see: \(ksh: domain cr4: CR4 write\)|\1|p' \
	tests/boot/harden/hostile_cr4.ksh >>"$t/cr4.log"
r=$(boot_check tests/boot/harden/hostile_cr4.ksh "$t/cr4.log")
case $r in "not ok: 11 lines, not 10, carry"*) true ;; *) false ;; esac
tap_check $? "hostile_cr4: an eleventh refusal line fails the count ($r)"

# ---- the runner: plans, skips, TODO ---------------------------------------
mk() { # NAME BODY: a fake TAP suite
	printf '#!/bin/sh\n%s\n' "$2" >"$t/$1"
	chmod +x "$t/$1"
}
runner() { # SUITE...: the runner's summary line
	KSH_BUILD=$t/b KSH_JOBS=2 scripts/run-tests.sh "${@/#/tap:$t/}" |
		tail -n 1
}
mk short 'echo 1..3; echo ok 1 - a; echo ok 2 - b'
mk long 'echo 1..1; echo ok 1 - a; echo ok 2 - b'
mk noplan 'echo ok 1 - a'
mk skip 'echo 1..2; echo ok 1 - a; echo "ok 2 - b # SKIP no tool"'
mk todo 'echo 1..2; echo ok 1 - a; echo "not ok 2 - b # TODO known gap"'
mk allskip 'echo "1..0 # SKIP no emulator"'
mk died 'echo 1..2; echo ok 1 - a; exit 3'
[ "$(runner short)" = "2 passed, 1 failed, 0 skipped" ] &&
	[ "$(runner long)" = "2 passed, 1 failed, 0 skipped" ]
tap_check $? "runner: fewer or more test lines than planned fail the suite"
[ "$(runner noplan)" = "1 passed, 1 failed, 0 skipped" ]
tap_check $? "runner: a suite without a plan fails"
[ "$(runner skip)" = "1 passed, 0 failed, 1 skipped" ] &&
	[ "$(runner allskip)" = "0 passed, 0 failed, 1 skipped" ]
tap_check $? "runner: a skip is counted as skipped, not passed"
[ "$(runner todo)" = "1 passed, 0 failed, 1 skipped" ] &&
	KSH_BUILD=$t/b scripts/run-tests.sh "tap:$t/todo" >/dev/null
tap_check $? "runner: a failing TODO is neither a pass nor a failure"
[ "$(runner died)" = "1 passed, 2 failed, 0 skipped" ]
tap_check $? "runner: a suite dying half-way fails (plan and status)"
runner short skip todo | grep -Eq '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'
tap_check $? "runner: the closing line keeps the form 'N passed, N failed, N skipped'"

# ---- tap.sh ---------------------------------------------------------------
out=$(bash -c 'source tests/lib/tap.sh; tap_ok a; tap_skip "no qemu" b;
	tap_check 1 c; tap_todo 1 "gap" d; tap_done')
[ "$out" = "ok 1 - a
ok 2 - b # SKIP no qemu
not ok 3 - c
not ok 4 - d # TODO gap
1..4" ]
tap_check $? "tap.sh: ok, skip, not ok, todo and a trailing plan"

# ---- the kshc fuzz replay names the input it died on ----------------------
mkdir -p "$t/fb/tests"
cat >"$t/fb/tests/kshc-fuzz-replay" <<'F'
#!/bin/sh
for f in "$@"; do
	echo "replay: $f" >&2
	case $f in *robust*) kill -SEGV $$ ;; esac
done
echo "$# inputs"
F
chmod +x "$t/fb/tests/kshc-fuzz-replay"
out=$(KSH_BUILD=$t/fb tests/kshc/fuzz-replay.sh 2>/dev/null)
first=$(ls tests/kshc/robust/* | head -n 1)
echo "$out" | grep -q "^not ok 2 - tests/kshc/robust/\*: status 139 on $first$" &&
	[ "$(echo "$out" | grep -c '^ok ')" = 4 ]
tap_check $? "fuzz replay: a crash fails its corpus and names the input"
tap_done
