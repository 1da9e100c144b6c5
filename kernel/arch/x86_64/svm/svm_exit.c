// SPDX-License-Identifier: MIT
/*
 * The SVM run step: VMRUN with TLB control, then translation of the VMCB
 * exit (APM vol. 2 15.6, appendix C) into a generic struct vm_exit,
 * computing the next RIP where the CPU gives none (QEMU: no nRIP save,
 * the VMCB's next-RIP field stays 0).
 */
#include "svm.h"
#include "vmcb.h"

#include <arch/x86.h>
#include <ksh/domain.h>
#include <ksh/gmap.h>
#include <ksh/gwalk.h>
#include <ksh/insn.h>
#include <ksh/insn_cr.h>
#include <ksh/insn_dr.h>

#include <string.h>

/* The vCPU that last ran with the shared (last) ASID on this CPU. */
static struct vcpu *shared_asid_owner;

/* Guest-physical reads for the instruction fetch: only through the
 * domain's own mappings. */
static int guest_read(void *ctx, uint64_t gpa, void *buf, uint32_t len)
{
	struct domain *d = ctx;
	uint64_t run, hpa;

	if (d->id >= tables->n_domains)
		return -1; /* the world-switch probe has no table entries */
	hpa = gmap_hpa(tables, memobj_hpa, d->id, gpa, &run);
	if (hpa == 0 || run < len)
		return -1;
	memcpy(buf, (const void *)(uintptr_t)hpa, len);
	return 0;
}

/* Reads up to 15 instruction bytes at CS:RIP; returns how many. */
static uint32_t fetch_insn(struct vcpu *v, uint8_t *buf)
{
	uint8_t *vmcb = v->vendor;
	struct gwalk_mode m = {
	    .cr0 = VMCB_U64(vmcb, VMCB_CR0),
	    .cr3 = VMCB_U64(vmcb, VMCB_CR3),
	    .cr4 = VMCB_U64(vmcb, VMCB_CR4),
	    .efer = VMCB_U64(vmcb, VMCB_EFER),
	};
	uint64_t lin = VMCB_U64(vmcb, VMCB_RIP);
	uint32_t first, n;

	/* Outside 64-bit mode the linear address adds the CS base. */
	if (!((m.efer & EFER_LMA) &&
	      (VMCB_U16(vmcb, VMCB_CS + SEG_ATTR) & 0x200)))
		lin =
		    (lin + VMCB_U64(vmcb, VMCB_CS + SEG_BASE)) & 0xFFFFFFFFull;
	first = 0x1000 - (uint32_t)(lin & 0xFFF);
	n = first < 15 ? first : 15;
	if (gwalk_fetch(&m, lin, buf, n, guest_read, v->dom) != 0)
		return 0;
	if (n < 15 &&
	    gwalk_fetch(&m, lin + n, buf + n, 15 - n, guest_read, v->dom) == 0)
		n = 15;
	return n;
}

static bool long64(struct vcpu *v)
{
	return (VMCB_U64(v->vendor, VMCB_EFER) & EFER_LMA) &&
	       (VMCB_U16(v->vendor, VMCB_CS + SEG_ATTR) & 0x200);
}

/* Next RIP after an intercepted instruction of `kind`: the CPU's nRIP
 * when it saves one (APM 15.7.1), else decoded from the guest's bytes.
 * 0 when the bytes are not that instruction. */
static uint64_t next_rip(struct vcpu *v, enum insn_kind kind)
{
	uint64_t rip = VMCB_U64(v->vendor, VMCB_RIP);
	uint8_t buf[15];
	uint32_t n;
	int len;

	if (svm_caps.nrip && VMCB_U64(v->vendor, VMCB_NRIP) != 0)
		return VMCB_U64(v->vendor, VMCB_NRIP);
	n = fetch_insn(v, buf);
	len = insn_len(buf, n, kind, long64(v));
	return len < 0 ? 0 : rip + (uint64_t)len;
}

/* An instruction exit whose length could not be found is refused rather
 * than guessed: the guest is stopped. */
static void insn_exit(struct vcpu *v, struct vm_exit *e, uint32_t reason,
		      enum insn_kind kind)
{
	e->next_rip = next_rip(v, kind);
	e->reason = e->next_rip != 0 ? reason : VMEXIT_UNHANDLED;
}

/* Value of GPR n (x86 numbering) at the exit: RSP lives in the VMCB. */
static uint64_t gpr_value(struct vcpu *v, uint8_t n)
{
	const uint64_t *r = &v->regs.rax;
	/* struct vcpu_regs order: rax rbx rcx rdx rsi rdi rbp r8..r15 */
	static const int8_t slot[16] = {0, 2, 3, 1,  -1, 6,  4,	 5,
					7, 8, 9, 10, 11, 12, 13, 14};

	if (slot[n & 15] < 0)
		return VMCB_U64(v->vendor, VMCB_RSP);
	return r[slot[n & 15]];
}

