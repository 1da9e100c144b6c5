/* SPDX-License-Identifier: MIT */
/*
 * Intel VT-x hardware facts: MSR numbers, VMCS field encodings, control
 * bits, exit reasons. Grouped under the Intel SDM vol. 3 headings they come
 * from; section numbers are those of the SDM (order no. 325384).
 */
#ifndef KSH_VMX_DEFS_H
#define KSH_VMX_DEFS_H

/* ---- MSRs (SDM vol. 4, table 2-2; vol. 3 appendix A) ------------- */
#define MSR_IA32_FEATURE_CONTROL     0x03Au
#define MSR_IA32_SYSENTER_CS	     0x174u
#define MSR_IA32_SYSENTER_ESP	     0x175u
#define MSR_IA32_SYSENTER_EIP	     0x176u
#define MSR_IA32_PAT		     0x277u
#define MSR_IA32_VMX_BASIC	     0x480u
#define MSR_IA32_VMX_PINBASED_CTLS   0x481u
#define MSR_IA32_VMX_PROCBASED_CTLS  0x482u
#define MSR_IA32_VMX_EXIT_CTLS	     0x483u
#define MSR_IA32_VMX_ENTRY_CTLS	     0x484u
#define MSR_IA32_VMX_MISC	     0x485u
#define MSR_IA32_VMX_CR0_FIXED0	     0x486u
#define MSR_IA32_VMX_CR0_FIXED1	     0x487u
#define MSR_IA32_VMX_CR4_FIXED0	     0x488u
#define MSR_IA32_VMX_CR4_FIXED1	     0x489u
#define MSR_IA32_VMX_PROCBASED_CTLS2 0x48Bu
#define MSR_IA32_VMX_EPT_VPID_CAP    0x48Cu
#define MSR_IA32_VMX_TRUE_PINBASED   0x48Du
#define MSR_IA32_VMX_TRUE_PROCBASED  0x48Eu
#define MSR_IA32_VMX_TRUE_EXIT	     0x48Fu
#define MSR_IA32_VMX_TRUE_ENTRY	     0x490u
#define MSR_IA32_EFER		     0xC0000080u
#define MSR_IA32_FS_BASE	     0xC0000100u
#define MSR_IA32_GS_BASE	     0xC0000101u
/* SYSCALL/SWAPGS state: not in the VMCS; switched through the VM-entry
 * MSR-load and VM-exit MSR-store areas (SDM 25.7.2, 25.8.2). */
#define MSR_IA32_STAR		0xC0000081u
#define MSR_IA32_LSTAR		0xC0000082u
#define MSR_IA32_CSTAR		0xC0000083u
#define MSR_IA32_FMASK		0xC0000084u
#define MSR_IA32_KERNEL_GS_BASE 0xC0000102u
#define MSR_IA32_TSC_AUX	0xC0000103u

/* IA32_FEATURE_CONTROL (SDM 24.7): lock, VMXON outside SMX. */
#define FEATCTL_LOCK	    (1ull << 0)
#define FEATCTL_VMXON_SMX   (1ull << 1)
#define FEATCTL_VMXON_NOSMX (1ull << 2)

/* IA32_VMX_BASIC (SDM A.1). */
#define VMX_BASIC_REVISION(b)	 ((uint32_t)(b)&0x7FFFFFFFu)
#define VMX_BASIC_REGION_SIZE(b) ((uint32_t)((b) >> 32) & 0x1FFFu)
#define VMX_BASIC_32BIT_ADDR	 (1ull << 48)
#define VMX_BASIC_MEMTYPE(b)	 ((uint32_t)((b) >> 50) & 0xFu)
#define VMX_BASIC_TRUE_CTLS	 (1ull << 55)
#define VMX_MEMTYPE_WB		 6u

