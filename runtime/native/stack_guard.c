// SPDX-License-Identifier: MIT
/* Drawing the canary and loading FS (ksh/rt/stack_guard.h). */
#include <ksh/rt/cpu.h>
#include <ksh/rt/stack_guard.h>

#define L1_ECX_RDRAND	(1u << 30)
#define MSR_FS_BASE	0xC0000100u
#define RDRAND_RETRIES	10
#define TLS_CANARY_SLOT 5 /* 0x28 / 8 */

/* The TLS block: word 0 points to itself (the TLS ABI's thread pointer),
 * word 5 (%fs:0x28) is the canary. */
static uint64_t ksh_rt_tls[8] __attribute__((aligned(64)));

const char *ksh_rt_canary_source;

static int rdrand64(uint64_t *v)
{
	for (int i = 0; i < RDRAND_RETRIES; i++) {
		uint8_t ok;

		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return 0;
	}
	return -1;
}

void ksh_rt_stack_guard_init(uint64_t domain_id, uint64_t info_addr)
{
	uint64_t r[3], t0, t1, stack = (uint64_t)(uintptr_t)&t0;

	if ((ksh_cpuid(1, 0).ecx & L1_ECX_RDRAND) && rdrand64(&r[0]) == 0 &&
	    rdrand64(&r[1]) == 0) {
		ksh_rt_canary_source = "rdrand";
		r[2] = domain_id;
	} else {
		/* The CPUID between the readings is an intercepted exit:
		 * its duration varies with everything the host does. */
		t0 = ksh_rdtsc_ordered();
		(void)ksh_cpuid(0, 0);
		t1 = ksh_rdtsc_ordered();
		ksh_rt_canary_source = "rdtsc";
		r[0] = t0;
		r[1] = (t1 - t0) ^ (domain_id << 48);
		r[2] = stack ^ (info_addr << 20);
	}
	ksh_rt_tls[0] = (uint64_t)(uintptr_t)ksh_rt_tls;
	ksh_rt_tls[TLS_CANARY_SLOT] = ksh_rt_canary_mix(r[0], r[1], r[2]);
	__asm__ volatile("wrmsr" ::"c"(MSR_FS_BASE),
			 "a"((uint32_t)(uintptr_t)ksh_rt_tls),
			 "d"((uint32_t)((uint64_t)(uintptr_t)ksh_rt_tls >> 32))
			 : "memory");
}