/* MOV to CR4 (the only CR write intercepted): the source register and
 * length come from the bytes, as QEMU has no decode assists (APM
 * 15.8.1). Bytes that are not that instruction stop the guest. */
static void cr4_write_exit(struct vcpu *v, struct vm_exit *e)
{
	uint8_t *vmcb = v->vendor;
	uint8_t buf[15], gpr;
	uint32_t n = fetch_insn(v, buf);
	int len = insn_mov_to_cr(buf, n, long64(v), 4, &gpr);

	if (len < 0)
		return;
	e->reason = VMEXIT_CR4_WRITE;
	e->next_rip = e->rip + (uint64_t)len;
	e->u.cr4.value = gpr_value(v, gpr);
	e->u.cr4.old = VMCB_U64(vmcb, VMCB_CR4);
	e->u.cr4.cr3 = VMCB_U64(vmcb, VMCB_CR3);
	e->u.cr4.long_mode = (VMCB_U64(vmcb, VMCB_EFER) & EFER_LMA) != 0;
}

/* DR6 bits a #DB sets: B0-B3, BD, BS, BT (SDM vol. 3A 17.2.3). */
#define DR6_TRAP_BITS 0xE00Full
#define DR6_RESET     0xFFFF0FF0ull

/* The CPU has already written the #DB's status into the VMCB's DR6 when
 * the intercept is taken (APM 15.12, "#DB"). That DR6 is never the
 * guest's view (every DR access exits; Linux domains keep theirs in
 * vdom), so take the bits this #DB set and put the reset value back:
 * the bits are sticky, and the next #DB must not report these again. */
static uint64_t db_payload(uint8_t *vmcb)
{
	uint64_t dr6 = VMCB_U64(vmcb, VMCB_DR6);

	VMCB_U64(vmcb, VMCB_DR6) = DR6_RESET;
	return dr6 & DR6_TRAP_BITS;
}

