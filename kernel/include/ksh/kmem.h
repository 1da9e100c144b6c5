/* SPDX-License-Identifier: MIT */
/*
 * Kernel memory: one contiguous pool the UEFI entry allocates before
 * ExitBootServices, sized from the tables (page tables, nested page
 * tables, control blocks, stacks). Allocation is a bump pointer: the
 * kernel never frees, because everything it allocates lives as long as
 * the system. Host memory is identity-mapped, so a pool address is both
 * the host-physical address and the pointer.
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
