// SPDX-License-Identifier: MIT
/*
 * VMCS setup for one vCPU (Intel SDM vol. 3, chapter 25 "Virtual machine
 * control structures" and chapter 27 "VM entries") and the struct
 * vcpu_ops the generic kernel uses.
 */
#include <ksh/cr4_policy.h>
#include <ksh/domain.h>
#include <ksh/loader.h>

#include "vmx_cpu.h"
#include "vmx_hw.h"

#define VMX_MAX_VCPUS 32

static struct vmx_vcpu vmx_vcpus[VMX_MAX_VCPUS];
static uint8_t vmx_vmcs_regions[VMX_MAX_VCPUS][4096]
    __attribute__((aligned(4096)));
static struct vmx_vcpu *vmx_current; /* whose VMCS is current */

/* I/O and MSR bitmaps (SDM 25.6.4, 25.6.9), shared by every vCPU: all
 * ones, so every port and every MSR access exits and the generic kernel
 * decides (deny by default). MSRs pass through only where each vCPU has
 * its own copy that VM entry loads and VM exit saves: FS and GS base,
 * SYSENTER_* and PAT in the VMCS guest area (SDM 27.3.2.1, 28.3.1), and
 * the SYSCALL/SWAPGS MSRs of the MSR areas (vmx_guest_msrs). The same
 * set the SVM backend lets through (VMLOAD/VMSAVE and G_PAT). */
static uint8_t vmx_io_bitmaps[2][4096] __attribute__((aligned(4096)));
static uint8_t vmx_msr_bitmap[4096] __attribute__((aligned(4096)));
static bool vmx_bitmaps_done;

/* The MSR areas' MSRs (vmx_cpu.h), in area order; TSC_AUX last, only
 * where the guest has RDTSCP (a CPU without it has no such MSR, and
 * loading it would fail the entry, SDM 27.4). */
static const uint32_t vmx_guest_msrs[VMX_N_GUEST_MSRS] = {
    MSR_IA32_STAR,  MSR_IA32_LSTAR,	     MSR_IA32_CSTAR,
    MSR_IA32_FMASK, MSR_IA32_KERNEL_GS_BASE, MSR_IA32_TSC_AUX,
};

static int vmx_n_guest_msrs(void)
{
	return (vmx_cfg.proc2 & PROC2_RDTSCP) ? VMX_N_GUEST_MSRS
					      : VMX_N_GUEST_MSRS - 1;
}

static void vmx_msr_pass(uint32_t msr)
{
	/* Layout: read-low, read-high, write-low, write-high, 1 KiB each;
	 * "high" covers C0000000H-C0001FFFH. */
	uint32_t base = (msr >= 0xC0000000u) ? 1024u : 0u;
	uint32_t bit = msr & 0x1FFFu;

	vmx_msr_bitmap[base + bit / 8] &= (uint8_t) ~(1u << (bit % 8));
	vmx_msr_bitmap[2048 + base + bit / 8] &= (uint8_t) ~(1u << (bit % 8));
}

static void vmx_bitmaps_init(void)
{
	if (vmx_bitmaps_done)
		return;
	for (int i = 0; i < 4096; i++) {
		vmx_io_bitmaps[0][i] = 0xFF;
		vmx_io_bitmaps[1][i] = 0xFF;
		vmx_msr_bitmap[i] = 0xFF;
	}
	vmx_msr_pass(MSR_IA32_FS_BASE);
	vmx_msr_pass(MSR_IA32_GS_BASE);
	vmx_msr_pass(MSR_IA32_SYSENTER_CS);
	vmx_msr_pass(MSR_IA32_SYSENTER_ESP);
	vmx_msr_pass(MSR_IA32_SYSENTER_EIP);
	vmx_msr_pass(MSR_IA32_PAT);
	for (int i = 0; i < vmx_n_guest_msrs(); i++)
		vmx_msr_pass(vmx_guest_msrs[i]);
	vmx_bitmaps_done = true;
}

static struct vmx_vcpu *vmx_of(struct vcpu *v)
{
	for (int i = 0; i < VMX_MAX_VCPUS; i++)
		if (vmx_vcpus[i].owner == v)
			return &vmx_vcpus[i];
	return NULL;
}

