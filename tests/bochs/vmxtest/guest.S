/* SPDX-License-Identifier: MIT */
/*
 * Guest code of the VMX backend test (main.c copies it into guest RAM).
 * Position independent; hypercall numbers here are the test's own, not
 * the ksh ABI: the test app, not the kernel, answers them.
 */
	.section .rodata
	.globl guest64_begin, guest64_end, guest32_begin, guest32_end

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

	.section .note.GNU-stack, "", @progbits
