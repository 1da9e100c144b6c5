// SPDX-License-Identifier: MIT
/*
 * AMD SVM backend (AMD APM vol. 2, chapter 15): feature probe, per-CPU
 * enable, VMCB setup. The run loop and exit translation are in
 * svm_exit.c.
 */
#include "svm.h"
#include "vmcb.h"

#include <arch/x86.h>
#include <ksh/cr4_policy.h>
#include <ksh/domain.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>

#include <string.h>

struct svm_caps svm_caps;
uint64_t svm_host_vmcb_pa, svm_iopm_pa, svm_msrpm_pa;

/* Reads what svm_caps_check decides from; VM_CR and the SVM leaf only
 * where CPUID reports SVM (APM 15.4, 15.30.1). */
static bool svm_probe(const char **missing)
{
	struct svm_cpu_regs r = {0};

	r.max_ext_leaf = cpuid(0x80000000, 0).eax;
	if (r.max_ext_leaf >= 0x8000000A) {
		r.ext1_ecx = cpuid(0x80000001, 0).ecx;
		if (r.ext1_ecx & EXT1_ECX_SVM) {
			struct cpuid_regs a = cpuid(0x8000000A, 0);

			r.vm_cr = rdmsr(MSR_VM_CR);
			r.svm_ebx = a.ebx;
			r.svm_edx = a.edx;
		}
	}
	return svm_caps_check(&r, &svm_caps, missing) == 0;
}

/* Lets the guest touch an MSR without an exit: only MSRs whose guest
 * value lives in the VMCB and is switched by VMRUN/VMLOAD/VMSAVE
 * (APM 15.5, 15.11). Everything else is intercepted: deny by default. */
static void msrpm_allow(uint8_t *pm, uint32_t msr)
{
	uint32_t base;

	/* Three 2 KiB ranges, two bits per MSR: read, write (APM 15.11). */
	if (msr < 0x2000)
		base = 0;
	else if (msr >= 0xC0000000u && msr < 0xC0002000u) {
		base = 0x800;
		msr -= 0xC0000000u;
	} else if (msr >= 0xC0010000u && msr < 0xC0012000u) {
		base = 0x1000;
		msr -= 0xC0010000u;
	} else
		return;
	pm[base + msr / 4] &= (uint8_t) ~(3u << ((msr % 4) * 2));
}

static int svm_cpu_enable(void)
{
	static const uint32_t guest_msrs[] = {
	    MSR_FS_BASE,      MSR_GS_BASE,     MSR_KERNEL_GS_BASE,
	    MSR_STAR,	      MSR_LSTAR,       MSR_CSTAR,
	    MSR_SFMASK,	      MSR_SYSENTER_CS, MSR_SYSENTER_ESP,
	    MSR_SYSENTER_EIP, MSR_PAT,
	};
	uint64_t hsave_pa;
	uint8_t *iopm, *msrpm;

	if (kpage_alloc(1, &hsave_pa) == NULL ||
	    kpage_alloc(1, &svm_host_vmcb_pa) == NULL)
		return -1;
	/* I/O permission map: 12 KiB, one bit per port, all set: every port
	 * access exits (APM 15.10.1). Shared by all guests, read-only. */
	iopm = kpage_alloc(3, &svm_iopm_pa);
	/* MSR permission map: 8 KiB (APM 15.11). */
	msrpm = kpage_alloc(2, &svm_msrpm_pa);
	if (iopm == NULL || msrpm == NULL)
		return -1;
	memset(iopm, 0xFF, 3 * KPAGE_SIZE);
	memset(msrpm, 0xFF, 2 * KPAGE_SIZE);
	for (size_t i = 0; i < sizeof(guest_msrs) / sizeof(guest_msrs[0]); i++)
		msrpm_allow(msrpm, guest_msrs[i]);

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, hsave_pa);
	kprintf("ksh: svm: %u ASIDs, next-RIP save %s, flush-by-ASID %s, "
		"decode assists %s\n",
		svm_caps.n_asid, svm_caps.nrip ? "yes" : "no (computed)",
		svm_caps.flush_asid ? "yes" : "no",
		svm_caps.decode ? "yes" : "no");
	return 0;
}

