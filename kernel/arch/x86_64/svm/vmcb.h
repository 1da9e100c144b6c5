/* SPDX-License-Identifier: MIT */
/*
 * The VMCB, by offset (AMD APM vol. 2, appendix B, "Layout of VMCB"),
 * and the SVM exit codes (appendix C). Accessed through VMCB_U*() on the
 * 4 KiB page rather than a C struct, so every offset here can be checked
 * against the manual's tables line by line.
 */
#ifndef KSH_SVM_VMCB_H
#define KSH_SVM_VMCB_H

#include <stdint.h>

#define VMCB_U8(v, off)	 (*(volatile uint8_t *)((uint8_t *)(v) + (off)))
#define VMCB_U16(v, off) (*(volatile uint16_t *)((uint8_t *)(v) + (off)))
#define VMCB_U32(v, off) (*(volatile uint32_t *)((uint8_t *)(v) + (off)))
#define VMCB_U64(v, off) (*(volatile uint64_t *)((uint8_t *)(v) + (off)))

/* ---- Table B-1: control area ---- */
#define VMCB_ICPT_CR	 0x000 /* CR reads 15:0, writes 31:16 */
#define VMCB_ICPT_DR	 0x004 /* DR reads 15:0, writes 31:16 */
#define VMCB_ICPT_EXC	 0x008 /* bit n: exception vector n */
#define VMCB_ICPT_MISC1	 0x00C
#define VMCB_ICPT_MISC2	 0x010
#define VMCB_IOPM_BASE	 0x040
#define VMCB_MSRPM_BASE	 0x048
#define VMCB_TSC_OFFSET	 0x050
#define VMCB_ASID	 0x058
#define VMCB_TLB_CTL	 0x05C
#define VMCB_VINTR	 0x060 /* V_TPR, V_IRQ, V_INTR_MASKING... */
#define VMCB_INT_SHADOW	 0x068
#define VMCB_EXITCODE	 0x070
#define VMCB_EXITINFO1	 0x078
#define VMCB_EXITINFO2	 0x080
#define VMCB_EXITINTINFO 0x088
#define VMCB_NP_CTL	 0x090 /* bit 0: NP_ENABLE */
#define VMCB_EVENTINJ	 0x0A8
#define VMCB_N_CR3	 0x0B0
#define VMCB_CLEAN	 0x0C0
#define VMCB_NRIP	 0x0C8

/* Misc intercept vector 1 (offset 0x00C). */
/* VMCB_ICPT_CR: bit n intercepts reads of CRn, bit 16+n writes. */
#define ICPT_CR_WRITE(n) (1u << (16 + (n)))
#define ICPT_INTR	 (1u << 0)
#define ICPT_NMI	 (1u << 1)
#define ICPT_SMI	 (1u << 2)
#define ICPT_INIT	 (1u << 3)
#define ICPT_RDPMC	 (1u << 15)
#define ICPT_CPUID	 (1u << 18)
#define ICPT_INVD	 (1u << 22)
#define ICPT_HLT	 (1u << 24)
#define ICPT_INVLPGA	 (1u << 26)
#define ICPT_IOIO	 (1u << 27)
#define ICPT_MSR	 (1u << 28)
#define ICPT_FERR	 (1u << 30)
#define ICPT_SHUTDOWN	 (1u << 31)
/* Misc intercept vector 2 (offset 0x010). */
#define ICPT_VMRUN   (1u << 0)
#define ICPT_VMMCALL (1u << 1)
#define ICPT_VMLOAD  (1u << 2)
#define ICPT_VMSAVE  (1u << 3)
#define ICPT_STGI    (1u << 4)
#define ICPT_CLGI    (1u << 5)
#define ICPT_SKINIT  (1u << 6)
#define ICPT_ICEBP   (1u << 8)
#define ICPT_WBINVD  (1u << 9) /* WBINVD and WBNOINVD */
#define ICPT_MONITOR (1u << 10)
#define ICPT_MWAIT   (1u << 11)
#define ICPT_MWAIT_C (1u << 12)
#define ICPT_XSETBV  (1u << 13)
#define ICPT_RDPRU   (1u << 14)

/* VMCB_VINTR bit 24: V_INTR_MASKING: the guest's RFLAGS.IF masks only
 * virtual interrupts; physical ones follow the host's IF (APM 15.21.1). */
