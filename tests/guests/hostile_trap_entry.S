/* SPDX-License-Identifier: MIT */
/* Exception storms for hostile_trap.c: the #DB, #AC and #UD handlers and
 * the code that raises them. The IDT, GDT and TSS are guest_user.c's;
 * frames are the 64-bit interrupt frames of SDM vol. 3A fig. 6-9 (RIP,
 * CS, RFLAGS, RSP, SS; #AC pushes an error code, 0, below them). */

	.text

/* #DB: count; when the single-step budget runs out, clear RFLAGS.TF in
 * the frame so the stepped loop ends. In a one-step probe
 * (trap_step_once), clear TF at once and note whether the step came
 * right after the CPUID (frame RIP = trap_after_cpuid). */
	.globl trap_db_handler
	.type trap_db_handler, @function
trap_db_handler:
	incq	trap_db_count(%rip)
	cmpq	$0, trap_step_once(%rip)
	je	2f
	movq	$0, trap_step_once(%rip)
	andq	$~0x100, 16(%rsp)	/* frame RFLAGS.TF */
	pushq	%rax
	leaq	trap_after_cpuid(%rip), %rax
	cmpq	%rax, 8(%rsp)		/* frame RIP */
	popq	%rax
	jne	1f
	incq	trap_cpuid_steps(%rip)
	jmp	1f
2:	cmpq	$0, trap_step_left(%rip)
	je	1f
	decq	trap_step_left(%rip)
	jnz	1f
	andq	$~0x100, 16(%rsp)	/* frame RFLAGS.TF */
1:	iretq
	.size trap_db_handler, . - trap_db_handler

/* #AC: note the error code (must be 0), count, clear RFLAGS.AC in the
 * frame so the faulting access succeeds when it is restarted. */
	.globl trap_ac_handler
	.type trap_ac_handler, @function
trap_ac_handler:
	pushq	%rax
	movq	8(%rsp), %rax		/* error code */
	orq	%rax, trap_ac_errors(%rip)
	popq	%rax
	addq	$8, %rsp
	incq	trap_ac_count(%rip)
	andq	$~0x40000, 16(%rsp)	/* frame RFLAGS.AC */
	iretq
	.size trap_ac_handler, . - trap_ac_handler

/* #UD: count and resume after the 3-byte instruction that raised it
 * (RDPRU is the only one tried). */
	.globl trap_ud_handler
	.type trap_ud_handler, @function
trap_ud_handler:
	incq	trap_ud_count(%rip)
	addq	$3, (%rsp)
	iretq
	.size trap_ud_handler, . - trap_ud_handler

/* void trap_single_step(uint64_t n): runs a loop with RFLAGS.TF set
 * until the #DB handler has taken n single-step traps. */
	.globl trap_single_step
	.type trap_single_step, @function
trap_single_step:
	movq	%rdi, trap_step_left(%rip)
	pushfq
	orq	$0x100, (%rsp)
	popfq
1:	cmpq	$0, trap_step_left(%rip)
	jne	1b
	ret
	.size trap_single_step, . - trap_single_step

/* void trap_step_cpuid(void): one CPUID with RFLAGS.TF set. CPUID exits
 * and the kernel emulates it; the single-step #DB must still come, with
 * the RIP right after it. */
	.globl trap_step_cpuid
	.type trap_step_cpuid, @function
trap_step_cpuid:
	pushq	%rbx
	movq	$1, trap_step_once(%rip)
	xorl	%eax, %eax
	xorl	%ecx, %ecx
	pushfq
	orq	$0x100, (%rsp)
	popfq
	cpuid
trap_after_cpuid:
	nop
	nop
	popq	%rbx
	ret
	.size trap_step_cpuid, . - trap_step_cpuid

/* void trap_icebp(uint64_t n): INT1 n times. */
	.globl trap_icebp
	.type trap_icebp, @function
trap_icebp:
1:	.byte	0xf1
	decq	%rdi
	jnz	1b
	ret
	.size trap_icebp, . - trap_icebp

/* void trap_wbinvd(uint64_t n): WBINVD and WBNOINVD (F3 0F 09), n each. */
	.globl trap_wbinvd
	.type trap_wbinvd, @function
trap_wbinvd:
1:	wbinvd
	.byte	0xf3, 0x0f, 0x09
	decq	%rdi
	jnz	1b
	ret
	.size trap_wbinvd, . - trap_wbinvd

/* void trap_rdpru(void): RDPRU with ECX = 0 (MPERF). */
	.globl trap_rdpru
	.type trap_rdpru, @function
trap_rdpru:
	xorl	%ecx, %ecx
	.byte	0x0f, 0x01, 0xfd
	ret
	.size trap_rdpru, . - trap_rdpru

/* void trap_user_ac(uint64_t n): at CPL 3 with RFLAGS.AC set (CR0.AM
 * must be set), n misaligned loads, each re-arming AC first; back at
 * CPL 0 through vector 0x81. */
	.globl trap_user_ac
	.type trap_user_ac, @function
trap_user_ac:
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, trap_saved_rsp(%rip)
	leaq	trap_user_stack+4096(%rip), %r11
	pushq	$0x1b			/* SS: user data, RPL 3 */
	pushq	%r11			/* RSP */
	pushq	$0x40002		/* RFLAGS: AC, IF = 0 */
	pushq	$0x23			/* CS: user code, RPL 3 */
	leaq	2f(%rip), %r11
	pushq	%r11			/* RIP */
	iretq
	/* CPL 3 */
2:	pushfq
	orq	$0x40000, (%rsp)
	popfq
	movl	trap_misaligned+1(%rip), %eax
	decq	%rdi
	jnz	2b
	int	$0x81
	.size trap_user_ac, . - trap_user_ac

	.globl trap_user_return
	.type trap_user_return, @function
trap_user_return:
	movq	trap_saved_rsp(%rip), %rsp
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
	.size trap_user_return, . - trap_user_return

	.data
	.balign 8
trap_misaligned:	.quad 0, 0

	.bss
	.balign 16
trap_user_stack:	.skip 4096
	.balign 8
	.globl trap_db_count, trap_ac_count, trap_ac_errors, trap_ud_count
	.globl trap_cpuid_steps
trap_db_count:		.quad 0
trap_ac_count:		.quad 0
trap_ac_errors:		.quad 0
trap_ud_count:		.quad 0
trap_step_left:		.quad 0
trap_step_once:		.quad 0
trap_cpuid_steps:	.quad 0
trap_saved_rsp:		.quad 0

	.section .note.GNU-stack, "", @progbits
