/* SPDX-License-Identifier: MIT */
/*
 * Guest code of the VMX backend test (main.c copies it into guest RAM).
 * Position independent; hypercall numbers here are the test's own, not
 * the ksh ABI: the test app, not the kernel, answers them.
 */
	.section .rodata
	.globl guest64_begin, guest64_end, guest32_begin, guest32_end
	.globl guestx_begin, guestx_end

	.code64
guest64_begin:
	/* 1: arguments in RDI, RSI, RDX, R10; the host answers in RAX. */
	mov $1, %eax
	mov $0x1111, %edi
	mov $0x2222, %esi
	mov $0x3333, %edx
	mov $0x4444, %r10d
	vmcall
	mov %rax, %rdi
	mov $2, %eax
	vmcall			/* 2: reports what call 1 returned */

	/* 3: every GPR survives an exit. */
	mov $0x0303030303030303, %rbx
	mov $0x0404040404040404, %rcx
	mov $0x0505050505050505, %rdx
	mov $0x0606060606060606, %rsi
	mov $0x0707070707070707, %rdi
	mov $0x0808080808080808, %rbp
	mov $0x0909090909090909, %r8
	mov $0x0a0a0a0a0a0a0a0a, %r9
	mov $0x0b0b0b0b0b0b0b0b, %r10
	mov $0x0c0c0c0c0c0c0c0c, %r11
	mov $0x0d0d0d0d0d0d0d0d, %r12
	mov $0x0e0e0e0e0e0e0e0e, %r13
	mov $0x0f0f0f0f0f0f0f0f, %r14
	mov $0x1010101010101010, %r15
	mov $3, %eax
	vmcall
	xor %eax, %eax		/* 0 if all survived the trip back */
	mov $0x0303030303030303, %r8
	cmp %r8, %rbx
	setne %al
	mov $0x1010101010101010, %r8
	cmp %r8, %r15
	setne %ah
	mov $0x0e0e0e0e0e0e0e0e, %r8
	cmp %r8, %r13
	jne 1f
	mov $0x0808080808080808, %r8
	cmp %r8, %rbp
	je 2f
1:	or $0x100, %eax
2:	mov %rax, %rdi
	mov $4, %eax
	vmcall			/* 4: reports the check */

	/* 5: port output */
	mov $0x42, %al
	out %al, $0x80
	/* 6: CPUID leaf 0 */
	xor %eax, %eax
	cpuid
	/* 7: read from a GPA the EPT does not map; the host maps it */
	mov $0x300000, %ebx
	mov (%rbx), %rdi
	mov $7, %eax
	vmcall
	/* 8: write to a read-only page; the host makes it writable */
	mov $0x301000, %ebx
	movq $0x5a5a, (%rbx)
	mov $8, %eax
	vmcall
	/* 9: VMMCALL is the AMD form: #UD on Intel, seen by the host */
	mov $9, %eax
	vmmcall
	ud2			/* a real #UD */
	/* 10: benchmark: a hypercall loop (count in RCX from call 10) */
	mov $10, %eax
	vmcall
	mov %rax, %rcx
3:	mov $11, %eax
	vmcall
	dec %rcx
	jnz 3b
	mov $12, %eax
	vmcall
	/* 13: HLT, then done */
	hlt
	mov $99, %eax
	vmcall
	jmp .
guest64_end:

	.code32
guest32_begin:
	/* Entered in flat 32-bit protected mode with EAX/EBX from the start
	 * state (as a Multiboot kernel is). */
	mov %eax, %edi
	mov %ebx, %esi
	mov $21, %eax
	vmcall
	mov $0x3f, %al
	out %al, $0x80
	mov $99, %eax
	vmcall
	jmp .
guest32_end:
	.code64

	/* The Linux-domain ops: interrupts through the guest's own IDT,
	 * EFER, the SYSCALL MSRs, debug and control registers. */
	.set IDT_GPA, 0x70000
	.set GDT_GPA, 0x71000
