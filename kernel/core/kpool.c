// SPDX-License-Identifier: MIT
/*
 * The kernel pool's bump allocator (ksh/kmem.h). Pure: the host unit
 * tests run it over a malloc'ed buffer.
 */
#include <ksh/kmem.h>

#include <string.h>

void *kpool_alloc(struct kpool *p, size_t pages, uint64_t *hpa)
{
	uint64_t bytes = (uint64_t)pages * KPAGE_SIZE;
	void *ptr;

	if (pages == 0 || pages > p->size / KPAGE_SIZE ||
	    bytes > p->size - p->used)
		return NULL;
	ptr = (void *)(uintptr_t)(p->base + p->used);
	if (hpa != NULL)
		*hpa = p->base + p->used;
	p->used += bytes;
	memset(ptr, 0, bytes);
	return ptr;
}
