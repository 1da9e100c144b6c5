# The microhypervisor. KERNEL_PURE_SRCS are plain C with no hardware access;
# they are linked into the kernel and also into the host unit tests.
KERNEL_PURE_SRCS := kernel/core/tables_check.c

UNIT_UNDER_TEST += $(KERNEL_PURE_SRCS)
