# Per-vCPU x87/SSE state (ksh/fpu.h): the reset image is pure and unit-
# tested on the host (tests/unit/test_fpu.c).
UNIT_UNDER_TEST += kernel/core/fpu_state.c
