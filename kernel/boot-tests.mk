# Boot tests of the kernel under QEMU TCG + OVMF (tests/boot/): each case
# is a .ksh system built with kshc and scripts/link-image.sh and booted
# with AMD SVM + NPT emulated.
SUITES += tap:tests/boot/boot-tests.sh:1800
BENCHES += tests/boot/bench.sh
