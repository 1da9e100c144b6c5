/* SPDX-License-Identifier: MIT */
/*
 * Return stack buffer filling after a VM exit, for the vendor entry code
 * (assembly only). The RSB holds return targets the guest's calls pushed;
 * the host's first RETs after the exit would otherwise be predicted from
 * them (Intel, "Speculative Execution Side Channel Mitigations" rev. 3.0,
 * "Return Stack Buffer stuffing"; AMD "Software Techniques for Managing
 * Speculation", mitigation V2-3). 32 calls overwrite every entry of the
 * deepest RSB either vendor has shipped; each return address is a
 * PAUSE/LFENCE trap, so a RET predicted from one goes nowhere. The
 * stack pointer is restored with one ADD. Clobbers \reg and the flags.
 */
#ifndef KSH_ARCH_RSB_FILL_H
#define KSH_ARCH_RSB_FILL_H

#define RSB_FILL_ENTRIES 32

/* clang-format off */
.macro RSB_FILL reg
	mov $(RSB_FILL_ENTRIES / 2), \reg
771:	call 772f
773:	pause
	lfence
	jmp 773b
772:	call 774f
775:	pause
	lfence
	jmp 775b
774:	dec \reg
	jnz 771b
	add $(8 * RSB_FILL_ENTRIES), %rsp
	lfence /* no speculation past the loop's last JNZ */
.endm
/* clang-format on */

#endif /* KSH_ARCH_RSB_FILL_H */
