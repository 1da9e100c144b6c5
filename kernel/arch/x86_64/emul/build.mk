# CPU-state hardening (ksh/cr4_policy.h, ksh/insn_cr.h): pure, so also
# host unit tests (tests/unit/test_cr4_policy.c).
UNIT_UNDER_TEST += kernel/core/cr4_policy.c kernel/core/insn_cr.c
