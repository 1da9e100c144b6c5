// SPDX-License-Identifier: MIT
/*
 * The kernel's own page tables: an identity map of [0, max(max_phys,
 * 4 GiB)) with 2 MiB pages (SDM vol. 3 4.5; APM vol. 2 5.3). Identity,
 * because the kernel keeps running where UEFI loaded it and reaches guest
 * memory and its own pool by physical address. The top 4 GiB hole holds the
 * local APIC and other MMIO, mapped uncached (PCD|PWT).
 *
 * W^X (SDM vol. 3A 4.6): the kernel's code, [_text, _etext) of the
 * GNU-EFI linker script, is the only executable memory and is read-only;
 * the 2 MiB pages around it are split into 4 KiB pages for that. Every
 * other page (data, .bss, pool, stacks, guest memory, MMIO) is writable
 * and non-executable (NX, with EFER.NXE), and CR0.WP makes read-only hold
 * at CPL 0 too. wx_selftest() checks both at boot.
 */
#include "x86_64.h"

#include <ksh/kmem.h>

#define PTE_P	 (1ull << 0)
#define PTE_W	 (1ull << 1)
#define PTE_PWT	 (1ull << 3)
#define PTE_PCD	 (1ull << 4)
#define PTE_PS	 (1ull << 7)
#define PTE_NX	 (1ull << 63)
#define SZ_4K	 0x1000ull
#define SZ_2M	 0x200000ull
#define SZ_1G	 0x40000000ull
#define MMIO_LOW 0xC0000000ull /* 3..4 GiB: PCI holes, APIC, IOAPIC */
/* CPUID Fn8000_0001 EDX[20]: NX (APM vol. 3 E.4.2; SDM vol. 2A CPUID). */
#define E1_EDX_NX (1u << 20)

/* Bounds of the kernel's code, from elf_x86_64_efi.lds. */
extern char _text[], _etext[];

void paging_text_range(uint64_t *lo, uint64_t *hi)
{
	*lo = (uint64_t)(uintptr_t)_text & ~(SZ_4K - 1);
	*hi = ((uint64_t)(uintptr_t)_etext + SZ_4K - 1) & ~(SZ_4K - 1);
}

/* How many 2 MiB pages [lo, hi) touches: each needs a 4 KiB table. */
static uint64_t text_tables(uint64_t lo, uint64_t hi)
{
	return hi > lo ? (hi - 1) / SZ_2M - lo / SZ_2M + 1 : 0;
}

/* The PD entry for the 2 MiB page at pa: a 4 KiB table when the kernel's
 * code lies in it, else one large writable non-executable page. */
static int pd_entry(struct kpool *pool, uint64_t pa, uint64_t cache,
		    uint64_t lo, uint64_t hi, uint64_t *entry)
{
	uint64_t pt_pa, *pt;

	if (pa + SZ_2M <= lo || pa >= hi) {
		*entry = pa | PTE_P | PTE_W | PTE_PS | PTE_NX | cache;
		return 0;
	}
	pt = kpool_alloc(pool, 1, &pt_pa);
	if (pt == NULL)
		return -1;
	for (uint64_t e = 0; e < 512; e++) {
		uint64_t p = pa + e * SZ_4K;

		pt[e] = p >= lo && p < hi ? p | PTE_P
					  : p | PTE_P | PTE_W | PTE_NX | cache;
	}
	*entry = pt_pa | PTE_P | PTE_W;
	return 0;
}

int paging_init(struct kpool *pool, uint64_t max_phys, const char **why)
{
	uint64_t end = max_phys < 4 * SZ_1G ? 4 * SZ_1G : max_phys;
	uint64_t n_gib = (end + SZ_1G - 1) / SZ_1G;
	uint64_t n_pdpt = (n_gib + 511) / 512;
	uint64_t pml4_pa, *pml4, lo, hi;

	paging_text_range(&lo, &hi);
	/* Require NX (CPUID Fn8000_0001 EDX[20]): without it bit 63 of an
	 * entry is reserved and EFER.NXE cannot be set (APM vol. 2 5.6.1). */
	if (!(cpuid(0x80000001, 0).edx & E1_EDX_NX)) {
		*why = "CPU lacks NX (no-execute pages, CPUID Fn8000_0001 "
		       "EDX[20])";
		return -1;
	}
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

				if (pd_entry(pool, pa, cache, lo, hi, &pd[e]) !=
				    0)
					goto short_pool;
			}
		}
	}
	/* NXE before the tables that use NX are loaded (a set NX bit is
	 * reserved without it, SDM 4.5.4); the nested page tables also
	 * use the host's EFER.NXE to honour their NX bit (APM vol. 2
	 * 15.25.1). */
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
	write_cr4(read_cr4() & ~CR4_PGE); /* no stale global firmware TLBs */
	write_cr3(pml4_pa);
	/* WP: read-only pages are read-only for CPL 0 too (SDM 4.6.1). */
	write_cr0(read_cr0() | CR0_WP);
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

	uint64_t lo, hi;

	paging_text_range(&lo, &hi);
	return 1 + (n_gib + 511) / 512 + n_gib + text_tables(lo, hi);
}
