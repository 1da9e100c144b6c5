#!/bin/sh
# Runs inside the Linux domain of tests/boot/chandev_linux.sh (sent on the
# kernel command line, gzip + base64): drives the three ksh channel
# devices from user space with busybox only, as the contract allows
# (include/ksh/chandev_regs.h): registers through sysfs
# resource0 (4-byte pread/pwrite, i.e. IN/OUT), BAR memory through
# /dev/mem. Devices: 00:03.0 req (sender), 00:04.0 rep (receiver),
# 00:05.0 board (memory channel reader). Every result is printed as a
# "CHD ..." line the host test checks.
P=/sys/bus/pci/devices/0000:00:0
r() { dd if=$P$1.0/resource0 bs=4 skip=$(($2 / 4)) count=1 2>/dev/null |
	od -An -td4 | tr -d ' '; }
# put FILE OFFSET VALUE: one 4-byte little-endian write.
put() {
	v=$3
	printf "$(printf '\\%o\\%o\\%o\\%o' $((v & 255)) $((v >> 8 & 255)) \
		$((v >> 16 & 255)) $((v >> 24 & 255)))" |
		dd of=$1 bs=4 seek=$(($2 / 4)) conv=notrunc 2>/dev/null
}
w() { put $P$1.0/resource0 $2 $3; }
cw() { put $P$1.0/config $2 $3; }
bar() { sed -n "$(($2 + 1))p" $P$1.0/resource | cut -d' ' -f1; }
# txt ADDR BYTES: the printable bytes at ADDR, 4 at a time.
txt() {
	i=0
	while [ $i -lt $2 ]; do
		v=$(devmem $(($1 + i)) 32)
		for k in 0 8 16 24; do
			c=$((v >> k & 255))
			[ $c -ge 32 ] && [ $c -lt 127 ] && printf "\\$(printf %o $c)"
		done
		i=$((i + 4))
	done
}
cmd() { w $1 32 $2; echo "CHD $3 result=$(r $1 36)"; }
for s in 3 4 5; do
	echo "CHD dev $s id=$(r $s 0) info=$(r $s 4) vendor=$(cat $P$s.0/vendor) class=$(cat $P$s.0/class) bar1=$(bar $s 1)"
done
a=$(bar 3 1)
echo "CHD desc $(txt $((a + 32)) 8) $(txt $((a + 96)) 8) $(txt $((a + 160)) 8) $(txt $((a + 224)) 8) $(txt $((a + 288)) 8) $(txt $((a + 352)) 8) buf=$(devmem $((a + 20)) 32)/$(devmem $((a + 24)) 32)"
devmem $((a + 4096)) 32 0x6968
w 3 28 2
w 3 24 1
cmd 3 1 data-before-hello
w 3 24 0
cmd 3 1 hello
w 3 24 1
cmd 3 1 data
w 3 24 3
cmd 3 1 secret
w 3 28 8192
w 3 24 1
cmd 3 1 too-long
# uio_pci_generic takes INTA# (the guest's only way to see it without
# a driver of ours): its handler masks INTx in the command register.
echo "4b53 4348" >/sys/bus/pci/drivers/uio_pci_generic/new_id
w 4 16 1
for i in $(seq 300); do
	[ $(($(r 4 12) & 1)) = 1 ] && break
	sleep 0.2
done
echo "CHD rx status=$(r 4 12) queued=$(r 4 44) intx=$(($(dd if=$P'4.0/config' bs=1 skip=6 count=1 2>/dev/null | od -An -tu1) & 8))"
echo "CHD irq $(grep '^ *11:' /proc/interrupts | tr -s ' ' | sed 's/^ //')"
cmd 4 2 recv
b=$(bar 4 1)
echo "CHD got method=$(r 4 24) len=$(r 4 28) text=$(txt $((b + 4096)) 8)"
w 4 20 1
echo "CHD acked status=$(r 4 12)"
cmd 4 2 recv-empty
c=$(bar 5 2)
echo "CHD board status=$(r 5 12) size=$(r 5 8) text=$(txt $c 8)"
cmd 5 3 reader-signal
devmem $c 32 0x41414141
echo "CHD window-write rc=$? after=$(devmem $c 32)"
# The same channels through the kshchan tool (images/linux/kshchan).
kshchan send req hello kc
echo "CHD kc-send rc=$?"
o=$(kshchan recv --timeout 20000 rep | tr '\n' ' ')
echo "CHD kc-recv $o"
echo "CHD kc-read $(kshchan read board 0 8)"
kshchan send req secret x 2>/dev/null
echo "CHD kc-secret rc=$?"
# Move req's BAR1 behind Linux's back: onto RAM (refused, left
# unbacked), then to a free address, where the pages follow.
cw 3 20 0x100000
cw 3 20 0xe0100000
echo "CHD moved magic=$(devmem 0xe0100000 32)"
devmem 0xe0101000 32 0x6b6f
w 3 28 2
w 3 24 1
cmd 3 1 data-after-move
w 3 28 0
w 3 24 2
cmd 3 1 bye
echo "CHD END"
