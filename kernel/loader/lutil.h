/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the payload loaders: little-endian field reads that
 * need no alignment (payload bytes come from an untrusted file at any
 * offset), overflow-safe range tests, and the boot structures (flat GDT,
 * identity-mapped page tables) that several entry protocols need.
 */
#ifndef KSH_LOADER_LUTIL_H
#define KSH_LOADER_LUTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <ksh/loader.h>

#include "lstring.h"

#define LOADER_PAGE 0x1000ULL

static inline uint16_t ld_rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t ld_rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
	       ((uint32_t)p[3] << 24);
}

static inline uint64_t ld_rd64(const uint8_t *p)
{
	return (uint64_t)ld_rd32(p) | ((uint64_t)ld_rd32(p + 4) << 32);
}

static inline void ld_wr16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void ld_wr32(uint8_t *p, uint32_t v)
{
	ld_wr16(p, (uint16_t)v);
	ld_wr16(p + 2, (uint16_t)(v >> 16));
}

static inline void ld_wr64(uint8_t *p, uint64_t v)
{
	ld_wr32(p, (uint32_t)v);
	ld_wr32(p + 4, (uint32_t)(v >> 32));
}

/* True when [start, start + size) lies inside [lo, hi), without
 * overflowing for any input (lo <= hi is the caller's invariant). */
static inline bool ld_range_in(uint64_t start, uint64_t size, uint64_t lo,
			       uint64_t hi)
{
	return lo <= hi && start >= lo && size <= hi - lo &&
	       start - lo <= hi - lo - size;
}

/* True when [a, a + as) and [b, b + bs) share a byte; both ranges are
 * known not to wrap (callers test with ld_range_in first). */
static inline bool ld_overlap(uint64_t a, uint64_t as, uint64_t b, uint64_t bs)
{
	return as && bs && a < b + bs && b < a + as;
}

/*
 * Flat GDT every loader writes (32 bytes). The selectors follow the Linux
 * 64-bit boot protocol (Documentation/arch/x86/boot.rst, "64-bit Boot
 * Protocol": __BOOT_CS = 0x10, __BOOT_DS = 0x18), so one layout serves all
 * entries: 0x10 is a 64-bit code segment for LONG64/LINUX64 and a 32-bit
 * one for PROT32 (LOADER_GDT_CS/LOADER_GDT_DS in ksh/loader.h).
 */
#define LOADER_GDT_SIZE 32u
void ld_gdt_write(uint8_t *dst, bool long_mode);

/* Number of 4 KiB pages ld_idmap_write needs to identity-map
 * [0, map_size): PML4, PDPT, one PD per GiB, one PT for a tail that is not
 * a whole 2 MiB page. 0 when map_size is 0, not 4 KiB aligned or above
 * 512 GiB (one PDPT). */
uint64_t ld_idmap_pages(uint64_t map_size);

/* Writes the tables into guest RAM at GPA area (4 KiB aligned, room for
 * ld_idmap_pages(map_size) pages, checked by the caller) and returns the
 * CR3 value (the PML4's GPA). Whole 2 MiB pages use PS entries (Intel SDM
 * vol. 3A 4.5, table 4-17); a tail uses 4 KiB entries. */
uint64_t ld_idmap_write(const struct guest_ram *ram, uint64_t area,
			uint64_t map_size);

#endif /* KSH_LOADER_LUTIL_H */
