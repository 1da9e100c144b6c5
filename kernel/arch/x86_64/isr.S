/* SPDX-License-Identifier: MIT */
/*
 * Host interrupt and exception entry. 256 stubs, each 16 bytes, so the IDT
 * builder computes addresses RIP-relatively (the image is position
 * independent). Vectors that push an error code (SDM vol. 3 table 6-1: 8,
 * 10-14, 17, 21, 29, 30) do not push the dummy zero.
 */
	.text
	.code64

	.altmacro
	.macro isr_stub vec
	.balign 16
	.if (\vec == 8) || (\vec == 10) || (\vec == 11) || (\vec == 12) || (\vec == 13) || (\vec == 14) || (\vec == 17) || (\vec == 21) || (\vec == 29) || (\vec == 30)
	.else
	pushq $0
	.endif
	pushq $\vec
	jmp isr_common
	.endm

	.balign 16
	.globl isr_stubs
isr_stubs:
	.set stub_vec, 0
	.rept 256
	isr_stub %stub_vec
	.set stub_vec, stub_vec + 1
	.endr
	.noaltmacro

isr_common:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	cld
	movq %rsp, %rdi
	call isr_dispatch
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp
	iretq

/* void gdt_reload_segments(uint16_t code, uint16_t data): CS needs a far
 * return; the data selectors a plain load. */
	.globl gdt_reload_segments
gdt_reload_segments:
	movw %si, %ds
	movw %si, %es
	movw %si, %ss
	xorl %eax, %eax
	movw %ax, %fs
	movw %ax, %gs
	popq %rax          /* return address */
	movzwq %di, %rdi
	pushq %rdi
	pushq %rax
	lretq

/* void arch_call_on_stack(void *top, void (*fn)(void *), void *arg):
 * switches to the kernel's own stack and never returns. */
	.globl arch_call_on_stack
arch_call_on_stack:
	movq %rdi, %rsp
	xorl %ebp, %ebp
	movq %rdx, %rdi
	call __x86_indirect_thunk_rsi	/* retpoline.S */
1:	cli
	hlt
	jmp 1b

	.section .note.GNU-stack, "", @progbits
