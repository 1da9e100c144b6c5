# Channels and hypercalls (kernel/chan/): the hypercall dispatcher and
# decoder, the policy enforcement point, message queues, the audit ring,
# the channel hypercalls, and the glue to the scheduler and to the channel
# device of Linux domains. The pure parts are also host unit tests
# (tests/unit/test_chan_*.c, test_audit_*.c, test_hcall.c).
KERNEL_SRCS += $(wildcard kernel/chan/*.c)
UNIT_UNDER_TEST += kernel/chan/pep.c kernel/chan/chanq.c kernel/chan/audit.c \
	kernel/chan/chan_hcall.c kernel/chan/hcall_decode.c
