// SPDX-License-Identifier: MIT
/* Bump allocator for one compilation; see arena.h. */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_MIN (64u * 1024u)

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

static void arena_oom(void)
{
	fputs("kshc: out of memory\n", stderr);
	exit(3);
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->head;
	void *p;

	size = (size + 15u) & ~(size_t)15u;
	if (size == 0)
		size = 16;
	if (b == NULL || b->size - b->used < size) {
		size_t bs = size > ARENA_BLOCK_MIN ? size : ARENA_BLOCK_MIN;

		if (b != NULL && bs < b->size * 2 && b->size < (64u << 20))
			bs = b->size * 2;
		b = malloc(sizeof(*b) + bs);
		if (b == NULL)
			arena_oom();
		b->size = bs;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += size;
	a->used_bytes += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;
	char *p;

	/* One pass when the result is short, which it nearly always is. */
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n < sizeof(small))
		return arena_strndup(a, small, (size_t)n);
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *arena_grow(struct arena *a, void **v, uint32_t *n, uint32_t *cap,
		 size_t elem)
{
	unsigned char *p;

	if (*n == *cap) {
		uint32_t ncap = *cap ? *cap * 2 : 8;
		void *nv;

		if (ncap < *cap)
			arena_oom();
		nv = arena_alloc(a, (size_t)ncap * elem);
		if (*n)
			memcpy(nv, *v, (size_t)*n * elem);
		*v = nv;
		*cap = ncap;
	}
	p = (unsigned char *)*v + (size_t)*n * elem;
	(*n)++;
	return p; /* arena memory is zeroed already */
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b != NULL) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->used_bytes = 0;
}
