// SPDX-License-Identifier: MIT
/* Unit tests for the speculation hardening: the index-masking helper
 * (ksh/nospec.h), the mitigation decision over CPUID and
 * IA32_ARCH_CAPABILITIES values of real and imagined CPUs
 * (kernel/core/spec_plan.c), its boot line, the nested-paging leaf rule
 * for iTLB multihit (kernel/core/npt.c), and what the CPUID filter hides
 * (kernel/core/cpuid_filter.c: SGX, PT, TSX, cache topology). */
#include <criterion/criterion.h>
#include <ksh/cpuid_filter.h>
#include <ksh/npt.h>
#include <ksh/nospec.h>
#include <ksh/spec_ctrl.h>
#include <stdlib.h>
#include <string.h>

extern const struct npt_format svm_npt_format;

/* ---- ksh_index_nospec ---------------------------------------------------- */

Test(nospec, in_bounds_index_is_kept)
{
	cr_assert_eq(ksh_index_nospec(0, 1), 0);
	cr_assert_eq(ksh_index_nospec(5, 6), 5);
	cr_assert_eq(ksh_index_nospec(UINT64_MAX - 1, UINT64_MAX),
		     UINT64_MAX - 1);
	cr_assert_eq(ksh_index_mask_nospec(3, 4), UINT64_MAX);
}

Test(nospec, out_of_bounds_index_becomes_zero)
{
	cr_assert_eq(ksh_index_nospec(6, 6), 0);
	cr_assert_eq(ksh_index_nospec(7, 6), 0);
	cr_assert_eq(ksh_index_nospec(0, 0), 0);
	cr_assert_eq(ksh_index_nospec(UINT64_MAX, 6), 0);
	/* 2^32 + 1 must not alias 1 (handles are compared on 64 bits). */
	cr_assert_eq(ksh_index_nospec((1ull << 32) + 1, 2), 0);
	cr_assert_eq(ksh_index_mask_nospec(4, 4), 0);
}

Test(nospec, every_index_around_the_bound)
{
	for (uint64_t size = 0; size < 70; size++)
		for (uint64_t i = 0; i < 140; i++)
			cr_assert_eq(ksh_index_nospec(i, size),
				     i < size ? i : 0, "i %lu size %lu", i,
				     size);
}

/* ---- the mitigation decision -------------------------------------------- */

#define CAPS_BIT SPEC_L7_EDX_ARCH_CAPS

static struct spec_plan decide(struct spec_cpu cpu)
{
	struct spec_plan p;

	memset(&p, 0xA5, sizeof(p));
	spec_plan_decide(&cpu, &p);
	return p;
}

Test(spec_plan, unknown_vendor_gets_only_the_always_on_part)
{
	struct spec_plan p = decide((struct spec_cpu){0});

	cr_assert(!p.ibpb);
	cr_assert_eq(p.bti, SPEC_BTI_RETPOLINE);
	cr_assert_eq(p.clear, SPEC_CLEAR_NONE);
	cr_assert(!p.tsx_disable);
	cr_assert(p.exec_2m_ok);
	cr_assert(!p.fpu_ptr_scrub);
}

/* Skylake client with current microcode: no ARCH_CAPABILITIES, so every
 * data-sampling and L1TF issue applies. */
Test(spec_plan, intel_skylake_flushes_l1d_and_maps_exec_4k)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .intel = true,
	    .l7_ebx = SPEC_L7_EBX_HLE | SPEC_L7_EBX_RTM,
	    .l7_edx = SPEC_L7_EDX_SPEC_CTRL | SPEC_L7_EDX_L1D_FLUSH |
		      SPEC_L7_EDX_MD_CLEAR,
	});

	cr_assert(p.ibpb);
	cr_assert_eq(p.bti, SPEC_BTI_RETPOLINE);
	cr_assert_eq(p.clear, SPEC_CLEAR_L1D);
	cr_assert(!p.tsx_disable);
	cr_assert(!p.exec_2m_ok);
	cr_assert(!p.fpu_ptr_scrub);
}

Test(spec_plan, intel_l1tf_without_flush_control_is_reported)
{
	struct spec_plan p = decide(
	    (struct spec_cpu){.intel = true, .l7_edx = SPEC_L7_EDX_MD_CLEAR});

	cr_assert(!p.ibpb);
	cr_assert_eq(p.clear, SPEC_CLEAR_NO_CTL);
}

