/* SPDX-License-Identifier: MIT */
/*
 * Per-vCPU x87/SSE register state. VMRUN and VM entry switch neither the
 * x87 nor the SSE registers (AMD APM vol. 2 15.5.1 lists what VMRUN loads;
 * Intel SDM vol. 3C 27.3 and 28.5 likewise), so without a switch one
 * domain reads the XMM registers another left behind. The scheduler keeps
 * one FXSAVE image per vCPU and swaps them when another vCPU takes the
 * CPU (fpu_switch_to). The kernel itself is built -mgeneral-regs-only and
 * never touches these registers.
 *
 * Only the FXSAVE state (x87, MXCSR, XMM0-15) is switched: the host keeps
 * XCR0 at x87|SSE, XSETBV exits and stops the guest, and the CPUID filter
 * hides XSAVE/AVX (kernel/arch/x86_64/fpu.c, kernel/arch/x86_64/emul/cpuid_filter.c),
 * so no guest can make the CPU hold state beyond it.
 */
#ifndef KSH_FPU_H
#define KSH_FPU_H

#include <stdbool.h>
#include <stdint.h>

/* The FXSAVE64 image: 512 bytes, 16-byte aligned (Intel SDM vol. 1
 * 10.5.1, Table 10-2; AMD APM vol. 5 FXSAVE). */
#define FPU_AREA_SIZE	512
#define FPU_OFF_FCW	0
#define FPU_OFF_MXCSR	24
#define FPU_OFF_XMM0	160
#define FPU_RESET_FCW	0x037Fu /* SDM vol. 1 8.1.5, Table 9-1 (FINIT) */
#define FPU_RESET_MXCSR 0x1F80u /* SDM vol. 1 10.2.3: all masked, RN */

struct fpu_area {
	uint8_t bytes[FPU_AREA_SIZE];
} __attribute__((aligned(16)));

/* Fills a with the state after reset/FINIT: FCW 0x037F, MXCSR 0x1F80,
 * every other field zero (abridged tag word 0: all x87 registers empty).
 * Pure, unit-tested. */
void fpu_area_reset(struct fpu_area *a);

#ifdef KSH_KERNEL
struct vcpu;

/* Makes v's x87/SSE state the live one: saves the current owner's into
 * its area (FXSAVE64) and loads v's (FXRSTOR64). Called by the scheduler
 * before every guest entry; does nothing when v already owns it. */
void fpu_switch_to(struct vcpu *v);

/* Turns on the scrub of the x87 last-instruction and last-operand
 * pointers at each change of owner (ksh/spec_ctrl.h decides: AMD CPUs
 * without CPUID 0x80000008 EBX[2]). */
void fpu_set_ptr_scrub(bool on);

/* Hardware side (kernel/arch/x86_64/fpu.c). */
void arch_fpu_save(struct fpu_area *a);
void arch_fpu_load(const struct fpu_area *a);
/* Points FIP/FDP/FOP at a kernel instruction and operand. */
void arch_fpu_scrub_ptrs(void);
#endif

#endif /* KSH_FPU_H */
