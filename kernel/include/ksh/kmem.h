/* SPDX-License-Identifier: MIT */
/*
 * Kernel memory: one contiguous pool the UEFI entry allocates before
 * ExitBootServices, sized from the tables (page tables, nested page
 * tables, control blocks, stacks). Allocation is a bump pointer: the
 * pool never frees, because what the kernel allocates at boot lives as
 * long as the system. Host memory is identity-mapped, so a pool address
 * is both the host-physical address and the pointer.
 *
 * What a guest can make the kernel allocate at run time (nested page
 * tables for the BARs it moves) never comes from the pool itself: its
 * owner gets a reserve (struct kreserve) carved from the pool at boot,
 * sized from the tables for the worst case, which hands out and takes
 * back pages on its own. A guest can so exhaust only its own reserve,
 * never the pool or another owner's reserve.
 */
#ifndef KSH_KMEM_H
#define KSH_KMEM_H

#include <stddef.h>
#include <stdint.h>

#define KPAGE_SIZE 4096ull

struct kpool {
	uint64_t base; /* host-physical, 4 KiB aligned */
	uint64_t size;
	uint64_t used;
};

/* Hands out zeroed, page-aligned pages, or NULL when the pool is short;
 * *hpa (if not NULL) receives the host-physical address. */
void *kpool_alloc(struct kpool *p, size_t pages, uint64_t *hpa);

/*
 * A page reserve: `pages` contiguous pool pages owned by one consumer.
 * Freed pages go on a free list (linked through their first word, so a
 * reserve needs no memory of its own) and are handed out again, zeroed.
 */
#define KRESERVE_NONE (~0ull) /* page 0 may be a pool page */

struct kreserve {
	uint64_t base;	    /* host-physical address of the first page */
	uint64_t pages;	    /* pages in the reserve */
	uint64_t fresh;	    /* pages from base never handed out yet */
	uint64_t free_head; /* a freed page (linked list) or KRESERVE_NONE */
	uint64_t in_use;    /* pages handed out and not given back */
	uint64_t peak;	    /* the most ever in use at once */
};

/* Carves `pages` pages (0 allowed: an empty reserve) out of pool p.
 * Returns 0, or -1 when the pool is short (then r is empty). */
int kreserve_init(struct kreserve *r, struct kpool *p, size_t pages);

/* A zeroed page of r and its host-physical address, or NULL when all
 * r->pages are in use. */
void *kreserve_alloc(struct kreserve *r, uint64_t *hpa);

/* Gives page hpa back to r. Returns 0, or -1 (nothing done) when hpa is
 * not a page of r or none is in use. */
int kreserve_free(struct kreserve *r, uint64_t hpa);

/* Pages kreserve_alloc will still hand out. */
static inline uint64_t kreserve_avail(const struct kreserve *r)
{
	return r->pages - r->in_use;
}

#ifdef KSH_KERNEL
/* The kernel's pool, set up by kernel_main. Vendor code takes its control
 * blocks and bitmaps from here. */
extern struct kpool kernel_pool;

static inline void *kpage_alloc(size_t pages, uint64_t *hpa)
{
	return kpool_alloc(&kernel_pool, pages, hpa);
}
#endif

#endif /* KSH_KMEM_H */
