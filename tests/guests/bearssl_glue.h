/* SPDX-License-Identifier: MIT */
/* Running Debian's libbearssl.a in a native domain (bearssl_glue.c). */
#ifndef KSH_BEARSSL_GLUE_H
#define KSH_BEARSSL_GLUE_H

#include <stddef.h>

/* Enables SSE (CR4.OSFXSR): call once before any BearSSL function. */
void bearssl_glue_init(void);
/* Zeroes xmm0-15 (call after key operations, before yielding). */
void bearssl_glue_scrub(void);

__attribute__((noreturn)) void __stack_chk_fail(void);
void *__memcpy_chk(void *dst, const void *src, size_t n, size_t dst_size);
void *__memset_chk(void *dst, int c, size_t n, size_t dst_size);

#endif /* KSH_BEARSSL_GLUE_H */
