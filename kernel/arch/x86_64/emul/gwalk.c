// SPDX-License-Identifier: MIT
/*
 * Guest page-table walker (ksh/gwalk.h). Only presence is checked: the
 * kernel uses it to read instruction bytes the guest has just executed,
 * never to decide access rights.
 */
#include <ksh/gwalk.h>

#define CR0_PG	  (1ull << 31)
#define CR4_PSE	  (1ull << 4)
#define CR4_PAE	  (1ull << 5)
#define CR4_LA57  (1ull << 12)
#define EFER_LMA  (1ull << 10)
#define PTE_P	  1ull
#define PTE_PS	  (1ull << 7)
#define ADDR_MASK 0x000FFFFFFFFFF000ull

static int read_entry(gwalk_read_fn rd, void *ctx, uint64_t gpa, int wide,
		      uint64_t *e)
{
	uint32_t e32;

	if (wide)
		return rd(ctx, gpa, e, 8);
	if (rd(ctx, gpa, &e32, 4) != 0)
		return -1;
	*e = e32;
	return 0;
}

int gwalk_translate(const struct gwalk_mode *m, uint64_t gva, gwalk_read_fn rd,
		    void *ctx, uint64_t *gpa)
{
	uint64_t table, e;
	int levels, level;

	if (!(m->cr0 & CR0_PG)) {
		*gpa = gva & 0xFFFFFFFFull; /* no paging: 32-bit linear */
		return 0;
	}
	if (m->efer & EFER_LMA) {
		if (m->cr4 & CR4_LA57)
			return -1;
		levels = 4;
		table = m->cr3 & ADDR_MASK;
	} else if (m->cr4 & CR4_PAE) {
		/* PAE: four PDPTEs at CR3[31:5] (SDM 4.4.1). */
		gva &= 0xFFFFFFFFull;
		if (read_entry(rd, ctx,
			       (m->cr3 & 0xFFFFFFE0ull) + ((gva >> 30) & 3) * 8,
			       1, &e) != 0 ||
		    !(e & PTE_P))
			return -1;
		levels = 2;
		table = e & ADDR_MASK;
	} else {
		/* 32-bit paging: two levels of 1024 4-byte entries. */
		gva &= 0xFFFFFFFFull;
		if (read_entry(rd, ctx,
			       (m->cr3 & 0xFFFFF000ull) + (gva >> 22) * 4, 0,
			       &e) != 0 ||
		    !(e & PTE_P))
			return -1;
		if ((e & PTE_PS) && (m->cr4 & CR4_PSE)) {
			*gpa = (e & 0xFFC00000ull) | ((e & 0x1FE000ull) << 19) |
			       (gva & 0x3FFFFFull);
			return 0;
		}
		if (read_entry(rd, ctx,
			       (e & 0xFFFFF000ull) + ((gva >> 12) & 0x3FF) * 4,
			       0, &e) != 0 ||
		    !(e & PTE_P))
			return -1;
		*gpa = (e & 0xFFFFF000ull) | (gva & 0xFFF);
		return 0;
	}
	for (level = levels; level >= 1; level--) {
		unsigned shift = 12 + 9 * (level - 1);

		if (read_entry(rd, ctx, table + ((gva >> shift) & 0x1FF) * 8, 1,
			       &e) != 0 ||
		    !(e & PTE_P))
			return -1;
		if (level == 1 ||
		    ((level == 2 || level == 3) && (e & PTE_PS))) {
			uint64_t span = 1ull << shift;

			*gpa =
			    (e & ADDR_MASK & ~(span - 1)) | (gva & (span - 1));
			return 0;
		}
		table = e & ADDR_MASK;
	}
	return -1;
}

int gwalk_fetch(const struct gwalk_mode *m, uint64_t gva, void *buf,
		uint32_t len, gwalk_read_fn rd, void *ctx)
{
	uint8_t *out = buf;

	while (len != 0) {
		uint64_t gpa;
		uint32_t in_page = 0x1000 - (uint32_t)(gva & 0xFFF);
		uint32_t n = in_page < len ? in_page : len;

		if (gwalk_translate(m, gva, rd, ctx, &gpa) != 0 ||
		    rd(ctx, gpa, out, n) != 0)
			return -1;
		out += n;
		gva += n;
		len -= n;
	}
	return 0;
}
