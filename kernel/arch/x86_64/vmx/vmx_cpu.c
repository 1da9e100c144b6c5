// SPDX-License-Identifier: MIT
/*
 * VMX bring-up on this CPU: reading the capability MSRs (probe) and
 * entering VMX root operation (cpu_enable), by the Intel SDM vol. 3,
 * chapter 24 ("Introduction to VMX operation") and appendix A.
 */
#include "vmx_cpu.h"

#include "vmx_hw.h"

struct vmx_config vmx_cfg;
static bool vmx_cfg_ok;

/* The VMXON region (SDM 25.11.5): 4 KiB aligned, revision identifier in
 * its first word. One per physical CPU; the kernel runs its vCPUs on the
 * boot CPU. */
static uint8_t vmx_on_region[4096] __attribute__((aligned(4096)));
static bool vmx_on_done;

/* Reads what the capability MSRs say. The VMX MSRs exist only when
 * CPUID says VMX (reading them otherwise raises #GP), and the secondary
 * and EPT/VPID MSRs only when the controls that enable them can be 1
 * (SDM A.3.3, A.10). */
static void vmx_read_caps(struct vmx_caps *c)
{
	uint32_t a, b, cx, d;

	*c = (struct vmx_caps){0};
	vmx_cpuid(1, &a, &b, &cx, &d);
	c->cpuid_vmx = (cx >> 5) & 1u;
	if (!c->cpuid_vmx)
		return;
	c->feature_control = vmx_rdmsr(MSR_IA32_FEATURE_CONTROL);
	c->basic = vmx_rdmsr(MSR_IA32_VMX_BASIC);
	if (c->basic & VMX_BASIC_TRUE_CTLS) {
		c->pin = vmx_rdmsr(MSR_IA32_VMX_TRUE_PINBASED);
		c->proc = vmx_rdmsr(MSR_IA32_VMX_TRUE_PROCBASED);
		c->exit = vmx_rdmsr(MSR_IA32_VMX_TRUE_EXIT);
		c->entry = vmx_rdmsr(MSR_IA32_VMX_TRUE_ENTRY);
	} else {
		c->pin = vmx_rdmsr(MSR_IA32_VMX_PINBASED_CTLS);
		c->proc = vmx_rdmsr(MSR_IA32_VMX_PROCBASED_CTLS);
		c->exit = vmx_rdmsr(MSR_IA32_VMX_EXIT_CTLS);
		c->entry = vmx_rdmsr(MSR_IA32_VMX_ENTRY_CTLS);
	}
	if ((c->proc >> 32) & PROC_SECONDARY)
		c->proc2 = vmx_rdmsr(MSR_IA32_VMX_PROCBASED_CTLS2);
	if ((c->proc2 >> 32) & (PROC2_EPT | PROC2_VPID))
		c->ept_vpid = vmx_rdmsr(MSR_IA32_VMX_EPT_VPID_CAP);
	c->cr0_fixed0 = vmx_rdmsr(MSR_IA32_VMX_CR0_FIXED0);
	c->cr0_fixed1 = vmx_rdmsr(MSR_IA32_VMX_CR0_FIXED1);
	c->cr4_fixed0 = vmx_rdmsr(MSR_IA32_VMX_CR4_FIXED0);
	c->cr4_fixed1 = vmx_rdmsr(MSR_IA32_VMX_CR4_FIXED1);
}

bool vmx_probe(const char **missing)
{
	struct vmx_caps c;
	const char *why = "VMX";

	vmx_read_caps(&c);
	vmx_cfg_ok = vmx_caps_check(&c, &vmx_cfg, &why) == 0;
	if (!vmx_cfg_ok) {
		if (missing)
			*missing = why;
		return false;
	}
	vmx_ept_set_exec_only(vmx_cfg.exec_only);
	return true;
}

int vmx_cpu_enable(void)
{
	uint64_t fc, pa;

	if (!vmx_cfg_ok && !vmx_probe(NULL))
		return VMX_ENOTSUP;
	if (vmx_on_done)
		return 0;
	/* Firmware left IA32_FEATURE_CONTROL unlocked: allow VMXON outside
	 * SMX and lock it, as the SDM's VMX bring-up does (24.7). probe has
	 * refused the locked-without-VMXON case already. */
	fc = vmx_rdmsr(MSR_IA32_FEATURE_CONTROL);
	if (!(fc & FEATCTL_LOCK))
		vmx_wrmsr(MSR_IA32_FEATURE_CONTROL,
			  fc | FEATCTL_LOCK | FEATCTL_VMXON_NOSMX);
	/* CR0 and CR4 must hold the fixed bits in VMX operation, CR4.VMXE
	 * included (SDM 24.8, A.7, A.8). */
	vmx_write_cr0(
	    vmx_cr_fix(vmx_read_cr0(), vmx_cfg.cr0_fixed0, vmx_cfg.cr0_fixed1));
	vmx_write_cr4(vmx_cr_fix(vmx_read_cr4() | CR4_VMXE, vmx_cfg.cr4_fixed0,
				 vmx_cfg.cr4_fixed1));
	*(uint32_t *)vmx_on_region = vmx_cfg.revision;
	pa = vmx_hpa(vmx_on_region);
	if (vmx_on(&pa) != 0)
		return VMX_EHW;
	/* Drop whatever EPT and VPID translations an earlier user of VMX
	 * left cached (SDM 29.4.3.3: software should invalidate after
	 * VMXON before using EPT). */
	vmx_invept(VMX_INV_ALL, 0);
	vmx_invvpid(VMX_INV_ALL, 0);
	vmx_on_done = true;
	return 0;
}
