#!/bin/bash
# TAP suite: every input the fuzzer kept (tests/kshc/fuzz-corpus) and every
# crash it ever found (tests/kshc/robust) runs through the whole front end
# under ASan+UBSan without a report (tests/fuzz/kshc_replay.c).
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
shopt -s nullglob
exec "$build/tests/kshc-fuzz-replay" tests/kshc/fuzz-corpus/* \
	tests/kshc/robust/* examples/*.ksh tests/kshc/pass/*.ksh \
	tests/kshc/fail/*.ksh
