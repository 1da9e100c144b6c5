// SPDX-License-Identifier: MIT
/*
 * VMX capability checks: which controls we need, whether this CPU allows
 * them, and the control values to run with. Pure C (no MSR access): the
 * MSR values come in a struct vmx_caps, so the checks run in host unit
 * tests against the values of real and emulated CPUs.
 */
#include "vmx.h"

bool vmx_ctl_adjust(uint64_t cap, uint32_t want, uint32_t *out)
{
	uint32_t allowed0 = (uint32_t)cap; /* 1 here: the bit must be 1 */
	uint32_t allowed1 = (uint32_t)(cap >> 32); /* 0 here: must be 0 */

	if (want & ~allowed1)
		return false;
	*out = (want | allowed0) & allowed1;
	return true;
}

/* One required control bit: fails naming the feature (SDM 25.6-25.8 and
 * the allowed-1 settings of appendix A.3-A.5). */
struct vmx_need {
	uint32_t bit;
	const char *name;
};

static bool vmx_need_all(uint64_t cap, const struct vmx_need *need, int n,
			 uint32_t *ctl, const char **missing)
{
	uint32_t want = 0;

	for (int i = 0; i < n; i++) {
		if (!((cap >> 32) & need[i].bit)) {
			*missing = need[i].name;
			return false;
		}
		want |= need[i].bit;
	}
	return vmx_ctl_adjust(cap, want, ctl);
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Pin-based controls (SDM 25.6.1): the kernel owns physical interrupts
 * and NMIs, so both must exit. */
static const struct vmx_need vmx_pin_need[] = {
    {PIN_EXT_INTR_EXIT, "external-interrupt exiting"},
    {PIN_NMI_EXIT, "NMI exiting"},
};

/* Primary processor-based controls (SDM 25.6.2). Interrupt-window
 * exiting is not set at start but turned on when an injection is
 * blocked, so it must be allowed too (checked separately below). */
static const struct vmx_need vmx_proc_need[] = {
    {PROC_HLT_EXIT, "HLT exiting"},
    /* The performance counters are the host's and not switched (a side
	 * channel): RDPMC exits and stops the domain, as on SVM. */
    {PROC_RDPMC_EXIT, "RDPMC exiting"},
    /* CR8 is the local APIC's task priority (SDM 10.8.6.1): without
	 * these a guest would set the host's. */
    {PROC_CR8_LOAD, "CR8-load exiting"},
    {PROC_CR8_STORE, "CR8-store exiting"},
    /* DR0-3 and DR6 are not switched by VM entry/exit (only DR7 is,
	 * SDM 27.3.1.1): a guest's breakpoints would be another's. */
    {PROC_MOV_DR_EXIT, "MOV-DR exiting"},
    /* MONITOR/MWAIT are hidden from CPUID; a guest must not sleep the
	 * physical CPU with them (as the SVM backend intercepts them). */
    {PROC_MWAIT_EXIT, "MWAIT exiting"},
    {PROC_MONITOR_EXIT, "MONITOR exiting"},
    {PROC_IO_BITMAPS, "I/O bitmaps"},
    {PROC_MSR_BITMAPS, "MSR bitmaps"},
    /* EPT, VPID and unrestricted guest are secondary controls: without
	 * them there is no EPT, which is what we name. */
    {PROC_SECONDARY, "EPT"},
};

/* Secondary controls (SDM 25.6.2, table 25-7), in the order named. */
static const struct vmx_need vmx_proc2_need[] = {
    {PROC2_EPT, "EPT"},
    {PROC2_UNRESTRICT, "unrestricted guest"},
    {PROC2_VPID, "VPID"},
    /* WBINVD/WBNOINVD flush every cache line of the physical CPU, the
	 * other domains' included: a covert channel and a stall past the
	 * guest's frame. They exit and are dropped (exit.c). */
    {PROC2_WBINVD, "WBINVD exiting"},
};

/* VM-exit controls (SDM 25.7.1): a 64-bit host, and EFER/PAT switched by
 * the processor so a guest never runs with host values or vice versa. */
static const struct vmx_need vmx_exit_need[] = {
    {EXIT_HOST_64, "64-bit host address space"},
    {EXIT_SAVE_EFER, "save IA32_EFER on exit"},
    {EXIT_LOAD_EFER, "load IA32_EFER on exit"},
    {EXIT_SAVE_PAT, "save IA32_PAT on exit"},
    {EXIT_LOAD_PAT, "load IA32_PAT on exit"},
};

/* VM-entry controls (SDM 25.8.1). IA-32e mode guest is set per vCPU. */
static const struct vmx_need vmx_entry_need[] = {
    {ENTRY_IA32E_GUEST, "IA-32e mode guest"},
    {ENTRY_LOAD_EFER, "load IA32_EFER on entry"},
    {ENTRY_LOAD_PAT, "load IA32_PAT on entry"},
};

int vmx_caps_check(const struct vmx_caps *c, struct vmx_config *cfg,
		   const char **missing)
{
	struct vmx_config k = {0};
	uint32_t dummy;

	/* CPUID.1:ECX.VMX[bit 5] (SDM 24.6). */
	if (!c->cpuid_vmx) {
		*missing = "VMX";
		return -1;
	}
	/* VMXON outside SMX must be enabled in IA32_FEATURE_CONTROL; once
	 * locked only a reset changes it (SDM 24.7). cpu_enable sets it
	 * when the firmware left the MSR unlocked. */
	if ((c->feature_control & FEATCTL_LOCK) &&
	    !(c->feature_control & FEATCTL_VMXON_NOSMX)) {
		*missing = "VMX (disabled by firmware: IA32_FEATURE_CONTROL "
			   "locked without VMXON outside SMX)";
		return -1;
	}
	/* VMCS and VMXON regions in write-back memory anywhere in the
	 * physical address space, at most 4 KiB (SDM A.1). */
	if (VMX_BASIC_MEMTYPE(c->basic) != VMX_MEMTYPE_WB) {
		*missing = "write-back VMCS memory type";
		return -1;
	}
	if (c->basic & VMX_BASIC_32BIT_ADDR) {
		*missing = "64-bit VMCS addresses";
		return -1;
	}
	if (VMX_BASIC_REGION_SIZE(c->basic) == 0 ||
	    VMX_BASIC_REGION_SIZE(c->basic) > 4096) {
		*missing = "VMCS region of at most 4 KiB";
		return -1;
	}
	k.revision = VMX_BASIC_REVISION(c->basic);

	if (!vmx_need_all(c->pin, vmx_pin_need, N(vmx_pin_need), &k.pin,
			  missing))
		return -1;
	if (!vmx_need_all(c->proc, vmx_proc_need, N(vmx_proc_need), &k.proc,
			  missing))
		return -1;
	/* Interrupt-window exiting, turned on when an injection is blocked
	 * (SDM 26.7.5). */
	if (!vmx_ctl_adjust(c->proc, k.proc | PROC_INTR_WINDOW, &dummy)) {
		*missing = "interrupt-window exiting";
		return -1;
	}
	/* CR3-load/store exiting are not asked for: with EPT the guest owns
	 * CR3. They are default-1 in the legacy MSR; the TRUE_ MSR (given
	 * here when IA32_VMX_BASIC[55] is set) lets them be 0 (SDM A.3.2). */
	if (!vmx_need_all(c->proc2, vmx_proc2_need, N(vmx_proc2_need), &k.proc2,
			  missing))
		return -1;
	/* Optional: RDTSCP and INVPCID would #UD in the guest without
	 * these even where CPUID (which the kernel answers) reports them
	 * (SDM 25.3). */
	k.proc2 |= (uint32_t)(c->proc2 >> 32) & (PROC2_RDTSCP | PROC2_INVPCID);

	/* EPT structure and invalidation (SDM A.10, 29.3, 29.4.3.1). */
	if (!(c->ept_vpid & EPT_CAP_WALK4)) {
		*missing = "EPT 4-level page walk";
		return -1;
	}
	if (!(c->ept_vpid & EPT_CAP_WB)) {
		*missing = "EPT write-back memory type";
		return -1;
	}
	if (!(c->ept_vpid & EPT_CAP_2M)) {
		*missing = "EPT 2 MiB pages";
		return -1;
	}
	if (!(c->ept_vpid & EPT_CAP_INVEPT) ||
	    !(c->ept_vpid & (EPT_CAP_INVEPT_SINGLE | EPT_CAP_INVEPT_ALL))) {
		*missing = "INVEPT";
		return -1;
	}
	if (!(c->ept_vpid & VPID_CAP_INVVPID) ||
	    !(c->ept_vpid & (VPID_CAP_SINGLE | VPID_CAP_ALL))) {
		*missing = "INVVPID";
		return -1;
	}
	k.exec_only = (c->ept_vpid & EPT_CAP_EXEC_ONLY) != 0;
	k.invept_single = (c->ept_vpid & EPT_CAP_INVEPT_SINGLE) != 0;
	k.invvpid_single = (c->ept_vpid & VPID_CAP_SINGLE) != 0;

	if (!vmx_need_all(c->exit, vmx_exit_need, N(vmx_exit_need), &k.exit,
			  missing))
		return -1;
	if (!vmx_need_all(c->entry, vmx_entry_need, N(vmx_entry_need), &k.entry,
			  missing))
		return -1;
	/* IA-32e mode guest is chosen per vCPU from its start mode. */
	k.entry &= ~ENTRY_IA32E_GUEST;
	if ((uint32_t)c->entry & ENTRY_IA32E_GUEST) {
		*missing = "32-bit guest entry (IA-32e mode guest is fixed 1)";
		return -1;
	}

	/* CR0/CR4 fixed bits (SDM A.7, A.8). Unrestricted guest lifts the
	 * PE and PG requirement for the guest (SDM 26.3.1.1). */
	k.cr0_fixed0 = c->cr0_fixed0;
	k.cr0_fixed1 = c->cr0_fixed1;
	k.cr4_fixed0 = c->cr4_fixed0;
	k.cr4_fixed1 = c->cr4_fixed1;
	*cfg = k;
	return 0;
}

/* VM-instruction error numbers (SDM 31.4, table 31-1). */
static const char *const vmx_insn_errors[] = {
    [1] = "VMCALL executed in VMX root operation",
    [2] = "VMCLEAR with invalid physical address",
    [3] = "VMCLEAR with VMXON pointer",
    [4] = "VMLAUNCH with non-clear VMCS",
    [5] = "VMRESUME with non-launched VMCS",
    [6] = "VMRESUME after VMXOFF",
    [7] = "VM entry with invalid control field(s)",
    [8] = "VM entry with invalid host-state field(s)",
    [9] = "VMPTRLD with invalid physical address",
    [10] = "VMPTRLD with VMXON pointer",
    [11] = "VMPTRLD with incorrect VMCS revision identifier",
    [12] = "VMREAD/VMWRITE from/to unsupported VMCS component",
    [13] = "VMWRITE to read-only VMCS component",
    [15] = "VMXON executed in VMX root operation",
    [16] = "VM entry with invalid executive-VMCS pointer",
    [17] = "VM entry with non-launched executive VMCS",
    [18] = "VM entry with executive-VMCS pointer not VMXON pointer",
    [19] = "VMCALL with non-clear VMCS",
    [20] = "VMCALL with invalid VM-exit control fields",
    [22] = "VMCALL with incorrect MSEG revision identifier",
    [23] = "VMXOFF under dual-monitor treatment of SMIs and SMM",
    [24] = "VMCALL with invalid SMM-monitor features",
    [25] = "VM entry with invalid VM-execution control fields in "
	   "executive VMCS",
    [26] = "VM entry with events blocked by MOV SS",
    [28] = "Invalid operand to INVEPT/INVVPID",
};

const char *vmx_insn_error_name(uint32_t err)
{
	if (err < N(vmx_insn_errors) && vmx_insn_errors[err])
		return vmx_insn_errors[err];
	return "unknown VM-instruction error";
}