/* Makes x's VMCS the current one (SDM 25.11.3). */
static int vmx_load(struct vmx_vcpu *x)
{
	if (vmx_current == x)
		return 0;
	if (vmx_ptrld(&x->vmcs_pa) != 0)
		return VMX_EHW;
	vmx_current = x;
	return 0;
}

/* Host state (SDM 25.5, checked by 27.2.2/27.2.3) from the running CPU.
 * TR must be loaded: firmware leaves it 0, the kernel's take-over
 * installs a GDT with a TSS first. */
static int vmx_host_state(void)
{
	struct vmx_dtr gdt, idt;
	uint16_t tr = vmx_read_tr();
	const uint8_t *d;
	uint64_t tr_base;
	int err = 0;

	if ((tr & ~7u) == 0)
		return VMX_EHOST;
	vmx_sgdt(&gdt);
	vmx_sidt(&idt);
	/* A 64-bit TSS descriptor is 16 bytes: base 15:0 at 2, 23:16 at 4,
	 * 31:24 at 7, 63:32 at 8 (SDM vol. 3 7.2.3). */
	d = (const uint8_t *)(uintptr_t)(gdt.base + (tr & ~7u));
	tr_base = (uint64_t)d[2] | (uint64_t)d[3] << 8 | (uint64_t)d[4] << 16 |
		  (uint64_t)d[7] << 24 |
		  (uint64_t) * (const uint32_t *)(d + 8) << 32;

	/* Selectors with RPL and TI cleared (27.2.3). */
	err |= vmx_write(VMCS_HOST_CS_SEL, vmx_read_cs() & ~7u);
	err |= vmx_write(VMCS_HOST_SS_SEL, vmx_read_ss() & ~7u);
	err |= vmx_write(VMCS_HOST_DS_SEL, vmx_read_ds() & ~7u);
	err |= vmx_write(VMCS_HOST_ES_SEL, vmx_read_es() & ~7u);
	err |= vmx_write(VMCS_HOST_FS_SEL, vmx_read_fs() & ~7u);
	err |= vmx_write(VMCS_HOST_GS_SEL, vmx_read_gs() & ~7u);
	err |= vmx_write(VMCS_HOST_TR_SEL, tr & ~7u);
	err |= vmx_write(VMCS_HOST_CR0, vmx_read_cr0());
	err |= vmx_write(VMCS_HOST_CR3, vmx_read_cr3());
	err |= vmx_write(VMCS_HOST_CR4, vmx_read_cr4());
	err |= vmx_write(VMCS_HOST_FS_BASE, vmx_rdmsr(MSR_IA32_FS_BASE));
	err |= vmx_write(VMCS_HOST_GS_BASE, vmx_rdmsr(MSR_IA32_GS_BASE));
	err |= vmx_write(VMCS_HOST_TR_BASE, tr_base);
	err |= vmx_write(VMCS_HOST_GDTR_BASE, gdt.base);
	err |= vmx_write(VMCS_HOST_IDTR_BASE, idt.base);
	err |=
	    vmx_write(VMCS_HOST_SYSENTER_CS, vmx_rdmsr(MSR_IA32_SYSENTER_CS));
	err |=
	    vmx_write(VMCS_HOST_SYSENTER_ESP, vmx_rdmsr(MSR_IA32_SYSENTER_ESP));
	err |=
	    vmx_write(VMCS_HOST_SYSENTER_EIP, vmx_rdmsr(MSR_IA32_SYSENTER_EIP));
	err |= vmx_write(VMCS_HOST_IA32_EFER, vmx_rdmsr(MSR_IA32_EFER));
	err |= vmx_write(VMCS_HOST_IA32_PAT, vmx_rdmsr(MSR_IA32_PAT));
	/* HOST_RSP and HOST_RIP are written by vmx_enter on every entry. */
	return err ? VMX_EHW : 0;
}

/* Flat segments of the start modes (ksh/loader.h): selectors of the
 * loader's GDT layout (code 0x10, data 0x18, as the Linux boot protocol
 * asks for __BOOT_CS/__BOOT_DS), base 0, limit 4 GiB. */
