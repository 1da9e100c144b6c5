/* SPDX-License-Identifier: MIT */
/*
 * void svm_vmrun(uint64_t guest_vmcb_pa, struct vcpu_regs *regs,
 *                uint64_t host_vmcb_pa)
 *
 * VMRUN switches only RAX, RSP, RIP, RFLAGS, control registers and part of
 * the segment state (APM 15.5.1): every other GPR
 * is shared with the host, so they are loaded from and saved to *regs
 * here, and VMLOAD/VMSAVE move FS, GS, TR, LDTR, KernelGSBase and the
 * SYSCALL/SYSENTER MSRs (APM 15.5.2). GIF is cleared around the switch so
 * no host interrupt lands between the host-state save and VMRUN.
 * struct vcpu_regs: rax 0, rbx 8, rcx 16, rdx 24, rsi 32, rdi 40, rbp 48,
 * r8 56 ... r15 112. RAX itself is VMCB.RAX (the C caller copies it).
 */
#include <arch/rsb_fill.h>

	.text
	.code64
	.globl svm_vmrun
svm_vmrun:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushq %rdx            /* 8(%rsp): host VMCB */
	pushq %rsi            /* 0(%rsp): regs */

	clgi
	movq %rdx, %rax
	vmsave %rax           /* host FS/GS/TR/LDTR/syscall MSRs */
	movq %rdi, %rax
	vmload %rax           /* guest's */
	/* With V_INTR_MASKING the host's RFLAGS.IF at VMRUN decides whether
	 * physical interrupts reach the guest's INTR intercept (APM 15.21.1):
	 * it must be 1, or a guest spinning with IF=0 is never preempted.
	 * GIF=0 keeps the host from taking them here (APM 15.17). */
	sti

	movq 8(%rsi), %rbx
	movq 16(%rsi), %rcx
	movq 24(%rsi), %rdx
	movq 40(%rsi), %rdi
	movq 48(%rsi), %rbp
	movq 56(%rsi), %r8
	movq 64(%rsi), %r9
	movq 72(%rsi), %r10
	movq 80(%rsi), %r11
	movq 88(%rsi), %r12
	movq 96(%rsi), %r13
	movq 104(%rsi), %r14
	movq 112(%rsi), %r15
	movq 32(%rsi), %rsi

	vmrun %rax            /* RAX, RSP come back as they were here */

	pushq %rsi            /* guest RSI, until regs is in hand */
	movq 8(%rsp), %rsi
	movq %rbx, 8(%rsi)
	movq %rcx, 16(%rsi)
	movq %rdx, 24(%rsi)
	movq %rdi, 40(%rsi)
	movq %rbp, 48(%rsi)
	movq %r8, 56(%rsi)
	movq %r9, 64(%rsi)
	movq %r10, 72(%rsi)
	movq %r11, 80(%rsi)
	movq %r12, 88(%rsi)
	movq %r13, 96(%rsi)
	movq %r14, 104(%rsi)
	movq %r15, 112(%rsi)
	popq 32(%rsi)
	RSB_FILL %rcx          /* before the host's first RET */

	vmsave %rax           /* guest hidden state back to its VMCB */
	movq 8(%rsp), %rax
	vmload %rax           /* host's */
	cli                   /* the host runs with IF=0: an interrupt that
	                       * caused the exit stays pending at the APIC */
	stgi

	addq $16, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

	.section .note.GNU-stack, "", @progbits
