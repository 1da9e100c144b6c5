// SPDX-License-Identifier: MIT
/* Unit tests for run-time nested paging against page reserves
 * (kernel/core/npt.c, kernel/core/kpool.c), the way the kernel places a
 * Linux domain's channel-device BARs: boot-time tables from the pool,
 * then every table page a BAR placement needs from the domain's own
 * reserve, carved from that pool. A failing map leaves nothing mapped,
 * unmapping gives emptied tables back to their owner, one owner moving a
 * big window in a loop never spends what another owner needs, and a
 * reserve too small for a placement refuses it with -NPT_ENOMEM. */
#include <criterion/criterion.h>
#include <ksh/kmem.h>
#include <ksh/npt.h>
#include <stdlib.h>
#include <string.h>

extern const struct npt_format svm_npt_format;

#define POOL_PAGES 256
#define MIB	   (1ull << 20)
#define WIN_SIZE   (62 * MIB + 0x1000) /* the review's window */
#define WIN_BAR	   (64 * MIB)	       /* its BAR: the next power of two */
#define WIN_HPA	   0x7F001000ull       /* 4 KiB aligned only: 4 KiB leaves */
#define BAR_LO	   0xC0000000ull       /* where the guest may put it */
#define BAR_HI	   0xFC000000ull

static void *pool_mem;
static struct kpool pool;

struct owner {
	struct kreserve rsv;
	struct npt npt;
};

static void *pool_page(void *ctx, uint64_t *hpa)
{
	return kpool_alloc(ctx, 1, hpa);
}

static uint64_t *ident(void *ctx, uint64_t hpa)
{
	(void)ctx;
	return (uint64_t *)(uintptr_t)hpa;
}

static void *rsv_alloc(void *ctx, uint64_t *hpa)
{
	return kreserve_alloc(ctx, hpa);
}

static uint64_t rsv_avail(void *ctx)
{
	return kreserve_avail(ctx);
}

static bool rsv_free(void *ctx, uint64_t hpa)
{
	return kreserve_free(ctx, hpa) == 0;
}

/* Like the kernel: root and RAM (128 MiB at 0, 2 MiB leaves) from the
 * pool at boot, then a reserve of `pages` for everything later. */
static void owner_init(struct owner *o, uint64_t ram_hpa, uint64_t pages)
{
	struct npt_pager boot = {
	    .alloc = pool_page, .ptr = ident, .ctx = &pool};
	struct npt_pager run = {.alloc = rsv_alloc,
				.ptr = ident,
				.ctx = &o->rsv,
				.avail = rsv_avail,
				.free = rsv_free};

	cr_assert_eq(npt_init(&o->npt, &svm_npt_format, &boot), 0);
	cr_assert_eq(
	    npt_map(&o->npt, 0, ram_hpa, 128 * MIB, KSH_R | KSH_W | KSH_X), 0);
	cr_assert_eq(kreserve_init(&o->rsv, &pool, pages), 0);
	npt_set_pager(&o->npt, &run);
}

static void setup(void)
{
	pool_mem = aligned_alloc(4096, POOL_PAGES * 4096);
	cr_assert_not_null(pool_mem);
	pool =
	    (struct kpool){(uint64_t)(uintptr_t)pool_mem, POOL_PAGES * 4096, 0};
}

static void teardown(void)
{
	free(pool_mem);
}

TestSuite(npt_reserve, .init = setup, .fini = teardown);

static bool mapped(const struct npt *n, uint64_t gpa, uint64_t *hpa)
{
	uint32_t r;
	uint64_t h;

	return npt_lookup(n, gpa, hpa != NULL ? hpa : &h, &r) == 0;
}

/* Every 4 KiB page of [gpa, gpa+size) unmapped. */
static void expect_none(const struct npt *n, uint64_t gpa, uint64_t size)
{
	for (uint64_t off = 0; off < size; off += 0x1000)
		cr_assert(!mapped(n, gpa + off, NULL), "gpa %llx mapped",
			  (unsigned long long)(gpa + off));
}

