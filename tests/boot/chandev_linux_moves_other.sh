#!/bin/sh
# Runs in domain other of tests/boot/chandev_linux_moves.sh: waits until
# mover has moved its window BAR 40 times, then places its own BARs at
# new addresses (every table page they need comes from this domain's
# reserve) and reads the marks mover wrote through the new BAR2.
P=/sys/bus/pci/devices/0000:00:0
put() {
	v=$3
	printf "$(printf '\\%o\\%o\\%o\\%o' $((v & 255)) $((v >> 8 & 255)) \
		$((v >> 16 & 255)) $((v >> 24 & 255)))" |
		dd of=$1 bs=4 seek=$(($2 / 4)) conv=notrunc 2>/dev/null
}
cw() { put $P$1.0/config $2 $3; }
echo "CHM other waiting $(kshchan recv --timeout 900000 note)"
cw 4 20 0xF0000000
echo "CHM other notedev magic=$(devmem 0xF0000000 32)"
cw 3 24 0x90000000
echo "CHM other window first=$(devmem 0x90000000 32) last=$(devmem $((0x90000000 + 0x3E00000)) 32)"
echo "CHM other END"
