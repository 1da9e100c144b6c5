// SPDX-License-Identifier: MIT
/*
 * The guest CR4 policy (kernel/arch/x86_64/emul/cr4_policy.c) against the CPUID filter
 * (kernel/arch/x86_64/emul/cpuid_filter.c), and the MOV-to-CR decoder
 * (kernel/arch/x86_64/emul/insn_cr.c).
 */
#include <criterion/criterion.h>
#include <ksh/cpuid_filter.h>
#include <ksh/cr4_policy.h>
#include <ksh/insn_cr.h>

#include <stddef.h>

/* What a guest may set on a CPU that has every feature: the host answers
 * all ones, the filter hides what the kernel does not switch. */
static uint64_t allowed_on_everything_cpu(void)
{
	uint32_t l1[4] = {~0u, ~0u, ~0u, ~0u}, l7[4] = {~0u, ~0u, ~0u, ~0u};

	cpuid_filter(1, 0, l1);
	cpuid_filter(7, 0, l7);
	return cr4_allowed(&(struct cr4_cpuid){.l1_ecx = l1[2],
					       .l1_edx = l1[3],
					       .l7_ebx = l7[1],
					       .l7_ecx = l7[2]});
}

Test(cr4_policy, hidden_features_are_refused)
{
	uint64_t a = allowed_on_everything_cpu();

	/* PKRU, XSAVE state, CET, PKS, Key Locker: not switched. */
	cr_assert_eq(a & CR4_PKE, 0, "PKE allowed");
	cr_assert_eq(a & CR4_OSXSAVE, 0, "OSXSAVE allowed with XSAVE hidden");
	cr_assert_eq(a & CR4_CET, 0, "CET allowed");
	cr_assert_eq(a & CR4_PKS, 0, "PKS allowed");
	cr_assert_eq(a & CR4_KL, 0, "KL allowed");
	/* No nested virtualization; MCE hidden from CPUID. */
	cr_assert_eq(a & (CR4_VMXE | CR4_SMXE | CR4_MCE), 0);
	/* Reserved bits (15, 25 and up) never. */
	cr_assert_eq(a & ((1ull << 15) | ~((1ull << 25) - 1)), 0);
}

Test(cr4_policy, offered_features_are_allowed)
{
	uint64_t a = allowed_on_everything_cpu();
	const uint64_t want = CR4_VME | CR4_PVI | CR4_TSD | CR4_DE | CR4_PSE |
			      CR4_PAE | CR4_PGE | CR4_PCE | CR4_OSFXSR |
			      CR4_OSXMMEXCPT | CR4_UMIP | CR4_LA57 |
			      CR4_FSGSBASE | CR4_PCIDE | CR4_SMEP | CR4_SMAP;

	cr_assert_eq(a, want, "allowed %llx, want %llx", (unsigned long long)a,
		     (unsigned long long)want);
}

Test(cr4_policy, follows_the_cpu)
{
	/* A CPU without PGE, SMEP or PKU: none of them may be set. */
	struct cr4_cpuid c = {.l1_edx = 1u << 6 /* PAE */};
	uint64_t a = cr4_allowed(&c);

	cr_assert_eq(a, CR4_PAE | CR4_PCE);
}

Test(cr4_policy, check)
{
	uint64_t a = allowed_on_everything_cpu();
	struct cr4_write w = {.old = CR4_PAE,
			      .value = CR4_PAE | CR4_PGE | CR4_OSFXSR,
			      .long_mode = true};

	cr_assert_null(cr4_check(&w, a));
	w.value = CR4_PAE | CR4_PKE;
	cr_assert_not_null(cr4_check(&w, a), "PKE let through");
	w.value = CR4_PAE | CR4_OSXSAVE;
	cr_assert_not_null(cr4_check(&w, a), "OSXSAVE let through");
	w.value = CR4_PAE | (1ull << 40);
	cr_assert_not_null(cr4_check(&w, a), "reserved bit let through");
	w.value = 0;
	cr_assert_not_null(cr4_check(&w, a), "PAE cleared in long mode");
	w.value = CR4_PAE | CR4_LA57;
	cr_assert_not_null(cr4_check(&w, a), "LA57 changed in long mode");
	w.value = CR4_PAE | CR4_PCIDE;
	w.cr3 = 0x1001;
	cr_assert_not_null(cr4_check(&w, a), "PCIDE with CR3[11:0] != 0");
	w.cr3 = 0x1000;
	cr_assert_null(cr4_check(&w, a));
	w.long_mode = false;
	w.old = 0;
	w.value = CR4_PCIDE;
	cr_assert_not_null(cr4_check(&w, a), "PCIDE outside long mode");
	w.value = CR4_PSE;
	cr_assert_null(cr4_check(&w, a), "PAE may be clear outside long mode");
	w.cpl = 3;
	cr_assert_not_null(cr4_check(&w, a), "CPL 3 let through");
}

Test(cr4_policy, tlb_flush)
{
	cr_assert(cr4_flushes_tlb(CR4_PAE | CR4_PGE, CR4_PAE));
	cr_assert(cr4_flushes_tlb(CR4_PAE | CR4_PCIDE, CR4_PAE));
	cr_assert(!cr4_flushes_tlb(CR4_PAE, CR4_PAE | CR4_PCIDE));
	cr_assert(!cr4_flushes_tlb(CR4_PAE, CR4_PAE | CR4_OSFXSR));
}

Test(insn_cr, mov_to_cr4)
{
	const uint8_t rax[] = {0x0F, 0x22, 0xE0};      /* mov %rax,%cr4 */
	const uint8_t rdi[] = {0x0F, 0x22, 0xE7};      /* mov %rdi,%cr4 */
	const uint8_t r9[] = {0x41, 0x0F, 0x22, 0xE1}; /* mov %r9,%cr4 */
	uint8_t gpr = 0xFF;

	cr_assert_eq(insn_mov_to_cr(rax, 3, true, 4, &gpr), 3);
	cr_assert_eq(gpr, 0);
	cr_assert_eq(insn_mov_to_cr(rdi, 3, true, 4, &gpr), 3);
	cr_assert_eq(gpr, 7);
	cr_assert_eq(insn_mov_to_cr(r9, 4, true, 4, &gpr), 4);
	cr_assert_eq(gpr, 9);
	/* Outside 64-bit mode 0x41 is INC ECX, not a prefix. */
	cr_assert_eq(insn_mov_to_cr(r9, 4, false, 4, &gpr), -1);
}

Test(insn_cr, refuses_other_bytes)
{
	const uint8_t cr3[] = {0x0F, 0x22, 0xD8};	 /* mov %rax,%cr3 */
	const uint8_t cr12[] = {0x44, 0x0F, 0x22, 0xE0}; /* REX.R: CR12 */
	const uint8_t from[] = {0x0F, 0x20, 0xE0};	 /* mov %cr4,%rax */
	const uint8_t lock[] = {0xF0, 0x0F, 0x22, 0xE0};
	uint8_t gpr;

	cr_assert_eq(insn_mov_to_cr(cr3, 3, true, 4, &gpr), -1);
	cr_assert_eq(insn_mov_to_cr(cr12, 4, true, 4, &gpr), -1);
	cr_assert_eq(insn_mov_to_cr(from, 3, true, 4, &gpr), -1);
	cr_assert_eq(insn_mov_to_cr(lock, 4, true, 4, &gpr), -1);
	cr_assert_eq(insn_mov_to_cr(cr3, 2, true, 3, &gpr), -1);
	cr_assert_eq(insn_mov_to_cr(cr3, 3, true, 3, &gpr), 3);
}
