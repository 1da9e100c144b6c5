/* SPDX-License-Identifier: MIT */
/* Ring switches for the CPL 3 hypercall (see guest_user.h). */

	.text

/* void guest_user_load(gdtr *rdi, idtr *rsi, u16 tss_sel dx)
 * LGDT does not reload CS: a far return does (APM vol. 2 4.8.1). */
	.globl guest_user_load
	.type guest_user_load, @function
guest_user_load:
	lgdt	(%rdi)
	lidt	(%rsi)
	pushq	$0x08
	leaq	1f(%rip), %rax
	pushq	%rax
	lretq
1:	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
	ltr	%dx
	ret
	.size guest_user_load, . - guest_user_load

/* int64_t guest_user_hypercall(nr rdi, a0 rsi, a1 rdx, a2 rcx, vmcall r8)
 * Saves the callee-saved registers, IRETQs to guest_user_entry at CPL 3
 * (IF stays 0) and comes back through vector 0x80 to guest_user_return. */
	.globl guest_user_hypercall
	.type guest_user_hypercall, @function
guest_user_hypercall:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, guest_user_saved_rsp(%rip)
	movq	%rdi, %rax		/* RAX = number */
	movq	%r8, %rbx		/* RBX = which instruction */
	movq	%rsi, %rdi		/* RDI, RSI, RDX, R10 = arguments */
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	xorl	%r10d, %r10d
	leaq	guest_user_stack+4096(%rip), %r11
	pushq	$0x1b			/* SS  = user data, RPL 3 */
	pushq	%r11			/* RSP */
	pushq	$0x2			/* RFLAGS: IF = 0, IOPL = 0 */
	pushq	$0x23			/* CS  = user code, RPL 3 */
	leaq	guest_user_entry(%rip), %r11
	pushq	%r11			/* RIP */
	iretq
	.size guest_user_hypercall, . - guest_user_hypercall

/* Runs at CPL 3. */
guest_user_entry:
	testq	%rbx, %rbx
	jnz	1f
	vmmcall
	jmp	2f
1:	vmcall
2:	int	$0x80

/* Vector 0x80 (DPL 3 gate): back at CPL 0 on TSS.RSP0 with RAX = result.
 * The interrupt frame is dropped: execution continues in the caller. */
	.globl guest_user_return
	.type guest_user_return, @function
guest_user_return:
	movq	guest_user_saved_rsp(%rip), %rsp
	movl	$0x10, %ecx
	movl	%ecx, %ss
	movl	%ecx, %ds
	movl	%ecx, %es
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	ret
	.size guest_user_return, . - guest_user_return

/* Exception vectors 0..31: push the vector number, report, stop. Those
 * with an error code leave it below; the handler never returns. */
	.globl guest_user_fault_stubs
guest_user_fault_common:
	popq	%rdi
	andq	$-16, %rsp
	call	guest_user_fault
	ud2

	.section .rodata
	.balign 8
guest_user_fault_stubs:
	.set vec, 0
	.rept 32
	.quad 9f + vec * 16
	.set vec, vec + 1
	.endr

	.text
	.balign 16
9:
	.set vec, 0
	.rept 32
	.balign 16
	pushq	$vec
	jmp	guest_user_fault_common
	.set vec, vec + 1
	.endr

	.bss
	.balign 8
guest_user_saved_rsp:
	.quad 0

	.section .note.GNU-stack, "", @progbits
