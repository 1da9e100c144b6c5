/* SPDX-License-Identifier: MIT */
/*
 * Raw access to the SSE and x87 registers for the FPU isolation guests
 * (fpu_secret.c, fpu_spy.c). Guests are compiled -mgeneral-regs-only, so
 * the compiler never touches these registers itself: what they hold
 * between two of these calls is only what the CPU (and the kernel's
 * switch) left there.
 */
#ifndef FPU_REGS_H
#define FPU_REGS_H

#include <stdint.h>

#define FPU_NXMM 16

/* The secret: register i holds bytes "5EC7E7" markers and i, so a spy
 * can recognize any one of them. */
#define FPU_SECRET_LO(i)   (0x5EC7E7C0FFEE0000ull | (i))
#define FPU_SECRET_HI(i)   (0xC0DE5EC7E7000000ull | (i))
#define FPU_SECRET_ST0	   0x5EC7E7C0FFEE1234ull /* a normal double */
#define FPU_SECRET_MXCSR   0x7F80u		 /* masked, round to zero */
#define FPU_RESET_MXCSR_RT 0x1F80u

/* A native domain starts with CR4 = PAE only (ksh/native.h), where SSE
 * instructions raise #UD: set CR4.OSFXSR and CR4.OSXMMEXCPT (Intel SDM
 * vol. 3A 2.5, 13.1.3). */
static inline void fpu_enable_sse(void)
{
	uint64_t cr4;

	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= (1ull << 9) | (1ull << 10);
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4) : "memory");
}

/* Loads xmm0-xmm15 from the 256 bytes at p. */
static inline void fpu_xmm_load(const uint64_t *p)
{
	__asm__ volatile("movdqu 0(%0), %%xmm0\n\tmovdqu 16(%0), %%xmm1\n\t"
			 "movdqu 32(%0), %%xmm2\n\tmovdqu 48(%0), %%xmm3\n\t"
			 "movdqu 64(%0), %%xmm4\n\tmovdqu 80(%0), %%xmm5\n\t"
			 "movdqu 96(%0), %%xmm6\n\tmovdqu 112(%0), %%xmm7\n\t"
			 "movdqu 128(%0), %%xmm8\n\tmovdqu 144(%0), %%xmm9\n\t"
			 "movdqu 160(%0), %%xmm10\n\t"
			 "movdqu 176(%0), %%xmm11\n\t"
			 "movdqu 192(%0), %%xmm12\n\t"
			 "movdqu 208(%0), %%xmm13\n\t"
			 "movdqu 224(%0), %%xmm14\n\t"
			 "movdqu 240(%0), %%xmm15"
			 :
			 : "r"(p)
			 : "memory");
}

/* Stores xmm0-xmm15 to the 256 bytes at p. */
static inline void fpu_xmm_store(uint64_t *p)
{
	__asm__ volatile("movdqu %%xmm0, 0(%0)\n\tmovdqu %%xmm1, 16(%0)\n\t"
			 "movdqu %%xmm2, 32(%0)\n\tmovdqu %%xmm3, 48(%0)\n\t"
			 "movdqu %%xmm4, 64(%0)\n\tmovdqu %%xmm5, 80(%0)\n\t"
			 "movdqu %%xmm6, 96(%0)\n\tmovdqu %%xmm7, 112(%0)\n\t"
			 "movdqu %%xmm8, 128(%0)\n\tmovdqu %%xmm9, 144(%0)\n\t"
			 "movdqu %%xmm10, 160(%0)\n\t"
			 "movdqu %%xmm11, 176(%0)\n\t"
			 "movdqu %%xmm12, 192(%0)\n\t"
			 "movdqu %%xmm13, 208(%0)\n\t"
			 "movdqu %%xmm14, 224(%0)\n\t"
			 "movdqu %%xmm15, 240(%0)"
			 :
			 : "r"(p)
			 : "memory");
}

static inline uint32_t fpu_stmxcsr(void)
{
	uint32_t v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static inline void fpu_ldmxcsr(uint32_t v)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(v));
}

/* Pushes the double with bits v onto the x87 stack. */
static inline void fpu_fld(uint64_t v)
{
	__asm__ volatile("fldl %0" : : "m"(v));
}

/* Reads ST(0) as a double without popping. */
static inline uint64_t fpu_fst(void)
{
	uint64_t v;

	__asm__ volatile("fstl %0" : "=m"(v));
	return v;
}

/* Reads and pops ST(0) (an empty stack gives the QNaN indefinite). */
static inline uint64_t fpu_fstp(void)
{
	uint64_t v;

	__asm__ volatile("fstpl %0" : "=m"(v));
	return v;
}

#endif /* FPU_REGS_H */
