/* SPDX-License-Identifier: MIT */
/*
 * Memory and string helpers for native domains. The ksh_ names are the
 * implementation (also linked into the host unit tests); in a domain build
 * (KSH_GUEST) the standard names are aliases of them, because the compiler
 * emits calls to memcpy/memset/memmove/memcmp for structure copies and
 * initialisers even in freestanding code (GCC manual, "Standards":
 * -ffreestanding still requires them).
 */
#ifndef KSH_RT_STRING_H
#define KSH_RT_STRING_H

#include <stddef.h>

void *ksh_memcpy(void *dst, const void *src, size_t n);
void *ksh_memmove(void *dst, const void *src, size_t n);
void *ksh_memset(void *dst, int c, size_t n);
int ksh_memcmp(const void *a, const void *b, size_t n);
size_t ksh_strlen(const char *s);
size_t ksh_strnlen(const char *s, size_t max);
int ksh_strcmp(const char *a, const char *b);
int ksh_strncmp(const char *a, const char *b, size_t n);
/* First occurrence of needle in haystack, or NULL. */
char *ksh_strstr(const char *haystack, const char *needle);

#ifdef KSH_GUEST
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
#endif

#endif /* KSH_RT_STRING_H */
