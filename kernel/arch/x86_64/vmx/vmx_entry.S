/* SPDX-License-Identifier: MIT */
/*
 * VM entry and exit with the full guest GPR switch.
 *
 * VM entry loads RSP, RIP and RFLAGS from the VMCS and VM exit loads the
 * host's from it (SDM 27.5.1, 27.5.3); every other general register is
 * shared with the guest, so it is saved and restored here.
 *
 *   int vmx_enter(struct vcpu_regs *regs, uint32_t launched);
 *
 * Returns 0 after a VM exit (guest registers stored in *regs), 1 when
 * VMLAUNCH/VMRESUME failed with VMfailInvalid, 2 with VMfailValid (the
 * VM-instruction error field says why, SDM 31.4). SysV ABI.
 */
#include <arch/rsb_fill.h>

#define VMCS_HOST_RSP 0x6C14
#define VMCS_HOST_RIP 0x6C16

/* Offsets in struct vcpu_regs (kernel/include/arch/vcpu.h). */
#define R_RAX 0
#define R_RBX 8
#define R_RCX 16
#define R_RDX 24
#define R_RSI 32
#define R_RDI 40
#define R_RBP 48
#define R_R8  56
#define R_R9  64
#define R_R10 72
#define R_R11 80
#define R_R12 88
#define R_R13 96
#define R_R14 104
#define R_R15 112

	.text
	.globl vmx_enter
	.type vmx_enter, @function
vmx_enter:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	push %rdi		/* regs, found again at 0(%rsp) after the exit */

	/* The exit lands at vmx_exit with this RSP. */
	mov $VMCS_HOST_RSP, %eax
	vmwrite %rsp, %rax
	jbe .Lfail
	mov $VMCS_HOST_RIP, %eax
	lea vmx_exit(%rip), %rdx
	vmwrite %rdx, %rax
	jbe .Lfail

	mov %esi, %eax		/* launched? decided before RSI is reloaded */
	test %eax, %eax
	mov R_RAX(%rdi), %rax
	mov R_RBX(%rdi), %rbx
	mov R_RCX(%rdi), %rcx
	mov R_RDX(%rdi), %rdx
	mov R_RSI(%rdi), %rsi
	mov R_RBP(%rdi), %rbp
	mov R_R8(%rdi), %r8
	mov R_R9(%rdi), %r9
	mov R_R10(%rdi), %r10
	mov R_R11(%rdi), %r11
	mov R_R12(%rdi), %r12
	mov R_R13(%rdi), %r13
	mov R_R14(%rdi), %r14
	mov R_R15(%rdi), %r15
	mov R_RDI(%rdi), %rdi	/* last: it held the pointer; MOV keeps ZF */
	jnz 1f
	vmlaunch
	jmp .Lfail
1:	vmresume
	/* Falls through only when the entry failed (SDM 31.3, VMLAUNCH). */
.Lfail:
	mov $2, %eax		/* MOV leaves the flags alone */
	jnc 2f
	mov $1, %eax
2:	pop %rdi
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
	.size vmx_enter, .-vmx_enter

	.globl vmx_exit
	.type vmx_exit, @function
vmx_exit:
	/* RSP is what vmx_enter wrote to HOST_RSP: the regs pointer is on
	 * top. Guest RDI is still live: park it while the pointer is
	 * loaded. */
	push %rdi
	mov 8(%rsp), %rdi
	mov %rax, R_RAX(%rdi)
	mov %rbx, R_RBX(%rdi)
	mov %rcx, R_RCX(%rdi)
	mov %rdx, R_RDX(%rdi)
	mov %rsi, R_RSI(%rdi)
	mov %rbp, R_RBP(%rdi)
	mov %r8, R_R8(%rdi)
	mov %r9, R_R9(%rdi)
	mov %r10, R_R10(%rdi)
	mov %r11, R_R11(%rdi)
	mov %r12, R_R12(%rdi)
	mov %r13, R_R13(%rdi)
	mov %r14, R_R14(%rdi)
	mov %r15, R_R15(%rdi)
	pop %rax
	mov %rax, R_RDI(%rdi)
	RSB_FILL %rcx		/* before the host's first RET */
	xor %eax, %eax
	pop %rdi
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
	.size vmx_exit, .-vmx_exit

	.section .note.GNU-stack, "", @progbits
