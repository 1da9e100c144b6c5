// SPDX-License-Identifier: MIT
/*
 * Translation of VMX exits into the generic struct vm_exit. Pure C: the
 * VMCS fields arrive in a struct vmx_exit_raw (read by vmx_vcpu.c), so the
 * decoding of every qualification format is unit-tested on the host.
 */
#include "vmx.h"

/* I/O instruction qualification (SDM 28.2.1, table 28-5). */
static void vmx_decode_io(uint64_t q, struct vm_exit *e)
{
	e->reason = VMEXIT_IO;
	e->u.io.size = (uint8_t)((q & 7u) + 1u); /* 0, 1, 3: 1, 2, 4 bytes */
	e->u.io.in = (q >> 3) & 1u;
	e->u.io.string = (q >> 4) & 1u;
	e->u.io.rep = (q >> 5) & 1u;
	e->u.io.port = (uint16_t)(q >> 16);
}

/* EPT violation qualification (SDM 28.2.1, table 28-7): bits 0-2 the
 * access (data read, data write, instruction fetch), bits 3-5 what the
 * EPT entries allowed (all 0: no translation, i.e. not present). */
static void vmx_decode_ept(const struct vmx_exit_raw *r, struct vm_exit *e)
{
	uint64_t q = r->qual;

	e->reason = VMEXIT_NPF;
	e->u.npf.gpa = r->gpa;
	e->u.npf.read = q & 1u;
	e->u.npf.write = (q >> 1) & 1u;
	e->u.npf.exec = (q >> 2) & 1u;
	e->u.npf.present = (q & 0x38u) != 0;
}

/* Exception or NMI exit: VM-exit interruption information (SDM 25.9.2). */
static void vmx_decode_exception(const struct vmx_exit_raw *r,
				 struct vm_exit *e)
{
	uint32_t info = r->intr_info;

	if (!(info & INTR_INFO_VALID)) {
		e->reason = VMEXIT_UNHANDLED;
		return;
	}
	/* A physical NMI (NMI exiting, SDM 26.2) belongs to the host. */
	if (INTR_INFO_TYPE(info) == INTR_TYPE_NMI) {
		e->reason = VMEXIT_INTR;
		return;
	}
	e->reason = VMEXIT_EXCEPTION;
	e->u.exc.vector = (uint8_t)INTR_INFO_VECTOR(info);
	e->u.exc.has_error = (info & INTR_INFO_ERRCODE) != 0;
	e->u.exc.error_code = e->u.exc.has_error ? r->intr_err : 0;
	/* For #PF the exit qualification holds the linear address (SDM
	 * 28.2.1) and CR2 is not yet written. */
	e->u.exc.cr2 = e->u.exc.vector == 14 ? r->qual : 0;
	/* #DB: DR6 is not written on the exit; the qualification holds the
	 * bits the exception would have set there: B0-B3, BD, BS (SDM
	 * 28.1, 28.2.1 table 28-1). */
	if (e->u.exc.vector == 1)
		e->u.exc.dr6 = r->qual & VMX_DBQ_DR6_BITS;
	/* INT1 (ICEBP) is a privileged software exception: the exit's RIP
	 * is the instruction's, its frame must hold the RIP after it (SDM
	 * 28.2.4 instruction length, 27.6.1.1). */
	if (INTR_INFO_TYPE(info) == INTR_TYPE_PRIV_SW && r->insn_len >= 1 &&
	    r->insn_len <= 15) {
		e->u.exc.soft = true;
		e->next_rip = r->rip + r->insn_len;
	}
}

void vmx_exit_decode(const struct vmx_exit_raw *r, struct vm_exit *e)
{
	uint32_t basic = r->reason & 0xFFFFu; /* SDM 25.9.1 */
	bool has_len = false;

	*e = (struct vm_exit){0};
	e->raw = r->reason;
	e->rip = r->rip;
	e->cpl = (r->ss_ar >> 5) & 3u; /* SS.DPL is the CPL (SDM 25.4.1) */

	if (r->reason & EXIT_REASON_ENTRY_FAIL) {
		/* VM entry failed while checking or loading guest state
		 * (SDM 27.8): nothing of the guest ran. */
		e->reason = VMEXIT_INVALID;
		return;
	}
	switch (basic) {
	case EXIT_EXCEPTION_NMI:
		vmx_decode_exception(r, e);
		break;
	case EXIT_EXTERNAL_INTR:
	case EXIT_PREEMPT_TIMER:
		e->reason = VMEXIT_INTR;
		break;
	case EXIT_TRIPLE_FAULT:
		e->reason = VMEXIT_SHUTDOWN;
		break;
	case EXIT_CPUID:
		e->reason = VMEXIT_CPUID;
		has_len = true;
		break;
	case EXIT_HLT:
		e->reason = VMEXIT_HLT;
		has_len = true;
		break;
	case EXIT_VMCALL:
		e->reason = VMEXIT_HYPERCALL;
		has_len = true;
		break;
	case EXIT_IO:
		vmx_decode_io(r->qual, e);
		has_len = true;
		break;
	case EXIT_RDMSR:
	case EXIT_WRMSR:
		e->reason =
		    basic == EXIT_RDMSR ? VMEXIT_MSR_READ : VMEXIT_MSR_WRITE;
		e->u.msr.index = (uint32_t)r->rcx;
		has_len = true;
		break;
	case EXIT_EPT_VIOLATION:
		vmx_decode_ept(r, e);
		break;
	case EXIT_WBINVD:
		e->reason = VMEXIT_WBINVD;
		has_len = true;
		break;
	case EXIT_DR_ACCESS:
		/* MOV-DR exiting (SDM 26.1.3): the qualification names the
		 * register, the direction and the GPR (table 28-4), so no
		 * instruction bytes need decoding, unlike on SVM without
		 * decode assists. GPR numbers are the instruction's: 0 RAX,
		 * 1 RCX, 2 RDX, 3 RBX, 4 RSP ... 15 R15, as vm_exit wants. */
		e->reason = VMEXIT_DR;
		e->u.dr.dr = (uint8_t)DRQ_DR(r->qual);
		e->u.dr.gpr = (uint8_t)DRQ_GPR(r->qual);
		e->u.dr.write = !(r->qual & DRQ_FROM);
		has_len = true;
		break;
	case EXIT_INVALID_GUEST:
	case EXIT_MSR_LOADING:
	case EXIT_MACHINE_CHECK:
		/* Reasons 33, 34, 41 come with bit 31 set; accept them without
		 * it as a failed entry too. */
		e->reason = VMEXIT_INVALID;
		break;
	default:
		/* EPT misconfiguration is a kernel bug, not a guest access;
		 * INIT, SIPI, VMX instructions in the guest, CR accesses to
		 * host-owned bits: the guest is stopped with raw logged. */
		e->reason = VMEXIT_UNHANDLED;
		break;
	}
	/* VM-exit instruction length is valid for instruction exits only
	 * (SDM 28.2.4). */
	if (has_len && r->insn_len >= 1 && r->insn_len <= 15)
		e->next_rip = r->rip + r->insn_len;
}