static void set_seg(uint8_t *vmcb, uint32_t off, uint16_t sel, uint16_t attr,
		    uint32_t limit, uint64_t base)
{
	VMCB_U16(vmcb, off + SEG_SEL) = sel;
	VMCB_U16(vmcb, off + SEG_ATTR) = attr;
	VMCB_U32(vmcb, off + SEG_LIMIT) = limit;
	VMCB_U64(vmcb, off + SEG_BASE) = base;
}

/* Segment attributes in the VMCB's packed form: descriptor bits 47:40 in
 * 7:0 and 55:52 in 11:8 (APM 15.5.1). */
#define ATTR_CODE64 0x0A9B /* P, S, code RX accessed, L, G */
#define ATTR_CODE32 0x0C9B /* P, S, code RX accessed, D, G */
#define ATTR_DATA   0x0C93 /* P, S, data RW accessed, B, G */
#define ATTR_TSS64  0x008B /* P, busy 64-bit TSS */
#define ATTR_LDT    0x0082

static int svm_vcpu_init(struct vcpu *v, const struct vcpu_start *s,
			 uint64_t npt_root_hpa)
{
	uint8_t *vmcb = kpage_alloc(1, &v->vendor_pa);
	/* The selectors of the flat GDT the loaders write (ksh/loader.h). */
	uint16_t cs = LOADER_GDT_CS, ds = LOADER_GDT_DS, cs_attr = ATTR_CODE64;
	uint64_t cr0, cr4, efer;

	if (vmcb == NULL)
		return -1;
	v->vendor = vmcb;

	/* Intercepts (APM 15.7-15.13). Exceptions: #UD to catch Intel's
	 * VMCALL (accepted as a hypercall too), #DF and #MC, which mean the
	 * guest is dead. Debug registers: DR0-3 are not switched by
	 * VMRUN, so any access would let a guest see or set another's.
	 * RDPMC: the counters are the host's and not switched (a side
	 * channel); CPUID shows none, so any RDPMC stops the domain. */
	VMCB_U32(vmcb, VMCB_ICPT_DR) = 0xFFFFFFFFu;
	/* CR4 writes: SVM has no guest/host mask, so without this a guest
	 * could set any bit the CPU has, PKE (PKRU is not switched) and
	 * OSXSAVE (XSAVE is hidden) included; the generic code checks each
	 * write against the guest's CPUID (ksh/cr4_policy.h; APM 15.9). */
	VMCB_U32(vmcb, VMCB_ICPT_CR) = ICPT_CR_WRITE(4);
	/* #DB and #AC too: both are benign exceptions (SDM vol. 3A table
	 * 6-5), so one raised while delivering itself (#AC pushing onto a
	 * misaligned CPL 3 stack with CR0.AM and RFLAGS.AC set; #DB from a
	 * breakpoint on the frame being pushed) is delivered again, forever,
	 * inside the CPU: no instruction boundary, so the host timer is
	 * never taken and every domain stops (CVE-2015-5307,
	 * CVE-2015-8104). Intercepted, each delivery is an exit the
	 * scheduler can preempt; the generic code reflects it into the
	 * guest (APM 15.12, 15.20). */
	VMCB_U32(vmcb, VMCB_ICPT_EXC) =
	    (1u << 1) | (1u << 6) | (1u << 8) | (1u << 17) | (1u << 18);
	VMCB_U32(vmcb, VMCB_ICPT_MISC1) =
	    ICPT_INTR | ICPT_NMI | ICPT_SMI | ICPT_INIT | ICPT_RDPMC |
	    ICPT_CPUID | ICPT_INVD | ICPT_HLT | ICPT_INVLPGA | ICPT_IOIO |
	    ICPT_MSR | ICPT_FERR | ICPT_SHUTDOWN;
	/* SVM instructions (VMRUN must be, APM 15.5.1), MONITOR/MWAIT
	 * (hidden from CPUID) and XSETBV (XCR0 is host state VMRUN does not
	 * switch) all exit. */
	/* WBINVD/WBNOINVD write back (and drop) every cache line of the
	 * physical CPU, the other domains' included: a covert channel and a
	 * stall that overruns the guest's frame. Dropped (exit.c). RDPRU
	 * reads MPERF/APERF, host counters VMRUN does not switch: #UD, and
	 * hidden from CPUID. ICEBP (INT1) exits so that its #DB is
	 * reflected with the RIP after it (APM 15.9, 15.12). */
	VMCB_U32(vmcb, VMCB_ICPT_MISC2) =
	    ICPT_VMRUN | ICPT_VMMCALL | ICPT_VMLOAD | ICPT_VMSAVE | ICPT_STGI |
	    ICPT_CLGI | ICPT_SKINIT | ICPT_MONITOR | ICPT_MWAIT | ICPT_MWAIT_C |
	    ICPT_XSETBV | ICPT_ICEBP | ICPT_WBINVD | ICPT_RDPRU;
	VMCB_U64(vmcb, VMCB_IOPM_BASE) = svm_iopm_pa;
	VMCB_U64(vmcb, VMCB_MSRPM_BASE) = svm_msrpm_pa;

	/* One ASID per domain (APM 15.16): TLB entries of different
	 * domains never mix, so switching needs no flush. ASID 0 is the
	 * host's. With more domains than ASIDs, the rest share the last
	 * one and svm_run flushes it whenever its owner changes. */
	v->tlb_tag = v->dom->id + 1 < svm_caps.n_asid ? v->dom->id + 1
						      : svm_caps.n_asid - 1;
	v->tlb_flush = true; /* nothing may survive from a previous user */
	VMCB_U32(vmcb, VMCB_ASID) = v->tlb_tag;
	VMCB_U64(vmcb, VMCB_VINTR) = VINTR_MASKING;
	VMCB_U64(vmcb, VMCB_NP_CTL) = 1;
	VMCB_U64(vmcb, VMCB_N_CR3) = npt_root_hpa;

	switch (s->mode) {
	case VCPU_START_LONG64:
		cr0 = CR0_PE | CR0_MP | CR0_ET | CR0_NE | CR0_WP | CR0_PG;
		cr4 = CR4_PAE;
		efer = EFER_LME | EFER_LMA | EFER_NXE;
		break;
	case VCPU_START_LINUX64:
		cr0 = CR0_PE | CR0_MP | CR0_ET | CR0_NE | CR0_PG;
		cr4 = CR4_PAE;
		efer = EFER_LME | EFER_LMA;
		break;
	case VCPU_START_PROT32:
		cs_attr = ATTR_CODE32;
		cr0 = CR0_PE | CR0_ET;
		cr4 = 0;
		efer = 0;
		break;
	default:
		return -2;
	}
	/* The guest's EFER must keep SVME set or VMRUN refuses the VMCB
	 * (APM 15.5.1). */
	efer |= EFER_SVME;
	set_seg(vmcb, VMCB_CS, cs, cs_attr, 0xFFFFFFFFu, 0);
	set_seg(vmcb, VMCB_DS, ds, ATTR_DATA, 0xFFFFFFFFu, 0);
	set_seg(vmcb, VMCB_ES, ds, ATTR_DATA, 0xFFFFFFFFu, 0);
	set_seg(vmcb, VMCB_SS, ds, ATTR_DATA, 0xFFFFFFFFu, 0);
	set_seg(vmcb, VMCB_FS, ds, ATTR_DATA, 0xFFFFFFFFu, 0);
	set_seg(vmcb, VMCB_GS, ds, ATTR_DATA, 0xFFFFFFFFu, 0);
	set_seg(vmcb, VMCB_GDTR, 0, 0, s->gdt_limit, s->gdt_base);
	set_seg(vmcb, VMCB_IDTR, 0, 0, 0, 0);
	set_seg(vmcb, VMCB_LDTR, 0, ATTR_LDT, 0, 0);
	set_seg(vmcb, VMCB_TR, 0, ATTR_TSS64, 0x67, 0);
	VMCB_U8(vmcb, VMCB_CPL) = 0;
	VMCB_U64(vmcb, VMCB_EFER) = efer;
	VMCB_U64(vmcb, VMCB_CR0) = cr0;
	VMCB_U64(vmcb, VMCB_CR3) = s->cr3;
	VMCB_U64(vmcb, VMCB_CR4) = cr4;
	VMCB_U64(vmcb, VMCB_DR6) = 0xFFFF0FF0ull;
	VMCB_U64(vmcb, VMCB_DR7) = 0x400;
	VMCB_U64(vmcb, VMCB_RFLAGS) = s->rflags | 2;
	VMCB_U64(vmcb, VMCB_RIP) = s->rip;
	VMCB_U64(vmcb, VMCB_RSP) = s->rsp;
	VMCB_U64(vmcb, VMCB_G_PAT) = 0x0007040600070406ull; /* reset PAT */
	memset(&v->regs, 0, sizeof(v->regs));
	v->regs.rax = s->rax;
	v->regs.rbx = s->rbx;
	v->regs.rsi = s->rsi;
	v->regs.rdi = s->rdi;
	/* Clean bits all zero: the CPU reloads every VMCB field on each
	 * VMRUN (APM 15.15.3), always correct, and the VMCB never needs
	 * tracking of what the kernel touched. */
	VMCB_U32(vmcb, VMCB_CLEAN) = 0;
	return 0;
}

