/* SPDX-License-Identifier: MIT */
/*
 * Trying one privileged instruction and seeing which exception, if any, it
 * raised: the guest installs its own IDT whose #UD and #GP gates resume at
 * the instruction's recovery point (any other exception prints FAIL and
 * exits 3). Interrupt gates on the loader's code selector (SDM vol. 3A
 * 6.14.1; AMD APM vol. 2 8.9.1). Each try returns 0 when the instruction
 * completed, else the vector (6 #UD, 13 #GP).
 */
#ifndef GUEST_TRAP_H
#define GUEST_TRAP_H

#include <stdint.h>

#define GUEST_TRAP_UD 6
#define GUEST_TRAP_GP 13

void guest_trap_setup(void);

/* Calls fn; returns the vector of a #UD or #GP raised inside it (fn is
 * then abandoned where it faulted), or 0. */
uint64_t guest_try(void (*fn)(void));
uint64_t guest_try_write_cr4(uint64_t value);
uint64_t guest_try_wrpkru(uint32_t pkru);
/* *pkru is written only when RDPKRU completed. */
uint64_t guest_try_rdpkru(uint32_t *pkru);

static inline uint64_t guest_read_cr4(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

#endif /* GUEST_TRAP_H */
