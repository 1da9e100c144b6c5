// SPDX-License-Identifier: MIT
/*
 * MOV to a control register, decoded from the guest's bytes
 * (ksh/insn_cr.h). Encoding (SDM vol. 2B, MOV-Move to/from Control
 * Registers): [REX] 0F 22 /r; ModRM.reg (with REX.R) is the CR number,
 * ModRM.rm (with REX.B) the GPR, the mod bits are ignored. Operand-size
 * and segment prefixes do not change the operation; they are accepted
 * and counted in the length. LOCK 0F 22 is AMD's CR8 alias (APM vol. 3
 * MOV CRn): refused, since only the CR named by the caller is wanted.
 */
#include <ksh/insn.h>
#include <ksh/insn_cr.h>

int insn_mov_to_cr(const uint8_t *b, uint32_t n, bool long64, uint8_t cr,
		   uint8_t *gpr)
{
	uint8_t rex;
	uint32_t i = insn_mov_prefixes(b, n, long64, &rex);

	if (i + 3 > n || b[i] != 0x0F || b[i + 1] != 0x22)
		return -1;
	if ((uint8_t)(((b[i + 2] >> 3) & 7) | ((rex & 4) << 1)) != cr)
		return -1;
	*gpr = (uint8_t)((b[i + 2] & 7) | ((rex & 1) << 3));
	return (int)(i + 3);
}