/* IA32_VMX_EPT_VPID_CAP (SDM A.10). */
#define EPT_CAP_EXEC_ONLY     (1ull << 0)
#define EPT_CAP_WALK4	      (1ull << 6)
#define EPT_CAP_WB	      (1ull << 14)
#define EPT_CAP_2M	      (1ull << 16)
#define EPT_CAP_INVEPT	      (1ull << 20)
#define EPT_CAP_INVEPT_SINGLE (1ull << 25)
#define EPT_CAP_INVEPT_ALL    (1ull << 26)
#define VPID_CAP_INVVPID      (1ull << 32)
#define VPID_CAP_SINGLE	      (1ull << 41)
#define VPID_CAP_ALL	      (1ull << 42)

/* ---- Control registers (SDM 2.5) --------------------------------- */
#define CR0_PE	 (1ull << 0)
#define CR0_MP	 (1ull << 1)
#define CR0_ET	 (1ull << 4)
#define CR0_NE	 (1ull << 5)
#define CR0_WP	 (1ull << 16)
#define CR0_NW	 (1ull << 29)
#define CR0_CD	 (1ull << 30)
#define CR0_PG	 (1ull << 31)
#define CR4_PAE	 (1ull << 5)
#define CR4_VMXE (1ull << 13)
#define EFER_SCE (1ull << 0)
#define EFER_LME (1ull << 8)
#define EFER_LMA (1ull << 10)
#define EFER_NXE (1ull << 11)

/* ---- VM-execution controls (SDM 25.6) ---------------------------- */
/* Pin-based (25.6.1, table 25-5). */
#define PIN_EXT_INTR_EXIT (1u << 0)
#define PIN_NMI_EXIT	  (1u << 3)
#define PIN_VIRTUAL_NMIS  (1u << 5)
/* Primary processor-based (table 25-6). */
#define PROC_INTR_WINDOW  (1u << 2)
#define PROC_HLT_EXIT	  (1u << 7)
#define PROC_MWAIT_EXIT	  (1u << 10)
#define PROC_RDPMC_EXIT	  (1u << 11)
#define PROC_CR3_LOAD	  (1u << 15)
#define PROC_CR3_STORE	  (1u << 16)
#define PROC_CR8_LOAD	  (1u << 19)
#define PROC_CR8_STORE	  (1u << 20)
#define PROC_MOV_DR_EXIT  (1u << 23)
#define PROC_IO_BITMAPS	  (1u << 25)
#define PROC_MSR_BITMAPS  (1u << 28)
#define PROC_MONITOR_EXIT (1u << 29)
#define PROC_SECONDARY	  (1u << 31)
/* Secondary processor-based (table 25-7). */
#define PROC2_EPT	 (1u << 1)
#define PROC2_RDTSCP	 (1u << 3)
#define PROC2_VPID	 (1u << 5)
#define PROC2_WBINVD	 (1u << 6) /* WBINVD (and WBNOINVD) exiting */
#define PROC2_UNRESTRICT (1u << 7)
#define PROC2_INVPCID	 (1u << 12)
/* VM-exit controls (25.7.1, table 25-13). */
#define EXIT_HOST_64   (1u << 9)
#define EXIT_SAVE_PAT  (1u << 18)
#define EXIT_LOAD_PAT  (1u << 19)
#define EXIT_SAVE_EFER (1u << 20)
#define EXIT_LOAD_EFER (1u << 21)
/* VM-entry controls (25.8.1, table 25-15). */
#define ENTRY_IA32E_GUEST (1u << 9)
#define ENTRY_LOAD_PAT	  (1u << 14)
#define ENTRY_LOAD_EFER	  (1u << 15)

/* EPTP (25.6.11): memory type WB, 4-level walk (length - 1 in bits 5:3). */
#define EPTP_WB	   6ull
#define EPTP_WALK4 (3ull << 3)

/* EPT paging-structure entries (SDM 29.3.2, tables 29-1 .. 29-6). */
#define EPT_R	      (1ull << 0)
#define EPT_W	      (1ull << 1)
#define EPT_X	      (1ull << 2)
#define EPT_MT_WB     (6ull << 3)
#define EPT_LARGE     (1ull << 7)
#define EPT_ADDR_MASK 0x000FFFFFFFFFF000ull

