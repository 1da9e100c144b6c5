// SPDX-License-Identifier: MIT
/* Memory and string helpers (see ksh/rt/string.h). Copies and fills use
 * REP MOVSB / REP STOSB: on CPUs with ERMSB (CPUID.7.0:EBX[9]) they are the
 * fastest general copy (Intel optimisation manual, "Enhanced REP MOVSB and
 * STOSB"), they need no SSE (native domains are built -mgeneral-regs-only
 * and the kernel does not enable OSFXSR for them), and they cannot be
 * turned back into a call to memcpy by the compiler, which a C loop in the
 * function that implements memcpy could be. */
#include <ksh/rt/string.h>
#include <stdint.h>

void *ksh_memcpy(void *dst, const void *src, size_t n)
{
	void *d = dst;

	__asm__ volatile("rep movsb"
			 : "+D"(d), "+S"(src), "+c"(n)
			 :
			 : "memory");
	return dst;
}

void *ksh_memset(void *dst, int c, size_t n)
{
	void *d = dst;

	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return dst;
}

void *ksh_memmove(void *dst, const void *src, size_t n)
{
	uintptr_t d = (uintptr_t)dst, s = (uintptr_t)src;

	/* Forward copy is safe unless dst starts inside [src, src + n). */
	if (d - s >= n)
		return ksh_memcpy(dst, src, n);
	if (n) {
		/* Backwards with DF=1 from the last byte (SDM vol. 2B MOVS);
		 * the SysV psABI requires DF=0 again on return. */
		const void *sl = (const char *)src + n - 1;
		void *dl = (char *)dst + n - 1;

		__asm__ volatile("std\n\trep movsb\n\tcld"
				 : "+D"(dl), "+S"(sl), "+c"(n)
				 :
				 : "memory");
	}
	return dst;
}

int ksh_memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p < *q ? -1 : 1;
	return 0;
}

size_t ksh_strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t ksh_strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int ksh_strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	while (*p && *p == *q) {
		p++;
		q++;
	}
	return *p == *q ? 0 : (*p < *q ? -1 : 1);
}

int ksh_strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p < *q ? -1 : 1;
		if (!*p)
			break;
	}
	return 0;
}

char *ksh_strstr(const char *haystack, const char *needle)
{
	size_t n = ksh_strlen(needle);

	for (; *haystack; haystack++)
		if (ksh_strncmp(haystack, needle, n) == 0)
			return (char *)(uintptr_t)haystack;
	return n ? NULL : (char *)(uintptr_t)haystack;
}

#ifdef KSH_GUEST
/* The standard names the compiler calls (see the header). */
void *memcpy(void *, const void *, size_t) __attribute__((alias("ksh_memcpy")));
void *memmove(void *, const void *, size_t)
    __attribute__((alias("ksh_memmove")));
void *memset(void *, int, size_t) __attribute__((alias("ksh_memset")));
int memcmp(const void *, const void *, size_t)
    __attribute__((alias("ksh_memcmp")));
size_t strlen(const char *) __attribute__((alias("ksh_strlen")));
int strcmp(const char *, const char *) __attribute__((alias("ksh_strcmp")));
#endif
