// SPDX-License-Identifier: MIT
/* Unit tests for the nested-paging builder (kernel/mm/npt.c) with the
 * AMD NPT entry format (svm_npt.c): mappings come out with exactly the
 * rights and host addresses the tables give, 2 MiB leaves where both sides
 * are aligned, nothing else mapped, overlaps and bad ranges refused before
 * anything is written, every table page accounted. */
#include <criterion/criterion.h>
#include <ksh/npt.h>
#include <stdlib.h>
#include <string.h>

extern const struct npt_format svm_npt_format;

#define MAX_PAGES 256
#define FAKE_BASE 0x40000000ull /* fake host-physical base of the pool */

struct fake_pool {
	uint64_t (*pages)[512];
	size_t used, limit;
};

static void *fake_alloc(void *ctx, uint64_t *hpa)
{
	struct fake_pool *p = ctx;

	if (p->used == p->limit)
		return NULL;
	memset(p->pages[p->used], 0, 4096);
	*hpa = FAKE_BASE + p->used * 4096;
	return p->pages[p->used++];
}

static uint64_t *fake_ptr(void *ctx, uint64_t hpa)
{
	struct fake_pool *p = ctx;

	cr_assert(hpa >= FAKE_BASE && hpa < FAKE_BASE + p->used * 4096,
		  "walk left the table pool: %llx", (unsigned long long)hpa);
	return p->pages[(hpa - FAKE_BASE) / 4096];
}

static struct fake_pool pool;
static struct npt n;

static void setup(void)
{
	struct npt_pager pager = {
	    .alloc = fake_alloc, .ptr = fake_ptr, .ctx = &pool};

	pool.pages = calloc(MAX_PAGES, 4096);
	pool.used = 0;
	pool.limit = MAX_PAGES;
	cr_assert_eq(npt_init(&n, &svm_npt_format, &pager), 0);
}

static void teardown(void)
{
	free(pool.pages);
}

TestSuite(npt, .init = setup, .fini = teardown);

static void expect(uint64_t gpa, uint64_t hpa, uint32_t rights)
{
	uint64_t h;
	uint32_t r;

	cr_assert_eq(npt_lookup(&n, gpa, &h, &r), 0, "gpa %llx unmapped",
		     (unsigned long long)gpa);
	cr_assert_eq(h, hpa, "gpa %llx -> %llx, want %llx",
		     (unsigned long long)gpa, (unsigned long long)h,
		     (unsigned long long)hpa);
	cr_assert_eq(r, rights, "gpa %llx rights %u, want %u",
		     (unsigned long long)gpa, r, rights);
}

static void expect_unmapped(uint64_t gpa)
{
	uint64_t h;
	uint32_t r;

	cr_assert_neq(npt_lookup(&n, gpa, &h, &r), 0, "gpa %llx mapped",
		      (unsigned long long)gpa);
}

Test(npt, aligned_ram_uses_2m_leaves)
{
	cr_assert_eq(
	    npt_map(&n, 0, 0x10000000, 0x800000, KSH_R | KSH_W | KSH_X), 0);
	cr_assert_eq(n.leaves_2m, 4);
	cr_assert_eq(n.leaves_4k, 0);
	/* root + PDPT + PD: no page tables needed */
	cr_assert_eq(n.pages, 3);
	expect(0, 0x10000000, KSH_R | KSH_W | KSH_X);
	expect(0x7FFFFF, 0x107FFFFF, KSH_R | KSH_W | KSH_X);
	expect_unmapped(0x800000);
}

Test(npt, unaligned_host_falls_back_to_4k)
{
	cr_assert_eq(npt_map(&n, 0, 0x10001000, 0x200000, KSH_R | KSH_W), 0);
	cr_assert_eq(n.leaves_2m, 0);
	cr_assert_eq(n.leaves_4k, 512);
	expect(0x1234, 0x10002234, KSH_R | KSH_W);
}

Test(npt, head_and_tail_pages_around_large_ones)
{
	/* gpa 1M..5M over hpa with the same 2 MiB phase. */
	cr_assert_eq(npt_map(&n, 0x100000, 0x20100000, 0x400000, KSH_R), 0);
	cr_assert_eq(n.leaves_2m, 1);
	cr_assert_eq(n.leaves_4k, 512);
	expect(0x100000, 0x20100000, KSH_R);
	expect(0x200000, 0x20200000, KSH_R);
	expect(0x4FF000, 0x204FF000, KSH_R);
	expect_unmapped(0xFF000);
	expect_unmapped(0x500000);
}

