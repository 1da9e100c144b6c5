#!/bin/sh
# Runs in domain mover of tests/boot/chandev_linux_moves.sh: marks the
# window it writes (first and last page) through BAR2 of bigdev
# (00:03.0), moves that BAR 40 times to a new 64 MiB slot each time by
# writing the config space through sysfs (what setpci would do), reads
# the marks at every new place, then reads the place it left (the
# kernel must refuse: the domain has fault_on_violation, so the read
# gets #GP, i.e. SIGSEGV), moves notedev's BAR1 away and back, and
# tells other on it.
P=/sys/bus/pci/devices/0000:00:0
put() {
	v=$3
	printf "$(printf '\\%o\\%o\\%o\\%o' $((v & 255)) $((v >> 8 & 255)) \
		$((v >> 16 & 255)) $((v >> 24 & 255)))" |
		dd of=$1 bs=4 seek=$(($2 / 4)) conv=notrunc 2>/dev/null
}
cw() { put $P$1.0/config $2 $3; }
L=$((0x3E00000))
b=$(sed -n 3p ${P}3.0/resource | cut -d' ' -f1)
devmem $b 32 0x4D4F5645
devmem $((b + L)) 32 0x454E4421
echo "CHM mover window at $b first=$(devmem $b 32) last=$(devmem $((b + L)) 32)"
i=0
ok=0
prev=$b
while [ $i -lt 40 ]; do
	a=$((0x80000000 + (i % 15) * 0x4000000))
	cw 3 24 $a
	f=$(devmem $a 32)
	l=$(devmem $((a + L)) 32)
	[ "$f" = 0x4D4F5645 ] && [ "$l" = 0x454E4421 ] && ok=$((ok + 1))
	left=$prev
	prev=$a
	i=$((i + 1))
done
printf 'CHM mover moves=%d ok=%d at=0x%X left=0x%X\n' $i $ok $a $left
devmem $left 32
echo "CHM mover old-read rc=$?"
cw 4 20 0xF4000000
echo "CHM mover notedev magic=$(devmem 0xF4000000 32)"
# Back where Linux (and so kshchan, through sysfs) believes it is.
cw 4 20 0xE8000000
kshchan send note done
echo "CHM mover told rc=$?"
echo "CHM mover END"