#define VMX_START_CS 0x10u
#define VMX_START_DS 0x18u

static int vmx_guest_segments(bool long_mode, const struct vcpu_start *s)
{
	static const uint32_t data_sel[] = {
	    VMCS_GUEST_ES_SEL, VMCS_GUEST_SS_SEL, VMCS_GUEST_DS_SEL,
	    VMCS_GUEST_FS_SEL, VMCS_GUEST_GS_SEL};
	int err = 0;

	for (unsigned i = 0; i < sizeof(data_sel) / sizeof(data_sel[0]); i++) {
		/* Selector, limit, AR and base fields of one segment are
		 * spaced evenly (SDM appendix B): index from ES. */
		uint32_t idx = (data_sel[i] - VMCS_GUEST_ES_SEL) / 2u;
		err |= vmx_write(data_sel[i], VMX_START_DS);
		err |= vmx_write(VMCS_GUEST_ES_LIMIT + 2u * idx, 0xFFFFFFFFu);
		err |= vmx_write(VMCS_GUEST_ES_AR + 2u * idx, AR_DATA);
		err |= vmx_write(VMCS_GUEST_ES_BASE + 2u * idx, 0);
	}
	err |= vmx_write(VMCS_GUEST_CS_SEL, VMX_START_CS);
	err |= vmx_write(VMCS_GUEST_CS_LIMIT, 0xFFFFFFFFu);
	err |= vmx_write(VMCS_GUEST_CS_AR, long_mode ? AR_CODE64 : AR_CODE32);
	err |= vmx_write(VMCS_GUEST_CS_BASE, 0);
	/* LDTR unusable; TR usable and busy, as VM entry demands even
	 * though the guest never uses it before loading its own (SDM
	 * 27.3.1.2). */
	err |= vmx_write(VMCS_GUEST_LDTR_SEL, 0);
	err |= vmx_write(VMCS_GUEST_LDTR_AR, AR_UNUSABLE);
	err |= vmx_write(VMCS_GUEST_LDTR_LIMIT, 0);
	err |= vmx_write(VMCS_GUEST_LDTR_BASE, 0);
	err |= vmx_write(VMCS_GUEST_TR_SEL, 0);
	err |= vmx_write(VMCS_GUEST_TR_AR, AR_TSS64);
	err |= vmx_write(VMCS_GUEST_TR_LIMIT, 0xFFFF);
	err |= vmx_write(VMCS_GUEST_TR_BASE, 0);
	err |= vmx_write(VMCS_GUEST_GDTR_BASE, s->gdt_base);
	err |= vmx_write(VMCS_GUEST_GDTR_LIMIT, s->gdt_base ? s->gdt_limit : 0);
	err |= vmx_write(VMCS_GUEST_IDTR_BASE, 0);
	err |= vmx_write(VMCS_GUEST_IDTR_LIMIT, 0);
	return err;
}

/* Guest control registers. CR0.NE/ET and CR4.VMXE are forced by the
 * fixed bits (SDM A.7, A.8); the guest/host masks and read shadows hide
 * the forced values, so the guest reads what it would on bare metal and
 * only a write that changes a forced bit exits (SDM 25.6.6). */
