// SPDX-License-Identifier: MIT
/* Unit tests for what a Linux domain sees of the CPU (kernel/core/
 * msr_emul.c: the MSR set and the CPUID bits hidden to match it) and for
 * the MOV DRn decoder used when DR exits carry no decode information
 * (kernel/arch/x86_64/emul/insn_dr.c). */
#include <criterion/criterion.h>
#include <ksh/insn_dr.h>
#include <ksh/vdom.h>

Test(msr_emul, emulated_reads)
{
	uint64_t v = 99;

	cr_assert_eq(msr_emul_read(0x10, 123456789, &v), 0);
	cr_assert_eq(v, 123456789);
	cr_assert_eq(msr_emul_read(0xFE, 0, &v), 0);
	cr_assert_eq(v, 0, "MTRRcap: no variable ranges, no fixed, no WC");
	cr_assert_eq(msr_emul_read(0x2FF, 0, &v), 0);
	cr_assert_eq(v, 0x806, "MTRRdefType: enabled, default WB");
	cr_assert_eq(msr_emul_read(0x1A0, 0, &v), 0);
	cr_assert_eq(v, 1, "MISC_ENABLE: fast strings only");
	v = 5;
	cr_assert_eq(msr_emul_read(0xC0010055, 0, &v), 0);
	cr_assert_eq(v, 0, "no C1E (AMD erratum 400 check)");
	cr_assert_eq(msr_emul_read(0x8B, 0, &v), 0);
	cr_assert_eq(v, 0);
}

Test(msr_emul, everything_else_faults)
{
	/* APIC base (no LAPIC), MCG_CAP, HWCR, DE_CFG, perf counters,
	 * SPEC_CTRL, TSC_ADJUST, VM_CR, VM_HSAVE_PA, x2APIC range. */
	static const uint32_t refused[] = {
	    0x1B,	0x179,	    0xC0010015, 0xC0011029, 0xC0010000,
	    0x48,	0x3B,	    0xC0010114, 0xC0010117, 0x802,
	    0xC0000080, 0xFFFFFFFF, 0x0,
	};
	uint64_t v = 7;

	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		cr_assert_eq(msr_emul_read(refused[i], 0, &v), 1, "MSR %x",
			     refused[i]);
		cr_assert_eq(v, 7, "a refused read leaves the value alone");
		cr_assert_eq(msr_emul_write(refused[i], 0), 1, "MSR %x",
			     refused[i]);
	}
	/* Read-only emulated MSRs refuse writes, except the microcode
	 * revision's "write 0 then CPUID". */
	cr_assert_eq(msr_emul_write(0x10, 0), 1);
	cr_assert_eq(msr_emul_write(0x2FF, 0x806), 1);
	cr_assert_eq(msr_emul_write(0x1A0, 1), 1);
	cr_assert_eq(msr_emul_write(0x8B, 0), 0);
}

Test(vdom_cpuid, hides_what_is_not_emulated)
{
	uint32_t r[4] = {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF};

	vdom_cpuid(1, 0, r);
	cr_assert_eq(r[3] & (1u << 9), 0, "leaf 1 APIC");
	cr_assert_eq(r[3] & (1u << 4), 1u << 4, "TSC stays");
	r[1] = r[3] = 0xFFFFFFFF;
	vdom_cpuid(7, 0, r);
	cr_assert_eq(r[1] & 2, 0, "TSC_ADJUST");
	cr_assert_eq(r[3] & ((1u << 26) | (1u << 27) | (1u << 29) | (1u << 31)),
		     0, "speculation-control MSRs");
	r[2] = r[3] = 0xFFFFFFFF;
	vdom_cpuid(0x80000001, 0, r);
	cr_assert_eq(r[3] & (1u << 9), 0, "extended APIC bit");
	cr_assert_eq(r[2] & ((1u << 10) | (1u << 23) | (1u << 24)), 0,
		     "IBS and extended performance counters");
	cr_assert_eq(r[2] & 1, 1, "LAHF/SAHF stays");
	r[1] = 0xFFFFFFFF;
	vdom_cpuid(0x80000008, 0, r);
	cr_assert_eq(r[1] & ((1u << 12) | (1u << 14) | (1u << 24)), 0);
	r[0] = r[1] = r[2] = r[3] = 0xFFFFFFFF;
	vdom_cpuid(0x8000001E, 0, r);
	cr_assert(r[0] == 0 && r[1] == 0 && r[2] == 0 && r[3] == 0);
	r[0] = r[1] = r[2] = r[3] = 0x1234;
	vdom_cpuid(0, 0, r);
	cr_assert(r[0] == 0x1234 && r[3] == 0x1234, "other leaves untouched");
}

Test(insn_dr, reads_and_writes)
{
	/* mov %rdi,%db7 (Linux native_set_debugreg) */
	const uint8_t w7[] = {0x0F, 0x23, 0xFF};
	/* mov %db6,%rax */
	const uint8_t r6[] = {0x0F, 0x21, 0xF0};
	/* mov %r9,%db0 (REX.B) */
	const uint8_t w0_r9[] = {0x41, 0x0F, 0x23, 0xC1};
	struct insn_dr d;

	cr_assert_eq(insn_mov_dr(w7, 3, true, &d), 3);
	cr_assert(d.write && d.dr == 7 && d.gpr == 7);
	cr_assert_eq(insn_mov_dr(r6, 3, true, &d), 3);
	cr_assert(!d.write && d.dr == 6 && d.gpr == 0);
	cr_assert_eq(insn_mov_dr(w0_r9, 4, true, &d), 4);
	cr_assert(d.write && d.dr == 0 && d.gpr == 9);
	/* Outside 64-bit mode 0x41 is INC ECX, not a prefix. */
	cr_assert_eq(insn_mov_dr(w0_r9, 4, false, &d), -1);
}

Test(insn_dr, refuses_other_bytes)
{
	const uint8_t rex_r[] = {0x44, 0x0F, 0x23, 0xC1}; /* DR8: #UD */
	const uint8_t mov_cr[] = {0x0F, 0x22, 0xD8};	  /* mov to CR3 */
	const uint8_t short_[] = {0x0F, 0x23};
	struct insn_dr d;

	cr_assert_eq(insn_mov_dr(rex_r, 4, true, &d), -1);
	cr_assert_eq(insn_mov_dr(mov_cr, 3, true, &d), -1);
	cr_assert_eq(insn_mov_dr(short_, 2, true, &d), -1);
	cr_assert_eq(insn_mov_dr(short_, 0, true, &d), -1);
}
