// SPDX-License-Identifier: MIT
/*
 * Boot structures shared by the loaders: the flat GDT and the identity-mapped
 * 4-level page tables a 64-bit entry needs (the vCPU starts with paging on,
 * so something must map the code it starts in).
 */
#include "lutil.h"

/* Page-table entry bits, Intel SDM vol. 3A 4.5 (tables 4-14 .. 4-20). */
#define PTE_P  0x001ULL /* present */
#define PTE_RW 0x002ULL /* writable */
#define PTE_PS 0x080ULL /* in a PD entry: maps a 2 MiB page */

#define SZ_2M 0x200000ULL
#define SZ_1G 0x40000000ULL

/*
 * Segment descriptors, Intel SDM vol. 3A 3.4.5: base 0, limit 0xfffff with
 * G=1 (4 GiB). Code: type 0xA (execute/read), S=1, DPL 0, P=1; L=1 D=0 for
 * 64-bit code (3.4.5.1), L=0 D=1 for 32-bit. Data: type 0x2 (read/write),
 * D/B=1. The accessed bit is preset so the CPU never writes the table.
 */
#define GDT_CODE64 0x00af9b000000ffffULL
#define GDT_CODE32 0x00cf9b000000ffffULL
#define GDT_DATA   0x00cf93000000ffffULL

void ld_gdt_write(uint8_t *dst, bool long_mode)
{
	ld_wr64(dst, 0);
	ld_wr64(dst + 8, 0);
	ld_wr64(dst + LOADER_GDT_CS, long_mode ? GDT_CODE64 : GDT_CODE32);
	ld_wr64(dst + LOADER_GDT_DS, GDT_DATA);
}

uint64_t ld_idmap_pages(uint64_t map_size)
{
	if (map_size == 0 || map_size % LOADER_PAGE || map_size > 512 * SZ_1G)
		return 0;
	uint64_t pds = (map_size + SZ_1G - 1) / SZ_1G;
	return 2 + pds + (map_size % SZ_2M ? 1 : 0);
}

uint64_t ld_idmap_write(const struct guest_ram *ram, uint64_t area,
			uint64_t map_size)
{
	uint64_t pages = ld_idmap_pages(map_size);
	uint64_t pds = (map_size + SZ_1G - 1) / SZ_1G;
	uint64_t pml4 = area, pdpt = area + LOADER_PAGE;
	uint64_t pd0 = area + 2 * LOADER_PAGE;
	uint64_t pt = pd0 + pds * LOADER_PAGE;
	uint8_t *b = ram->base;

	memset(b + area, 0, pages * LOADER_PAGE);
	ld_wr64(b + pml4, pdpt | PTE_P | PTE_RW);
	for (uint64_t i = 0; i < pds; i++)
		ld_wr64(b + pdpt + 8 * i,
			(pd0 + i * LOADER_PAGE) | PTE_P | PTE_RW);
	/* PD entries: one per 2 MiB; PDs are consecutive, so entry n of the
	 * whole run maps [n * 2 MiB, (n + 1) * 2 MiB). */
	uint64_t whole = map_size / SZ_2M;
	for (uint64_t n = 0; n < whole; n++)
		ld_wr64(b + pd0 + 8 * n, (n * SZ_2M) | PTE_P | PTE_RW | PTE_PS);
	if (map_size % SZ_2M) {
		ld_wr64(b + pd0 + 8 * whole, pt | PTE_P | PTE_RW);
		uint64_t tail = (map_size % SZ_2M) / LOADER_PAGE;
		for (uint64_t i = 0; i < tail; i++)
			ld_wr64(b + pt + 8 * i,
				(whole * SZ_2M + i * LOADER_PAGE) | PTE_P |
				    PTE_RW);
	}
	return pml4;
}
