/* SPDX-License-Identifier: MIT */
/*
 * Lengths of the few instructions the kernel intercepts, from their bytes,
 * for CPUs that do not report the next RIP (QEMU's SVM: no nRIP save).
 * Pure, unit-tested.
 */
#ifndef KSH_INSN_H
#define KSH_INSN_H

#include <stdbool.h>
#include <stdint.h>

enum insn_kind {
	INSN_HLT = 1, /* F4 */
	INSN_CPUID,   /* 0F A2 */
	INSN_RDMSR,   /* 0F 32 */
	INSN_WRMSR,   /* 0F 30 */
	INSN_VMMCALL, /* 0F 01 D9 (AMD) */
	INSN_VMCALL,  /* 0F 01 C1 (Intel) */
	INSN_WBINVD,  /* 0F 09 (F3 0F 09 is WBNOINVD) */
	INSN_ICEBP,   /* F1 (INT1) */
	INSN_RDPRU,   /* 0F 01 FD (AMD) */
};

/* Length of the instruction of `kind` at b[0..n), legacy prefixes (and REX
 * in 64-bit mode) included; -1 if the bytes are not that instruction. */
int insn_len(const uint8_t *b, uint32_t n, enum insn_kind kind, bool long64);

/*
 * For the MOV to/from CR and DR decoders (insn_cr.c, insn_dr.c): skips
 * the prefixes that do not change those instructions (operand size and
 * segment overrides, at most 14 so the 15-byte limit holds, SDM vol. 2A
 * 2.3.11) and, in 64-bit mode, one REX prefix, which goes to *rex (0 if
 * none). Returns the index of the opcode's first byte (may be n).
 */
uint32_t insn_mov_prefixes(const uint8_t *b, uint32_t n, bool long64,
			   uint8_t *rex);

#endif /* KSH_INSN_H */
