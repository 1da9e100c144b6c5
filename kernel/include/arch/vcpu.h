/* SPDX-License-Identifier: MIT */
/*
 * The vendor interface: the only way generic kernel code (kernel/core/)
 * talks to hardware virtualization. kernel/arch/x86_64/svm/ (AMD-V) and
 * kernel/arch/x86_64/vmx/ (Intel VT-x) each provide one `struct vcpu_ops`;
 * vcpu_select() picks one once at boot. There is no #ifdef on vendor above
 * this line.
 *
 * The vendor code translates its exits (VMCB EXITCODE, VMCS exit reason)
 * into `struct vm_exit`, computes the next RIP where the hardware does not
 * (QEMU's SVM has no next-RIP save), and applies what the generic handler
 * decided (advance RIP, inject an event, stop).
 */
#ifndef KSH_ARCH_VCPU_H
#define KSH_ARCH_VCPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ksh/loader.h>

/* Guest general-purpose registers the vendor code saves on every exit and
 * restores on every entry. RSP and RIP live in the VMCB/VMCS and are read
 * and written through the ops below. */
struct vcpu_regs {
	uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

/* Generic exit reasons. */
enum vm_exit_reason {
	VMEXIT_NONE = 0,
	VMEXIT_IO,	  /* IN/OUT/INS/OUTS on an intercepted port */
	VMEXIT_MSR_READ,  /* RDMSR on an intercepted MSR */
	VMEXIT_MSR_WRITE, /* WRMSR on an intercepted MSR */
	VMEXIT_CPUID,
	VMEXIT_HLT,
	VMEXIT_HYPERCALL, /* VMMCALL or VMCALL */
	VMEXIT_NPF,	  /* nested page fault / EPT violation or misconfig */
	VMEXIT_INTR,	  /* physical interrupt (host timer: preemption) */
	VMEXIT_SHUTDOWN,  /* triple fault */
	VMEXIT_EXCEPTION, /* an intercepted guest exception */
	VMEXIT_INVALID,	  /* VM entry failed: invalid guest state */
	VMEXIT_UNHANDLED, /* anything else: the guest is stopped */
	VMEXIT_DR,	  /* MOV to/from a debug register (decoded) */
	VMEXIT_CR4_WRITE, /* MOV to CR4 (decoded): set_cr4 applies it */
	VMEXIT_WBINVD,	  /* WBINVD or WBNOINVD (instruction exit) */
	VMEXIT_RDPRU,	  /* RDPRU (AMD; instruction exit) */
};

struct vm_exit {
	uint32_t reason;   /* enum vm_exit_reason */
	uint64_t raw;	   /* vendor exit code, for logs */
	uint64_t rip;	   /* guest RIP of the exiting instruction */
	uint64_t next_rip; /* RIP after it (0 where meaningless) */
	uint32_t cpl;	   /* guest CPL at the exit */
	union {
		struct {
			uint16_t port;
			uint8_t size; /* 1, 2 or 4 */
			bool in, string, rep;
		} io;
		struct {
			uint32_t index;
		} msr;
		struct {
			uint64_t gpa;
			bool read, write, exec;
			bool present; /* a mapping exists (rights violation) */
		} npf;
		struct {
			uint8_t vector;
			bool has_error;
			uint32_t error_code;
			uint64_t cr2; /* #PF */
			/* #DB: the DR6 bits this exception sets (B0-B3, BD,
			 * BS, BT; 1 = set), which the vendor read from
			 * where its CPU leaves them (SDM 28.2.1 exit
			 * qualification; APM 15.12 the VMCB's DR6). */
			uint64_t dr6;
			/* Raised by an instruction (INT1/ICEBP): delivered
			 * with RIP after it (next_rip), as the CPU would. */
			bool soft;
		} exc;
		struct {
			uint8_t dr;  /* DR0-DR7 */
			uint8_t gpr; /* 0 RAX ... 15 R15 */
			bool write;  /* MOV DRn, gpr */
		} dr;
		struct {
			uint64_t value; /* the operand */
			uint64_t old;	/* guest CR4 before */
			uint64_t cr3;
			bool long_mode; /* EFER.LMA */
		} cr4;
	} u;
};

/* Nested page-table entry formats differ (AMD NPT uses x86 PTE bits, Intel
 * EPT its own R/W/X bits and memory type); the generic builder in
 * kernel/core (npt.c) calls these to encode entries. */
struct npt_format {
	const char *name;
	/* A non-leaf entry pointing to the next-level table at hpa. */
	uint64_t (*table)(uint64_t hpa);
	/* A leaf mapping hpa with KSH_R/W/X rights; large = 2 MiB page. */
	uint64_t (*leaf)(uint64_t hpa, uint32_t rights, bool large);
	/* Rights encoded in an existing leaf, for checks and dumps. */
	uint32_t (*rights)(uint64_t entry);
};

struct vcpu; /* generic per-vCPU state, ksh/domain.h */

struct vcpu_ops {
	const char *name; /* "svm" or "vmx" */
	/* Does this CPU have everything we need? On failure *missing names
	 * the first missing feature ("SVM", "NPT", "EPT", ...). */
	bool (*probe)(const char **missing);
	/* Per-physical-CPU enable (EFER.SVME + host save area; VMXON). */
	int (*cpu_enable)(void);
	const struct npt_format *npt;
	/* Build the vendor control block for v from its start state and the
	 * nested page-table root (host-physical). */
	int (*vcpu_init)(struct vcpu *v, const struct vcpu_start *start,
			 uint64_t npt_root_hpa);
	/* Enter the guest; return at the next exit with *exit filled. */
	void (*run)(struct vcpu *v, struct vm_exit *exit);
	/* Registers the control block holds. */
	uint64_t (*get_rip)(struct vcpu *v);
	void (*set_rip)(struct vcpu *v, uint64_t rip);
	uint64_t (*get_rsp)(struct vcpu *v);
	uint64_t (*get_rflags)(struct vcpu *v);
	/* Inject an event at the next entry: vector, type (0 ext interrupt,
	 * 3 exception, 2 NMI), optional error code. Requests an interrupt
	 * window exit instead when the guest cannot take an interrupt now. */
	int (*inject)(struct vcpu *v, uint8_t vector, int type, bool has_error,
		      uint32_t error_code);
	/* Invalidate the guest's nested-paging translations after the
	 * kernel changed its tables (AMD APM 15.16; Intel SDM 28.4.3). */
	void (*flush_npt)(struct vcpu *v);
	/* Is an event already set for delivery at the next entry (an
	 * external interrupt waiting for the guest's window, or an event
	 * being re-injected)? inject() of an external interrupt must not be
	 * called then: the caller keeps the request in its interrupt
	 * controller. NULL: the backend cannot route virtual interrupts. */
	bool (*irq_pending)(struct vcpu *v);
	/* RDMSR/WRMSR of an MSR whose guest value the vendor control block
	 * holds (EFER). Returns 0 when done (*val read or written), 1 when
	 * the access must fault (#GP), -1 when the MSR is not the vendor's.
	 * NULL: none. */
	int (*msr_access)(struct vcpu *v, uint32_t index, bool write,
			  uint64_t *val);
	/* Apply a MOV to CR4 that the generic code checked (VMEXIT_CR4_WRITE,
	 * ksh/cr4_policy.h), with the TLB effects the write would have had
	 * (SDM vol. 3A 4.10.4.1). NULL: CR4 writes do not exit. */
	void (*set_cr4)(struct vcpu *v, uint64_t cr4);
};

extern const struct vcpu_ops svm_ops;
extern const struct vcpu_ops vmx_ops;

/* The CPUID values the choice is made from (vcpu_select reads them). */
struct cpu_ident {
	uint32_t vendor[3]; /* CPUID 0: EBX, EDX, ECX */
	uint32_t l1_edx;    /* CPUID 1: EDX */
	uint32_t max_ext;   /* CPUID 8000_0000h: EAX */
	uint32_t e1_edx;    /* CPUID 8000_0001h: EDX (0 if max_ext is less) */
};

/*
 * vcpu_select_from - the choice of vcpu_select, from values: the host's
 * own needs (FXSAVE, NX, local APIC: what arch_init relies on), then the
 * backend of the CPU's vendor, then that backend's probe (which reads its
 * own CPUID leaves and MSRs and decides with a pure check).
 * @amd, @intel: the backends linked into the image (NULL: none)
 * @msg, @size:  room for a refusal that names the backend
 *
 * Returns the backend, or NULL with *why naming what is missing
 * ("CPU lacks NX (...)", "svm: CPU lacks NPT (...)", ...).
 */
const struct vcpu_ops *vcpu_select_from(const struct cpu_ident *c,
					const struct vcpu_ops *amd,
					const struct vcpu_ops *intel, char *msg,
					size_t size, const char **why);

/* Picks the backend this CPU supports (vcpu_select_from on this CPU's
 * values). Reads only CPUID and MSRs, so it runs before
 * ExitBootServices, where a refusal can still return to the firmware. */
const struct vcpu_ops *vcpu_select(const char **why);

#endif /* KSH_ARCH_VCPU_H */
