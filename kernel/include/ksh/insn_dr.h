/* SPDX-License-Identifier: MIT */
/*
 * Decoding MOV to/from a debug register (0F 21 /r, 0F 23 /r; Intel SDM
 * vol. 2B "MOV - Move to/from Debug Registers"), for CPUs whose DR-access
 * exits name neither the GPR nor the length (AMD without decode assists,
 * QEMU's SVM). Pure, unit-tested (kernel/arch/x86_64/emul/insn_dr.c).
 */
#ifndef KSH_INSN_DR_H
#define KSH_INSN_DR_H

#include <stdbool.h>
#include <stdint.h>

struct insn_dr {
	uint8_t dr;  /* debug register 0-7 */
	uint8_t gpr; /* general register, x86 numbering 0 (RAX) - 15 (R15) */
	bool write;  /* MOV DRn, reg */
};

/* Length of the MOV DRn instruction at b[0..n) (REX in 64-bit mode
 * included), filling *out; -1 if the bytes are not one (or name DR8+). */
int insn_mov_dr(const uint8_t *b, uint32_t n, bool long64, struct insn_dr *out);

#endif /* KSH_INSN_DR_H */