Test(npt, unmap_then_map_elsewhere)
{
	/* A BAR of two pages at 0xE0000000 moves to 0xD0000000. */
	cr_assert_eq(npt_map(&n, 0xE0000000, 0x30000000, 0x2000, KSH_R), 0);
	cr_assert_eq(npt_map(&n, 0xE0002000, 0x30002000, 0x1000, KSH_R), 0);
	cr_assert_eq(npt_unmap(&n, 0xE0000000, 0x2000), 0);
	expect_unmapped(0xE0000000);
	expect_unmapped(0xE0001000);
	expect(0xE0002000, 0x30002000, KSH_R);
	cr_assert_eq(n.leaves_4k, 1);
	cr_assert_eq(npt_map(&n, 0xD0000000, 0x30000000, 0x2000, KSH_R), 0);
	expect(0xD0001000, 0x30001000, KSH_R);
	/* Back where it was: the pages are free again. */
	cr_assert_eq(npt_unmap(&n, 0xD0000000, 0x2000), 0);
	cr_assert_eq(npt_map(&n, 0xE0000000, 0x30000000, 0x2000, KSH_R), 0);
	/* Unmapped pages are skipped. */
	cr_assert_eq(npt_unmap(&n, 0xF0000000, 0x3000), 0);
	cr_assert_eq(n.leaves_4k, 3);
}

Test(npt, unmap_large_leaves_only_whole)
{
	cr_assert_eq(npt_map(&n, 0x400000, 0x10000000, 0x400000, KSH_R), 0);
	cr_assert_eq(n.leaves_2m, 2);
	cr_assert_eq(npt_unmap(&n, 0x400000, 0x1000), -NPT_EINVAL);
	cr_assert_eq(npt_unmap(&n, 0x500000, 0x200000), -NPT_EINVAL);
	expect(0x400000, 0x10000000, KSH_R);
	cr_assert_eq(npt_unmap(&n, 0x400000, 0x400000), 0);
	cr_assert_eq(n.leaves_2m, 0);
	expect_unmapped(0x600000);
	cr_assert_eq(npt_unmap(&n, 0x1001, 0x1000), -NPT_EINVAL);
	cr_assert_eq(npt_unmap(&n, ~0xFFFull, 0x2000), -NPT_EINVAL);
}

Test(npt, rights_are_exact_per_mapping)
{
	cr_assert_eq(npt_map(&n, 0, 0x100000, 0x1000, KSH_R), 0);
	cr_assert_eq(npt_map(&n, 0x1000, 0x200000, 0x1000, KSH_R | KSH_W), 0);
	cr_assert_eq(npt_map(&n, 0x2000, 0x300000, 0x1000, KSH_R | KSH_X), 0);
	expect(0, 0x100000, KSH_R);
	expect(0x1000, 0x200000, KSH_R | KSH_W);
	expect(0x2000, 0x300000, KSH_R | KSH_X);
	expect_unmapped(0x3000);
}

Test(npt, every_level_has_the_user_bit)
{
	/* AMD nested walks are user accesses (APM vol. 2 15.25.5). */
	uint64_t *t = n.root;

	cr_assert_eq(npt_map(&n, 0x40000000, 0x1000, 0x1000, KSH_R), 0);
	for (int level = 4; level >= 1; level--) {
		uint64_t e = t[(0x40000000ull >> (12 + 9 * (level - 1))) & 511];

		cr_assert(e & 4, "level %d entry lacks U/S", level);
		if (level > 1)
			t = fake_ptr(&pool, e & 0x000FFFFFFFFFF000ull);
	}
}

Test(npt, overlap_refused_without_writing)
{
	size_t before;

	cr_assert_eq(npt_map(&n, 0, 0x100000, 0x200000, KSH_R), 0);
	before = n.leaves_4k + n.leaves_2m;
	cr_assert_eq(npt_map(&n, 0x1FF000, 0x900000, 0x2000, KSH_R | KSH_W),
		     -NPT_EEXIST);
	cr_assert_eq(n.leaves_4k + n.leaves_2m, before);
	expect_unmapped(0x200000); /* second page not written either */
	expect(0x1FF000, 0x2FF000, KSH_R);
}

Test(npt, overlap_with_large_leaf_refused)
{
	cr_assert_eq(npt_map(&n, 0, 0x200000, 0x200000, KSH_R), 0);
	cr_assert_eq(n.leaves_2m, 1);
	cr_assert_eq(npt_map(&n, 0x5000, 0x900000, 0x1000, KSH_R), -NPT_EEXIST);
}

Test(npt, bad_ranges_refused)
{
	cr_assert_eq(npt_map(&n, 0x800, 0, 0x1000, KSH_R), -NPT_EINVAL);
	cr_assert_eq(npt_map(&n, 0, 0x800, 0x1000, KSH_R), -NPT_EINVAL);
	cr_assert_eq(npt_map(&n, 0, 0, 0, KSH_R), -NPT_EINVAL);
	cr_assert_eq(npt_map(&n, 0xFFFFFFFFFFFFF000ull, 0, 0x2000, KSH_R),
		     -NPT_EINVAL);
	cr_assert_eq(npt_map(&n, NPT_GPA_LIMIT - 0x1000, 0, 0x2000, KSH_R),
		     -NPT_EINVAL);
	cr_assert_eq(npt_map(&n, 0, 0, 0x1000, KSH_W), -NPT_EINVAL);
	cr_assert_eq(npt_map(&n, 0, 0, 0x1000, KSH_R | 0x8), -NPT_EINVAL);
	cr_assert_eq(n.pages, 1);
}

