// SPDX-License-Identifier: MIT
/*
 * Guest accesses the VMX backend emulates itself because they concern
 * state the VMCS holds: control-register writes the guest/host masks own
 * and CR8 (exit reason 28, SDM 28.2.1 table 28-3), and IA32_EFER
 * (vcpu_ops.msr_access). The rules are vmx_cr.c's (pure); this file moves
 * values between the VMCS, the guest's registers and those rules.
 */
#include <ksh/cr4_policy.h>
#include <ksh/domain.h>
#include <ksh/kprintf.h>

#include "vmx_cpu.h"
#include "vmx_hw.h"

#define VEC_GP 13

/* A GPR by its instruction encoding (0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP,
 * 5 RBP, 6 RSI, 7 RDI, 8-15 R8-R15; SDM vol. 2A 2.1.5). NULL for RSP,
 * which lives in the VMCS. */
static uint64_t *vmx_gpr(struct vcpu_regs *r, unsigned n)
{
	uint64_t *gpr[16] = {
	    &r->rax, &r->rcx, &r->rdx, &r->rbx, NULL,	 &r->rbp,
	    &r->rsi, &r->rdi, &r->r8,  &r->r9,	&r->r10, &r->r11,
	    &r->r12, &r->r13, &r->r14, &r->r15,
	};

	return gpr[n & 15u];
}

static uint64_t vmx_gpr_get(struct vcpu_regs *r, unsigned n)
{
	uint64_t *p = vmx_gpr(r, n);

	return p ? *p : vmx_read(VMCS_GUEST_RSP);
}

static void vmx_gpr_set(struct vcpu_regs *r, unsigned n, uint64_t val)
{
	uint64_t *p = vmx_gpr(r, n);

	if (p)
		*p = val;
	else
		vmx_write(VMCS_GUEST_RSP, val);
}

/* Past the instruction: RIP plus its length (SDM 28.2.5), and the end of
 * any STI/MOV SS blocking, as executing it would (SDM 26.3.1.5). */
static void vmx_skip(void)
{
	vmx_write(VMCS_GUEST_RIP,
		  vmx_read(VMCS_GUEST_RIP) + vmx_read(VMCS_EXIT_INSN_LEN));
	vmx_write(
	    VMCS_GUEST_INTERRUPTIBILITY,
	    vmx_read(VMCS_GUEST_INTERRUPTIBILITY) &
		~(uint64_t)(INTERRUPTIBILITY_STI | INTERRUPTIBILITY_MOVSS));
}

/* The IA-32e mode guest entry control must equal EFER.LMA at every
 * entry (SDM 27.2.2 and 27.3.1.1); a VM exit stores LMA there itself
 * (SDM 28.2), but an emulated CR0 write changes LMA without one. */
static void vmx_set_efer(uint64_t efer)
{
	uint64_t entry = vmx_read(VMCS_ENTRY_CTLS);

	entry = (efer & EFER_LMA) ? entry | ENTRY_IA32E_GUEST
				  : entry & ~(uint64_t)ENTRY_IA32E_GUEST;
	vmx_write(VMCS_ENTRY_CTLS, entry);
	vmx_write(VMCS_GUEST_IA32_EFER, efer);
}

static bool vmx_mov_to_cr(struct vmx_vcpu *x, unsigned cr, uint64_t val)
{
	uint64_t efer = vmx_read(VMCS_GUEST_IA32_EFER);
	struct vmx_cr_write w;

	switch (cr) {
	case 0:
		/* CR4.PAE, the only CR4 bit the CR0 rules look at, is the
		 * guest's own (not in the mask): the guest field has it. */
		if (vmx_cr0_write(&vmx_cfg, val, vmx_read(VMCS_GUEST_CR4), efer,
				  &w) != 0)
			return false;
		vmx_write(VMCS_GUEST_CR0, w.guest);
		vmx_write(VMCS_CR0_SHADOW, w.shadow);
		if (w.efer != efer)
			vmx_set_efer(w.efer);
		return true;
	case 4:
		/* What the guest's CPUID hides (PKE: PKRU is not switched;
		 * OSXSAVE; ksh/cr4_policy.h) is refused with #GP, as the
		 * SVM path does (core/exit.c exit_cr4). The guest/host mask
		 * owns those bits, so setting one always lands here. */
		if (val & ~cr4_guest_allowed()) {
			kprintf("ksh: domain %s: CR4 write %lx refused (bits "
				"%lx not offered): #GP injected\n",
				x->owner->dom->desc->name, val,
				val & ~cr4_guest_allowed());
			return false;
		}
		if (vmx_cr4_write(&vmx_cfg, val, efer, &w) != 0)
			return false;
		vmx_write(VMCS_GUEST_CR4, w.guest);
		vmx_write(VMCS_CR4_SHADOW, w.shadow);
		return true;
	case 8:
		return vmx_cr8_write(val, &x->tpr) == 0;
	default:
		return false;
	}
}

bool vmx_cr_access(struct vmx_vcpu *x, struct vcpu *v, uint64_t qual)
{
	struct vcpu_regs *r = vmx_guest_regs(v);
	unsigned cr = CRQ_CR(qual), gpr = CRQ_GPR(qual);

	switch (CRQ_TYPE(qual)) {
	case CRQ_MOV_TO:
		if (cr != 0 && cr != 4 && cr != 8)
			return false;
		if (!vmx_mov_to_cr(x, cr, vmx_gpr_get(r, gpr))) {
			vmx_inject_exc(VEC_GP, true, 0);
			return true;
		}
		break;
	case CRQ_MOV_FROM:
		/* Only CR8 exits on reads (CR3-store exiting is off, CR0
		 * and CR4 reads come from the shadows). */
		if (cr != 8)
			return false;
		vmx_gpr_set(r, gpr, x->tpr);
		break;
	default:
		/* CLTS and LMSW never touch a bit the masks own (CR0.NE is
		 * the only one): they do not exit. */
		return false;
	}
	vmx_skip();
	return true;
}

int vmx_msr_access(struct vcpu *v, uint32_t index, bool write, uint64_t *val)
{
	uint64_t cur, next;

	if (index != MSR_IA32_EFER)
		return -1;
	if (!vmx_loaded(v))
		return 1;
	cur = vmx_read(VMCS_GUEST_IA32_EFER);
	if (!write) {
		*val = cur;
		return 0;
	}
	if (vmx_efer_write(cur, *val, vmx_read(VMCS_GUEST_CR0), &next) != 0)
		return 1;
	vmx_set_efer(next);
	return 0;
}