static int vmx_guest_control(bool long_mode, const struct vcpu_start *s)
{
	/* The start states of ksh/loader.h, as the SVM backend sets them:
	 * a native domain with write protection and NX; a Linux kernel as
	 * its 64-bit boot protocol expects (paging on, the rest its own);
	 * a Multiboot kernel in flat protected mode. */
	uint64_t cr0 = CR0_PE | CR0_ET;
	uint64_t cr4 = long_mode ? CR4_PAE : 0;
	uint64_t efer = long_mode ? EFER_LME | EFER_LMA : 0;

	if (long_mode)
		cr0 |= CR0_MP | CR0_NE | CR0_PG;
	if (s->mode == VCPU_START_LONG64) {
		cr0 |= CR0_WP;
		efer |= EFER_NXE;
	}
	/* Unrestricted guest: PE and PG are the guest's (SDM 26.3.1.1). */
	uint64_t f0 = vmx_cfg.cr0_fixed0 & ~(CR0_PE | CR0_PG);
	uint64_t cr0_mask = f0 | ~vmx_cfg.cr0_fixed1;
	/* Bits the guest's CPUID hides (PKE: PKRU is not switched;
	 * OSXSAVE; ksh/cr4_policy.h) are host-owned too: setting one exits
	 * and stops the domain (SDM 25.6.6, 28.1.3). */
	uint64_t cr4_mask =
	    vmx_cfg.cr4_fixed0 | ~vmx_cfg.cr4_fixed1 | ~cr4_guest_allowed();
	int err = 0;

	err |=
	    vmx_write(VMCS_GUEST_CR0, vmx_cr_fix(cr0, f0, vmx_cfg.cr0_fixed1));
	err |= vmx_write(VMCS_CR0_MASK, cr0_mask);
	err |= vmx_write(VMCS_CR0_SHADOW, cr0);
	err |= vmx_write(VMCS_GUEST_CR4, vmx_cr_fix(cr4, vmx_cfg.cr4_fixed0,
						    vmx_cfg.cr4_fixed1));
	err |= vmx_write(VMCS_CR4_MASK, cr4_mask);
	err |= vmx_write(VMCS_CR4_SHADOW, cr4);
	err |= vmx_write(VMCS_GUEST_CR3, long_mode ? s->cr3 : 0);
	err |= vmx_write(VMCS_GUEST_IA32_EFER, efer);
	/* The power-on PAT (SDM 11.12.4). */
	err |= vmx_write(VMCS_GUEST_IA32_PAT, 0x0007040600070406ull);
	err |= vmx_write(VMCS_GUEST_DR7, 0x400);
	err |= vmx_write(VMCS_GUEST_SYSENTER_CS, 0);
	err |= vmx_write(VMCS_GUEST_SYSENTER_ESP, 0);
	err |= vmx_write(VMCS_GUEST_SYSENTER_EIP, 0);
	return err;
}

static int vmx_controls(struct vmx_vcpu *x, bool long_mode)
{
	int err = 0;

	err |= vmx_write(VMCS_PIN_CTLS, vmx_cfg.pin);
	err |= vmx_write(VMCS_PROC_CTLS, vmx_cfg.proc);
	err |= vmx_write(VMCS_PROC_CTLS2, vmx_cfg.proc2);
	err |= vmx_write(VMCS_EXIT_CTLS, vmx_cfg.exit);
	err |= vmx_write(VMCS_ENTRY_CTLS,
			 vmx_cfg.entry | (long_mode ? ENTRY_IA32E_GUEST : 0));
	/* #UD exits: a VMMCALL on Intel raises #UD, and the hypercall ABI
	 * accepts both instructions (ksh/hypercall.h). #DF and #MC mean the
	 * guest is dead: they exit too, as on the SVM backend. #DB and #AC
	 * exit so that one raised while delivering itself (CVE-2015-8104,
	 * CVE-2015-5307) cannot loop inside the CPU where the host's timer
	 * never gets in: each delivery is an exit, reflected by exit.c
	 * (SDM 25.6.3, 27.6). */
	err |=
	    vmx_write(VMCS_EXCEPTION_BITMAP, (1u << 1) | (1u << 6) | (1u << 8) |
						 (1u << 17) | (1u << 18));
	err |= vmx_write(VMCS_CR3_TARGET_COUNT, 0);
	/* One area for both directions: the exit stores the guest's values
	 * where the next entry loads them from (SDM 28.4, 27.4). */
	for (int i = 0; i < VMX_N_GUEST_MSRS; i++)
		x->msrs[i] = (struct vmx_msr_entry){.index = vmx_guest_msrs[i]};
	err |= vmx_write(VMCS_EXIT_MSR_STORE_N, (uint64_t)vmx_n_guest_msrs());
	err |= vmx_write(VMCS_EXIT_MSR_STORE_ADDR, vmx_hpa(x->msrs));
	err |= vmx_write(VMCS_ENTRY_MSR_LOAD_N, (uint64_t)vmx_n_guest_msrs());
	err |= vmx_write(VMCS_ENTRY_MSR_LOAD_ADDR, vmx_hpa(x->msrs));
	err |= vmx_write(VMCS_EXIT_MSR_LOAD_N, 0);
	err |= vmx_write(VMCS_ENTRY_INTR_INFO, 0);
	err |= vmx_write(VMCS_IO_BITMAP_A, vmx_hpa(vmx_io_bitmaps[0]));
	err |= vmx_write(VMCS_IO_BITMAP_B, vmx_hpa(vmx_io_bitmaps[1]));
	err |= vmx_write(VMCS_MSR_BITMAP, vmx_hpa(vmx_msr_bitmap));
	err |= vmx_write(VMCS_EPTP, x->eptp);
	err |= vmx_write(VMCS_VPID, x->vpid);
	/* No shadow VMCS (SDM 27.3.1.5). */
	err |= vmx_write(VMCS_LINK_POINTER, ~0ull);
	return err;
}

