/* SPDX-License-Identifier: MIT */
/* Unprivileged and privileged x86-64 instruction helpers for domains. */
#ifndef KSH_RT_CPU_H
#define KSH_RT_CPU_H

#include <stdint.h>

/* Time-stamp counter (Intel SDM vol. 2B, RDTSC). Not ordered against
 * earlier instructions; use ksh_rdtsc_ordered() around measured code. */
static inline uint64_t ksh_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* LFENCE before RDTSC waits for earlier instructions to complete (SDM
 * vol. 2B RDTSC; AMD APM vol. 3 LFENCE, dispatch-serialising on current
 * parts), so the reading is not taken early. */
static inline uint64_t ksh_rdtsc_ordered(void)
{
	__asm__ volatile("lfence" ::: "memory");
	return ksh_rdtsc();
}

struct ksh_cpuid {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct ksh_cpuid ksh_cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct ksh_cpuid r;

	__asm__ volatile("cpuid"
			 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(subleaf));
	return r;
}

static inline void ksh_cli(void)
{
	__asm__ volatile("cli" ::: "memory");
}

static inline void ksh_pause(void)
{
	__asm__ volatile("pause");
}

#endif /* KSH_RT_CPU_H */
