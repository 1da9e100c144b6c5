#!/bin/bash
# TAP suite: the CPU-state and kernel hardening boot cases
# (tests/boot/harden/*.ksh: CR4 bits hidden from CPUID, PKRU between
# domains, SVM instructions, RDPMC and XSETBV from a guest, CR3 outside
# RAM, the native stack protector, and the kernel's W^X self-test). Same
# harness and directives as tests/boot/boot-tests.sh; a suite of its own
# so its boots do not count against that suite's time limit, and its own
# log folder so the two suites never share a case's files.
cd "$(dirname "$0")/../.." || exit 1
KSH_BOOT_OUT=${KSH_BUILD:-build}/harden-tests \
	KSH_BOOT_CASES=$(ls tests/boot/harden/*.ksh) exec tests/boot/boot-tests.sh