/* ---- VMCS field encodings (SDM appendix B) ----------------------- */
/* B.1.1 16-bit control fields */
#define VMCS_VPID 0x0000u
/* B.1.2 16-bit guest-state fields */
#define VMCS_GUEST_ES_SEL   0x0800u
#define VMCS_GUEST_CS_SEL   0x0802u
#define VMCS_GUEST_SS_SEL   0x0804u
#define VMCS_GUEST_DS_SEL   0x0806u
#define VMCS_GUEST_FS_SEL   0x0808u
#define VMCS_GUEST_GS_SEL   0x080Au
#define VMCS_GUEST_LDTR_SEL 0x080Cu
#define VMCS_GUEST_TR_SEL   0x080Eu
/* B.1.3 16-bit host-state fields */
#define VMCS_HOST_ES_SEL 0x0C00u
#define VMCS_HOST_CS_SEL 0x0C02u
#define VMCS_HOST_SS_SEL 0x0C04u
#define VMCS_HOST_DS_SEL 0x0C06u
#define VMCS_HOST_FS_SEL 0x0C08u
#define VMCS_HOST_GS_SEL 0x0C0Au
#define VMCS_HOST_TR_SEL 0x0C0Cu
/* B.2.1 64-bit control fields */
#define VMCS_IO_BITMAP_A	 0x2000u
#define VMCS_IO_BITMAP_B	 0x2002u
#define VMCS_MSR_BITMAP		 0x2004u
#define VMCS_EXIT_MSR_STORE_ADDR 0x2006u
#define VMCS_EXIT_MSR_LOAD_ADDR	 0x2008u
#define VMCS_ENTRY_MSR_LOAD_ADDR 0x200Au
#define VMCS_EPTP		 0x201Au
/* B.2.2 64-bit read-only data */
#define VMCS_GUEST_PHYS_ADDR 0x2400u
/* B.2.3 64-bit guest-state fields */
#define VMCS_LINK_POINTER    0x2800u
#define VMCS_GUEST_IA32_PAT  0x2804u
#define VMCS_GUEST_IA32_EFER 0x2806u
/* B.2.4 64-bit host-state fields */
#define VMCS_HOST_IA32_PAT  0x2C00u
#define VMCS_HOST_IA32_EFER 0x2C02u
/* B.3.1 32-bit control fields */
#define VMCS_PIN_CTLS	       0x4000u
#define VMCS_PROC_CTLS	       0x4002u
#define VMCS_EXCEPTION_BITMAP  0x4004u
#define VMCS_CR3_TARGET_COUNT  0x400Au
#define VMCS_EXIT_CTLS	       0x400Cu
#define VMCS_EXIT_MSR_STORE_N  0x400Eu
#define VMCS_EXIT_MSR_LOAD_N   0x4010u
#define VMCS_ENTRY_CTLS	       0x4012u
#define VMCS_ENTRY_MSR_LOAD_N  0x4014u
#define VMCS_ENTRY_INTR_INFO   0x4016u
#define VMCS_ENTRY_EXC_ERRCODE 0x4018u
#define VMCS_ENTRY_INSN_LEN    0x401Au
#define VMCS_PROC_CTLS2	       0x401Eu
/* B.3.2 32-bit read-only data */
#define VMCS_INSN_ERROR	    0x4400u
#define VMCS_EXIT_REASON    0x4402u
#define VMCS_EXIT_INTR_INFO 0x4404u
#define VMCS_EXIT_INTR_ERR  0x4406u
#define VMCS_IDT_VEC_INFO   0x4408u
#define VMCS_IDT_VEC_ERR    0x440Au
#define VMCS_EXIT_INSN_LEN  0x440Cu
/* B.3.3 32-bit guest-state fields */
#define VMCS_GUEST_ES_LIMIT	    0x4800u
#define VMCS_GUEST_CS_LIMIT	    0x4802u
#define VMCS_GUEST_SS_LIMIT	    0x4804u
#define VMCS_GUEST_DS_LIMIT	    0x4806u
#define VMCS_GUEST_FS_LIMIT	    0x4808u
#define VMCS_GUEST_GS_LIMIT	    0x480Au
#define VMCS_GUEST_LDTR_LIMIT	    0x480Cu
#define VMCS_GUEST_TR_LIMIT	    0x480Eu
#define VMCS_GUEST_GDTR_LIMIT	    0x4810u
#define VMCS_GUEST_IDTR_LIMIT	    0x4812u
#define VMCS_GUEST_ES_AR	    0x4814u
#define VMCS_GUEST_CS_AR	    0x4816u
#define VMCS_GUEST_SS_AR	    0x4818u
#define VMCS_GUEST_DS_AR	    0x481Au
#define VMCS_GUEST_FS_AR	    0x481Cu
#define VMCS_GUEST_GS_AR	    0x481Eu
#define VMCS_GUEST_LDTR_AR	    0x4820u
#define VMCS_GUEST_TR_AR	    0x4822u
#define VMCS_GUEST_INTERRUPTIBILITY 0x4824u
#define VMCS_GUEST_ACTIVITY	    0x4826u
#define VMCS_GUEST_SYSENTER_CS	    0x482Au
/* B.3.4 32-bit host-state field */
#define VMCS_HOST_SYSENTER_CS 0x4C00u
/* B.4.1 natural-width control fields */
#define VMCS_CR0_MASK	0x6000u
#define VMCS_CR4_MASK	0x6002u
#define VMCS_CR0_SHADOW 0x6004u
#define VMCS_CR4_SHADOW 0x6006u
/* B.4.2 natural-width read-only data */
#define VMCS_EXIT_QUAL	  0x6400u
#define VMCS_GUEST_LINEAR 0x640Au
/* B.4.3 natural-width guest-state fields */
#define VMCS_GUEST_CR0		0x6800u
#define VMCS_GUEST_CR3		0x6802u
#define VMCS_GUEST_CR4		0x6804u
#define VMCS_GUEST_ES_BASE	0x6806u
#define VMCS_GUEST_CS_BASE	0x6808u
#define VMCS_GUEST_SS_BASE	0x680Au
#define VMCS_GUEST_DS_BASE	0x680Cu
#define VMCS_GUEST_FS_BASE	0x680Eu
#define VMCS_GUEST_GS_BASE	0x6810u
#define VMCS_GUEST_LDTR_BASE	0x6812u
#define VMCS_GUEST_TR_BASE	0x6814u
#define VMCS_GUEST_GDTR_BASE	0x6816u
#define VMCS_GUEST_IDTR_BASE	0x6818u
#define VMCS_GUEST_DR7		0x681Au
#define VMCS_GUEST_RSP		0x681Cu
#define VMCS_GUEST_RIP		0x681Eu
#define VMCS_GUEST_RFLAGS	0x6820u
#define VMCS_GUEST_PENDING_DBG	0x6822u
#define VMCS_GUEST_SYSENTER_ESP 0x6824u
#define VMCS_GUEST_SYSENTER_EIP 0x6826u
/* B.4.4 natural-width host-state fields */
#define VMCS_HOST_CR0	       0x6C00u
#define VMCS_HOST_CR3	       0x6C02u
#define VMCS_HOST_CR4	       0x6C04u
#define VMCS_HOST_FS_BASE      0x6C06u
#define VMCS_HOST_GS_BASE      0x6C08u
#define VMCS_HOST_TR_BASE      0x6C0Au
#define VMCS_HOST_GDTR_BASE    0x6C0Cu
#define VMCS_HOST_IDTR_BASE    0x6C0Eu
#define VMCS_HOST_SYSENTER_ESP 0x6C10u
#define VMCS_HOST_SYSENTER_EIP 0x6C12u
#define VMCS_HOST_RSP	       0x6C14u
#define VMCS_HOST_RIP	       0x6C16u

