// SPDX-License-Identifier: MIT
/* Unit tests for the kernel's small decoders: instruction lengths for
 * CPUs without next-RIP (kernel/arch/x86_64/emul/insn.c), the guest page walk used to
 * fetch those bytes (gwalk.c), the CPUID filter (cpuid_filter.c) and the
 * kernel's printf (kfmt.c). */
#include <criterion/criterion.h>
#include <ksh/cpuid_filter.h>
#include <ksh/gwalk.h>
#include <ksh/insn.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>
#include <stdlib.h>
#include <string.h>

Test(insn, plain_and_prefixed)
{
	const uint8_t vmmcall[] = {0x0F, 0x01, 0xD9};
	const uint8_t vmcall[] = {0x0F, 0x01, 0xC1};
	const uint8_t rex_cpuid[] = {0x48, 0x0F, 0xA2};
	const uint8_t pfx_hlt[] = {0x66, 0x2E, 0xF4};
	const uint8_t rdmsr[] = {0x0F, 0x32, 0x90};

	cr_assert_eq(insn_len(vmmcall, 3, INSN_VMMCALL, true), 3);
	cr_assert_eq(insn_len(vmcall, 3, INSN_VMCALL, true), 3);
	cr_assert_eq(insn_len(vmcall, 3, INSN_VMMCALL, true), -1);
	cr_assert_eq(insn_len(rex_cpuid, 3, INSN_CPUID, true), 3);
	/* REX is INC/DEC in 32-bit mode, not a prefix */
	cr_assert_eq(insn_len(rex_cpuid, 3, INSN_CPUID, false), -1);
	cr_assert_eq(insn_len(pfx_hlt, 3, INSN_HLT, false), 3);
	cr_assert_eq(insn_len(rdmsr, 3, INSN_RDMSR, true), 2);
	cr_assert_eq(insn_len(rdmsr, 3, INSN_WRMSR, true), -1);
}

Test(insn, truncated_or_too_many_prefixes)
{
	uint8_t b[20];

	cr_assert_eq(
	    insn_len((const uint8_t[]){0x0F, 0x01}, 2, INSN_VMMCALL, true), -1);
	memset(b, 0x66, sizeof(b));
	b[14] = 0xF4;
	cr_assert_eq(insn_len(b, 15, INSN_HLT, true), 15);
	b[14] = 0x66;
	b[15] = 0xF4; /* 16 bytes: beyond the architectural limit */
	cr_assert_eq(insn_len(b, 16, INSN_HLT, true), -1);
	cr_assert_eq(insn_len(b, 16, (enum insn_kind)0, true), -1);
}

/* A guest-physical space of 64 pages for the walker. */
static uint8_t *gmem;
#define GSIZE (64 * 4096)

static int rd(void *ctx, uint64_t gpa, void *buf, uint32_t len)
{
	(void)ctx;
	if (gpa >= GSIZE || len > GSIZE - gpa)
		return -1;
	memcpy(buf, gmem + gpa, len);
	return 0;
}

static void put64(uint64_t gpa, uint64_t v)
{
	memcpy(gmem + gpa, &v, 8);
}

static void put32(uint64_t gpa, uint32_t v)
{
	memcpy(gmem + gpa, &v, 4);
}

static void gsetup(void)
{
	gmem = calloc(1, GSIZE);
}

static void gteardown(void)
{
	free(gmem);
}

TestSuite(gwalk, .init = gsetup, .fini = gteardown);

Test(gwalk, no_paging_is_identity)
{
	struct gwalk_mode m = {0};
	uint64_t gpa;

	cr_assert_eq(gwalk_translate(&m, 0x12345, rd, NULL, &gpa), 0);
	cr_assert_eq(gpa, 0x12345);
}

Test(gwalk, long_mode_4k_and_2m)
{
	/* PML4 at 0x1000, PDPT 0x2000, PD 0x3000, PT 0x4000.
	 * va 0x400000 -> 2M page at 0x800000 (PD[2], PS);
	 * va 0x5000 -> PT[5] -> 0x9000. */
	struct gwalk_mode m = {
	    .cr0 = 1ull << 31, .cr3 = 0x1000, .cr4 = 1 << 5, .efer = 1 << 10};
	uint64_t gpa;
	uint8_t buf[4];

	put64(0x1000, 0x2000 | 1);
	put64(0x2000, 0x3000 | 1);
	put64(0x3000 + 2 * 8, 0x800000 | 0x81);
	put64(0x3000, 0x4000 | 1);
	put64(0x4000 + 5 * 8, 0x9000 | 1);
	cr_assert_eq(gwalk_translate(&m, 0x400123, rd, NULL, &gpa), 0);
	cr_assert_eq(gpa, 0x800123);
	cr_assert_eq(gwalk_translate(&m, 0x5FFF, rd, NULL, &gpa), 0);
	cr_assert_eq(gpa, 0x9FFF);
	cr_assert_eq(gwalk_translate(&m, 0x6000, rd, NULL, &gpa), -1);
	/* a fetch across 0x5FFE..0x6001 fails on the unmapped page */
	cr_assert_eq(gwalk_fetch(&m, 0x5FFE, buf, 4, rd, NULL), -1);
	gmem[0x9FFE] = 0xAB;
	gmem[0x9FFF] = 0xCD;
	cr_assert_eq(gwalk_fetch(&m, 0x5FFE, buf, 2, rd, NULL), 0);
	cr_assert_eq(buf[0], 0xAB);
	cr_assert_eq(buf[1], 0xCD);
}

