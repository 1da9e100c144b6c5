// SPDX-License-Identifier: MIT
/*
 * What Debian's libbearssl.a needs from a native domain beyond the native
 * runtime (checked by a test link: `nm -u` on the linked keystore):
 *  - it is built with -fstack-protector-strong: the canary is read at
 *    %fs:0x28, which the runtime points at a per-domain TLS block with a
 *    random canary before main (ksh/rt/stack_guard.h).
 *    __stack_chk_fail (this one, not the runtime's) stops the domain.
 *  - it is built with _FORTIFY_SOURCE: __memcpy_chk and __memset_chk
 *    (the glibc ABI: the fourth argument is the destination's size).
 *  - the x86-64 ABI lets it use SSE (SHA-2 state copies use movups), and
 *    native domains start with CR4.OSFXSR clear, where those fault (#UD,
 *    AMD APM vol. 2, 11.1.1 / Intel SDM vol. 3A, 13.1.3): bearssl_glue_init
 *    sets CR4.OSFXSR and OSXMMEXCPT (CR0.MP is set and EM clear at entry).
 */
#include "bearssl_glue.h"

#include <ksh/rt/rt.h>

#define CR4_OSFXSR     (1ull << 9)
#define CR4_OSXMMEXCPT (1ull << 10)

void bearssl_glue_init(void)
{
	uint64_t cr4;

	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4) : "memory");
}

void bearssl_glue_scrub(void)
{
	/* xmm0-15 may hold hash state derived from the key; the kernel
	 * does not switch SSE state between domains yet, so leave none. */
	__asm__ volatile("pxor %%xmm0, %%xmm0\n\tpxor %%xmm1, %%xmm1\n\t"
			 "pxor %%xmm2, %%xmm2\n\tpxor %%xmm3, %%xmm3\n\t"
			 "pxor %%xmm4, %%xmm4\n\tpxor %%xmm5, %%xmm5\n\t"
			 "pxor %%xmm6, %%xmm6\n\tpxor %%xmm7, %%xmm7\n\t"
			 "pxor %%xmm8, %%xmm8\n\tpxor %%xmm9, %%xmm9\n\t"
			 "pxor %%xmm10, %%xmm10\n\tpxor %%xmm11, %%xmm11\n\t"
			 "pxor %%xmm12, %%xmm12\n\tpxor %%xmm13, %%xmm13\n\t"
			 "pxor %%xmm14, %%xmm14\n\tpxor %%xmm15, %%xmm15" ::
			     : "memory");
}

void __stack_chk_fail(void)
{
	ksh_puts("BEARSSL stack smashing detected");
	ksh_hc_exit(99);
}

void *__memcpy_chk(void *dst, const void *src, size_t n, size_t dst_size)
{
	if (n > dst_size)
		__stack_chk_fail();
	return memcpy(dst, src, n);
}

void *__memset_chk(void *dst, int c, size_t n, size_t dst_size)
{
	if (n > dst_size)
		__stack_chk_fail();
	return memset(dst, c, n);
}
