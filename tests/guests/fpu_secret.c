// SPDX-License-Identifier: MIT
/*
 * fpu_secret: holds a recognizable secret in xmm0-xmm15, ST(0) and MXCSR
 * (standing in for the key store's crypto state) and keeps losing the CPU,
 * half the rounds by KSH_HC_YIELD and half by spinning until the host
 * timer takes it away. After each round it checks its registers are still
 * its own: the kernel must save and restore them around other domains
 * (ksh/fpu.h), and fpu_spy, running in between, loads its own values.
 *
 * Serial lines:
 *   FPU-SECRET loaded
 *   FPU-SECRET intact after <N> rounds          (exit 0)
 * or, if a register changed while it was away:
 *   FPU-SECRET corrupted in round <r>: <what>   (exit 1)
 */
#include <ksh/rt/rt.h>

#include "fpu_regs.h"

#define ROUNDS 40
/* A TSC jump this large inside the spin loop means the vCPU was not
 * running (about 2 ms at 2 GHz; the other domain's frame is 20 ms). */
#define GAP_CYCLES 4000000ull
#define SPIN_LIMIT 400000000ull

static uint64_t secret[2 * FPU_NXMM];
static uint64_t seen[2 * FPU_NXMM];

/* Spins until the TSC jumps (the CPU was taken away) or a bound. */
static void spin_until_preempted(void)
{
	uint64_t start = ksh_rdtsc(), last = start;

	for (;;) {
		uint64_t now = ksh_rdtsc();

		if (now - last > GAP_CYCLES || now - start > SPIN_LIMIT)
			return;
		last = now;
	}
}

static int check(int round)
{
	uint64_t st0;
	uint32_t mxcsr;

	fpu_xmm_store(seen);
	mxcsr = fpu_stmxcsr();
	st0 = fpu_fst();
	for (int i = 0; i < FPU_NXMM; i++)
		if (seen[2 * i] != secret[2 * i] ||
		    seen[2 * i + 1] != secret[2 * i + 1]) {
			ksh_printf("FPU-SECRET corrupted in round %d: xmm%d = "
				   "%016lx%016lx\n",
				   round, i, seen[2 * i + 1], seen[2 * i]);
			return -1;
		}
	if ((mxcsr & ~0x3Fu) != FPU_SECRET_MXCSR) {
		ksh_printf("FPU-SECRET corrupted in round %d: mxcsr = %x\n",
			   round, mxcsr);
		return -1;
	}
	if (st0 != FPU_SECRET_ST0) {
		ksh_printf("FPU-SECRET corrupted in round %d: st0 = %016lx\n",
			   round, st0);
		return -1;
	}
	return 0;
}

int main(const struct ksh_native_info *info)
{
	(void)info;
	fpu_enable_sse();
	for (int i = 0; i < FPU_NXMM; i++) {
		secret[2 * i] = FPU_SECRET_LO(i);
		secret[2 * i + 1] = FPU_SECRET_HI(i);
	}
	fpu_ldmxcsr(FPU_SECRET_MXCSR);
	fpu_fld(FPU_SECRET_ST0);
	fpu_xmm_load(secret);
	ksh_puts("FPU-SECRET loaded");
	for (int r = 0; r < ROUNDS; r++) {
		if (r % 2 == 0)
			ksh_hc_yield();
		else
			spin_until_preempted();
		if (check(r) != 0)
			return 1;
	}
	ksh_printf("FPU-SECRET intact after %d rounds\n", ROUNDS);
	return 0;
}
