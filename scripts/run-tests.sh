#!/bin/bash
# Runs test suites and prints one summary line:
# "N passed, N failed, N skipped".
#
# Each argument is KIND:PATH[:TIMEOUT]:
#   criterion:BIN   a Criterion binary (its TAP report is read)
#   tap:SCRIPT      an executable printing TAP ("ok N - name" / "not ok N")
# Suites run in parallel (KSH_JOBS, default: number of CPUs), each bounded
# by TIMEOUT seconds (default 900). Logs go to $KSH_BUILD/test-logs/; the
# logs of failed suites stay there for reading. Exit status 1 on any failure.
#
# Counting (README, "What the summary counts"): a test is one TAP line.
#   "ok ..."                    passed
#   "ok ... # SKIP why"         skipped (did not run: not a pass)
#   "not ok ..."                failed
#   "not ok ... # TODO why"     skipped (a known, tracked gap; not a pass)
#   "ok ... # TODO why"         passed (the gap is closed: drop the TODO)
# A suite also fails (one more failure) when its plan "1..N" is missing,
# given twice, or differs from the number of test lines it printed
# ("1..0 # SKIP why" is a whole suite skipped, counted as one skip), when
# it ran no test, timed out, or exited non-zero without a failing line.
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
	rm -f "$tap" "$log" "$logdir/$name.rc"
	case "$kind" in
	criterion)
		timeout -k 10 "$tmo" "$path" --tap="$tap" -j1 >"$log" 2>&1
		rc=$? ;;
	tap)
		timeout -k 10 "$tmo" "$path" >"$tap" 2>"$log"
		rc=$? ;;
	*)
		echo "unknown suite kind '$kind'" >"$log"; : >"$tap"; rc=2 ;;
	esac
	echo "$rc $tmo" >"$logdir/$name.rc"
}

# tap_count TAP: prints "PASSED FAILED SKIPPED PROBLEM", PROBLEM being
# empty or why the suite's TAP stream itself is wrong.
tap_count() {
	awk '
	function directive(s,   d) {
		# The text after the first unescaped "#" (TAP 13 directive).
		if (!match(s, /[^\\]#[ \t]*/)) return ""
		d = toupper(substr(s, RSTART + RLENGTH))
		if (d ~ /^SKIP/) return "SKIP"
		if (d ~ /^TODO/) return "TODO"
		return ""
	}
	/^1\.\.[0-9]+/ {
		plans++
		plan = $0; sub(/^1\.\./, "", plan); plan = plan + 0
		if (plan == 0 && toupper($0) ~ /# *SKIP/) wholeskip = 1
		next
	}
	/^ok([ \t]|$)/ {
		tests++
		d = directive($0)
		if (d == "SKIP") s++; else p++
		next
	}
	/^not ok([ \t]|$)/ {
		tests++
		d = directive($0)
		if (d == "TODO") s++; else f++
		next
	}
	END {
		why = ""
		if (plans == 0) why = "no plan (1..N)"
		else if (plans > 1) why = plans " plans"
		else if (wholeskip && tests == 0) s++
		else if (tests != plan) why = "planned " plan " tests, ran " tests + 0
		else if (tests == 0) why = "ran no test"
		printf "%d %d %d %s\n", p, f, s, why
	}' "$1" 2>/dev/null || echo "0 0 0 no TAP output"
}

start=$(date +%s)
for spec in "$@"; do
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
	run_one "$spec" &
done
wait

passed=0
failed=0
skipped=0
for spec in "$@"; do
	path=${spec#*:}
	case "$path" in *:*) path=${path%:*} ;; esac
	name=$(basename "$path")
	tap=$logdir/$name.tap
	read -r rc tmo <"$logdir/$name.rc" 2>/dev/null || { rc=2; tmo=?; }
	[ -f "$tap" ] || : >"$tap"
	read -r p f s why < <(tap_count "$tap")
	# What is wrong with the suite as a whole: one more failure each.
	extra=()
	[ -n "$why" ] && extra+=("suite $name: $why")
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		extra+=("suite $name timed out after ${tmo}s")
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		extra+=("suite $name exited with status $rc")
	fi
	for e in "${extra[@]}"; do
		echo "not ok - $e" >>"$tap"
		f=$((f + 1))
	done
	printf '%-28s %4d passed, %4d failed, %4d skipped\n' "$name" "$p" "$f" "$s"
	if [ "$f" -gt 0 ]; then
		grep '^not ok' "$tap" | grep -iv '# *TODO' | sed 's/^/    /'
		echo "    log: $logdir/$name.log"
	fi
	if [ "$s" -gt 0 ]; then
		grep -i '^ok.*[^\\]# *SKIP\|^not ok.*[^\\]# *TODO\|^1\.\.0.*# *SKIP' "$tap" |
			sed 's/^/    skipped: /'
	fi
	grep -i '^ok.*[^\\]# *TODO' "$tap" |
		sed 's/^/    passed, drop its TODO: /'
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
done
echo "($(($(date +%s) - start)) s)"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
