#!/bin/bash
# make bench: kshc on synthetic systems of growing size (check + emit of
# tables.c, tables.h and payloads.S): wall time, peak RSS and the size of
# the generated decision table. Sizes: D domains / C channels / R rules of
# 100/1,000/10,000, 1,000/10,000/100,000 and 10,000/100,000/1,000,000.
# Target: under 1 s for the middle size, linear growth. CPU s is user +
# system time: on a loaded machine wall time can be much larger.
# KSH_BENCH_SIZES="D:C:R ..." overrides the list.
cd "$(dirname "$0")/../.." || exit 1
build=${KSH_BUILD:-build}
kshc=$build/bin/kshc
work=$build/bench/kshc
mkdir -p "$work"
sizes=${KSH_BENCH_SIZES:-"100:1000:10000 1000:10000:100000 10000:100000:1000000"}
printf '%-22s %6s %7s %7s %8s %11s %14s %9s\n' "domains/channels/rules" \
	"input" "wall s" "CPU s" "RSS MiB" "decisions" "decision bytes" \
	"tables.c"
for s in $sizes; do
	IFS=: read -r d c r <<<"$s"
	src=$work/sys-$d-$c-$r.ksh
	[ -s "$src" ] || python3 tests/kshc/gen_system.py "$d" "$c" "$r" >"$src"
	rm -rf "$work/out"
	/usr/bin/time -f '%e %M %U %S' -o "$work/time" "$kshc" --stats \
		-L tests/kshc/payloads "$src" --emit-c "$work/out" \
		2>"$work/stats" >/dev/null
	rc=$?
	read -r wall rss user sys <"$work/time"
	dec=$(sed -n 's/.* \([0-9]*\) decisions (\([0-9]*\) bytes).*/\1 \2/p' \
		"$work/stats")
	printf '%-22s %5sM %7s %7s %8s %11s %14s %8sM%s\n' "$d/$c/$r" \
		"$(($(stat -c %s "$src") >> 20))" "$wall" \
		"$(printf %.2f "$(echo "$user + $sys" | bc)")" "$((rss / 1024))" \
		"${dec% *}" "${dec#* }" \
		"$(($(stat -c %s "$work/out/tables.c" 2>/dev/null || echo 0) >> 20))" \
		"$([ $rc -eq 0 ] || echo "  (kshc exit $rc)")"
	grep -E 'kshc: [a-z+-]+ +[0-9.]+ ms' "$work/stats" | tr '\n' ' ' |
		sed 's/kshc: //g; s/  */ /g; s/^/    steps: /'
	echo
done