static uint64_t svm_get_rip(struct vcpu *v)
{
	return VMCB_U64(v->vendor, VMCB_RIP);
}

static void svm_set_rip(struct vcpu *v, uint64_t rip)
{
	VMCB_U64(v->vendor, VMCB_RIP) = rip;
	/* Stepping past an instruction ends an STI/MOV SS shadow. */
	VMCB_U64(v->vendor, VMCB_INT_SHADOW) = 0;
}

static uint64_t svm_get_rsp(struct vcpu *v)
{
	return VMCB_U64(v->vendor, VMCB_RSP);
}

static uint64_t svm_get_rflags(struct vcpu *v)
{
	return VMCB_U64(v->vendor, VMCB_RFLAGS);
}

/* Can the guest take an external interrupt at this entry: RFLAGS.IF set,
 * no STI/MOV SS shadow, no event already in EVENTINJ (APM 15.20). */
static bool svm_intr_open(struct vcpu *v)
{
	return (svm_get_rflags(v) & RFLAGS_IF) &&
	       !(VMCB_U64(v->vendor, VMCB_INT_SHADOW) & 1) &&
	       !(VMCB_U64(v->vendor, VMCB_EVENTINJ) & EVENT_VALID);
}

static bool svm_irq_pending(struct vcpu *v)
{
	return (VMCB_U64(v->vendor, VMCB_EVENTINJ) & EVENT_VALID) ||
	       (VMCB_U64(v->vendor, VMCB_VINTR) & VINTR_IRQ);
}

