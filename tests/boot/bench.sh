#!/bin/bash
# `make bench`: boots tests/boot/bench/hcbench.ksh under QEMU TCG (AMD SVM +
# NPT) and prints
#  - the hypercall round trip measured inside the guest (hcbench: 10000
#    KSH_HC_DOMAIN_INFO calls in batches, best batch and mean, TSC cycles)
#    next to the bare world switch the kernel measures in the same boot
#    (bench.c: 2000 entries and exits, best and mean);
#  - the footprint: image size and the kernel's own code/data/bss, kernel
#    memory per domain, nested-paging bytes per MiB of guest RAM.
# Under TCG every figure is the emulator's, not hardware's; the log is
# kept in $KSH_BUILD/bench/.
set -eu
cd "$(dirname "$0")/../.."
build=${KSH_BUILD:-build}
out=$build/bench
mkdir -p "$out"
"$build/bin/kshc" tests/boot/bench/hcbench.ksh -L "$build/guests" \
	--emit-c "$out/gen" >/dev/null
KSH_KERNEL_LIB=$build/lib/libksh-kernel.a scripts/link-image.sh \
	"$out/bench.efi" "$out/gen/tables.c" "$out/gen/payloads.S"
tests/boot/qemu-boot.sh "$out/bench.efi" "$out/bench.log" 120 \
	qemu64,+svm,+npt || true
log=$out/bench.txt
tr -d '\r' <"$out/bench.log" >"$log"

field() { # PATTERN KEY -> value of KEY=... on the first line matching
	grep -m 1 -- "$1" "$log" | tr ' ' '\n' | sed -n "s/^$2=//p"
}
hc_best=$(field "HCBENCH calls=" cycles_per_call)
hc_mean=$(field "HCBENCH calls=" mean_cycles_per_call)
ws=$(grep -m 1 "ksh: bench: bare world switch" "$log" || true)
if [ -z "$hc_best" ] || [ -z "$ws" ]; then
	echo "bench: the benchmark did not run; log: $out/bench.log" >&2
	exit 1
fi
ws_best=$(echo "$ws" | sed -n 's/.*best \([0-9]*\) cycles.*/\1/p')
ws_mean=$(echo "$ws" | sed -n 's/.*mean \([0-9]*\) cycles.*/\1/p')
tsc=$(grep -m 1 "ksh: time: TSC" "$log" | sed -n 's/.*TSC \([0-9]*\) kHz.*/\1/p')
ns() { echo $(($1 * 1000000 / tsc)); }

echo "== ksh kernel benchmark (QEMU TCG, -cpu qemu64,+svm,+npt; TSC ${tsc} kHz by PIT calibration)"
printf '%-46s %10s %10s\n' "" "best" "mean"
printf '%-46s %10s %10s cycles\n' "hypercall round trip (in guest, DOMAIN_INFO)" \
	"$hc_best" "$hc_mean"
printf '%-46s %10s %10s ns\n' "" "$(ns "$hc_best")" "$(ns "$hc_mean")"
printf '%-46s %10s %10s cycles\n' "bare world switch (kernel, OUT exit)" \
	"$ws_best" "$ws_mean"
printf '%-46s %10s %10s ns\n' "" "$(ns "$ws_best")" "$(ns "$ws_mean")"
echo "(best: least disturbed by preemption and host load; load average" \
	"$(cut -d' ' -f1 /proc/loadavg) during the run)"
grep -m 1 "^\[bench\] MEMCPY" "$log" | sed 's/^\[bench\] /guest /' || true

echo "== footprint"
img=$(stat -c %s "$out/bench.efi")
echo "image.efi: $img bytes (kernel, GNU-EFI, BearSSL SHA-256, tables, payloads)"
size -t "$build/lib/libksh-kernel.a" | tail -n 1 |
	awk '{printf "kernel library: text %d, data %d, bss %d bytes\n", $1, $2, $3}'
grep -m 1 "ksh: footprint:" "$log" | sed 's/^ksh: //'
grep "ksh: domain .* ready:" "$log" | while read -r line; do
	name=$(echo "$line" | sed -n 's/ksh: domain \([^ ]*\) ready.*/\1/p')
	ram=$(echo "$line" | sed -n 's/.*ready: \([0-9]*\) KiB RAM.*/\1/p')
	pages=$(echo "$line" | sed -n 's/.*nested paging \([0-9]*\) pages.*/\1/p')
	kmem=$(echo "$line" | sed -n 's/.*kernel memory \([0-9]*\) KiB.*/\1/p')
	echo "domain $name: $((ram / 1024)) MiB RAM: nested paging $((pages * 4096)) bytes = $((pages * 4096 * 1024 / ram)) bytes per MiB of guest RAM; kernel memory $kmem KiB"
done
