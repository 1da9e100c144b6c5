// SPDX-License-Identifier: MIT
/*
 * The kernel pool's bump allocator and the page reserves carved from it
 * (ksh/kmem.h). Pure: the host unit tests run them over a malloc'ed
 * buffer.
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

int kreserve_init(struct kreserve *r, struct kpool *p, size_t pages)
{
	uint64_t base = 0;

	*r = (struct kreserve){.free_head = KRESERVE_NONE};
	if (pages != 0 && kpool_alloc(p, pages, &base) == NULL)
		return -1;
	r->base = base;
	r->pages = pages;
	return 0;
}

void *kreserve_alloc(struct kreserve *r, uint64_t *hpa)
{
	uint64_t at;
	void *ptr;

	if (r->in_use == r->pages)
		return NULL;
	if (r->free_head != KRESERVE_NONE) {
		at = r->free_head;
		r->free_head = *(uint64_t *)(uintptr_t)at;
	} else {
		at = r->base + r->fresh * KPAGE_SIZE;
		r->fresh++;
	}
	ptr = (void *)(uintptr_t)at;
	memset(ptr, 0, KPAGE_SIZE);
	if (++r->in_use > r->peak)
		r->peak = r->in_use;
	*hpa = at;
	return ptr;
}

int kreserve_free(struct kreserve *r, uint64_t hpa)
{
	if (r->in_use == 0 || hpa < r->base || (hpa & (KPAGE_SIZE - 1)) != 0 ||
	    (hpa - r->base) / KPAGE_SIZE >= r->fresh)
		return -1;
	/* A page freed twice would be handed out twice: refuse it (the
	 * list is at most r->pages long). */
	for (uint64_t f = r->free_head; f != KRESERVE_NONE;
	     f = *(uint64_t *)(uintptr_t)f)
		if (f == hpa)
			return -1;
	*(uint64_t *)(uintptr_t)hpa = r->free_head;
	r->free_head = hpa;
	r->in_use--;
	return 0;
}
