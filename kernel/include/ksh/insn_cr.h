/* SPDX-License-Identifier: MIT */
/*
 * Decoding MOV to a control register (0F 22 /r; Intel SDM vol. 2B "MOV -
 * Move to/from Control Registers"), for CPUs whose CR-write exits name
 * neither the GPR nor the length (AMD without decode assists, QEMU's
 * SVM: APM vol. 2 15.8.1). Pure, unit-tested (kernel/arch/x86_64/emul/insn_cr.c).
 */
#ifndef KSH_INSN_CR_H
#define KSH_INSN_CR_H

#include <stdbool.h>
#include <stdint.h>

/* Length of the MOV to CRn instruction at b[0..n) (prefixes and REX in
 * 64-bit mode included) when n is `cr`, with *gpr set to its source
 * register (0 RAX .. 15 R15); -1 if the bytes are anything else. */
int insn_mov_to_cr(const uint8_t *b, uint32_t n, bool long64, uint8_t cr,
		   uint8_t *gpr);

#endif /* KSH_INSN_CR_H */
