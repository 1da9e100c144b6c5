// SPDX-License-Identifier: MIT
/*
 * What the vendor backends need from the generic struct vcpu
 * (ksh/domain.h) and cannot see themselves.
 */
#include "vmx/vmx_cpu.h"

#include <ksh/domain.h>

/* The VMX backend keeps guest GPRs in the generic vCPU (vmx_cpu.h). */
struct vcpu_regs *vmx_guest_regs(struct vcpu *v)
{
	return &v->regs;
}