static int svm_inject(struct vcpu *v, uint8_t vector, int type, bool has_error,
		      uint32_t error_code)
{
	uint64_t ev = vector | ((uint64_t)(type & 7) << 8) | EVENT_VALID;
	uint64_t vintr, held;

	/* Exceptions and NMIs are injected unconditionally (APM 15.20).
	 * An external interrupt goes through EVENTINJ when the guest can
	 * take it now; otherwise it waits as a virtual interrupt request
	 * (V_IRQ with its vector, APM 15.21.4), which the CPU itself
	 * delivers when the guest opens its interrupt window (STI, IRET,
	 * end of a shadow): the window costs no exit. One at a time: the
	 * caller's PIC holds further requests (irq_pending). */
	if (type == 0) {
		if (VMCB_U64(v->vendor, VMCB_VINTR) & VINTR_IRQ)
			return -1;
		if (!svm_intr_open(v)) {
			vintr = VMCB_U64(v->vendor, VMCB_VINTR);
			vintr &= 0xFFull | VINTR_MASKING; /* keep V_TPR */
			vintr |= VINTR_IRQ | VINTR_PRIO_MAX | VINTR_IGN_TPR |
				 ((uint64_t)vector << VINTR_VECTOR_SHIFT);
			VMCB_U64(v->vendor, VMCB_VINTR) = vintr;
			return 0;
		}
	}
	/* An exception raised while an external interrupt was being
	 * delivered (say, #AC on the frame's push) replaces it in EVENTINJ;
	 * the interrupt, already taken from the guest's PIC, waits as a
	 * virtual interrupt request and is delivered after the exception's
	 * handler opens the window (benign pair handled serially, SDM vol.
	 * 3A 6.15). */
	held = VMCB_U64(v->vendor, VMCB_EVENTINJ);
	if (type == 3 && (held & EVENT_VALID) && EVENT_TYPE(held) == 0 &&
	    !(VMCB_U64(v->vendor, VMCB_VINTR) & VINTR_IRQ)) {
		uint64_t irq = VMCB_U64(v->vendor, VMCB_VINTR);

		irq &= 0xFFull | VINTR_MASKING;
		irq |= VINTR_IRQ | VINTR_PRIO_MAX | VINTR_IGN_TPR |
		       ((held & 0xFFull) << VINTR_VECTOR_SHIFT);
		VMCB_U64(v->vendor, VMCB_VINTR) = irq;
	}
	if (has_error)
		ev |= EVENT_ERR_VALID | ((uint64_t)error_code << 32);
	VMCB_U64(v->vendor, VMCB_EVENTINJ) = ev;
	return 0;
}