static int vmx_vcpu_init(struct vcpu *v, const struct vcpu_start *s,
			 uint64_t npt_root_hpa)
{
	struct vmx_vcpu *x;
	bool long_mode;
	int slot, err;

	switch (s->mode) {
	case VCPU_START_LONG64:
	case VCPU_START_LINUX64:
		long_mode = true;
		break;
	case VCPU_START_PROT32:
		long_mode = false;
		break;
	default:
		return VMX_EINVAL;
	}
	if ((npt_root_hpa & 0xFFFu) || !v)
		return VMX_EINVAL;
	err = vmx_cpu_enable();
	if (err)
		return err;
	x = vmx_of(v);
	if (!x) {
		x = vmx_of(NULL);
		if (!x)
			return VMX_ENOMEM;
	}
	slot = (int)(x - vmx_vcpus);
	vmx_bitmaps_init();

	*x = (struct vmx_vcpu){0};
	x->vmcs_pa = vmx_hpa(vmx_vmcs_regions[slot]);
	x->eptp = vmx_eptp(npt_root_hpa);
	/* One VPID per vCPU: translations of different guests never mix,
	 * and no INVVPID is needed on a switch (SDM 29.1). */
	x->vpid = (uint16_t)(slot + 1);
	/* A fresh VMCS: revision identifier, then VMCLEAR to put it into
	 * the clear launch state before VMPTRLD (SDM 25.11.3). */
	*(uint32_t *)vmx_vmcs_regions[slot] = vmx_cfg.revision;
	if (vmx_current == x)
		vmx_current = NULL;
	if (vmx_clear(&x->vmcs_pa) != 0 || vmx_load(x) != 0)
		return VMX_EHW;
	x->owner = v;
	/* The generic vCPU records the control block and TLB tag too
	 * (ksh/domain.h), for logs and for tlb_flush requests. */
	v->vendor = x;
	v->vendor_pa = x->vmcs_pa;
	v->tlb_tag = x->vpid;
	v->tlb_flush = false;

	err = vmx_host_state();
	if (err) {
		x->owner = NULL;
		return err;
	}
	if (vmx_controls(x, long_mode) || vmx_guest_segments(long_mode, s) ||
	    vmx_guest_control(long_mode, s) ||
	    vmx_write(VMCS_GUEST_RIP, s->rip) ||
	    vmx_write(VMCS_GUEST_RSP, s->rsp) ||
	    vmx_write(VMCS_GUEST_RFLAGS, s->rflags | 2u) ||
	    vmx_write(VMCS_GUEST_INTERRUPTIBILITY, 0) ||
	    vmx_write(VMCS_GUEST_ACTIVITY, 0) ||
	    vmx_write(VMCS_GUEST_PENDING_DBG, 0)) {
		x->owner = NULL;
		return VMX_EHW;
	}
	/* Stale translations for this VPID/EPTP from an earlier use of the
	 * slot (SDM 29.4.3.3). */
	vmx_invvpid(vmx_cfg.invvpid_single ? VMX_INV_SINGLE : VMX_INV_ALL,
		    x->vpid);
	vmx_invept(vmx_cfg.invept_single ? VMX_INV_SINGLE : VMX_INV_ALL,
		   x->eptp);

	struct vcpu_regs *r = vmx_guest_regs(v);
	*r = (struct vcpu_regs){0};
	r->rax = s->rax;
	r->rbx = s->rbx;
	r->rsi = s->rsi;
	r->rdi = s->rdi;
	return 0;
}

