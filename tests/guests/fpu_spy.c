// SPDX-License-Identifier: MIT
/*
 * fpu_spy: in another domain than fpu_secret, reads xmm0-xmm15, ST(0)
 * and MXCSR at the start of every slice, looking for fpu_secret's values
 * (fpu_regs.h), then loads values of its own (which fpu_secret would see
 * if the kernel did not switch state) and yields. Its very first read
 * also checks that a new domain starts from the reset state (MXCSR
 * 0x1F80, empty x87 stack, XMM zero), whatever ran before it.
 *
 * It also checks CPUID offers no XSAVE or AVX: the kernel switches only
 * FXSAVE state, so a guest must not be told of more.
 *
 * Serial lines:
 *   FPU-SPY clean after <N> slices                  (exit 0)
 * or
 *   FPU-SPY leak in slice <s>: <what>               (exit 1)
 *   FPU-SPY dirty start: <what>                     (exit 1)
 *   FPU-SPY cpuid shows XSAVE/AVX: ecx <hex>        (exit 1)
 */
#include <ksh/rt/rt.h>

#include "fpu_regs.h"

#define SLICES	   15
#define X87_INDEF  0xFFF8000000000000ull /* fstp of an empty stack */
#define SPY_XMM(i) (0x5B1E5B1E00000000ull | (i))
#define SPY_ST0	   0x3FF0000000000000ull /* 1.0 */

static uint64_t seen[2 * FPU_NXMM];
static uint64_t mine[2 * FPU_NXMM];

static int leaked(int slice, uint32_t mxcsr, uint64_t st0)
{
	for (int i = 0; i < FPU_NXMM; i++)
		for (int j = 0; j < FPU_NXMM; j++)
			if (seen[2 * i] == FPU_SECRET_LO(j) ||
			    seen[2 * i + 1] == FPU_SECRET_HI(j)) {
				ksh_printf("FPU-SPY leak in slice %d: xmm%d = "
					   "%016lx%016lx\n",
					   slice, i, seen[2 * i + 1],
					   seen[2 * i]);
				return 1;
			}
	if ((mxcsr & ~0x3Fu) == FPU_SECRET_MXCSR) {
		ksh_printf("FPU-SPY leak in slice %d: mxcsr = %x\n", slice,
			   mxcsr);
		return 1;
	}
	if (st0 == FPU_SECRET_ST0) {
		ksh_printf("FPU-SPY leak in slice %d: st0 = %016lx\n", slice,
			   st0);
		return 1;
	}
	return 0;
}

static int dirty_start(uint32_t mxcsr, uint64_t st0)
{
	for (int i = 0; i < 2 * FPU_NXMM; i++)
		if (seen[i] != 0) {
			ksh_printf("FPU-SPY dirty start: xmm%d = %016lx\n",
				   i / 2, seen[i]);
			return 1;
		}
	/* An empty ST(0) reads as the indefinite on hardware (stack
	 * underflow, masked: SDM vol. 1 8.5.1.1); QEMU's TCG skips the tag
	 * check and returns the register's reset content, zero. */
	if (mxcsr != FPU_RESET_MXCSR_RT || (st0 != X87_INDEF && st0 != 0)) {
		ksh_printf("FPU-SPY dirty start: mxcsr %x st0 %016lx\n", mxcsr,
			   st0);
		return 1;
	}
	return 0;
}

int main(const struct ksh_native_info *info)
{
	(void)info;
	fpu_enable_sse();
	{
		struct ksh_cpuid c = ksh_cpuid(1, 0);

		/* CPUID.1:ECX bits 26 XSAVE, 27 OSXSAVE, 28 AVX. */
		if (c.ecx & (7u << 26)) {
			ksh_printf("FPU-SPY cpuid shows XSAVE/AVX: ecx %x\n",
				   c.ecx);
			return 1;
		}
	}
	for (int i = 0; i < FPU_NXMM; i++)
		mine[2 * i] = mine[2 * i + 1] = SPY_XMM(i);
	for (int s = 0; s < SLICES; s++) {
		uint32_t mxcsr;
		uint64_t st0;

		fpu_xmm_store(seen);
		mxcsr = fpu_stmxcsr();
		st0 = fpu_fstp();
		if (leaked(s, mxcsr, st0))
			return 1;
		if (s == 0 && dirty_start(mxcsr, st0))
			return 1;
		fpu_xmm_load(mine);
		fpu_fld(SPY_ST0);
		ksh_hc_yield();
	}
	ksh_printf("FPU-SPY clean after %d slices\n", SLICES);
	return 0;
}
