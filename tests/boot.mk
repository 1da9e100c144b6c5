# Boot tests of the kernel under QEMU TCG + OVMF (tests/boot/): each case
# is a .ksh system built with kshc and scripts/link-image.sh and booted
# with AMD SVM + NPT emulated.
SUITES += tap:tests/boot/boot-tests.sh:1800
BENCHES += tests/boot/bench.sh

# Linux domains (kernel/vm/) on the stock kernel of `make linux-image`; a
# boot takes minutes on a loaded machine.
SUITES += tap:tests/boot/linux_dom.sh:600
SUITE_DEPS += $(BUILD)/images/linux/vmlinuz $(BUILD)/images/linux/initramfs.cpio.gz

# ticker: a native guest that keeps printing beside a Linux domain
# (tests/guests/ticker.c), built by tests/guests.mk's pattern rule.
ALL += $(BUILD)/guests/ticker.elf
.SECONDARY: $(BUILD)/guest/tests/guests/ticker.o
SUITES += tap:tests/boot/linux_mixed.sh:600
BENCHES += tests/boot/linux_bench.sh

# Console input (kernel/core/console_in.c): the interactive serial shell
# (python3: the test types into QEMU's stdio serial port while reading
# the log), and two Linux domains and a native one sharing the CPU, where
# input reaches only the granted one and a triple-faulting kernel is
# stopped while the others run. Two stock kernels under TCG take minutes.
SUITES += tap:tests/boot/linux_shell.py:600
SUITES += tap:tests/boot/linux_two.py:900
