/* SPDX-License-Identifier: MIT */
/*
 * Multiboot v1 header and entry (Multiboot Specification 0.6.96).
 * Header (3.1.1): magic 0x1BADB002, flags, checksum with
 * magic + flags + checksum = 0 (mod 2^32), 4-byte aligned in the first
 * 8 KiB. Flags: bit 1 = the loader must pass mem_* (and the memory map if
 * it has one). No bit 16: the load addresses come from the ELF headers.
 * Entry state (3.2): EAX = 0x2BADB002, EBX = physical address of the info
 * structure, 32-bit protected mode, paging off, ESP undefined: set ours.
 */
#define MB1_MAGIC 0x1BADB002
#define MB1_FLAGS 0x00000002

	.section .multiboot, "a"
	.balign 4
	.long	MB1_MAGIC
	.long	MB1_FLAGS
	.long	0x100000000 - (MB1_MAGIC + MB1_FLAGS)

	.text
	.code32
	.globl mb_start
	.type mb_start, @function
mb_start:
	cld				/* psABI: DF = 0 in C code */
	movl	$mb1_stack_top, %esp
	pushl	%ebx			/* info */
	pushl	%eax			/* magic */
	call	mb1_main
	pushl	%eax
	call	mb_exit
1:	hlt
	jmp	1b
	.size mb_start, . - mb_start

	.bss
	.balign 16
	.space 8192
mb1_stack_top:

	.section .note.GNU-stack, "", @progbits
