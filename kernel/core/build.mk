# Console input (ksh/console_in.h): the ring between the serial port and
# the granted UART is pure and unit-tested on the host
# (tests/unit/test_console_in.c); console_in.c polls the port in the
# kernel. The boot suites type into a Linux domain's shell and check that
# input reaches only the granted domain (tests/boot/linux_shell.sh,
# linux_two.sh).
UNIT_UNDER_TEST += kernel/core/console_ring.c

# The interactive serial shell under QEMU TCG + SVM (python3: the test
# types into QEMU's stdio serial port while reading the log).
SUITES += tap:tests/boot/linux_shell.py:600

# Two Linux domains and a native one sharing the CPU; console input
# reaches only the granted one; a triple-faulting kernel is stopped while
# the others run. Two stock kernels booting under TCG take minutes.
SUITES += tap:tests/boot/linux_two.py:900
