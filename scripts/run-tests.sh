#!/bin/bash
# Runs test suites and prints one summary line: "N passed, N failed".
#
# Each argument is KIND:PATH[:TIMEOUT]:
#   criterion:BIN   a Criterion binary (its TAP report is read)
#   tap:SCRIPT      an executable printing TAP ("ok N - name" / "not ok N")
# Suites run in parallel (KSH_JOBS, default: number of CPUs), each bounded
# by TIMEOUT seconds (default 900). Logs go to $KSH_BUILD/test-logs/; the
# logs of failed suites stay there for reading. Exit status 1 on any failure.
set -u
build=${KSH_BUILD:-build}
logdir=$build/test-logs
mkdir -p "$logdir"
jobs=${KSH_JOBS:-$(nproc)}

run_one() {
	local spec=$1 kind path tmo name log tap rc
	kind=${spec%%:*}
	path=${spec#*:}
	tmo=900
	case "$path" in *:*) tmo=${path##*:}; path=${path%:*} ;; esac
	name=$(basename "$path")
	log=$logdir/$name.log
	tap=$logdir/$name.tap
	case "$kind" in
	criterion)
		timeout -k 10 "$tmo" "$path" --tap="$tap" -j1 >"$log" 2>&1
		rc=$? ;;
	tap)
		timeout -k 10 "$tmo" "$path" >"$tap" 2>"$log"
		rc=$? ;;
	*)
		echo "not ok 1 - unknown suite kind '$kind'" >"$tap"; rc=2 ;;
	esac
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$tap"; then
		if [ $rc -eq 124 ]; then
			echo "not ok - suite $name timed out after ${tmo}s" >>"$tap"
		else
			echo "not ok - suite $name exited with status $rc" >>"$tap"
		fi
	fi
}

start=$(date +%s)
pids=()
for spec in "$@"; do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	run_one "$spec" &
	pids+=($!)
done
wait

passed=0
failed=0
for spec in "$@"; do
	path=${spec#*:}
	case "$path" in *:*) path=${path%:*} ;; esac
	name=$(basename "$path")
	tap=$logdir/$name.tap
	p=$(grep -c '^ok' "$tap" 2>/dev/null); p=${p:-0}
	f=$(grep -c '^not ok' "$tap" 2>/dev/null); f=${f:-0}
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - suite $name ran no test" >>"$tap"; f=1
	fi
	printf '%-28s %4d passed, %4d failed\n' "$name" "$p" "$f"
	if [ "$f" -gt 0 ]; then
		grep '^not ok' "$tap" | sed 's/^/    /'
		echo "    log: $logdir/$name.log"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "($(($(date +%s) - start)) s)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
