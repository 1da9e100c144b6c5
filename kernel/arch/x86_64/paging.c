// SPDX-License-Identifier: MIT
/*
 * The kernel's own page tables: an identity map of [0, max(max_phys,
 * 4 GiB)) with 2 MiB pages (SDM vol. 3 4.5; APM vol. 2 5.3). Identity,
 * because the kernel keeps running where UEFI loaded it and reaches guest
 * memory and its own pool by physical address. The top 4 GiB hole holds the
 * local APIC and other MMIO, mapped uncached (PCD|PWT).
 */
#include "x86_64.h"

#include <ksh/kmem.h>

#define PTE_P	 (1ull << 0)
#define PTE_W	 (1ull << 1)
#define PTE_PWT	 (1ull << 3)
#define PTE_PCD	 (1ull << 4)
#define PTE_PS	 (1ull << 7)
#define SZ_2M	 0x200000ull
#define SZ_1G	 0x40000000ull
#define MMIO_LOW 0xC0000000ull /* 3..4 GiB: PCI holes, APIC, IOAPIC */

int paging_init(struct kpool *pool, uint64_t max_phys, const char **why)
{
	uint64_t end = max_phys < 4 * SZ_1G ? 4 * SZ_1G : max_phys;
	uint64_t n_gib = (end + SZ_1G - 1) / SZ_1G;
	uint64_t n_pdpt = (n_gib + 511) / 512;
	uint64_t pml4_pa, *pml4;

	if (n_pdpt > 512) {
		*why = "physical memory beyond 256 TiB";
		return -1;
	}
	pml4 = kpool_alloc(pool, 1, &pml4_pa);
	if (pml4 == NULL)
		goto short_pool;
	for (uint64_t p = 0; p < n_pdpt; p++) {
		uint64_t pdpt_pa, *pdpt = kpool_alloc(pool, 1, &pdpt_pa);

		if (pdpt == NULL)
			goto short_pool;
		pml4[p] = pdpt_pa | PTE_P | PTE_W;
		for (uint64_t g = 0; g < 512 && p * 512 + g < n_gib; g++) {
			uint64_t pd_pa, *pd = kpool_alloc(pool, 1, &pd_pa);
			uint64_t gib = (p * 512 + g) * SZ_1G;

			if (pd == NULL)
				goto short_pool;
			pdpt[g] = pd_pa | PTE_P | PTE_W;
			for (uint64_t e = 0; e < 512; e++) {
				uint64_t pa = gib + e * SZ_2M;
				uint64_t cache =
				    pa >= MMIO_LOW && pa < 4 * SZ_1G
					? PTE_PCD | PTE_PWT
					: 0;

				pd[e] = pa | PTE_P | PTE_W | PTE_PS | cache;
			}
		}
	}
	/* NXE: the nested page tables use the host's EFER.NXE to honour
	 * their NX bit (APM vol. 2 15.25.1). */
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
	write_cr4(read_cr4() & ~CR4_PGE); /* no stale global firmware TLBs */
	write_cr3(pml4_pa);
	return 0;
short_pool:
	*why = "kernel pool too small for the host page tables";
	return -1;
}

/* Pages paging_init takes for max_phys, for the pool size estimate. */
uint64_t paging_pages(uint64_t max_phys)
{
	uint64_t end = max_phys < 4 * SZ_1G ? 4 * SZ_1G : max_phys;
	uint64_t n_gib = (end + SZ_1G - 1) / SZ_1G;

	return 1 + (n_gib + 511) / 512 + n_gib;
}
