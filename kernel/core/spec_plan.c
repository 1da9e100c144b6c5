// SPDX-License-Identifier: MIT
/*
 * The mitigation decision (ksh/spec_ctrl.h): pure, from CPUID and
 * IA32_ARCH_CAPABILITIES values only, so every branch is unit-tested with
 * the values of CPUs the emulators do not model.
 *
 * Sources: Intel, "Speculative Execution Side Channel Mitigations" rev.
 * 3.0 (IBRS, IBPB, eIBRS); Intel deep dives "L1 Terminal Fault", "Intel
 * Analysis of Microarchitectural Data Sampling", "TSX Asynchronous Abort",
 * "Machine Check Error Avoidance on Page Size Change"; AMD, "Software
 * Techniques for Managing Speculation on AMD Processors" rev. 5.09.23;
 * AMD APM vol. 2 3.2.9 (Automatic IBRS).
 */
#include <ksh/kprintf.h>
#include <ksh/spec_ctrl.h>

/* Intel: the CPU is exposed to L1TF (CVE-2018-3646) unless it says
 * RDCL_NO; a hypervisor above us that already flushes says
 * SKIP_L1DFL_VMENTRY. AMD CPUs are not affected by L1TF, MDS or TAA (AMD
 * advisories AMD-SB-7, and the MDS and TAA statements). */
static enum spec_clear decide_clear(const struct spec_cpu *cpu, uint64_t caps,
				    bool tsx_off)
{
	bool tsx = (cpu->l7_ebx & (SPEC_L7_EBX_HLE | SPEC_L7_EBX_RTM)) != 0;
	bool l1tf =
	    !(caps & ARCH_CAP_RDCL_NO) && !(caps & ARCH_CAP_SKIP_L1DFL_VMENTRY);
	bool mds = !(caps & ARCH_CAP_MDS_NO);
	bool taa = tsx && !tsx_off && !(caps & ARCH_CAP_TAA_NO);

	if (!cpu->intel)
		return SPEC_CLEAR_NONE;
	/* The L1D flush also overwrites the buffers VERW clears on CPUs
	 * that enumerate MD_CLEAR (Intel MDS analysis, "Mitigation for
	 * virtualization"), so it covers MDS and TAA too there. */
	if (l1tf)
		return (cpu->l7_edx & SPEC_L7_EDX_L1D_FLUSH)
			   ? SPEC_CLEAR_L1D
			   : SPEC_CLEAR_NO_CTL;
	if (mds || taa)
		return (cpu->l7_edx & SPEC_L7_EDX_MD_CLEAR) ? SPEC_CLEAR_VERW
							    : SPEC_CLEAR_NO_CTL;
	return SPEC_CLEAR_NONE;
}

void spec_plan_decide(const struct spec_cpu *cpu, struct spec_plan *plan)
{
	/* The MSR means nothing unless CPUID says it exists. */
	uint64_t caps =
	    (cpu->l7_edx & SPEC_L7_EDX_ARCH_CAPS) ? cpu->arch_caps : 0;
	bool spec_ctrl = (cpu->l7_edx & SPEC_L7_EDX_SPEC_CTRL) != 0;

	plan->ibpb = (cpu->intel && spec_ctrl) ||
		     (cpu->amd && (cpu->e8_ebx & SPEC_E8_EBX_IBPB));
	plan->bti = SPEC_BTI_RETPOLINE;
	if (cpu->intel && spec_ctrl && (caps & ARCH_CAP_IBRS_ALL))
		plan->bti = SPEC_BTI_EIBRS;
	else if (cpu->amd && (cpu->e21_eax & SPEC_E21_EAX_AUTOIBRS))
		plan->bti = SPEC_BTI_AUTOIBRS;
	/* Guests never see TSX (cpuid_filter.c); where the CPU lets us,
	 * RTM is also switched off so that hiding it is enforced and TAA
	 * (CVE-2019-11135) has nothing to work with. */
	plan->tsx_disable = cpu->intel && (caps & ARCH_CAP_TSX_CTRL);
	plan->clear = decide_clear(cpu, caps, plan->tsx_disable);
	/* iTLB multihit (CVE-2018-12207): on Intel CPUs without
	 * PSCHANGE_MC_NO, a guest that changes the size of an executable
	 * page can machine-check the host; executable guest memory is then
	 * mapped with 4 KiB nested leaves only. */
	plan->exec_2m_ok = !cpu->intel || (caps & ARCH_CAP_PSCHANGE_MC_NO);
	/* AMD FXSAVE writes FIP, FDP and FOP only while an x87 exception is
	 * pending, and FXRSTOR then leaves the previous ones live
	 * (CVE-2006-1056; AMD APM vol. 5 FXSAVE), unless CPUID says the
	 * pointers are always saved. */
	plan->fpu_ptr_scrub =
	    cpu->amd && !(cpu->e8_ebx & SPEC_E8_EBX_XSAVEERPTR);
}

static const char *const bti_names[] = {
    [SPEC_BTI_RETPOLINE] = "retpoline",
    [SPEC_BTI_EIBRS] = "retpoline+eibrs",
    [SPEC_BTI_AUTOIBRS] = "retpoline+autoibrs",
};

static const char *const clear_names[] = {
    [SPEC_CLEAR_NONE] = "none",
    [SPEC_CLEAR_L1D] = "l1d-flush",
    [SPEC_CLEAR_VERW] = "verw",
    [SPEC_CLEAR_NO_CTL] = "VULNERABLE(no-microcode-control)",
};

int spec_plan_format(const struct spec_plan *plan, char *buf, uint32_t size)
{
	return ksnprintf(buf, size,
			 "ibpb=%s bti=%s rsb=fill32 clear=%s tsx=%s exec2m=%s "
			 "x87ptr=%s",
			 plan->ibpb ? "switch" : "unavailable",
			 bti_names[plan->bti], clear_names[plan->clear],
			 plan->tsx_disable ? "off" : "hidden",
			 plan->exec_2m_ok ? "allowed" : "4k-only",
			 plan->fpu_ptr_scrub ? "scrub" : "saved");
}