/* ---- Basic exit reasons (SDM appendix C) ------------------------- */
#define EXIT_EXCEPTION_NMI     0u
#define EXIT_EXTERNAL_INTR     1u
#define EXIT_TRIPLE_FAULT      2u
#define EXIT_INIT	       3u
#define EXIT_SIPI	       4u
#define EXIT_INTR_WINDOW       7u
#define EXIT_NMI_WINDOW	       8u
#define EXIT_CPUID	       10u
#define EXIT_HLT	       12u
#define EXIT_VMCALL	       18u
#define EXIT_CR_ACCESS	       28u
#define EXIT_DR_ACCESS	       29u
#define EXIT_IO		       30u
#define EXIT_RDMSR	       31u
#define EXIT_WRMSR	       32u
#define EXIT_INVALID_GUEST     33u
#define EXIT_MSR_LOADING       34u
#define EXIT_MWAIT	       36u
#define EXIT_MONITOR	       39u
#define EXIT_MACHINE_CHECK     41u
#define EXIT_EPT_VIOLATION     48u
#define EXIT_EPT_MISCONFIG     49u
#define EXIT_PREEMPT_TIMER     52u
#define EXIT_WBINVD	       54u /* WBINVD and WBNOINVD */
#define EXIT_XSETBV	       55u
#define EXIT_REASON_ENTRY_FAIL (1u << 31) /* SDM 25.9.1 */