Test(spec_plan, skip_l1dfl_vmentry_leaves_mds_to_verw)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .intel = true,
	    .l7_edx = CAPS_BIT | SPEC_L7_EDX_L1D_FLUSH | SPEC_L7_EDX_MD_CLEAR,
	    .arch_caps = ARCH_CAP_SKIP_L1DFL_VMENTRY});

	cr_assert_eq(p.clear, SPEC_CLEAR_VERW);
}

/* Cascade Lake: no L1TF, no MDS, eIBRS, but TSX and TAA; IA32_TSX_CTRL
 * present, so TSX is switched off and nothing is left to clear. */
Test(spec_plan, intel_cascade_lake_turns_tsx_off)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .intel = true,
	    .l7_ebx = SPEC_L7_EBX_HLE | SPEC_L7_EBX_RTM,
	    .l7_edx = CAPS_BIT | SPEC_L7_EDX_SPEC_CTRL | SPEC_L7_EDX_L1D_FLUSH |
		      SPEC_L7_EDX_MD_CLEAR,
	    .arch_caps = ARCH_CAP_RDCL_NO | ARCH_CAP_IBRS_ALL |
			 ARCH_CAP_MDS_NO | ARCH_CAP_TSX_CTRL,
	});

	cr_assert(p.ibpb);
	cr_assert_eq(p.bti, SPEC_BTI_EIBRS);
	cr_assert(p.tsx_disable);
	cr_assert_eq(p.clear, SPEC_CLEAR_NONE);
	cr_assert(!p.exec_2m_ok);
}

Test(spec_plan, taa_without_tsx_ctrl_needs_verw)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .intel = true,
	    .l7_ebx = SPEC_L7_EBX_RTM,
	    .l7_edx = CAPS_BIT | SPEC_L7_EDX_MD_CLEAR,
	    .arch_caps = ARCH_CAP_RDCL_NO | ARCH_CAP_MDS_NO,
	});

	cr_assert(!p.tsx_disable);
	cr_assert_eq(p.clear, SPEC_CLEAR_VERW);
}

Test(spec_plan, intel_ice_lake_needs_no_clearing_and_keeps_2m)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .intel = true,
	    .l7_edx = CAPS_BIT | SPEC_L7_EDX_SPEC_CTRL | SPEC_L7_EDX_MD_CLEAR,
	    .arch_caps = ARCH_CAP_RDCL_NO | ARCH_CAP_IBRS_ALL |
			 ARCH_CAP_MDS_NO | ARCH_CAP_TAA_NO |
			 ARCH_CAP_PSCHANGE_MC_NO,
	});

	cr_assert_eq(p.bti, SPEC_BTI_EIBRS);
	cr_assert_eq(p.clear, SPEC_CLEAR_NONE);
	cr_assert(p.exec_2m_ok);
}

/* IA32_ARCH_CAPABILITIES means nothing unless CPUID announces it. */
Test(spec_plan, arch_caps_ignored_without_cpuid_bit)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .intel = true,
	    .l7_edx = SPEC_L7_EDX_SPEC_CTRL | SPEC_L7_EDX_L1D_FLUSH,
	    .arch_caps = ARCH_CAP_RDCL_NO | ARCH_CAP_IBRS_ALL |
			 ARCH_CAP_MDS_NO | ARCH_CAP_PSCHANGE_MC_NO,
	});

	cr_assert_eq(p.bti, SPEC_BTI_RETPOLINE);
	cr_assert_eq(p.clear, SPEC_CLEAR_L1D);
	cr_assert(!p.exec_2m_ok);
}

/* Zen 2: IBPB, no AutoIBRS, FXSAVE without error pointers. */
Test(spec_plan, amd_zen2_scrubs_x87_pointers)
{
	struct spec_plan p =
	    decide((struct spec_cpu){.amd = true, .e8_ebx = SPEC_E8_EBX_IBPB});

	cr_assert(p.ibpb);
	cr_assert_eq(p.bti, SPEC_BTI_RETPOLINE);
	cr_assert_eq(p.clear, SPEC_CLEAR_NONE);
	cr_assert(p.exec_2m_ok);
	cr_assert(p.fpu_ptr_scrub);
	cr_assert(!p.tsx_disable);
}

/* Zen 4: Automatic IBRS and always-saved error pointers. */
Test(spec_plan, amd_zen4_uses_autoibrs)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .amd = true,
	    .e8_ebx = SPEC_E8_EBX_IBPB | SPEC_E8_EBX_XSAVEERPTR,
	    .e21_eax = SPEC_E21_EAX_AUTOIBRS,
	});

	cr_assert(p.ibpb);
	cr_assert_eq(p.bti, SPEC_BTI_AUTOIBRS);
	cr_assert(!p.fpu_ptr_scrub);
}