/* EFER lives in the VMCB (APM 15.5.1). The guest sees it without SVME
 * (not nested) and may change SCE and NXE; LME only with paging off
 * (APM vol. 2 14.6.1: #GP otherwise); LMA is the CPU's. Other bits are
 * reserved or features not offered (LMSLE, FFXSR, TCE): #GP. */
static int svm_msr_access(struct vcpu *v, uint32_t index, bool write,
			  uint64_t *val)
{
	const uint64_t writable = EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE;
	uint64_t cur;

	if (index != MSR_EFER)
		return -1;
	cur = VMCB_U64(v->vendor, VMCB_EFER);
	if (!write) {
		*val = cur & ~EFER_SVME;
		return 0;
	}
	if (*val & ~writable)
		return 1;
	if (((*val ^ cur) & EFER_LME) &&
	    (VMCB_U64(v->vendor, VMCB_CR0) & CR0_PG))
		return 1;
	/* LMA follows the CPU, not the write (APM 14.6.1). */
	VMCB_U64(v->vendor, VMCB_EFER) =
	    (*val & ~EFER_LMA) | (cur & EFER_LMA) | EFER_SVME;
	return 0;
}

static void svm_set_cr4(struct vcpu *v, uint64_t cr4)
{
	uint64_t old = VMCB_U64(v->vendor, VMCB_CR4);

	VMCB_U64(v->vendor, VMCB_CR4) = cr4;
	/* The intercepted MOV did not run, so neither did the TLB flush it
	 * implies (SDM vol. 3A 4.10.4.1): flush the guest's ASID at the next
	 * VMRUN (APM 15.16.1). */
	if (cr4_flushes_tlb(old, cr4))
		v->tlb_flush = true;
}

static void svm_flush_npt(struct vcpu *v)
{
	/* Takes effect at the next VMRUN through TLB_CONTROL (APM
	 * 15.16.1). */
	v->tlb_flush = true;
}

const struct vcpu_ops svm_ops = {
    .name = "svm",
    .probe = svm_probe,
    .cpu_enable = svm_cpu_enable,
    .npt = &svm_npt_format,
    .vcpu_init = svm_vcpu_init,
    .run = svm_run,
    .get_rip = svm_get_rip,
    .set_rip = svm_set_rip,
    .get_rsp = svm_get_rsp,
    .get_rflags = svm_get_rflags,
    .inject = svm_inject,
    .flush_npt = svm_flush_npt,
    .irq_pending = svm_irq_pending,
    .msr_access = svm_msr_access,
    .set_cr4 = svm_set_cr4,
};