static void translate(struct vcpu *v, struct vm_exit *e)
{
	uint8_t *vmcb = v->vendor;
	uint64_t code = VMCB_U64(vmcb, VMCB_EXITCODE);
	uint64_t info1 = VMCB_U64(vmcb, VMCB_EXITINFO1);
	uint64_t info2 = VMCB_U64(vmcb, VMCB_EXITINFO2);

	memset(e, 0, sizeof(*e));
	e->raw = code;
	e->rip = VMCB_U64(vmcb, VMCB_RIP);
	e->cpl = VMCB_U8(vmcb, VMCB_CPL);
	e->reason = VMEXIT_UNHANDLED;
	if ((uint32_t)code == SVM_EXIT_INVALID_LO) {
		e->reason = VMEXIT_INVALID;
		return;
	}
	switch (code) {
	case SVM_EXIT_INTR:
	case SVM_EXIT_NMI:
	case SVM_EXIT_SMI:
		/* The host's event is still pending; the scheduler takes
		 * it. Nothing of the guest's instruction stream happened. */
		e->reason = VMEXIT_INTR;
		break;
	case SVM_EXIT_CPUID:
		insn_exit(v, e, VMEXIT_CPUID, INSN_CPUID);
		break;
	case SVM_EXIT_HLT:
		insn_exit(v, e, VMEXIT_HLT, INSN_HLT);
		break;
	case SVM_EXIT_VMMCALL:
		insn_exit(v, e, VMEXIT_HYPERCALL, INSN_VMMCALL);
		break;
	case SVM_EXIT_MSR:
		e->u.msr.index = (uint32_t)v->regs.rcx;
		insn_exit(v, e, info1 ? VMEXIT_MSR_WRITE : VMEXIT_MSR_READ,
			  info1 ? INSN_WRMSR : INSN_RDMSR);
		break;
	case SVM_EXIT_IOIO:
		/* EXITINFO2 is the next RIP for IOIO (APM 15.10.2). */
		e->reason = VMEXIT_IO;
		e->next_rip = info2;
		e->u.io.port = (uint16_t)(info1 >> 16);
		e->u.io.size = (info1 & IOIO_SZ32)   ? 4
			       : (info1 & IOIO_SZ16) ? 2
						     : 1;
		e->u.io.in = (info1 & IOIO_IN) != 0;
		e->u.io.string = (info1 & IOIO_STR) != 0;
		e->u.io.rep = (info1 & IOIO_REP) != 0;
		break;
	case SVM_EXIT_NPF:
		e->reason = VMEXIT_NPF;
		e->u.npf.gpa = info2;
		e->u.npf.present = (info1 & NPF_P) != 0;
		e->u.npf.write = (info1 & NPF_RW) != 0;
		e->u.npf.exec = (info1 & NPF_ID) != 0;
		e->u.npf.read = !e->u.npf.write && !e->u.npf.exec;
		break;
	case SVM_EXIT_SHUTDOWN:
		e->reason = VMEXIT_SHUTDOWN;
		break;
	case SVM_EXIT_CR4_WRITE:
		cr4_write_exit(v, e);
		break;
	case SVM_EXIT_WBINVD:
		/* F3 0F 09 (WBNOINVD) is 0F 09 with a prefix (APM vol. 3). */
		insn_exit(v, e, VMEXIT_WBINVD, INSN_WBINVD);
		break;
	case SVM_EXIT_RDPRU:
		/* Answered with #UD, a fault: RIP stays on the instruction. */
		e->reason = VMEXIT_RDPRU;
		break;
	case SVM_EXIT_ICEBP:
		/* INT1 raises a trap-like #DB whose frame holds the RIP after
		 * it (SDM vol. 3A 17.3.1.5): reflected as one from there. */
		insn_exit(v, e, VMEXIT_EXCEPTION, INSN_ICEBP);
		e->u.exc.vector = 1;
		e->u.exc.soft = true;
		break;
	default:
		if (code >= SVM_EXIT_DR_BASE && code < SVM_EXIT_DR_BASE + 32) {
			/* DR access (intercepted for every DR): without
			 * decode assists the GPR and length come from the
			 * bytes (APM 15.8.1). */
			uint8_t buf[15];
			uint32_t n = fetch_insn(v, buf);
			struct insn_dr d;
			int len = insn_mov_dr(buf, n, long64(v), &d);

			if (len > 0) {
				e->reason = VMEXIT_DR;
				e->next_rip = e->rip + (uint64_t)len;
				e->u.dr.dr = d.dr;
				e->u.dr.gpr = d.gpr;
				e->u.dr.write = d.write;
			}
			break;
		}
		if (code >= SVM_EXIT_EXCP_BASE &&
		    code < SVM_EXIT_EXCP_BASE + 32) {
			uint8_t vec = (uint8_t)(code - SVM_EXIT_EXCP_BASE);

			/* Intel's VMCALL raises #UD on AMD: accept it as a
			 * hypercall (hypercall.h: both are accepted). */
			if (vec == 6) {
				e->next_rip = next_rip(v, INSN_VMCALL);
				if (e->next_rip != 0) {
					e->reason = VMEXIT_HYPERCALL;
					break;
				}
			}
			e->reason = VMEXIT_EXCEPTION;
			e->u.exc.vector = vec;
			e->u.exc.has_error =
			    vec == 8 || vec == 17 || (vec >= 10 && vec <= 14);
			e->u.exc.error_code = (uint32_t)info1;
			e->u.exc.cr2 = info2;
			if (vec == 1)
				e->u.exc.dr6 = db_payload(vmcb);
		}
		break;
	}
}

void svm_run(struct vcpu *v, struct vm_exit *exit)
{
	uint8_t *vmcb = v->vendor;
	uint64_t intinfo;
	uint32_t tlb = TLB_CTL_NONE;

	/* TLB control (APM 15.16): each domain has its own ASID, so its
	 * entries need no flush when switching, only when its nested
	 * tables changed or when an ASID shared by several domains
	 * changes hands. Without FlushByAsid the only flush is all ASIDs. */
	if (v->tlb_tag == svm_caps.n_asid - 1) {
		if (shared_asid_owner != v)
			v->tlb_flush = true;
		shared_asid_owner = v;
	}
	if (v->tlb_flush)
		tlb = svm_caps.flush_asid ? TLB_CTL_FLUSH_ASID
					  : TLB_CTL_FLUSH_ALL;
	VMCB_U32(vmcb, VMCB_TLB_CTL) = tlb;
	v->tlb_flush = false;

	VMCB_U64(vmcb, VMCB_RAX) = v->regs.rax;
	svm_vmrun(v->vendor_pa, &v->regs, svm_host_vmcb_pa);
	v->regs.rax = VMCB_U64(vmcb, VMCB_RAX);
	VMCB_U32(vmcb, VMCB_TLB_CTL) = TLB_CTL_NONE;

	/* An event whose delivery the exit interrupted (say, an NPF while
	 * pushing an exception frame) is injected again (APM 15.7.2). */
	VMCB_U64(vmcb, VMCB_EVENTINJ) = 0;
	intinfo = VMCB_U64(vmcb, VMCB_EXITINTINFO);
	if (intinfo & EVENT_VALID)
		VMCB_U64(vmcb, VMCB_EVENTINJ) = intinfo;
	translate(v, exit);
}
