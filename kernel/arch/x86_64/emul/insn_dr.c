// SPDX-License-Identifier: MIT
/*
 * MOV to/from debug registers, decoded from the guest's bytes
 * (ksh/insn_dr.h). Encoding (SDM vol. 2B, MOV-Move to/from Debug
 * Registers): [REX] 0F 21 /r reads DRn into r64, [REX] 0F 23 /r writes
 * it; ModRM.reg is n, ModRM.rm the GPR, the mod bits are ignored (always
 * a register operand). REX.B extends rm; REX.R would name DR8-15, which
 * do not exist (#UD). Operand-size and segment prefixes do not change
 * the operation; they are accepted and counted in the length.
 */
#include <ksh/insn.h>
#include <ksh/insn_dr.h>

int insn_mov_dr(const uint8_t *b, uint32_t n, bool long64, struct insn_dr *out)
{
	uint8_t rex;
	uint32_t i = insn_mov_prefixes(b, n, long64, &rex);

	if (i + 3 > n || b[i] != 0x0F || (b[i + 1] != 0x21 && b[i + 1] != 0x23))
		return -1;
	if (rex & 0x04) /* REX.R: DR8-DR15 */
		return -1;
	out->write = b[i + 1] == 0x23;
	out->dr = (uint8_t)((b[i + 2] >> 3) & 7);
	out->gpr = (uint8_t)((b[i + 2] & 7) | ((rex & 1) << 3));
	return (int)(i + 3);
}