#define VINTR_MASKING (1ull << 24)
/* Virtual interrupt request (APM 15.21.4): V_IRQ bit 8, V_INTR_PRIO
 * 19:16, V_IGN_TPR bit 20, V_INTR_VECTOR 39:32. The CPU delivers it like
 * an external interrupt once the guest's RFLAGS.IF and interrupt shadow
 * allow, and clears V_IRQ then. */
#define VINTR_IRQ	   (1ull << 8)
#define VINTR_PRIO_MAX	   (0xFull << 16)
#define VINTR_IGN_TPR	   (1ull << 20)
#define VINTR_VECTOR_SHIFT 32

/* TLB_CONTROL values (APM 15.16.1). */
#define TLB_CTL_NONE 0
#define TLB_CTL_FLUSH_ALL                                                      \
	1		     /* every ASID: the only choice without
			     * FlushByAsid */
#define TLB_CTL_FLUSH_ASID 3 /* this guest's ASID */

/* EVENTINJ / EXITINTINFO (APM 15.20): vector 7:0, type 10:8 (0 external
 * interrupt, 2 NMI, 3 exception, 4 software interrupt). */
#define EVENT_VALID	(1ull << 31)
#define EVENT_ERR_VALID (1ull << 11)
#define EVENT_TYPE(ev)	(((ev) >> 8) & 7u)

/* ---- Table B-2: state save area (offsets from the VMCB start) ---- */
#define VMCB_ES	    0x400 /* each segment: sel u16, attrib u16, */
#define VMCB_CS	    0x410 /* limit u32, base u64 */
#define VMCB_SS	    0x420
#define VMCB_DS	    0x430
#define VMCB_FS	    0x440
#define VMCB_GS	    0x450
#define VMCB_GDTR   0x460
#define VMCB_LDTR   0x470
#define VMCB_IDTR   0x480
#define VMCB_TR	    0x490
#define VMCB_CPL    0x4CB
#define VMCB_EFER   0x4D0
#define VMCB_CR4    0x548
#define VMCB_CR3    0x550
#define VMCB_CR0    0x558
#define VMCB_DR7    0x560
#define VMCB_DR6    0x568
#define VMCB_RFLAGS 0x570
#define VMCB_RIP    0x578
#define VMCB_RSP    0x5D8
#define VMCB_RAX    0x5F8
#define VMCB_CR2    0x640
#define VMCB_G_PAT  0x668

#define SEG_SEL	  0
#define SEG_ATTR  2
#define SEG_LIMIT 4
#define SEG_BASE  8

/* ---- Appendix C: exit codes ---- */
#define SVM_EXIT_CR4_WRITE 0x014 /* CR0-15 reads 0x000, writes 0x010 */
#define SVM_EXIT_DR_BASE   0x020 /* DR0-15 reads, then writes at 0x030 */
#define SVM_EXIT_EXCP_BASE 0x040
#define SVM_EXIT_INTR	   0x060
#define SVM_EXIT_NMI	   0x061
#define SVM_EXIT_SMI	   0x062
#define SVM_EXIT_CPUID	   0x072
#define SVM_EXIT_HLT	   0x078
#define SVM_EXIT_IOIO	   0x07B
#define SVM_EXIT_MSR	   0x07C
#define SVM_EXIT_SHUTDOWN  0x07F
#define SVM_EXIT_VMMCALL   0x081
#define SVM_EXIT_ICEBP	   0x088
#define SVM_EXIT_WBINVD	   0x089 /* WBINVD and WBNOINVD */
#define SVM_EXIT_RDPRU	   0x08E
#define SVM_EXIT_NPF	   0x400
/* VMEXIT_INVALID is -1, but QEMU stores 0x00000000ffffffff: compare the
 * low 32 bits. */
#define SVM_EXIT_INVALID_LO 0xFFFFFFFFu

/* IOIO EXITINFO1 (APM 15.10.2). */
#define IOIO_IN	  (1u << 0)
#define IOIO_STR  (1u << 2)
#define IOIO_REP  (1u << 3)
#define IOIO_SZ8  (1u << 4)
#define IOIO_SZ16 (1u << 5)
#define IOIO_SZ32 (1u << 6)

/* NPF EXITINFO1: a #PF-style error code (APM 15.25.6). */
#define NPF_P  (1ull << 0)
#define NPF_RW (1ull << 1)
#define NPF_ID (1ull << 4)

#endif /* KSH_SVM_VMCB_H */
