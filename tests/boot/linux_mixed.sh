#!/bin/bash
# TAP suite: tests/boot/linux_mixed.ksh under QEMU TCG (SVM + NPT): a
# Linux domain next to two native domains. All reach their markers; the
# Linux kernel's panic ends in a reset request that ksh turns into a
# stop of that domain alone, reported, while the ticker domain keeps
# printing.
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/boot.sh"
cd "$ROOT" || exit 1
out=$BUILD/boot-tests/linux_mixed
mkdir -p "$out"
tap_plan 6
log=$out/serial.log
clean=$out/serial.txt
rm -f "$log" "$clean"
: >"$log"
boot_build tests/boot/linux_mixed.ksh "$out/gen" "$BUILD/images/linux"
tap_check $? "linux_mixed.ksh builds (log $out/gen/build.log)"
# The lines after the Linux domain's stop, once one is a ticker line.
after_stop() {
	tr -d '\r' <"$log" >"$clean"
	sed -n '/^ksh: domain linux stopped: /,$p' "$clean"
}
start=$SECONDS
tmo=${KSH_LINUX_TIMEOUT:-480}
if [ -r "$out/gen/image.efi" ]; then
	tests/boot/qemu-boot.sh "$out/gen/image.efi" "$log" "$tmo" &
	qb=$!
	while kill -0 "$qb" 2>/dev/null; do
		after_stop | grep -q '^\[ticker\] TICK ' && break
		sleep 1
	done
	kill "$qb" 2>/dev/null
	wait "$qb" 2>/dev/null
fi
echo "# QEMU start to the first tick after the stop: $((SECONDS - start)) s"
after_stop >/dev/null
grep -q '^\[hello\] DONE hello$' "$clean" &&
	grep -q '^ksh: domain hello exited with status 0$' "$clean"
tap_check $? "the native hello domain runs to its end"
grep -q '^\[linux\] KSH-LINUX-READY$' "$clean"
tap_check $? "the Linux domain reaches KSH-LINUX-READY beside them"
grep -q '^\[linux\] .*Kernel panic - not syncing: sysrq triggered crash' \
	"$clean"
tap_check $? "sysrq c panics the Linux kernel"
sed -n '/Kernel panic - not syncing/,$p' "$clean" |
	grep -q '^ksh: domain linux stopped: the guest asked for a system reset' &&
	grep -q '^ksh: domain linux: [0-9]* ms, exits: ' "$clean"
tap_check $? "ksh stops the Linux domain after the panic and reports it"
after_stop | grep -q '^\[ticker\] TICK '
tap_check $? "the ticker domain keeps running after the Linux domain stopped"
grep '^ksh: domain linux stopped\|^ksh: domain linux: [0-9]* ms' "$clean" |
	sed 's/^/# /'
tap_done
