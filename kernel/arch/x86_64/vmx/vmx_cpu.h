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

/* MSRs the VMCS does not hold, switched through the VM-entry MSR-load and
 * VM-exit MSR-store areas (SDM 25.7.2, 25.8.2): SYSCALL and SWAPGS state,
 * and IA32_TSC_AUX where RDTSCP is enabled for the guest (RDTSCP reads
 * it, SDM 26.3). The host never uses them (no SYSCALL, SWAPGS or RDTSCP
 * in the kernel), so the exit leaves the guest's values in place and no
 * host values are reloaded. */
#define VMX_N_GUEST_MSRS 6

/* One entry of an MSR area (SDM 25.7.2, table 25-14). */
struct vmx_msr_entry {
	uint32_t index;
	uint32_t reserved;
	uint64_t value;
};

/* Per-vCPU backend state. The VMCS region (SDM 25.2) lives apart in a
 * page-aligned array. */
struct vmx_vcpu {
	/* 16-byte aligned (SDM 27.2.1.2); first, so the array keeps it. */
	struct vmx_msr_entry msrs[VMX_N_GUEST_MSRS];
	struct vcpu *owner; /* NULL: slot free */
	uint64_t vmcs_pa;
	uint64_t eptp;
	uint16_t vpid; /* 1..: VPID 0 is the host's (SDM 29.1) */
	bool launched; /* VMLAUNCH done: VMRESUME from now on */
	uint64_t cr2;  /* not part of the VMCS (SDM 27.3.1.1) */
	uint64_t tpr;  /* CR8: storage, there is no TPR shadow */
	/* An external interrupt the guest could not take yet, injected at
	 * the interrupt-window exit (SDM 26.7.5). */
	bool pending;
	uint32_t pending_info, pending_err;
} __attribute__((aligned(16)));

/* The backend state of v with its VMCS made current, or NULL. */
struct vmx_vcpu *vmx_loaded(struct vcpu *v);

/* An exception for the next entry (SDM 25.8.3). */
void vmx_inject_exc(uint8_t vector, bool has_error, uint32_t error_code);

/* A control-register access exit (vmx_emul.c): emulated and the guest's
 * RIP moved on, or #GP injected. Returns false when the access is not
 * one the backend emulates (the exit then goes to the generic kernel). */
bool vmx_cr_access(struct vmx_vcpu *x, struct vcpu *v, uint64_t qual);

/* RDMSR/WRMSR of IA32_EFER (vcpu_ops.msr_access, vmx_emul.c). */
int vmx_msr_access(struct vcpu *v, uint32_t index, bool write, uint64_t *val);

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
