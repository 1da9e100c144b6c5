# Payload loaders (kernel/include/ksh/loader.h): pure C, linked into the
# kernel through LOADER_SRCS and into the host unit tests.
LOADER_SRCS := $(sort $(wildcard kernel/core/loader/*.c))

UNIT_UNDER_TEST += $(LOADER_SRCS)
