# The kernel's core (kernel/core/): start-up and the table validator,
# domains and the cyclic scheduler, exit dispatch, the kernel's memory
# pool, formatting and console (output ring, serial input for the granted
# UART). The pure parts are also host unit tests (tests/unit/).
KERNEL_SRCS += $(wildcard kernel/core/*.c)
UNIT_UNDER_TEST += kernel/core/tables_check.c kernel/core/kfmt.c \
	kernel/core/kpool.c kernel/core/console_ring.c kernel/core/spec_plan.c