/* Intel-only bits mean nothing on AMD and the reverse. */
Test(spec_plan, vendor_bits_do_not_cross)
{
	struct spec_plan a = decide((struct spec_cpu){
	    .amd = true,
	    .l7_edx = CAPS_BIT | SPEC_L7_EDX_L1D_FLUSH,
	    .arch_caps = ARCH_CAP_IBRS_ALL | ARCH_CAP_TSX_CTRL,
	});
	struct spec_plan i = decide((struct spec_cpu){
	    .intel = true,
	    .l7_edx = CAPS_BIT,
	    .e8_ebx = SPEC_E8_EBX_IBPB,
	    .e21_eax = SPEC_E21_EAX_AUTOIBRS,
	    .arch_caps =
		ARCH_CAP_RDCL_NO | ARCH_CAP_MDS_NO | ARCH_CAP_PSCHANGE_MC_NO,
	});

	cr_assert_eq(a.bti, SPEC_BTI_RETPOLINE);
	cr_assert(!a.tsx_disable);
	cr_assert_eq(a.clear, SPEC_CLEAR_NONE);
	cr_assert(!i.ibpb);
	cr_assert_eq(i.bti, SPEC_BTI_RETPOLINE);
	cr_assert(!i.fpu_ptr_scrub);
}

Test(spec_plan, boot_line_text)
{
	struct spec_plan p = decide((struct spec_cpu){
	    .intel = true,
	    .l7_edx = SPEC_L7_EDX_SPEC_CTRL | SPEC_L7_EDX_L1D_FLUSH});
	char buf[160];
	int n = spec_plan_format(&p, buf, sizeof(buf));

	cr_assert_str_eq(buf, "ibpb=switch bti=retpoline rsb=fill32 "
			      "clear=l1d-flush tsx=hidden exec2m=4k-only "
			      "x87ptr=saved");
	cr_assert_eq(n, (int)strlen(buf));
	p = decide((struct spec_cpu){0});
	spec_plan_format(&p, buf, sizeof(buf));
	cr_assert_str_eq(buf, "ibpb=unavailable bti=retpoline rsb=fill32 "
			      "clear=none tsx=hidden exec2m=allowed "
			      "x87ptr=saved");
	n = spec_plan_format(&p, buf, 10);
	cr_assert_str_eq(buf, "ibpb=unav");
	cr_assert_gt(n, 10);
}

/* ---- iTLB multihit: the nested-paging leaf rule -------------------------- */

#define POOL_PAGES 64
#define POOL_BASE  0x40000000ull

static uint64_t (*pool_pages)[512];
static size_t pool_used;

static void *pool_alloc(void *ctx, uint64_t *hpa)
{
	(void)ctx;
	if (pool_used == POOL_PAGES)
		return NULL;
	memset(pool_pages[pool_used], 0, 4096);
	*hpa = POOL_BASE + pool_used * 4096;
	return pool_pages[pool_used++];
}

static uint64_t *pool_ptr(void *ctx, uint64_t hpa)
{
	(void)ctx;
	cr_assert(hpa >= POOL_BASE && hpa < POOL_BASE + pool_used * 4096);
	return pool_pages[(hpa - POOL_BASE) / 4096];
}

static void leaf_setup(void)
{
	pool_pages = calloc(POOL_PAGES, 4096);
	pool_used = 0;
}

static void leaf_teardown(void)
{
	npt_set_exec_2m(true);
	free(pool_pages);
}

TestSuite(npt_exec_leaf, .init = leaf_setup, .fini = leaf_teardown);

static const struct ksh_memobj leaf_objs[] = {
    {.name = "ram", .size = 0x2800000, .align = 0x200000},
};
static const struct ksh_mapping leaf_maps[] = {
    {.memobj = 0, .gpa = 0, .size = 0x2000000, .rights = KSH_R | KSH_X},
    {.memobj = 0,
     .offset = 0x2000000,
     .gpa = 0x2000000,
     .size = 0x800000,
     .rights = KSH_R | KSH_W},
};
static const struct ksh_domain leaf_doms[] = {
    {.name = "d", .first_mapping = 0, .n_mappings = 2},
};
static const struct ksh_tables leaf_tabs = {
    .domains = leaf_doms,
    .n_domains = 1,
    .memobjs = leaf_objs,
    .n_memobjs = 1,
    .mappings = leaf_maps,
    .n_mappings = 2,
};

