/* SPDX-License-Identifier: MIT */
/*
 * Retpoline thunks (Intel, "Retpoline: A Branch Target Injection
 * Mitigation", 2018; AMD "Software Techniques for Managing Speculation",
 * mitigation V2-2). The kernel is built with -mindirect-branch=thunk-extern
 * -mindirect-branch-register (kernel/spec.mk): every indirect call or
 * jump through a register becomes a call or jump to the thunk for that
 * register. The thunk reaches the target with a RET whose return-stack
 * prediction is the PAUSE/LFENCE loop, so speculation never follows a
 * branch-target-buffer entry a guest may have trained.
 * tests/indirect-branches.sh checks that no other indirect branch is
 * left in the kernel library.
 */
	.text

.macro THUNK reg
	.globl __x86_indirect_thunk_\reg
	.hidden __x86_indirect_thunk_\reg
	.type __x86_indirect_thunk_\reg, @function
	.p2align 4
__x86_indirect_thunk_\reg:
	call 1f
2:	pause
	lfence
	jmp 2b
1:	mov %\reg, (%rsp)
	ret
	.size __x86_indirect_thunk_\reg, . - __x86_indirect_thunk_\reg
.endm

	THUNK rax
	THUNK rbx
	THUNK rcx
	THUNK rdx
	THUNK rsi
	THUNK rdi
	THUNK rbp
	THUNK r8
	THUNK r9
	THUNK r10
	THUNK r11
	THUNK r12
	THUNK r13
	THUNK r14
	THUNK r15

	.section .note.GNU-stack, "", @progbits
