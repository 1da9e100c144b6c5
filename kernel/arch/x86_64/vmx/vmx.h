/* SPDX-License-Identifier: MIT */
/*
 * Internal interface of the Intel VT-x backend (kernel/arch/x86_64/vmx/).
 * Split so that everything that only computes (capability checks, control
 * adjustment, exit decoding, EPT entry encoding) is pure C, linked into the
 * host unit tests as well as the kernel; only vmx_cpu.c, vmx_vcpu.c,
 * vmx_emul.c, vmx_insn.c and vmx_entry.S touch the hardware.
 */
#ifndef KSH_VMX_H
#define KSH_VMX_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/vcpu.h>

#include "vmx_defs.h"

/* What the capability MSRs (SDM appendix A) and CPUID say, read once. */
struct vmx_caps {
	bool cpuid_vmx;		  /* CPUID.1:ECX[5] */
	uint64_t feature_control; /* IA32_FEATURE_CONTROL after our write */
	uint64_t basic;		  /* IA32_VMX_BASIC */
	/* Control capability MSRs: TRUE_* where IA32_VMX_BASIC[55] says
	 * they exist (SDM A.2), the legacy ones otherwise. */
	uint64_t pin, proc, exit, entry;
	uint64_t proc2;	   /* 0 when secondary controls are not allowed */
	uint64_t ept_vpid; /* 0 when neither EPT nor VPID is allowed */
	uint64_t cr0_fixed0, cr0_fixed1, cr4_fixed0, cr4_fixed1;
};

/* The controls and limits we run with, derived from the caps. */
struct vmx_config {
	uint32_t revision;			/* VMCS revision identifier */
	uint32_t pin, proc, proc2, exit, entry; /* adjusted controls */
	uint64_t cr0_fixed0, cr0_fixed1, cr4_fixed0, cr4_fixed1;
	bool exec_only;	     /* EPT execute-only entries allowed (A.10) */
	bool invept_single;  /* single-context INVEPT, else all-context */
	bool invvpid_single; /* single-context INVVPID, else all-context */
};

/* Checks every feature the backend needs, one by one, and computes the
 * control values. Returns 0, or -1 with *missing naming the first missing
 * feature ("VMX", "EPT", "unrestricted guest", "VPID", ...). Pure. */
int vmx_caps_check(const struct vmx_caps *caps, struct vmx_config *cfg,
		   const char **missing);

/* Adjusts a wanted control value to a capability MSR (SDM A.3-A.5: bits
 * 31:0 are the allowed-0 settings, bits 63:32 the allowed-1 settings).
 * Returns false, leaving *out alone, when a wanted bit cannot be 1. */
bool vmx_ctl_adjust(uint64_t cap, uint32_t want, uint32_t *out);

/* A CR0/CR4 value forced to the fixed bits (SDM A.7, A.8). */
static inline uint64_t vmx_cr_fix(uint64_t v, uint64_t fixed0, uint64_t fixed1)
{
	return (v | fixed0) & fixed1;
}

/* A guest write to CR0 or CR4 that exited (vmx_cr.c): the value for the
 * VMCS guest field (fixed bits applied), the one the guest reads back
 * (read shadow), and IA32_EFER after it (LMA follows CR0.PG). */
struct vmx_cr_write {
	uint64_t guest, shadow, efer;
};

/* Guest writes of CR0, CR4, CR8 and IA32_EFER: 0 with the new values, or
 * 1 when the instruction must raise #GP(0). Pure (vmx_cr.c). */
int vmx_cr0_write(const struct vmx_config *cfg, uint64_t val, uint64_t cr4,
		  uint64_t efer, struct vmx_cr_write *out);
int vmx_cr4_write(const struct vmx_config *cfg, uint64_t val, uint64_t efer,
		  struct vmx_cr_write *out);
int vmx_cr8_write(uint64_t val, uint64_t *tpr);
int vmx_efer_write(uint64_t cur, uint64_t val, uint64_t cr0, uint64_t *out);

/* Raw exit information read from the VMCS after an exit. */
struct vmx_exit_raw {
	uint32_t reason;   /* VMCS exit reason, bit 31 = VM-entry failure */
	uint64_t qual;	   /* exit qualification */
	uint64_t gpa;	   /* guest-physical address (EPT exits) */
	uint64_t rip;	   /* guest RIP */
	uint32_t insn_len; /* VM-exit instruction length */
	uint32_t intr_info, intr_err; /* VM-exit interruption information */
	uint32_t ss_ar;		      /* guest SS access rights: CPL = SS.DPL */
	uint64_t rcx; /* guest RCX: the MSR index for RDMSR/WRMSR */
};

/* Translates a VMX exit into the generic form. Pure. */
void vmx_exit_decode(const struct vmx_exit_raw *raw, struct vm_exit *exit);

/* Name of a VM-instruction error number (SDM 31.4, table 31-1), for logs. */
const char *vmx_insn_error_name(uint32_t err);

/* EPT entry encoding (SDM 29.3.2), vmx_ept.c. */
extern const struct npt_format vmx_ept_format;
/* Set by probe from IA32_VMX_EPT_VPID_CAP[0]: execute-only entries. */
void vmx_ept_set_exec_only(bool allowed);

/* EPTP for a 4-level, write-back EPT rooted at root_hpa (SDM 25.6.11). */
static inline uint64_t vmx_eptp(uint64_t root_hpa)
{
	return (root_hpa & EPT_ADDR_MASK) | EPTP_WALK4 | EPTP_WB;
}

#endif /* KSH_VMX_H */
