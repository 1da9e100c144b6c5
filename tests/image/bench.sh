#!/bin/bash
# Benchmark of the image stage (make bench): prints figures, asserts
# nothing. For every example: end-to-end `kshc -o` wall time (median of 5)
# and the part spent outside the C compiler, linker and objcopy (timed by
# wrappers around them); image size; and the size an extra native domain
# adds beyond its payload, from systems of 1, 2, 4 and 8 domains.
. "$(dirname "$0")/lib.sh"

KSHC=$BUILD/bin/kshc
GUESTS=$BUILD/guests
W=$WORK
RUNS=5
now_ns() { date +%s%N; }

# Wrappers that add each tool run's wall time to $W/tools.ns.
for t in cc ld objcopy; do
	cat >"$W/wrap-$t" <<-EOT
		#!/bin/bash
		s=\$(date +%s%N)
		${t} "\$@"
		rc=\$?
		echo \$((\$(date +%s%N) - s)) >>"$W/tools.ns"
		exit \$rc
	EOT
	chmod +x "$W/wrap-$t"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# bench_one KSH OUT: prints "total_ms outside_ms size_bytes".
bench_one() {
	local i s e tools totals=() outside=()
	for i in $(seq 1 $RUNS); do
		: >"$W/tools.ns"
		s=$(now_ns)
		CC=$W/wrap-cc LD=$W/wrap-ld OBJCOPY=$W/wrap-objcopy \
			"$KSHC" "$1" -L "$GUESTS" -o "$2" 2>"$W/kshc.err" ||
			{ cat "$W/kshc.err" >&2; return 1; }
		e=$(now_ns)
		tools=$(awk '{ s += $1 } END { print s + 0 }' "$W/tools.ns")
		totals+=($(((e - s) / 1000)))
		outside+=($(((e - s - tools) / 1000)))
	done
	printf '%s %s %s\n' \
		"$(printf '%s\n' "${totals[@]}" | median)" \
		"$(printf '%s\n' "${outside[@]}" | median)" \
		"$(stat -c%s "$2")"
}

echo "== kshc -o per example (median of $RUNS; load average:" \
	"$(cut -d' ' -f1 /proc/loadavg))"
printf '%-28s %10s %16s %12s\n' example "total ms" "outside tools ms" "image bytes"
for ksh in examples/*.ksh; do
	if read -r tot out size < <(bench_one "$ksh" "$W/img.efi"); then
		printf '%-28s %10.1f %16.1f %12d\n' "$ksh" \
			"$(echo "$tot / 1000" | bc -l)" \
			"$(echo "$out / 1000" | bc -l)" "$size"
	else
		printf '%-28s %s\n' "$ksh" "(kshc failed)"
	fi
done

# Size per domain: N native domains, all running the same hello.elf (kshc
# embeds identical payload bytes once, so this is the cost of a domain's
# table entries and state), no channels.
gen_system() {
	local n=$1 i
	echo "system \"bench$n\" {"
	echo "  platform { cpus 1; memory 256M; iommu optional; }"
	echo "  schedule { major 16ms; cpu 0 {"
	for i in $(seq 1 "$n"); do echo "    d$i 1ms;"; done
	echo "  } }"
	echo "}"
	echo "level low; type t;"
	for i in $(seq 1 "$n"); do
		echo "domain d$i : native \"hello.elf\" {"
		echo "  memory 2M; vcpus 1; type t; level low;"
		echo "}"
	done
}
payload=$(stat -c%s "$GUESTS/hello.elf")
# Payloads are embedded 4 KiB aligned (payloads.S), so each copy occupies
# its size rounded up to a page.
slot=$(((payload + 4095) / 4096 * 4096))
echo
echo "== image size against domain count (payload hello.elf: $payload bytes)"
printf '%8s %12s %22s %24s\n' domains "image bytes" "image - payloads bytes" \
	"image - payload pages"
first=
for n in 1 2 4 8; do
	gen_system "$n" >"$W/bench$n.ksh"
	"$KSHC" "$W/bench$n.ksh" -L "$GUESTS" -o "$W/bench$n.efi" 2>"$W/b.err" ||
		{ cat "$W/b.err"; continue; }
	size=$(stat -c%s "$W/bench$n.efi")
	rest=$((size - n * payload))
	paged=$((size - n * slot))
	printf '%8d %12d %22d %24d\n' "$n" "$size" "$rest" "$paged"
	[ -n "$first" ] || { first=$rest; first_p=$paged; first_n=$n; }
	last=$rest
	last_p=$paged
	last_n=$n
done
if [ -n "$first" ] && [ "$last_n" != "$first_n" ]; then
	echo "per extra domain beyond its payload: $(((last - first) / \
		(last_n - first_n))) bytes, of which table entries" \
		"$(((last_p - first_p) / (last_n - first_n))) bytes and the rest" \
		"the payload's padding to 4 KiB"
	echo "fixed part (kernel, runtime, firmware glue) with one domain:" \
		"$first_p bytes"
fi
