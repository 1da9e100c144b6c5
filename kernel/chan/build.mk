# Mediated channels: the policy enforcement point, message queues, the
# audit ring and their hypercalls (kernel/core/{pep,chanq,audit,
# chan_hcall}.c, pure C linked into the kernel by kernel/build.mk's
# find and into the host unit tests here; chan_kernel.c is the kernel
# glue). Tests: tests/unit/test_chan_*.c, test_audit_*.c.
CHAN_PURE_SRCS := kernel/core/pep.c kernel/core/chanq.c kernel/core/audit.c \
	kernel/core/chan_hcall.c
UNIT_UNDER_TEST += $(CHAN_PURE_SRCS)