/* An event whose delivery the exit interrupted (IDT-vectoring
 * information, SDM 28.2.4) is injected again at the next entry (SDM
 * 28.2.4, 27.6): an interrupt lost here would never come back, and an
 * exception must not be skipped. Done right after the exit, so that
 * irq_pending sees it and no new interrupt takes its place. */
static void vmx_reinject(void)
{
	uint32_t idt = (uint32_t)vmx_read(VMCS_IDT_VEC_INFO);
	uint32_t type = INTR_INFO_TYPE(idt);

	if (!(idt & INTR_INFO_VALID))
		return;
	/* Bit 12 is undefined here and must be 0 on entry. */
	vmx_write(VMCS_ENTRY_INTR_INFO, idt & ~(1u << 12));
	if (idt & INTR_INFO_ERRCODE)
		vmx_write(VMCS_ENTRY_EXC_ERRCODE, vmx_read(VMCS_IDT_VEC_ERR));
	/* Software interrupts and exceptions need the length of the
	 * instruction that raised them (SDM 27.6.1.1). */
	if (type == INTR_TYPE_SW_INT || type == INTR_TYPE_PRIV_SW ||
	    type == INTR_TYPE_SW_EXC)
		vmx_write(VMCS_ENTRY_INSN_LEN, vmx_read(VMCS_EXIT_INSN_LEN));
}

/* Can the guest take an external interrupt now? No event already set
 * for this entry, RFLAGS.IF set and no STI/MOV SS blocking (SDM 26.3.1.5
 * and 6.8.3). */
static bool vmx_intr_open(void)
{
	return !(vmx_read(VMCS_ENTRY_INTR_INFO) & INTR_INFO_VALID) &&
	       (vmx_read(VMCS_GUEST_RFLAGS) & VMX_RFLAGS_IF) &&
	       !(vmx_read(VMCS_GUEST_INTERRUPTIBILITY) &
		 (INTERRUPTIBILITY_STI | INTERRUPTIBILITY_MOVSS));
}

static void vmx_set_window(bool on)
{
	uint32_t proc = (uint32_t)vmx_read(VMCS_PROC_CTLS);

	proc = on ? proc | PROC_INTR_WINDOW : proc & ~PROC_INTR_WINDOW;
	vmx_write(VMCS_PROC_CTLS, proc);
}

