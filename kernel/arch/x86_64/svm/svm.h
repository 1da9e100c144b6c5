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

/* CPU capabilities found by svm_probe (CPUID Fn8000_000A). */
struct svm_caps {
	uint32_t n_asid;
	bool nrip;	 /* next-RIP save (EDX[3]) */
	bool flush_asid; /* FlushByAsid (EDX[6]) */
	bool decode;	 /* DecodeAssists (EDX[7]) */
};

extern struct svm_caps svm_caps;
extern uint64_t svm_host_vmcb_pa, svm_iopm_pa, svm_msrpm_pa;

void svm_vmrun(uint64_t guest_vmcb_pa, struct vcpu_regs *regs,
	       uint64_t host_vmcb_pa);
void svm_run(struct vcpu *v, struct vm_exit *exit);

#endif /* KSH_SVM_H */
