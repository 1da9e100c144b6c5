# shellcheck shell=bash
# The one TAP helper of the shell suites (sourced). TAP 13 as read by
# scripts/run-tests.sh: a plan "1..N" (first or last), one line per test,
# "# SKIP reason" on a test that could not run here, "# TODO reason" on a
# test of a known, tracked gap; "# ..." lines are diagnostics.
#
#   tap_plan N              print the plan (else tap_done prints it last)
#   tap_ok DESC             a passing test
#   tap_fail DESC           a failing test
#   tap_check STATUS DESC   ok when STATUS is 0 (tap_check $? "...")
#   tap_eval CMD DESC       runs CMD with eval; ok when it succeeds
#   tap_skip REASON DESC    a test that could not run (not a pass)
#   tap_todo STATUS REASON DESC   a test of a known gap: not a failure
#   tap_diag TEXT...        diagnostic lines ("# TEXT") on stdout
#   tap_done                the plan if none was printed; status 0
#
# A suite's status is its TAP lines: the runner fails a suite whose lines
# do not match its plan, so a script that dies half-way fails.

tap_n=0
tap_planned=

tap_plan() {
	tap_planned=$1
	echo "1..$1"
}

tap_ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

tap_fail() {
	tap_n=$((tap_n + 1))
	echo "not ok $tap_n - $*"
}

tap_check() {
	local st=$1
	shift
	if [ "$st" -eq 0 ]; then tap_ok "$@"; else tap_fail "$@"; fi
}

tap_eval() {
	if eval "$1"; then tap_ok "$2"; else tap_fail "$2"; fi
}

tap_skip() {
	local why=$1
	shift
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $* # SKIP $why"
}

tap_todo() {
	local st=$1 why=$2
	shift 2
	tap_n=$((tap_n + 1))
	if [ "$st" -eq 0 ]; then
		echo "ok $tap_n - $* # TODO $why"
	else
		echo "not ok $tap_n - $* # TODO $why"
	fi
}

tap_diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

tap_done() {
	[ -n "$tap_planned" ] || echo "1..$tap_n"
	return 0
}