Test(npt_reserve, bound_of_the_window_is_exact)
{
	struct owner o;
	size_t before;

	/* 32 PTs (31 x 2 MiB + 4 KiB of 4 KiB leaves), a PD, a PDPT. */
	cr_assert_eq(npt_place_bound(WIN_SIZE, WIN_BAR), 34);
	cr_assert_eq(npt_place_bound(0x2000, 0x2000), 3);
	cr_assert_eq(npt_place_bound(0x1000, 0), 3);
	cr_assert_eq(npt_place_bound(0, 0x1000), 0);
	/* An unaligned 4 KiB start may straddle every level's boundary. */
	cr_assert_eq(npt_place_bound(0x2000, 0x1000), 6);
	/* The bound is reached: nothing but the root exists above 4 GiB at
	 * 512 GiB, and the window needs all 34 pages there. */
	owner_init(&o, 0x10000000, 34);
	before = o.npt.pages;
	cr_assert_eq(npt_map(&o.npt, 512ull << 30, WIN_HPA, WIN_SIZE, KSH_R),
		     0);
	cr_assert_eq(o.npt.pages - before, 34);
	cr_assert_eq(o.rsv.in_use, 34);
}

Test(npt_reserve, too_small_a_reserve_refuses_with_nothing_mapped)
{
	struct owner o;
	uint64_t pool_used;

	owner_init(&o, 0x10000000, 20); /* the window needs 33 here */
	pool_used = pool.used;
	cr_assert_eq(npt_map(&o.npt, 0xE0000000, WIN_HPA, WIN_SIZE, KSH_R),
		     -NPT_ENOMEM);
	expect_none(&o.npt, 0xE0000000, WIN_BAR);
	cr_assert_eq(o.rsv.in_use, 0, "a refused map spent %llu pages",
		     (unsigned long long)o.rsv.in_use);
	cr_assert_eq(o.npt.leaves_4k, 0);
	cr_assert_eq(pool.used, pool_used, "the pool paid for a refusal");
	/* RAM is untouched and a placement that fits still succeeds. */
	cr_assert(mapped(&o.npt, 0x7FFF000, NULL));
	cr_assert_eq(npt_map(&o.npt, 0xE0000000, WIN_HPA, 0x2000, KSH_R), 0);
}

Test(npt_reserve, unmap_gives_emptied_tables_back_to_the_owner)
{
	struct owner o;
	size_t pages;

	owner_init(&o, 0x10000000, 34);
	pages = o.npt.pages;
	cr_assert_eq(npt_map(&o.npt, 0xE0000000, WIN_HPA, WIN_SIZE, KSH_R), 0);
	cr_assert_eq(o.rsv.in_use, 33); /* the PDPT came at boot */
	cr_assert_eq(npt_unmap(&o.npt, 0xE0000000, WIN_SIZE), 0);
	cr_assert_eq(o.rsv.in_use, 0);
	cr_assert_eq(o.npt.pages, pages);
	cr_assert_eq(o.npt.tables_freed, 33);
	expect_none(&o.npt, 0xE0000000, WIN_BAR);
	/* The boot tables RAM shares with the BAR range stay. */
	cr_assert(mapped(&o.npt, 0, NULL));
	cr_assert(mapped(&o.npt, 0x7FFF000, NULL));
}

Test(npt_reserve, tables_of_another_pager_stay_linked)
{
	struct owner o;
	size_t pages;

	/* A 4 KiB page in a PT of its own that the boot pager gave: after
	 * the unmap it is empty, the reserve does not take it, and the next
	 * mapping there reuses it without spending the (empty) reserve. */
	struct npt_pager boot = {
	    .alloc = pool_page, .ptr = ident, .ctx = &pool};
	struct npt_pager run;

	owner_init(&o, 0x10000000, 0);
	run = o.npt.pager;
	npt_set_pager(&o.npt, &boot);
	cr_assert_eq(npt_map(&o.npt, 0xE0000000, WIN_HPA, 0x1000, KSH_R), 0);
	npt_set_pager(&o.npt, &run);
	pages = o.npt.pages;
	cr_assert_eq(npt_unmap(&o.npt, 0xE0000000, 0x1000), 0);
	cr_assert_eq(o.npt.pages, pages);
	expect_none(&o.npt, 0xE0000000, 0x1000);
	cr_assert_eq(npt_map(&o.npt, 0xE0001000, WIN_HPA, 0x1000, KSH_R), 0);
}

