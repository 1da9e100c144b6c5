# Emulated device models (kernel/devices/, interface kernel/include/ksh/
# vdev*.h), instantiated by Linux domains (kernel/vm/linux_dom.c). Pure C
# with no hardware access: linked into the kernel, the host unit tests and
# the fuzz harnesses (tests/fuzz.mk).
DEVICE_SRCS := $(sort $(wildcard kernel/devices/*.c))
KERNEL_SRCS += $(DEVICE_SRCS)
UNIT_UNDER_TEST += $(DEVICE_SRCS)