static void vmx_run(struct vcpu *v, struct vm_exit *e)
{
	struct vmx_vcpu *x = vmx_of(v);
	struct vmx_exit_raw raw;
	struct vcpu_regs *regs;
	int rc;

	if (!x || vmx_load(x) != 0) {
		*e = (struct vm_exit){.reason = VMEXIT_INVALID, .raw = ~0ull};
		return;
	}
	regs = vmx_guest_regs(v);
	if (v->tlb_flush) {
		/* The generic kernel asked for this guest's TLB to be
		 * dropped: linear and combined mappings of its VPID and
		 * guest-physical ones of its EPTP (SDM 29.4.3). */
		vmx_invvpid(vmx_cfg.invvpid_single ? VMX_INV_SINGLE
						   : VMX_INV_ALL,
			    x->vpid);
		vmx_invept(vmx_cfg.invept_single ? VMX_INV_SINGLE : VMX_INV_ALL,
			   x->eptp);
		v->tlb_flush = false;
	}
	for (;;) {
		/* CR2 is not switched by VM entry/exit (SDM 27.3.1.1). */
		vmx_write_cr2(x->cr2);
		rc = vmx_enter(regs, x->launched);
		x->cr2 = vmx_read_cr2();
		if (rc != 0) {
			/* VMfailValid: the error number is in the VMCS;
			 * VMfailInvalid: no current VMCS (SDM 31.4). */
			uint64_t err = rc == 2 ? vmx_read(VMCS_INSN_ERROR) : 0;
			*e = (struct vm_exit){.reason = VMEXIT_INVALID,
					      .raw = (1ull << 32) | err};
			return;
		}
		raw.reason = (uint32_t)vmx_read(VMCS_EXIT_REASON);
		if (raw.reason & EXIT_REASON_ENTRY_FAIL)
			break; /* nothing ran: keep the event (SDM 27.8) */
		x->launched = true;
		/* An event injected at this entry was delivered, or is now
		 * in the IDT-vectoring field: either way clear it, then
		 * take back what the exit interrupted. */
		vmx_write(VMCS_ENTRY_INTR_INFO, 0);
		vmx_reinject();
		if ((raw.reason & 0xFFFFu) == EXIT_CR_ACCESS &&
		    vmx_cr_access(x, v, vmx_read(VMCS_EXIT_QUAL)))
			continue; /* emulated here (vmx_emul.c) */
		if ((raw.reason & 0xFFFFu) == EXIT_INTR_WINDOW) {
			/* Our own request: deliver the pending event and go
			 * back in without bothering the generic kernel. */
			if (!x->pending) {
				vmx_set_window(false);
			} else if (!(vmx_read(VMCS_ENTRY_INTR_INFO) &
				     INTR_INFO_VALID)) {
				vmx_write(VMCS_ENTRY_INTR_INFO,
					  x->pending_info);
				vmx_write(VMCS_ENTRY_EXC_ERRCODE,
					  x->pending_err);
				x->pending = false;
				vmx_set_window(false);
			}
			/* else: an interrupted event goes first; the window
			 * stays requested for ours. */
			continue;
		}
		break;
	}
	raw.qual = vmx_read(VMCS_EXIT_QUAL);
	raw.gpa = vmx_read(VMCS_GUEST_PHYS_ADDR);
	raw.rip = vmx_read(VMCS_GUEST_RIP);
	raw.insn_len = (uint32_t)vmx_read(VMCS_EXIT_INSN_LEN);
	raw.intr_info = (uint32_t)vmx_read(VMCS_EXIT_INTR_INFO);
	raw.intr_err = (uint32_t)vmx_read(VMCS_EXIT_INTR_ERR);
	raw.ss_ar = (uint32_t)vmx_read(VMCS_GUEST_SS_AR);
	raw.rcx = regs->rcx;
	vmx_exit_decode(&raw, e);
	if (e->reason == VMEXIT_EXCEPTION && e->u.exc.vector == 6) {
		uint64_t next = vmx_vmmcall_next_rip(v);

		if (next) {
			/* The other vendor's hypercall instruction
			 * (vmx_insn.c). */
			e->reason = VMEXIT_HYPERCALL;
			e->next_rip = next;
			e->u.exc.vector = 0;
		}
	}
}

struct vmx_vcpu *vmx_loaded(struct vcpu *v)
{
	struct vmx_vcpu *x = vmx_of(v);

	return (x && vmx_load(x) == 0) ? x : NULL;
}

static uint64_t vmx_get_rip(struct vcpu *v)
{
	return vmx_loaded(v) ? vmx_read(VMCS_GUEST_RIP) : 0;
}

static void vmx_set_rip(struct vcpu *v, uint64_t rip)
{
	if (vmx_loaded(v)) {
		vmx_write(VMCS_GUEST_RIP, rip);
		/* Moving past an instruction ends STI/MOV SS blocking, as
		 * executing the next one would (SDM 26.3.1.5). */
		vmx_write(VMCS_GUEST_INTERRUPTIBILITY,
			  vmx_read(VMCS_GUEST_INTERRUPTIBILITY) &
			      ~(uint64_t)(INTERRUPTIBILITY_STI |
					  INTERRUPTIBILITY_MOVSS));
	}
}

static uint64_t vmx_get_rsp(struct vcpu *v)
{
	return vmx_loaded(v) ? vmx_read(VMCS_GUEST_RSP) : 0;
}

static uint64_t vmx_get_rflags(struct vcpu *v)
{
	return vmx_loaded(v) ? vmx_read(VMCS_GUEST_RFLAGS) : 0;
}

/* Event injection through the VM-entry interruption-information field
 * (SDM 25.8.3, 27.6). type: 0 external interrupt, 2 NMI, 3 hardware
 * exception (vcpu.h uses the VMX encoding). An external interrupt the
 * guest cannot take now waits for an interrupt-window exit. */