/* Interruption information (SDM 25.8.3 entry, 25.9.2 exit). */
#define INTR_INFO_VALID	    (1u << 31)
#define INTR_INFO_ERRCODE   (1u << 11)
#define INTR_TYPE_EXT	    0u
#define INTR_TYPE_NMI	    2u
#define INTR_TYPE_HW_EXC    3u
#define INTR_TYPE_SW_INT    4u
#define INTR_TYPE_PRIV_SW   5u
#define INTR_TYPE_SW_EXC    6u
#define INTR_INFO_TYPE(i)   (((i) >> 8) & 7u)
#define INTR_INFO_VECTOR(i) ((i)&0xFFu)

/* Guest interruptibility state (SDM 25.4.2, table 25-3). */
#define INTERRUPTIBILITY_STI   (1u << 0)
#define INTERRUPTIBILITY_MOVSS (1u << 1)

/* Exit qualification for control-register accesses (SDM 28.2.1, table
 * 28-3): CR number, access type, GPR, LMSW source data. */
#define CRQ_CR(q)	 ((unsigned)(q)&0xFu)
#define CRQ_TYPE(q)	 ((unsigned)((q) >> 4) & 3u)
#define CRQ_GPR(q)	 ((unsigned)((q) >> 8) & 0xFu)
#define CRQ_LMSW_DATA(q) ((uint16_t)((q) >> 16))
#define CRQ_MOV_TO	 0u
#define CRQ_MOV_FROM	 1u
#define CRQ_CLTS	 2u
#define CRQ_LMSW	 3u
/* #DB exit qualification (SDM 28.2.1, table 28-1): B0-B3 3:0, BD 13,
 * BS 14, in DR6's positions. */
#define VMX_DBQ_DR6_BITS 0x600Full
/* Exit qualification for MOV DR (SDM 28.2.1, table 28-4): DR number,
 * direction (1: MOV from DR), GPR. */
#define DRQ_DR(q)  ((unsigned)(q)&7u)
#define DRQ_FROM   (1u << 4)
#define DRQ_GPR(q) ((unsigned)((q) >> 8) & 0xFu)

/* Segment access rights (SDM 25.4.1, table 25-2). */
#define AR_UNUSABLE (1u << 16)
#define AR_CODE64   0xA09Bu /* P, DPL0, S, type 11 (exec/read, accessed), L, G */
#define AR_CODE32   0xC09Bu /* P, DPL0, S, type 11, D/B, G */
#define AR_DATA	    0xC093u /* P, DPL0, S, type 3 (read/write, accessed), D/B, G */
#define AR_TSS64    0x008Bu /* P, type 11: busy 64-bit TSS (32-bit busy TSS too) */

#define VMX_RFLAGS_IF (1ull << 9)

#endif /* KSH_VMX_DEFS_H */
