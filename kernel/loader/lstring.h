/* SPDX-License-Identifier: MIT */
/*
 * The four string functions the loaders use. The kernel build has no
 * <string.h> (freestanding, no libc) but provides these symbols; the host
 * unit tests get them from the C library. Declared here, and only here, so
 * the loader sources compile unchanged in both.
 */
#ifndef KSH_LOADER_LSTRING_H
#define KSH_LOADER_LSTRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif /* KSH_LOADER_LSTRING_H */
