# Payload loaders (kernel/loader/, interface kernel/include/ksh/loader.h):
# pure C, linked into the kernel and into the host tools and unit tests.
LOADER_SRCS := $(sort $(wildcard kernel/loader/*.c))
KERNEL_SRCS += $(LOADER_SRCS)
UNIT_UNDER_TEST += $(LOADER_SRCS)
