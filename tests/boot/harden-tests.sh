#!/bin/bash
# TAP suite: the CPU-state and kernel hardening boot cases
# (tests/boot/harden/*.ksh: CR4 bits hidden from CPUID, PKRU between
# domains, SVM instructions and RDPMC from a guest, CR3 outside RAM, the
# native stack protector, and the kernel's W^X self-test). Same harness
# and directives as tests/boot/boot-tests.sh; a suite of its own so its
# boots do not count against that suite's time limit.
cd "$(dirname "$0")/../.." || exit 1
KSH_BOOT_CASES=$(ls tests/boot/harden/*.ksh) exec tests/boot/boot-tests.sh
