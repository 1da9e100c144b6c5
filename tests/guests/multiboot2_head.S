/* SPDX-License-Identifier: MIT */
/*
 * Multiboot2 header and entry (Multiboot2 Specification 2.0).
 * Header (3.1.1-3.1.2): magic 0xE85250D6, architecture 0 (i386 protected
 * mode), header_length, checksum with the four fields summing to 0
 * (mod 2^32), 8-byte aligned in the first 32 KiB; then tags, each 8-byte
 * aligned, ended by a type 0 size 8 tag. One information-request tag
 * (3.1.4), marked optional, asks for the command line (1), basic memory
 * information (4) and the memory map (6); the test itself reports what
 * came. Entry state (3.3): EAX = 0x36D76289, EBX = physical address of the
 * info structure (8-byte aligned), paging off, ESP undefined: set ours.
 */
#define MB2_MAGIC 0xE85250D6
#define MB2_ARCH  0

	.section .multiboot, "a"
	.balign 8
mb2_header:
	.long	MB2_MAGIC
	.long	MB2_ARCH
	.long	mb2_header_end - mb2_header
	.long	0x100000000 - (MB2_MAGIC + MB2_ARCH + (mb2_header_end - mb2_header))
	.balign 8
	.short	1			/* information request */
	.short	1			/* flags: optional */
	.long	20
	.long	1, 4, 6
	.balign 8
	.short	0			/* end tag */
	.short	0
	.long	8
mb2_header_end:

	.text
	.code32
	.globl mb_start
	.type mb_start, @function
mb_start:
	cld
	movl	$mb2_stack_top, %esp
	pushl	%ebx			/* info */
	pushl	%eax			/* magic */
	call	mb2_main
	pushl	%eax
	call	mb_exit
1:	hlt
	jmp	1b
	.size mb_start, . - mb_start

	.bss
	.balign 16
	.space 8192
mb2_stack_top:

	.section .note.GNU-stack, "", @progbits
