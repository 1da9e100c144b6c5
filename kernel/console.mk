# Console input (ksh/console_in.h): the ring between the serial port and
# the granted UART is pure and unit-tested on the host
# (tests/unit/test_console_in.c); console_in.c polls the port in the
# kernel. The boot suites type into a Linux domain's shell and check that
# input reaches only the granted domain (tests/boot/linux_shell.sh,
# linux_two.sh).
UNIT_UNDER_TEST += kernel/core/console_ring.c

# Console output (ksh/console_out.h): per-domain queues drained in
# bounded pieces on their owner's time, and the rate limit of log lines
# a guest can cause; pure, so also host unit-tested against a simulated
# 115200-baud UART (tests/unit/test_console_out.c). console.c is the
# kernel glue.
UNIT_UNDER_TEST += kernel/core/console_out.c

# The interactive serial shell under QEMU TCG + SVM (python3: the test
# types into QEMU's stdio serial port while reading the log).
SUITES += tap:tests/boot/linux_shell.py:600

# Two Linux domains and a native one sharing the CPU; console input
# reaches only the granted one; a triple-faulting kernel is stopped while
# the others run. Two stock kernels booting under TCG take minutes.
SUITES += tap:tests/boot/linux_two.py:900
