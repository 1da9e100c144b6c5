/* SPDX-License-Identifier: MIT */
/*
 * State and entry points shared by the hardware-facing files of the VMX
 * backend (vmx_cpu.c, vmx_vcpu.c). Kernel only.
 */
#ifndef KSH_VMX_CPU_H
#define KSH_VMX_CPU_H

#include "vmx.h"

/* Error codes of cpu_enable and vcpu_init (returned negated). */
#define VMX_ENOTSUP (-1) /* a required feature is missing (probe says) */
#define VMX_EHW	    (-2) /* a VMX instruction failed */
#define VMX_ENOMEM  (-3) /* no free VMCS: more vCPUs than VMX_MAX_VCPUS */
#define VMX_EHOST   (-4) /* host state unusable (no TR loaded) */
#define VMX_EINVAL  (-5) /* bad start state */

/* Control values and fixed bits from the last successful probe. */
extern struct vmx_config vmx_cfg;

bool vmx_probe(const char **missing);
int vmx_cpu_enable(void);

/* Host-physical address of kernel memory. The kernel runs on an identity
 * map (UEFI's, then its own), so this is the pointer's value. */
static inline uint64_t vmx_hpa(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* The generic vCPU's guest registers: provided by whoever defines
 * struct vcpu (kernel/core, or the Bochs test app). */
struct vcpu_regs *vmx_guest_regs(struct vcpu *v);

/* RIP after a VMMCALL at the guest's RIP, or 0 when the bytes there are
 * not one (vmx_insn.c). The VMCS of v must be current. */
uint64_t vmx_vmmcall_next_rip(struct vcpu *v);

/* Entry stub, vmx_entry.S. */
int vmx_enter(struct vcpu_regs *regs, uint32_t launched);

#endif /* KSH_VMX_CPU_H */
