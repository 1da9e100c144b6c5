# Guest memory (kernel/mm/): the vendor-neutral nested page-table builder
# and the guest-physical map used to reach guest buffers. Both pure, so
# also host unit tests (tests/unit/test_npt.c, test_hcall.c).
KERNEL_SRCS += $(wildcard kernel/mm/*.c)
UNIT_UNDER_TEST += kernel/mm/npt.c kernel/mm/gmap.c
