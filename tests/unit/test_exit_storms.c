// SPDX-License-Identifier: MIT
/* Unit tests for the exits that keep exception and cache-flush storms off
 * the CPU: the VMX decoding of #DB (DR6 bits from the qualification, INT1
 * delivered after the instruction) and of WBINVD exits, WBINVD exiting as
 * a required control, the lengths of the instructions SVM decodes without
 * next-RIP (WBINVD, WBNOINVD, ICEBP, RDPRU), and RDPRU hidden from CPUID
 * (Fn8000_0008 EBX[4]). */
#include <criterion/criterion.h>
#include <string.h>

#include <ksh/cpuid_filter.h>
#include <ksh/insn.h>
#include <ksh/tables.h>

#include "../../kernel/arch/x86_64/vmx/vmx.h"
#include "vmx_caps_fixture.h"

static struct vm_exit decode(struct vmx_exit_raw r)
{
	struct vm_exit e;

	memset(&e, 0xa5, sizeof(e));
	vmx_exit_decode(&r, &e);
	return e;
}

Test(exit_storms, vmx_db_single_step_carries_dr6_bits)
{
	/* #DB, hardware exception (type 3): BS (bit 14) and B1 in the
	 * qualification; bits outside DR6's trap bits are dropped. */
	struct vm_exit e = decode((struct vmx_exit_raw){.reason = 0,
							.intr_info = 0x80000301,
							.qual = 0x4002 | 0x100,
							.rip = 0x2000,
							.insn_len = 0});
	cr_assert_eq(e.reason, VMEXIT_EXCEPTION);
	cr_assert_eq(e.u.exc.vector, 1);
	cr_assert_eq(e.u.exc.dr6, 0x4002);
	cr_assert_not(e.u.exc.soft);
	cr_assert_eq(e.next_rip, 0);
}

Test(exit_storms, vmx_icebp_is_delivered_after_the_instruction)
{
	/* INT1: privileged software exception (type 5), length 1. */
	struct vm_exit e = decode((struct vmx_exit_raw){.reason = 0,
							.intr_info = 0x80000501,
							.rip = 0x3000,
							.insn_len = 1});
	cr_assert_eq(e.reason, VMEXIT_EXCEPTION);
	cr_assert_eq(e.u.exc.vector, 1);
	cr_assert(e.u.exc.soft);
	cr_assert_eq(e.next_rip, 0x3001);
	cr_assert_eq(e.u.exc.dr6, 0);
}

Test(exit_storms, vmx_ac_has_its_error_code)
{
	struct vm_exit e = decode((struct vmx_exit_raw){
	    .reason = 0, .intr_info = 0x80000b11, .intr_err = 0});
	cr_assert_eq(e.reason, VMEXIT_EXCEPTION);
	cr_assert_eq(e.u.exc.vector, 17);
	cr_assert(e.u.exc.has_error);
	cr_assert_eq(e.u.exc.error_code, 0);
	cr_assert_not(e.u.exc.soft);
}

Test(exit_storms, vmx_wbinvd_exit)
{
	struct vm_exit e = decode(
	    (struct vmx_exit_raw){.reason = 54, .rip = 0x100, .insn_len = 3});
	cr_assert_eq(e.reason, VMEXIT_WBINVD);
	cr_assert_eq(e.next_rip, 0x103);
}

Test(exit_storms, vmx_wbinvd_exiting_is_required)
{
	struct vmx_caps c = skylake(); /* Bochs corei7_skylake_x */
	struct vmx_config cfg;
	const char *why = NULL;

	cr_assert_eq(vmx_caps_check(&c, &cfg, &why), 0);
	cr_assert(cfg.proc2 & (1u << 6), "WBINVD exiting not set");
	c.proc2 &= ~(1ull << (32 + 6));
	cr_assert_neq(vmx_caps_check(&c, &cfg, &why), 0);
	cr_assert_str_eq(why, "WBINVD exiting");
}

Test(exit_storms, insn_lengths)
{
	const uint8_t wbinvd[] = {0x0F, 0x09};
	const uint8_t wbnoinvd[] = {0xF3, 0x0F, 0x09};
	const uint8_t icebp[] = {0xF1};
	const uint8_t rdpru[] = {0x0F, 0x01, 0xFD};

	cr_assert_eq(insn_len(wbinvd, 2, INSN_WBINVD, true), 2);
	cr_assert_eq(insn_len(wbnoinvd, 3, INSN_WBINVD, true), 3);
	cr_assert_eq(insn_len(icebp, 1, INSN_ICEBP, false), 1);
	cr_assert_eq(insn_len(rdpru, 3, INSN_RDPRU, true), 3);
	cr_assert_eq(insn_len(rdpru, 3, INSN_WBINVD, true), -1);
	cr_assert_eq(insn_len(wbinvd, 1, INSN_WBINVD, true), -1);
}

Test(exit_storms, rdpru_hidden_in_cpuid_80000008)
{
	uint32_t r[4] = {0x3030, 0xFFFFFFFFu, 0x1234, 0x5678};

	cpuid_filter(0x80000008u, 0, r);
	cr_assert_eq(r[1] & (1u << 4), 0, "RDPRU still offered: %x", r[1]);
	cr_assert_eq(r[1], 0xFFFFFFFFu & ~(1u << 4));
	cr_assert_eq(r[0], 0x3030);
	cr_assert_eq(r[2], 0x1234);
	cr_assert_eq(r[3], 0x5678);
}
