/* SPDX-License-Identifier: MIT */
/*
 * Native domain entry. The kernel starts us in 64-bit long mode as
 * include/ksh/native.h says: RSP 16-byte aligned below the reserved
 * top of RAM, RDI = &struct ksh_native_info, interrupts off, every other
 * register zero, .bss already zeroed by the loader (p_memsz > p_filesz), so
 * there is nothing to clear here. RSP is 16-byte aligned before the CALL,
 * as the SysV psABI (3.2.2) requires at a call site.
 */
	.section .text.start, "ax", @progbits
	.globl _start
	.type _start, @function
_start:
	xorl	%ebp, %ebp		/* end of the frame-pointer chain */
	call	ksh_rt_start		/* (RDI = info) does not return */
1:	hlt
	jmp	1b
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