Test(npt_reserve, moving_a_big_window_never_starves_another_owner)
{
	struct owner a, b;
	uint64_t bound = npt_place_bound(WIN_SIZE, WIN_BAR), pool_used, h;
	uint64_t at = 0, steady = 0;

	owner_init(&a, 0x10000000, bound);
	owner_init(&b, 0x20000000, bound + npt_place_bound(0x2000, 0x2000));
	/* b's BAR1 first, so b already holds part of its reserve. */
	cr_assert_eq(npt_map(&b.npt, 0xE8000000, 0x30000000, 0x2000, KSH_R), 0);
	pool_used = pool.used;
	/* a moves its window 200 times over 15 places, each a new one. */
	for (int i = 0; i < 200; i++) {
		uint64_t to = BAR_LO + (uint64_t)(i % 15) * WIN_BAR;

		if (at != 0)
			cr_assert_eq(npt_unmap(&a.npt, at, WIN_SIZE), 0);
		cr_assert_eq(
		    npt_map(&a.npt, to, WIN_HPA, WIN_SIZE, KSH_R | KSH_W), 0,
		    "move %d to %llx refused (%llu of %llu in use)", i,
		    (unsigned long long)to, (unsigned long long)a.rsv.in_use,
		    (unsigned long long)a.rsv.pages);
		if (at != 0)
			expect_none(&a.npt, at, WIN_SIZE);
		at = to;
		cr_assert(mapped(&a.npt, to + WIN_SIZE - 0x1000, &h));
		cr_assert_eq(h, WIN_HPA + WIN_SIZE - 0x1000);
		if (i == 0)
			steady = a.rsv.in_use;
		cr_assert_eq(a.rsv.in_use, steady, "move %d: %llu pages in use",
			     i, (unsigned long long)a.rsv.in_use);
	}
	cr_assert_leq(a.rsv.peak, bound);
	cr_assert_eq(pool.used, pool_used, "moves took pages from the pool");
	/* b places its window and moves its BAR1 as if a had never moved. */
	cr_assert_eq(npt_map(&b.npt, 0xE0000000, WIN_HPA, WIN_SIZE, KSH_R), 0);
	cr_assert_eq(npt_unmap(&b.npt, 0xE8000000, 0x2000), 0);
	cr_assert_eq(npt_map(&b.npt, 0xF8000000, 0x30000000, 0x2000, KSH_R), 0);
	cr_assert(mapped(&b.npt, 0xE3E00000, &h));
	cr_assert_eq(h, WIN_HPA + 0x3E00000);
}

Test(kreserve, hands_out_takes_back_and_refuses, .init = setup,
     .fini = teardown)
{
	struct kreserve r;
	uint64_t h[3], x;
	uint8_t *p;

	cr_assert_eq(kreserve_init(&r, &pool, 3), 0);
	for (int i = 0; i < 3; i++)
		cr_assert_not_null(kreserve_alloc(&r, &h[i]));
	cr_assert_null(kreserve_alloc(&r, &x), "more than its pages");
	cr_assert_eq(kreserve_avail(&r), 0);
	p = (uint8_t *)(uintptr_t)h[1];
	memset(p, 0xAA, 4096);
	cr_assert_eq(kreserve_free(&r, h[1]), 0);
	cr_assert_eq(kreserve_free(&r, h[1]), -1, "freed twice");
	cr_assert_eq(kreserve_free(&r, h[1] + 8), -1, "not a page start");
	cr_assert_eq(kreserve_free(&r, r.base + 3 * 4096), -1, "not its page");
	cr_assert_eq(kreserve_avail(&r), 1);
	cr_assert_eq(kreserve_alloc(&r, &x), p);
	cr_assert_eq(x, h[1]);
	cr_assert_eq(p[0], 0, "not zeroed");
	cr_assert_eq(p[4095], 0, "not zeroed");
	cr_assert_eq(r.peak, 3);
	/* An empty reserve is allowed; one larger than the pool is not. */
	cr_assert_eq(kreserve_init(&r, &pool, 0), 0);
	cr_assert_null(kreserve_alloc(&r, &x));
	cr_assert_eq(kreserve_init(&r, &pool, POOL_PAGES), -1);
	cr_assert_eq(r.pages, 0);
}
