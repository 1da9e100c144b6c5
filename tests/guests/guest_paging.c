// SPDX-License-Identifier: MIT
/* Own identity page tables for test guests (see guest_paging.h). */
#include "guest_paging.h"
#include <ksh/rt/cpu.h>
#include <ksh/rt/string.h>

#define GPT_POOL_PAGES 16
#define GPT_ENTRIES    512
#define GPT_ADDR_MASK  0x000ffffffffff000ull

static uint64_t gpt_pool[GPT_POOL_PAGES][GPT_ENTRIES]
    __attribute__((aligned(4096)));
static unsigned int gpt_used;

void gpt_reset(void)
{
	ksh_memset(gpt_pool, 0, sizeof(gpt_pool));
	gpt_used = 1; /* page 0 is the PML4 */
}

/* The table an entry points to, allocated on first use. Intermediate
 * entries get every right (writable, user): the leaf decides. */
static uint64_t *gpt_next(uint64_t *entry)
{
	if (!(*entry & GPT_PRESENT)) {
		if (gpt_used == GPT_POOL_PAGES)
			return 0;
		*entry = (uint64_t)(uintptr_t)gpt_pool[gpt_used++] |
			 GPT_PRESENT | GPT_WRITE | GPT_USER;
	}
	return (uint64_t *)(uintptr_t)(*entry & GPT_ADDR_MASK);
}

int gpt_map_2m(uint64_t pa, uint64_t flags)
{
	uint64_t *pdpt, *pd;

	if (!gpt_used)
		gpt_reset();
	if (pa >> 47) /* identity map: only the canonical lower half */
		return -1;
	pdpt = gpt_next(&gpt_pool[0][(pa >> 39) & 511]);
	if (!pdpt)
		return -1;
	pd = gpt_next(&pdpt[(pa >> 30) & 511]);
	if (!pd)
		return -1;
	pd[(pa >> 21) & 511] =
	    (pa & ~0x1fffffull) | flags | GPT_PRESENT | GPT_LARGE;
	return 0;
}

int gpt_map_range(uint64_t start, uint64_t end, uint64_t flags)
{
	for (uint64_t pa = start & ~0x1fffffull; pa < end; pa += 0x200000)
		if (gpt_map_2m(pa, flags))
			return -1;
	return 0;
}

void gpt_activate(void)
{
	__asm__ volatile("mov %0, %%cr3" ::"r"((uint64_t)(uintptr_t)gpt_pool[0])
			 : "memory");
}

unsigned int gpt_phys_bits(void)
{
	if (ksh_cpuid(0x80000000u, 0).eax >= 0x80000008u)
		return ksh_cpuid(0x80000008u, 0).eax & 0xff;
	return 36;
}