guestx_begin:
	/* GDT: null, null, code64 at 0x10, data at 0x18 (the start
	 * selectors), so that event delivery and IRET find them. */
	mov $GDT_GPA, %rbx
	movq $0, (%rbx)
	movq $0, 8(%rbx)
	movabs $0x00AF9B000000FFFF, %rax
	mov %rax, 16(%rbx)
	movabs $0x00CF93000000FFFF, %rax
	mov %rax, 24(%rbx)
	sub $16, %rsp
	movw $31, (%rsp)
	mov %rbx, 2(%rsp)
	lgdt (%rsp)
	add $16, %rsp
	mov $IDT_GPA, %rbx
	lea irq_handler(%rip), %rax
	lea (0x20 * 16)(%rbx), %rdi
	call set_gate
	lea gp_handler(%rip), %rax
	lea (13 * 16)(%rbx), %rdi
	call set_gate
	sub $16, %rsp
	movw $(256 * 16 - 1), (%rsp)
	mov %rbx, 2(%rsp)
	lidt (%rsp)
	add $16, %rsp
	xor %r15d, %r15d	/* interrupts taken */
	mov $30, %eax
	vmcall			/* 30: IDT ready; host injects with IF=0 */
	mov $31, %eax
	vmcall			/* 31: still undelivered (IF=0) */
	sti
	nop			/* the window opens here: handler, call 40 */
	cli
	mov %r15, %rdi
	mov $32, %eax
	vmcall			/* 32: taken once */

	/* EFER: read, set SCE, write, read back (all exit). */
	mov $0xC0000080, %ecx
	rdmsr
	or $1, %eax
	wrmsr
	rdmsr
	shl $32, %rdx
	or %rax, %rdx
	mov %rdx, %rdi
	mov $33, %eax
	vmcall			/* 33: EFER as read back */

	/* LSTAR: written and read without an exit, kept across one. */
	mov $0xC0000082, %ecx
	mov $0x12345678, %eax
	mov $0xffff8000, %edx
	wrmsr
	/* TSC_AUX too (RDTSCP reads it). */
	mov $0xC0000103, %ecx
	mov $0x77, %eax
	xor %edx, %edx
	wrmsr
	mov $34, %eax
	vmcall			/* 34: the host clobbers its own LSTAR */
	mov $0xC0000082, %ecx
	rdmsr
	shl $32, %rdx
	mov %eax, %eax
	or %rax, %rdx
	mov %rdx, %rdi
	mov $35, %eax
	vmcall			/* 35: LSTAR as read back */
	rdtscp
	mov %rcx, %rdi
	mov $44, %eax
	vmcall			/* 44: TSC_AUX as RDTSCP reads it */

	/* Debug registers: both directions exit. */
	mov $0x401, %eax
	mov %rax, %dr7
	mov %dr6, %rcx
	mov %rcx, %rdi
	mov $36, %eax
	vmcall			/* 36: what the host put in RCX */

	/* CR8: emulated storage, no exit seen by the host. */
	mov $9, %eax
	mov %rax, %cr8
	mov %cr8, %rdi
	mov $37, %eax
	vmcall			/* 37: CR8 read back */
	/* CR0.NE cleared: the guest reads 0, the CPU keeps 1. */
	mov %cr0, %rax
	and $~0x20, %rax
	mov %rax, %cr0
	mov %cr0, %rdi
	mov $38, %eax
	vmcall			/* 38: CR0 read back */
	/* CR4.VMXE: #GP(0) into the guest. */
	mov %cr4, %rax
	or $0x2000, %rax
	mov %rax, %cr4
	mov $39, %eax		/* not reached */
	vmcall
after_gp:
	/* An interrupt whose delivery faults on the stack (an EPT hole):
	 * the host maps the page and the same interrupt arrives. */
	mov $0x301000, %rsp
	mov $42, %eax
	vmcall			/* 42: host injects with IF=0 */
	sti
	nop
	cli
	mov %r15, %rdi
	mov $43, %eax
	vmcall			/* 43: taken twice in all */
	mov $99, %eax
	vmcall
	jmp .

irq_handler:
	inc %r15
	mov $40, %eax
	vmcall			/* 40: in the handler */
	iretq
gp_handler:
	mov (%rsp), %rdi	/* error code */
	mov $41, %eax
	vmcall			/* 41: #GP taken */
	mov $0x80000, %rsp
	jmp after_gp

/* 64-bit interrupt gate at (%rdi) for the handler at %rax: selector
 * 0x10, present, DPL 0, type 14 (SDM vol. 3A 6.14.1). */
set_gate:
	mov %ax, (%rdi)
	movw $0x10, 2(%rdi)
	movw $0x8E00, 4(%rdi)
	mov %rax, %rdx
	shr $16, %rdx
	mov %dx, 6(%rdi)
	shr $16, %rdx
	mov %edx, 8(%rdi)
	movl $0, 12(%rdi)
	ret
guestx_end:

	.section .note.GNU-stack, "", @progbits
