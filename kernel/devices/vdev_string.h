/* SPDX-License-Identifier: MIT */
/*
 * The only library functions device models use. Hosted builds (unit tests,
 * fuzzing) take them from <string.h>; the kernel build is freestanding
 * (-ffreestanding, no libc headers), so they are declared here and the
 * kernel provides the definitions (GCC may also emit calls to them for
 * struct copies and zeroing).
 */
#ifndef KSH_VDEV_STRING_H
#define KSH_VDEV_STRING_H

#include <stddef.h>

#if __STDC_HOSTED__
#include <string.h>
#else
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
#endif

#endif
