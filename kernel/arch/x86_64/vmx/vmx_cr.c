// SPDX-License-Identifier: MIT
/*
 * The guest's writes to the registers the VMCS holds for it but does not
 * let it write freely: CR0 and CR4 bits the guest/host masks own (the
 * fixed bits, SDM 25.6.6, A.7, A.8), CR8 (CR8-load exiting, SDM 26.1.3;
 * there is no TPR shadow, so the task priority is storage here) and
 * IA32_EFER (held in the VMCS guest area, loaded on entry, SDM 27.3.2.1).
 * Pure C: the caller reads and writes the VMCS (vmx_emul.c), so every
 * rule is unit-tested on the host against the values of real CPUs.
 *
 * Each function returns 0 with the new values in *out, or 1 when the
 * write must raise #GP(0) as the instruction does on bare metal (SDM vol.
 * 2B "MOV-Move to/from Control Registers", "WRMSR"; vol. 3A 2.5).
 */
#include "vmx.h"

int vmx_cr0_write(const struct vmx_config *cfg, uint64_t val, uint64_t cr4,
		  uint64_t efer, struct vmx_cr_write *out)
{
	/* Unrestricted guest: PE and PG are the guest's (SDM 26.3.1.1). */
	uint64_t fixed0 = cfg->cr0_fixed0 & ~(CR0_PE | CR0_PG);

	/* Bits 63:32 are reserved: #GP (SDM vol. 3A 2.5). */
	if (val >> 32)
		return 1;
	/* Paging without protection, or not-write-through without cache
	 * disable: #GP (MOV CR0, protected-mode exceptions). */
	if ((val & CR0_PG) && !(val & CR0_PE))
		return 1;
	if ((val & CR0_NW) && !(val & CR0_CD))
		return 1;
	/* Entering IA-32e mode needs PAE (SDM vol. 3A 10.8.5). */
	if ((val & CR0_PG) && (efer & EFER_LME) && !(cr4 & CR4_PAE))
		return 1;
	out->shadow = val;
	out->guest = vmx_cr_fix(val, fixed0, cfg->cr0_fixed1);
	/* With paging on and LME set the CPU is in IA-32e mode (EFER.LMA,
	 * SDM vol. 3A 10.8.5); with paging off it leaves it. */
	out->efer = (efer & ~EFER_LMA) |
		    (((val & CR0_PG) && (efer & EFER_LME)) ? EFER_LMA : 0);
	return 0;
}

int vmx_cr4_write(const struct vmx_config *cfg, uint64_t val, uint64_t efer,
		  struct vmx_cr_write *out)
{
	/* A bit this CPU does not allow in VMX operation is one it does
	 * not have for the guest (CPUID does not offer it): #GP, as for a
	 * reserved bit. VMXE too: the guest is not offered VMX. */
	if ((val & ~cfg->cr4_fixed1) || (val & CR4_VMXE))
		return 1;
	/* PAE cannot be cleared in IA-32e mode (MOV CR4, 64-bit mode
	 * exceptions). */
	if ((efer & EFER_LMA) && !(val & CR4_PAE))
		return 1;
	out->shadow = val;
	out->guest = vmx_cr_fix(val, cfg->cr4_fixed0, cfg->cr4_fixed1);
	out->efer = efer;
	return 0;
}

int vmx_cr8_write(uint64_t val, uint64_t *tpr)
{
	/* Only bits 3:0 exist (SDM vol. 3A 10.8.6.1): the rest #GP. */
	if (val & ~0xFull)
		return 1;
	*tpr = val;
	return 0;
}

int vmx_efer_write(uint64_t cur, uint64_t val, uint64_t cr0, uint64_t *out)
{
	/* The guest may change SCE and NXE; LME only with paging off (SDM
	 * vol. 3A 10.8.5: #GP otherwise). LMA is the CPU's: a write to it
	 * is ignored (SDM vol. 4, IA32_EFER). Other bits are reserved or
	 * features not offered: #GP. */
	const uint64_t writable = EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE;

	if (val & ~writable)
		return 1;
	if (((val ^ cur) & EFER_LME) && (cr0 & CR0_PG))
		return 1;
	*out = (val & ~EFER_LMA) | (cur & EFER_LMA);
	return 0;
}
