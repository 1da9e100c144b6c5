/* SPDX-License-Identifier: MIT */
/* Entry shared by the Multiboot probes: keep EAX (magic), EBX (info) and
 * CS, take a stack (the spec leaves ESP undefined), call the C probe. */
	.text
	.code32
	.globl _start
_start:
	mov %cs, %ecx
	mov $probe_stack_top, %esp
	push %ecx
	push %ebx
	push %eax
	call mb_probe_main
1:	hlt
	jmp 1b

	.bss
	.align 16
	.skip 8192
probe_stack_top:
