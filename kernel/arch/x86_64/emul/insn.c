// SPDX-License-Identifier: MIT
/*
 * Instruction lengths for intercepted instructions (ksh/insn.h). Prefix
 * rules: SDM vol. 2A 2.1.1 (legacy prefixes, at most 15 bytes in all) and
 * 2.2.1 (REX, 64-bit mode only, last before the opcode).
 */
#include <ksh/insn.h>

static bool is_legacy_prefix(uint8_t b)
{
	switch (b) {
	case 0x66:
	case 0x67:
	case 0xF0:
	case 0xF2:
	case 0xF3:
	case 0x2E:
	case 0x36:
	case 0x3E:
	case 0x26:
	case 0x64:
	case 0x65:
		return true;
	default:
		return false;
	}
}

int insn_len(const uint8_t *b, uint32_t n, enum insn_kind kind, bool long64)
{
	static const struct {
		uint8_t len, op[3];
	} ops[] = {
	    [INSN_HLT] = {1, {0xF4}},
	    [INSN_CPUID] = {2, {0x0F, 0xA2}},
	    [INSN_RDMSR] = {2, {0x0F, 0x32}},
	    [INSN_WRMSR] = {2, {0x0F, 0x30}},
	    [INSN_VMMCALL] = {3, {0x0F, 0x01, 0xD9}},
	    [INSN_VMCALL] = {3, {0x0F, 0x01, 0xC1}},
	    [INSN_WBINVD] = {2, {0x0F, 0x09}},
	    [INSN_ICEBP] = {1, {0xF1}},
	    [INSN_RDPRU] = {3, {0x0F, 0x01, 0xFD}},
	};
	uint32_t i = 0;

	if (kind < INSN_HLT || kind > INSN_RDPRU)
		return -1;
	if (n > 15)
		n = 15;
	while (i < n && is_legacy_prefix(b[i]))
		i++;
	if (long64 && i < n && (b[i] & 0xF0) == 0x40)
		i++;
	if (i + ops[kind].len > n)
		return -1;
	for (uint32_t k = 0; k < ops[kind].len; k++)
		if (b[i + k] != ops[kind].op[k])
			return -1;
	return (int)(i + ops[kind].len);
}

uint32_t insn_mov_prefixes(const uint8_t *b, uint32_t n, bool long64,
			   uint8_t *rex)
{
	uint32_t i = 0;

	while (i < n && i < 14 &&
	       (b[i] == 0x66 || b[i] == 0x2E || b[i] == 0x3E || b[i] == 0x26 ||
		b[i] == 0x36 || b[i] == 0x64 || b[i] == 0x65))
		i++;
	*rex = 0;
	if (long64 && i < n && (b[i] & 0xF0) == 0x40)
		*rex = b[i++];
	return i;
}
