#!/bin/bash
# TAP suite: a Linux domain (stock kernel, busybox user space, no driver)
# and a native peer talk over the ksh channel device under QEMU TCG (SVM
# + NPT). The Linux side (tests/boot/chandev_guest.sh, passed on the
# kernel command line) finds three PCI functions, reads their registers
# and descriptor page, sends on a message channel under a flow machine,
# takes the peer's reply after the RX status and an interrupt (IRQ 11
# through the virtual 8259A to Linux's uio_pci_generic handler), reads a
# memory channel window the peer wrote and rang, and tries the hostile
# cases: the flow order broken, a forbidden method, a too-long message,
# a doorbell it may not ring, a write to its read-only window, a BAR
# moved onto its RAM (refused) and then elsewhere (followed). Each is
# refused with its code and audited; the native peer runs to its end.
# Before the move it also drives the channels with the image's kshchan
# tool.
source "$(dirname "$0")/../lib/tap.sh"
source "$(dirname "$0")/../lib/boot.sh"
cd "$ROOT" || exit 1
out=$BUILD/boot-tests/chandev_linux
mkdir -p "$out"
has() { log_has "$clean" "$1"; }
tap_plan 16
log=$out/serial.log
clean=$out/serial.txt
rm -f "$log" "$clean"
: >"$log"
: >"$clean"
# The script, comments dropped, gzip + base64 in one ksh.run= (the
# initramfs /init percent-decodes it; a command line holds 2 KiB).
b64=$(sed '/^[[:space:]]*#/d' tests/boot/chandev_guest.sh | gzip -9n | base64 -w0)
cmdline="console=ttyS0 nolapic noapic acpi=off ksh.run=echo%20$b64%7Cbase64%20-d%7Cgunzip%3E/t%3Bsh%20/t"
sed "s|@CMDLINE@|$cmdline|" tests/boot/chandev_linux.ksh.in >"$out/chandev_linux.ksh"
boot_build "$out/chandev_linux.ksh" "$out/gen" "$BUILD/images/linux"
tap_check $? "chandev_linux.ksh builds (log $out/gen/build.log)"
start=$SECONDS
tmo=${KSH_LINUX_TIMEOUT:-540}
if [ -r "$out/gen/image.efi" ]; then
	tests/boot/qemu-boot.sh "$out/gen/image.efi" "$log" "$tmo" &
	qb=$!
	while kill -0 "$qb" 2>/dev/null; do
		tr -d '\r' <"$log" >"$clean"
		has "[linux] CHD END" && has "[peer] PEER DONE" && break
		sleep 1
	done
	sleep 1
	kill "$qb" 2>/dev/null
	wait "$qb" 2>/dev/null
fi
tr -d '\r' <"$log" >"$clean"
echo "# QEMU start to the end of the exchange: $((SECONDS - start)) s"
grep -a '^\[linux\] CHD \|^ksh: audit\|channel device\|^\[peer\]' "$clean" |
	sed 's/^/# /'
has "ksh: domain linux: channel device reqdev: sending end of req at 00:03.0" &&
	has "ksh: domain linux: channel device boarddev: reading end of board at 00:05.0, ports c080, BAR1 e0004000, BAR2 window"
tap_check $? "the kernel builds one PCI function per channel device"
grep -aq '^\[linux\] CHD dev 3 id=1128813387 info=.* vendor=0x4b53 class=0xff0000 bar1=0x00000000e0000000$' "$clean" &&
	grep -aq '^\[linux\] CHD dev 5 id=1128813387 .* vendor=0x4b53 ' "$clean"
tap_check $? "Linux finds the functions (IDs, class, BARs kept) and reads ID"
has "[linux] CHD desc req reqdev hello data bye secret buf=0x00001000/0x00001000"
tap_check $? "the descriptor page names channel, device and methods"
has "[linux] CHD data-before-hello result=-4" &&
	has "ksh: audit: denied linux chan_send req.data in state closed: EPERM"
tap_check $? "the flow order broken from Linux: EPERM, audited"
has "[linux] CHD hello result=0" && has "[linux] CHD data result=0" &&
	has "[peer] PEER got hello len=2: hi" && has "[peer] PEER got data len=2: hi"
tap_check $? "messages from Linux reach the native peer in order"
has "[linux] CHD secret result=-4" &&
	has "ksh: audit: denied linux chan_send req.secret in state opened: EPERM (no rule: default deny)"
tap_check $? "a forbidden method from Linux: EPERM, audited"
has "[linux] CHD too-long result=-6" &&
	has "ksh: audit: denied linux chan_send req.data in state opened: E2BIG"
tap_check $? "a message longer than the channel allows: E2BIG, audited"
has "[linux] CHD rx status=1 queued=1 intx=8" &&
	has "[linux] CHD recv result=0" &&
	has "[linux] CHD got method=0 len=7 text=pong:hi" &&
	has "[linux] CHD acked status=0" && has "[linux] CHD recv-empty result=-7"
tap_check $? "the reply arrives: RX + INTA# latched, RECV, IRQ_ACK, then EAGAIN"
grep -aq '^\[linux\] CHD irq 11: 1 .*uio_pci_generic' "$clean"
tap_check $? "the arrival is an interrupt: IRQ 11 through the virtual 8259A, taken by Linux"

has "[linux] CHD board status=4 size=4096 text=BOARD v1"
tap_check $? "the memory channel window shows the peer's data and its doorbell"
has "[linux] CHD reader-signal result=-5" &&
	has "ksh: audit: denied linux event_signal"
tap_check $? "a doorbell the reader may not ring: EBADH, audited"
grep -aq '^\[linux\] CHD window-write rc=139 after=0x52414F42$' "$clean" &&
	has "ksh: audit: denied linux window_write board: EPERM (the reading end maps it read-only)"
tap_check $? "a write to the read-only window: refused (SIGSEGV), audited, unchanged"
has "[linux] CHD kc-send rc=0" && has "[peer] PEER got hello len=2: kc" &&
	has "[linux] CHD kc-recv reply 7 pong:kc" &&
	has "[linux] CHD kc-read 424f415244207631" && has "[linux] CHD kc-secret rc=4"
tap_check $? "the kshchan tool drives the same devices: send, recv, read, refusal"
has "ksh: domain linux: device reqdev: BAR1 at 100000 refused (overlaps guest memory): left unbacked" &&
	has "[linux] CHD moved magic=0x4348534B" &&
	has "[linux] CHD data-after-move result=0" &&
	has "[peer] PEER got data len=2: ok"
tap_check $? "a BAR moved onto RAM is refused; moved to a free address, its pages follow"
has "[linux] CHD bye result=0" && has "[linux] CHD END" &&
	has "[peer] PEER DONE failures=0" && ! log_any "$clean" 'stopped:'
tap_check $? "both domains go on to their end; nothing was stopped"
tap_done