Test(gwalk, tables_outside_guest_memory_fail)
{
	struct gwalk_mode m = {
	    .cr0 = 1ull << 31, .cr3 = 0x1000, .cr4 = 1 << 5, .efer = 1 << 10};
	uint64_t gpa;

	put64(0x1000, 0x7FFFFFFF000ull | 1);
	cr_assert_eq(gwalk_translate(&m, 0, rd, NULL, &gpa), -1);
}

Test(gwalk, legacy_32bit_paging)
{
	/* PD at 0x1000: PDE[1] 4M page at 0x800000 (PSE); PDE[0] -> PT
	 * 0x2000, PTE[3] -> 0x7000. */
	struct gwalk_mode m = {.cr0 = 1ull << 31, .cr3 = 0x1000, .cr4 = 1 << 4};
	uint64_t gpa;

	put32(0x1000 + 4, 0x800000 | 0x81);
	put32(0x1000, 0x2000 | 1);
	put32(0x2000 + 3 * 4, 0x7000 | 1);
	cr_assert_eq(gwalk_translate(&m, 0x400010, rd, NULL, &gpa), 0);
	cr_assert_eq(gpa, 0x800010);
	cr_assert_eq(gwalk_translate(&m, 0x3004, rd, NULL, &gpa), 0);
	cr_assert_eq(gpa, 0x7004);
}

Test(gwalk, pae_paging)
{
	struct gwalk_mode m = {.cr0 = 1ull << 31, .cr3 = 0x1000, .cr4 = 1 << 5};
	uint64_t gpa;

	put64(0x1000, 0x2000 | 1); /* PDPTE 0 */
	put64(0x2000, 0x3000 | 1); /* PDE 0 -> PT */
	put64(0x3000 + 8, 0xA000 | 1);
	cr_assert_eq(gwalk_translate(&m, 0x1008, rd, NULL, &gpa), 0);
	cr_assert_eq(gpa, 0xA008);
}

Test(cpuid, hides_what_is_not_virtualized)
{
	uint32_t r[4] = {0, 0x12345678, 0xFFFFFFFF, 0xFFFFFFFF};

	cpuid_filter(1, 0, r);
	cr_assert_eq(r[1] >> 24, 0, "APIC ID leaks");
	cr_assert_eq(r[2] & (1u << 5), 0, "VMX shown");
	cr_assert_eq(r[2] & (1u << 21), 0, "x2APIC shown");
	cr_assert_eq(r[2] & (1u << 3), 0, "MONITOR shown");
	cr_assert_neq(r[2] & (1u << 31), 0, "hypervisor bit missing");
	r[2] = 0xFFFFFFFF;
	cpuid_filter(0x80000001, 0, r);
	cr_assert_eq(r[2] & (1u << 2), 0, "SVM shown");
	r[0] = r[1] = r[2] = r[3] = 0xFFFFFFFF;
	cpuid_filter(0x8000000A, 0, r);
	cr_assert_eq(r[0] | r[1] | r[2] | r[3], 0, "SVM leaf shown");
	cpuid_filter(0x40000000, 0, r);
	cr_assert_eq(r[1], 0x4B68734B);
}

Test(kfmt, formats)
{
	char b[64];

	ksnprintf(b, sizeof(b), "%s %d %u %x %08lx %c%%", "a", -5, 7u, 255u,
		  0x1234ul, 'z');
	cr_assert_str_eq(b, "a -5 7 ff 00001234 z%");
	ksnprintf(b, sizeof(b), "%5d|%p|%lld", 42, (void *)0x10,
		  -1099511627776LL);
	cr_assert_str_eq(b, "   42|0x10|-1099511627776");
	cr_assert_eq(ksnprintf(b, 4, "%s", "abcdef"), 6);
	cr_assert_str_eq(b, "abc");
}

Test(kpool, bump_and_refuse)
{
	void *mem = aligned_alloc(4096, 4 * 4096);
	struct kpool p = {(uint64_t)(uintptr_t)mem, 4 * 4096, 0};
	uint64_t hpa;

	memset(mem, 0xAA, 4 * 4096);
	cr_assert_not_null(kpool_alloc(&p, 3, &hpa));
	cr_assert_eq(hpa, (uint64_t)(uintptr_t)mem);
	cr_assert_eq(((uint8_t *)mem)[5], 0, "not zeroed");
	cr_assert_null(kpool_alloc(&p, 2, NULL));
	cr_assert_null(kpool_alloc(&p, 0, NULL));
	cr_assert_null(kpool_alloc(&p, SIZE_MAX / 4096, NULL));
	cr_assert_not_null(kpool_alloc(&p, 1, NULL));
	free(mem);
}