static int vmx_inject(struct vcpu *v, uint8_t vector, int type, bool has_error,
		      uint32_t error_code)
{
	struct vmx_vcpu *x = vmx_loaded(v);
	uint32_t info;

	if (!x)
		return VMX_EINVAL;
	if (type != INTR_TYPE_EXT && type != INTR_TYPE_NMI &&
	    type != INTR_TYPE_HW_EXC)
		return VMX_EINVAL;
	/* Only exceptions deliver an error code, and never with vectors
	 * above 31 (SDM 27.2.1.3). */
	if (has_error && (type != INTR_TYPE_HW_EXC || vector > 31))
		return VMX_EINVAL;
	if (type == INTR_TYPE_NMI)
		vector = 2;
	info = INTR_INFO_VALID | (uint32_t)type << 8 | vector |
	       (has_error ? INTR_INFO_ERRCODE : 0);
	/* An exception raised while an external interrupt was being
	 * delivered (#AC on the frame's push, say) takes its place in the
	 * entry field; the interrupt, already taken from the guest's PIC,
	 * waits for the interrupt window instead of being lost (benign pair
	 * handled serially, SDM vol. 3A 6.15; 28.2.4). */
	if (type == INTR_TYPE_HW_EXC && !x->pending) {
		uint32_t held = (uint32_t)vmx_read(VMCS_ENTRY_INTR_INFO);

		if ((held & INTR_INFO_VALID) &&
		    INTR_INFO_TYPE(held) == INTR_TYPE_EXT) {
			x->pending = true;
			x->pending_info = held;
			x->pending_err = 0;
			vmx_set_window(true);
		}
	}
	if (type == INTR_TYPE_EXT && !vmx_intr_open()) {
		if (x->pending)
			return VMX_EINVAL; /* one at a time: the PIC holds more */
		x->pending = true;
		x->pending_info = info;
		x->pending_err = 0;
		vmx_set_window(true);
		return 0;
	}
	vmx_write(VMCS_ENTRY_INTR_INFO, info);
	vmx_write(VMCS_ENTRY_EXC_ERRCODE, has_error ? error_code : 0);
	return 0;
}

void vmx_inject_exc(uint8_t vector, bool has_error, uint32_t error_code)
{
	vmx_write(VMCS_ENTRY_INTR_INFO,
		  INTR_INFO_VALID | INTR_TYPE_HW_EXC << 8 | vector |
		      (has_error ? INTR_INFO_ERRCODE : 0));
	vmx_write(VMCS_ENTRY_EXC_ERRCODE, has_error ? error_code : 0);
}

/* An event set for the next entry (injected, or taken back from the
 * IDT-vectoring field), or an external interrupt waiting for the guest's
 * interrupt window: the caller's PIC keeps further requests. */
static bool vmx_irq_pending(struct vcpu *v)
{
	struct vmx_vcpu *x = vmx_loaded(v);

	if (!x)
		return true; /* nothing can be delivered to it */
	return x->pending ||
	       (vmx_read(VMCS_ENTRY_INTR_INFO) & INTR_INFO_VALID) != 0;
}

/* After the kernel changed a domain's EPT: drop the guest-physical and
 * combined mappings derived from this EPTP (SDM 29.4.3.1, INVEPT
 * single-context, or all-context where single is not supported). VPID
 * tagged linear mappings are combined ones, covered by INVEPT. */
static void vmx_flush_npt(struct vcpu *v)
{
	struct vmx_vcpu *x = vmx_of(v);

	if (x)
		vmx_invept(vmx_cfg.invept_single ? VMX_INV_SINGLE : VMX_INV_ALL,
			   x->eptp);
}

const struct vcpu_ops vmx_ops = {
    .name = "vmx",
    .probe = vmx_probe,
    .cpu_enable = vmx_cpu_enable,
    .npt = &vmx_ept_format,
    .vcpu_init = vmx_vcpu_init,
    .run = vmx_run,
    .get_rip = vmx_get_rip,
    .set_rip = vmx_set_rip,
    .get_rsp = vmx_get_rsp,
    .get_rflags = vmx_get_rflags,
    .inject = vmx_inject,
    .flush_npt = vmx_flush_npt,
    .irq_pending = vmx_irq_pending,
    .msr_access = vmx_msr_access,
};