static void map_leaf_domain(struct npt *n)
{
	struct npt_pager pager = {pool_alloc, pool_ptr, NULL, NULL, NULL};
	const uint64_t hpa[] = {0x80000000};

	cr_assert_eq(npt_init(n, &svm_npt_format, &pager), 0);
	cr_assert_eq(npt_map_domain(n, &leaf_tabs, 0, hpa, NULL), 0);
	cr_assert_leq(n->pages, npt_pages_bound(&leaf_tabs, 0),
		      "%zu table pages, bound %zu", n->pages,
		      npt_pages_bound(&leaf_tabs, 0));
}

Test(npt_exec_leaf, executable_memory_gets_4k_leaves_when_affected)
{
	struct npt n;
	uint64_t h;
	uint32_t r;

	npt_set_exec_2m(false);
	map_leaf_domain(&n);
	/* 32 MiB executable: 8192 small leaves in 16 page tables (which
	 * the pool budget must count); 8 MiB data: four 2 MiB leaves. */
	cr_assert_eq(n.leaves_4k, 8192);
	cr_assert_eq(n.leaves_2m, 4);
	cr_assert_eq(npt_lookup(&n, 0x3FF000, &h, &r), 0);
	cr_assert_eq(h, 0x803FF000ull);
	cr_assert_eq(r, KSH_R | KSH_X);
	cr_assert_eq(npt_lookup(&n, 0x2000000, &h, &r), 0);
	cr_assert_eq(r, KSH_R | KSH_W);
}

Test(npt_exec_leaf, executable_memory_keeps_2m_leaves_when_allowed)
{
	struct npt n;

	npt_set_exec_2m(true);
	map_leaf_domain(&n);
	cr_assert_eq(n.leaves_4k, 0);
	cr_assert_eq(n.leaves_2m, 20);
}

/* ---- CPUID residue -------------------------------------------------------- */

Test(cpuid_residue, sgx_pt_and_tsx_are_hidden)
{
	uint32_t r[4] = {0, 0xFFFFFFFFu, 0xFFFFFFFFu, 0};

	cpuid_filter(7, 0, r);
	cr_assert_eq(r[1] & (1u << 2), 0, "SGX");
	cr_assert_eq(r[1] & (1u << 4), 0, "HLE");
	cr_assert_eq(r[1] & (1u << 11), 0, "RTM");
	cr_assert_eq(r[1] & (1u << 25), 0, "PT");
	cr_assert_eq(r[2] & (1u << 30), 0, "SGX_LC");
	/* What is switched and harmless stays (ERMS, bit 9). */
	cr_assert_neq(r[1] & (1u << 9), 0);
}

Test(cpuid_residue, sgx_and_pt_leaves_are_empty)
{
	uint32_t leaves[] = {0x12, 0x14};

	for (unsigned int i = 0; i < 2; i++)
		for (uint32_t sub = 0; sub < 3; sub++) {
			uint32_t r[4] = {0x1F, 0x12345678, 0x9ABCDEF0, 0x77};

			cpuid_filter(leaves[i], sub, r);
			cr_assert_eq(r[0] | r[1] | r[2] | r[3], 0, "leaf %x.%u",
				     leaves[i], sub);
		}
}

Test(cpuid_residue, cache_leaves_describe_one_core)
{
	/* A 12-core host's shared L3: type 3, level 3, 16 threads sharing,
	 * 12 cores; EBX/ECX/EDX are the geometry and stay. */
	uint32_t r[4] = {(11u << 26) | (15u << 14) | (3u << 5) | 3u, 0x02C0003F,
			 0x00003FFF, 0x6};
	uint32_t a[4] = {(7u << 14) | (3u << 5) | 3u, 0x03C0003F, 0x7FFF, 0x1};

	cpuid_filter(4, 3, r);
	cr_assert_eq(r[0], (3u << 5) | 3u);
	cr_assert_eq(r[1], 0x02C0003F);
	cr_assert_eq(r[2], 0x00003FFF);
	cr_assert_eq(r[3], 0x6);
	cpuid_filter(0x8000001D, 3, a);
	cr_assert_eq(a[0], (3u << 5) | 3u);
	cr_assert_eq(a[1], 0x03C0003F);
	cr_assert_eq(a[2], 0x7FFF);
}

Test(cpuid_residue, amd_topology_is_one_core)
{
	uint32_t r[4] = {0x2E, 0x0000010E, 0x00000301, 0};

	cpuid_filter(0x8000001E, 0, r);
	cr_assert_eq(r[0], 0);
	cr_assert_eq(r[1] & 0xFFFF, 0);
	cr_assert_eq(r[2] & 0x7FF, 0);
}