Test(npt, pool_exhaustion_reported)
{
	pool.limit = 2; /* root + one table: not enough for a 4K leaf */
	cr_assert_eq(npt_map(&n, 0, 0x1000, 0x1000, KSH_R), -NPT_ENOMEM);
}

Test(npt, exhaustion_midway_leaves_nothing_mapped)
{
	/* 4 MiB over an unaligned host range: root, PDPT, PD and two PTs.
	 * This pager cannot say how much it has (no avail), so the second
	 * PT fails after the first PT's 512 leaves were written: they must
	 * be taken back. */
	pool.limit = 4;
	cr_assert_eq(npt_map(&n, 0x400000, 0x10001000, 0x400000, KSH_R),
		     -NPT_ENOMEM);
	cr_assert_eq(n.leaves_4k, 0);
	cr_assert_eq(n.leaves_2m, 0);
	for (uint64_t g = 0x400000; g < 0x800000; g += 0x1000)
		expect_unmapped(g);
	/* With room again the same range maps whole. */
	pool.limit = MAX_PAGES;
	cr_assert_eq(npt_map(&n, 0x400000, 0x10001000, 0x400000, KSH_R), 0);
	expect(0x7FF000, 0x10400000, KSH_R);
}

/* A domain straight from tables: RAM, a read-only shared window above it;
 * the builder maps exactly those, and the bound covers what it used. */
static const struct ksh_memobj objs[] = {
    {.name = "ram",
     .kind = KSH_MEMOBJ_RAM,
     .owner = 0,
     .size = 0x400000,
     .align = 0x200000},
    {.name = "win",
     .kind = KSH_MEMOBJ_SHARED,
     .owner = KSH_NONE,
     .size = 0x3000,
     .align = 0x1000},
};
static const struct ksh_mapping maps[] = {
    {.domain = 0,
     .memobj = 0,
     .gpa = 0,
     .size = 0x400000,
     .rights = KSH_R | KSH_W | KSH_X},
    {.domain = 0,
     .memobj = 1,
     .offset = 0x1000,
     .gpa = 0x400000,
     .size = 0x2000,
     .rights = KSH_R},
};
static const struct ksh_domain doms[] = {
    {.name = "d", .first_mapping = 0, .n_mappings = 2},
};
static const struct ksh_tables tabs = {
    .domains = doms,
    .n_domains = 1,
    .memobjs = objs,
    .n_memobjs = 2,
    .mappings = maps,
    .n_mappings = 2,
};

Test(npt, domain_from_tables)
{
	const uint64_t hpa[] = {0x80000000, 0x90000000};
	uint32_t bad = 99;

	cr_assert_eq(npt_map_domain(&n, &tabs, 0, hpa, &bad), 0);
	expect(0, 0x80000000, KSH_R | KSH_W | KSH_X);
	expect(0x3FF000, 0x803FF000, KSH_R | KSH_W | KSH_X);
	expect(0x400000, 0x90001000, KSH_R);
	expect(0x401000, 0x90002000, KSH_R);
	expect_unmapped(0x402000);
	expect_unmapped(0x90000000);
	cr_assert_leq(n.pages, npt_pages_bound(&tabs, 0));
	cr_assert_eq(n.pages, pool.used);
}

Test(npt, domain_overlap_names_mapping)
{
	static const struct ksh_mapping dup[] = {
	    {.domain = 0,
	     .memobj = 0,
	     .gpa = 0,
	     .size = 0x1000,
	     .rights = KSH_R},
	    {.domain = 0,
	     .memobj = 1,
	     .gpa = 0,
	     .size = 0x1000,
	     .rights = KSH_R},
	};
	struct ksh_tables t = tabs;
	const uint64_t hpa[] = {0x80000000, 0x90000000};
	uint32_t bad = 99;

	t.mappings = dup;
	cr_assert_eq(npt_map_domain(&n, &t, 0, hpa, &bad), -NPT_EEXIST);
	cr_assert_eq(bad, 1);
}

Test(npt, entry_encoding)
{
	uint64_t e = svm_npt_format.leaf(0x200000, KSH_R, true);

	cr_assert_eq(e & 0x87, 0x85); /* P, U, PS; not writable */
	cr_assert(e >> 63, "non-executable leaf lacks NX");
	e = svm_npt_format.leaf(0x1000, KSH_R | KSH_W | KSH_X, false);
	cr_assert_eq(e, 0x1000 | 7);
	cr_assert_eq(svm_npt_format.rights(e), KSH_R | KSH_W | KSH_X);
	cr_assert_eq(svm_npt_format.table(0x5000), 0x5000 | 7);
}
