// SPDX-License-Identifier: MIT
/*
 * SVM capability check: whether this CPU has what the SVM backend needs,
 * and what it offers beyond that. Pure C (no CPUID or MSR access): svm.c
 * reads the values into a struct svm_cpu_regs, so the decision runs
 * before ExitBootServices on the machine and in host unit tests against
 * the values of real and emulated CPUs.
 */
#include "svm.h"

#include <arch/x86.h>

int svm_caps_check(const struct svm_cpu_regs *r, struct svm_caps *caps,
		   const char **missing)
{
	/* Require SVM (CPUID Fn8000_0001 ECX[2], APM vol. 2 15.4); the SVM
	 * leaf Fn8000_000A must exist too. */
	if (r->max_ext_leaf < 0x8000000Au || !(r->ext1_ecx & EXT1_ECX_SVM)) {
		*missing = "SVM (CPUID Fn8000_0001:ECX[2])";
		return -1;
	}
	/* Require that firmware left it enabled (VM_CR.SVMDIS, APM
	 * 15.30.1): with SVMDIS set, setting EFER.SVME faults. */
	if (r->vm_cr & VM_CR_SVMDIS) {
		*missing = "SVM enabled by firmware (VM_CR.SVMDIS is set)";
		return -1;
	}
	/* Require nested paging (Fn8000_000A EDX[0], APM 15.25): every
	 * domain's memory isolation rests on it. */
	if (!(r->svm_edx & SVM_FEAT_NP)) {
		*missing = "NPT (nested paging, CPUID Fn8000_000A:EDX[0])";
		return -1;
	}
	/* Require an ASID for guests besides the host's ASID 0 (APM
	 * 15.16). */
	if (r->svm_ebx < 2) {
		*missing = "guest ASIDs (CPUID Fn8000_000A:EBX < 2)";
		return -1;
	}
	caps->n_asid = r->svm_ebx;
	caps->nrip = (r->svm_edx & SVM_FEAT_NRIP) != 0;
	caps->flush_asid = (r->svm_edx & SVM_FEAT_FLUSH_ASID) != 0;
	caps->decode = (r->svm_edx & SVM_FEAT_DECODE) != 0;
	return 0;
}
