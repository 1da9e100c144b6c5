// SPDX-License-Identifier: MIT
/*
 * The architectural reset image of the FXSAVE area (ksh/fpu.h). Pure:
 * linked into the kernel and into the host unit tests.
 */
#include <ksh/fpu.h>

void fpu_area_reset(struct fpu_area *a)
{
	for (uint32_t i = 0; i < FPU_AREA_SIZE; i++)
		a->bytes[i] = 0;
	/* Little-endian fields of SDM vol. 1 Table 10-2. FTW (byte 4) stays
	 * 0: in the abridged form that means every register empty, as after
	 * FINIT (tag word 0xFFFF). MXCSR_MASK (bytes 28-31) is ignored by
	 * FXRSTOR. */
	a->bytes[FPU_OFF_FCW] = FPU_RESET_FCW & 0xFF;
	a->bytes[FPU_OFF_FCW + 1] = FPU_RESET_FCW >> 8;
	a->bytes[FPU_OFF_MXCSR] = FPU_RESET_MXCSR & 0xFF;
	a->bytes[FPU_OFF_MXCSR + 1] = FPU_RESET_MXCSR >> 8;
}
