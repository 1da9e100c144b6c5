/* SPDX-License-Identifier: MIT */
/*
 * Internal interfaces of the SVM backend.
 */
#ifndef KSH_SVM_H
#define KSH_SVM_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/vcpu.h>
#include <ksh/tables.h>

extern const struct npt_format svm_npt_format;

/* CPUID Fn8000_0001 ECX[2]: SVM (APM vol. 3, appendix E.4.2). */
#define EXT1_ECX_SVM (1u << 2)

/* CPUID Fn8000_000A EDX feature bits (APM vol. 3, appendix E.4.10). */
#define SVM_FEAT_NP	    (1u << 0)
#define SVM_FEAT_NRIP	    (1u << 3)
#define SVM_FEAT_FLUSH_ASID (1u << 6)
#define SVM_FEAT_DECODE	    (1u << 7)

/* CPU capabilities found by svm_probe (CPUID Fn8000_000A). */
struct svm_caps {
	uint32_t n_asid;
	bool nrip;	 /* next-RIP save (EDX[3]) */
	bool flush_asid; /* FlushByAsid (EDX[6]) */
	bool decode;	 /* DecodeAssists (EDX[7]) */
};

/* What svm_probe reads from the CPU. vm_cr and the Fn8000_000A values
 * are read only where the CPU reports SVM (VM_CR does not exist
 * otherwise: RDMSR would fault), else they stay 0. */
struct svm_cpu_regs {
	uint32_t max_ext_leaf;	   /* CPUID Fn8000_0000 EAX */
	uint32_t ext1_ecx;	   /* CPUID Fn8000_0001 ECX */
	uint64_t vm_cr;		   /* MSR VM_CR (C001_0114h) */
	uint32_t svm_ebx, svm_edx; /* CPUID Fn8000_000A EBX, EDX */
};

/*
 * svm_caps_check - does a CPU with these values have what the backend
 * needs (SVM enabled, nested paging, guest ASIDs)? Pure: decides from the
 * values only (svm_caps.c).
 * Returns 0 with *caps filled, or -1 with *missing naming the first
 * missing feature ("SVM (...)", "NPT (...)", ...); *caps is then untouched.
 */
int svm_caps_check(const struct svm_cpu_regs *r, struct svm_caps *caps,
		   const char **missing);

extern struct svm_caps svm_caps;
extern uint64_t svm_host_vmcb_pa, svm_iopm_pa, svm_msrpm_pa;

void svm_vmrun(uint64_t guest_vmcb_pa, struct vcpu_regs *regs,
	       uint64_t host_vmcb_pa);
void svm_run(struct vcpu *v, struct vm_exit *exit);

#endif /* KSH_SVM_H */
