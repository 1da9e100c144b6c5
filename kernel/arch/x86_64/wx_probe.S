/* SPDX-License-Identifier: MIT */
/*
 * The W^X self-test's probes (wx_selftest.c). Each returns 0 when the
 * access completed and 1 when it faulted: the #PF handler
 * (wx_fault_fixup) moves RIP to the probe's fault exit.
 */
	.text
	.code64

/* uint64_t wx_probe_write(uint8_t *p): stores the byte at p back to
 * itself, so a write that succeeds changes nothing. */
	.globl wx_probe_write, wx_probe_write_insn, wx_probe_fault_exit
	.type wx_probe_write, @function
wx_probe_write:
	movb	(%rdi), %al
wx_probe_write_insn:
	movb	%al, (%rdi)
	xorl	%eax, %eax
	ret
wx_probe_fault_exit:
	movl	$1, %eax
	ret
	.size wx_probe_write, . - wx_probe_write

/* uint64_t wx_probe_exec(void *p): jumps to p, which holds a RET that
 * returns straight to our caller with RAX = 0 if it runs. A fetch fault
 * reports RIP = p (SDM vol. 3A 6.15, #PF: the faulting instruction). */
	.globl wx_probe_exec
	.type wx_probe_exec, @function
wx_probe_exec:
	xorl	%eax, %eax
	/* Through the retpoline like every indirect branch: its RET lands
	 * on p with the stack as a plain JMP would leave it. */
	jmp	__x86_indirect_thunk_rdi
	.size wx_probe_exec, . - wx_probe_exec

	.section .note.GNU-stack, "", @progbits
