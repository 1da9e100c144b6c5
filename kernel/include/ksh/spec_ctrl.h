/* SPDX-License-Identifier: MIT */
/*
 * CPU mitigations between domains: which of the CPU's speculation
 * controls the kernel uses, decided once at boot from CPUID and
 * IA32_ARCH_CAPABILITIES. The decision (spec_plan_decide) is pure and
 * unit-tested with the values of real and imagined CPUs
 * (tests/unit/test_spec_ctrl.c), because the emulators of the test suite
 * advertise almost none of these bits. kernel/arch/x86_64/spec_ctrl.c
 * reads the CPU, prints the plan as one `ksh: mitigations: ...` line and
 * applies it; the scheduler calls arch_spec_switch() before entering a
 * domain other than the last one.
 *
 * What is not decided here because it is always on: retpolines for every
 * indirect call and jump of the kernel (built with
 * -mindirect-branch=thunk-extern, kernel/arch/x86_64/retpoline.S;
 * tests/indirect-branches.sh checks the library), the return stack
 * buffer filled with 32 harmless entries after every VM exit
 * (kernel/include/arch/rsb_fill.h), and guest-chosen indices clamped
 * (ksh/nospec.h).
 */
#ifndef KSH_SPEC_CTRL_H
#define KSH_SPEC_CTRL_H

#include <stdbool.h>
#include <stdint.h>

/* CPUID.(EAX=7,ECX=0):EDX (Intel SDM vol. 2A, CPUID, Table 3-8). */
#define SPEC_L7_EDX_MD_CLEAR  (1u << 10) /* VERW clears CPU buffers */
#define SPEC_L7_EDX_SPEC_CTRL (1u << 26) /* IA32_SPEC_CTRL.IBRS, IBPB */
#define SPEC_L7_EDX_L1D_FLUSH (1u << 28) /* IA32_FLUSH_CMD */
#define SPEC_L7_EDX_ARCH_CAPS (1u << 29) /* IA32_ARCH_CAPABILITIES */
/* CPUID.(EAX=7,ECX=0):EBX: transactional memory. */
#define SPEC_L7_EBX_HLE (1u << 4)
#define SPEC_L7_EBX_RTM (1u << 11)
/* CPUID 0x80000008 EBX (AMD CPUID spec #25481; AMD "Indirect Branch
 * Control Extension" white paper). */
#define SPEC_E8_EBX_XSAVEERPTR (1u << 2) /* FIP/FDP/FOP always saved */
#define SPEC_E8_EBX_IBPB       (1u << 12)
/* CPUID 0x80000021 EAX bit 8: Automatic IBRS (AMD APM vol. 2 3.2.9). */
#define SPEC_E21_EAX_AUTOIBRS (1u << 8)

/* IA32_ARCH_CAPABILITIES (MSR 0x10A; Intel SDM vol. 4 Table 2-2). */
#define ARCH_CAP_RDCL_NO	    (1ull << 0) /* no L1TF/Meltdown */
#define ARCH_CAP_IBRS_ALL	    (1ull << 1) /* enhanced IBRS */
#define ARCH_CAP_SKIP_L1DFL_VMENTRY (1ull << 3)
#define ARCH_CAP_MDS_NO		    (1ull << 5)
#define ARCH_CAP_PSCHANGE_MC_NO	    (1ull << 6) /* no iTLB multihit */
#define ARCH_CAP_TSX_CTRL	    (1ull << 7) /* IA32_TSX_CTRL exists */
#define ARCH_CAP_TAA_NO		    (1ull << 8)

/* What the CPU says about itself. */
struct spec_cpu {
	bool intel;	    /* "GenuineIntel" */
	bool amd;	    /* "AuthenticAMD" or "HygonGenuine" */
	uint32_t l7_ebx;    /* CPUID 7.0 EBX, 0 when leaf 7 is absent */
	uint32_t l7_edx;    /* CPUID 7.0 EDX */
	uint32_t e8_ebx;    /* CPUID 0x80000008 EBX, 0 when absent */
	uint32_t e21_eax;   /* CPUID 0x80000021 EAX, 0 when absent */
	uint64_t arch_caps; /* IA32_ARCH_CAPABILITIES, 0 when absent */
};

/* Branch-target protection in force besides the retpolines. */
enum spec_bti {
	SPEC_BTI_RETPOLINE, /* retpolines alone */
	SPEC_BTI_EIBRS,	    /* + IA32_SPEC_CTRL.IBRS set once (Intel) */
	SPEC_BTI_AUTOIBRS,  /* + EFER.AIBRSE (AMD) */
};

/* Buffer clearing before a domain switch. */
enum spec_clear {
	SPEC_CLEAR_NONE,   /* not affected */
	SPEC_CLEAR_L1D,	   /* IA32_FLUSH_CMD.L1D_FLUSH */
	SPEC_CLEAR_VERW,   /* VERW with MD_CLEAR */
	SPEC_CLEAR_NO_CTL, /* affected, but the CPU offers no control */
};

/* What the kernel does, decided by spec_plan_decide. */
struct spec_plan {
	bool ibpb;	       /* IA32_PRED_CMD.IBPB at each domain switch */
	enum spec_bti bti;     /* indirect branch protection */
	enum spec_clear clear; /* at each domain switch */
	bool tsx_disable;      /* IA32_TSX_CTRL: RTM off, CPUID bits clear */
	bool exec_2m_ok;       /* executable 2 MiB nested leaves allowed */
	bool fpu_ptr_scrub;    /* x87 FIP/FDP/FOP scrubbed at each switch */
};

/* Decides the plan for cpu. Pure. */
void spec_plan_decide(const struct spec_cpu *cpu, struct spec_plan *plan);

/* Writes the plan as the text of the boot line after "mitigations: "
 * into buf (NUL-terminated, truncated to size). Returns the length the
 * full text has. Pure. */
int spec_plan_format(const struct spec_plan *plan, char *buf, uint32_t size);

#ifdef KSH_KERNEL
struct domain;

/* Reads the CPU and decides, once; later calls return the same plan. Safe
 * before arch_init (CPUID and RDMSR only): the nested-paging budget needs
 * exec_2m_ok before the kernel pool is sized. */
const struct spec_plan *arch_spec_plan(void);
/* Prints the plan and turns on what is set once (eIBRS, AutoIBRS, TSX
 * off, the nested-paging leaf rule, the x87 scrub). */
void arch_spec_init(void);
/* Before entering d: when d is not the domain that ran last, the branch
 * predictors are flushed and the data buffers cleared as the plan says. */
void arch_spec_switch(const struct domain *d);
#endif

#endif /* KSH_SPEC_CTRL_H */
