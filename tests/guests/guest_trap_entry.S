/* SPDX-License-Identifier: MIT */
/* Faulting-instruction probes (see guest_trap.h). */

	.text

/* The #UD / #GP handlers: note the vector and resume at the address the
 * probe stored in guest_trap_resume (the interrupt frame's RIP, SDM vol.
 * 3A fig. 6-9: #GP pushes an error code first, #UD does not). */
	.globl guest_trap_ud
	.type guest_trap_ud, @function
guest_trap_ud:
	movq	$6, guest_trap_vector(%rip)
	jmp	1f
	.size guest_trap_ud, . - guest_trap_ud

	.globl guest_trap_gp
	.type guest_trap_gp, @function
guest_trap_gp:
	addq	$8, %rsp		/* drop the error code */
	movq	$13, guest_trap_vector(%rip)
1:	pushq	%rax
	movq	guest_trap_resume(%rip), %rax
	movq	%rax, 8(%rsp)		/* frame RIP */
	popq	%rax
	iretq
	.size guest_trap_gp, . - guest_trap_gp

/* Each probe: arm the resume point, clear the vector, run the one
 * instruction, return the vector (0 if none). */
	.globl guest_try_write_cr4
	.type guest_try_write_cr4, @function
guest_try_write_cr4:
	leaq	1f(%rip), %rax
	movq	%rax, guest_trap_resume(%rip)
	movq	$0, guest_trap_vector(%rip)
	movq	%rdi, %cr4
1:	movq	guest_trap_vector(%rip), %rax
	ret
	.size guest_try_write_cr4, . - guest_try_write_cr4

/* WRPKRU: EAX = value, ECX = EDX = 0 (SDM vol. 2B WRPKRU). */
	.globl guest_try_wrpkru
	.type guest_try_wrpkru, @function
guest_try_wrpkru:
	leaq	1f(%rip), %rax
	movq	%rax, guest_trap_resume(%rip)
	movq	$0, guest_trap_vector(%rip)
	movl	%edi, %eax
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	wrpkru
1:	movq	guest_trap_vector(%rip), %rax
	ret
	.size guest_try_wrpkru, . - guest_try_wrpkru

/* RDPKRU: ECX = 0, result in EAX (SDM vol. 2B RDPKRU). */
	.globl guest_try_rdpkru
	.type guest_try_rdpkru, @function
guest_try_rdpkru:
	leaq	1f(%rip), %rax
	movq	%rax, guest_trap_resume(%rip)
	movq	$0, guest_trap_vector(%rip)
	xorl	%ecx, %ecx
	rdpkru
	movl	%eax, (%rdi)
1:	movq	guest_trap_vector(%rip), %rax
	ret
	.size guest_try_rdpkru, . - guest_try_rdpkru

/* uint64_t guest_try(void (*fn)(void)): calls fn; a #UD or #GP inside it
 * comes back here with the stack and callee-saved registers as they were
 * at the call (SysV psABI 3.2.1), since fn's epilogue never ran. */
	.globl guest_try
	.type guest_try, @function
guest_try:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, guest_trap_rsp(%rip)
	leaq	1f(%rip), %rax
	movq	%rax, guest_trap_resume(%rip)
	movq	$0, guest_trap_vector(%rip)
	subq	$8, %rsp		/* 16-byte aligned at the call */
	call	*%rdi
1:	movq	guest_trap_rsp(%rip), %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	movq	guest_trap_vector(%rip), %rax
	ret
	.size guest_try, . - guest_try

	.bss
	.balign 8
	.globl guest_trap_vector
guest_trap_vector:	.quad 0
guest_trap_resume:	.quad 0
guest_trap_rsp:		.quad 0

	.section .note.GNU-stack, "", @progbits
