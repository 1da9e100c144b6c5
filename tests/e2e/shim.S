/* SPDX-License-Identifier: MIT */
/*
 * Entry of the loader boot shim (tests/e2e/shim.c): a Multiboot v1 kernel
 * that QEMU starts in 32-bit protected mode. The two enter functions do
 * what the hypervisor does with a struct vcpu_start:
 *  - shim_enter_long (LONG64, LINUX64): CR4.PAE, CR3 = the loader's tables,
 *    EFER.LME (and NXE, which native.h promises), CR0.PG, the loader's GDT,
 *    far jump to LOADER_GDT_CS (Intel SDM vol. 3A 10.8.5, "Initializing
 *    IA-32e Mode");
 *  - shim_enter_prot32 (PROT32): the loader's GDT, far jump to its 32-bit
 *    LOADER_GDT_CS, paging off;
 * then data segments LOADER_GDT_DS, the registers of struct shim_regs, all
 * others zero, RFLAGS = 0x2, and a return into RIP.
 */
#define MB1_MAGIC 0x1BADB002
#define MB1_FLAGS 0x00000003
	.section .multiboot, "a"
	.align 4
	.long MB1_MAGIC
	.long MB1_FLAGS
	.long -(MB1_MAGIC + MB1_FLAGS)

	.text
	.code32
	.globl _start
_start:
	cli
	mov $shim_stack_top, %esp
	push %ebx /* multiboot info */
	push %eax /* magic */
	call shim_main
1:	hlt
	jmp 1b

/* struct shim_regs { uint32_t rip, rsp, rax, rbx, rsi, rdi; } */
#define R_RIP 0
#define R_RSP 4
#define R_RAX 8
#define R_RBX 12
#define R_RSI 16
#define R_RDI 20

/* void shim_enter_long(uint32_t cr3, const void *gdtr,
 *                      const struct shim_regs *r) */
	.globl shim_enter_long
shim_enter_long:
	mov 12(%esp), %ebp /* regs, kept across the switch */
	mov %cr4, %eax
	or $0x20, %eax /* PAE */
	mov %eax, %cr4
	mov 4(%esp), %eax
	mov %eax, %cr3
	mov 8(%esp), %eax
	lgdt (%eax)
	mov $0xC0000080, %ecx /* IA32_EFER */
	rdmsr
	or $0x900, %eax /* LME | NXE */
	wrmsr
	mov %cr0, %eax
	or $0x80000001, %eax /* PG | PE */
	mov %eax, %cr0
	ljmp $0x10, $long_entry

/* void shim_enter_prot32(const void *gdtr, const struct shim_regs *r) */
	.globl shim_enter_prot32
shim_enter_prot32:
	mov 8(%esp), %ebp
	mov 4(%esp), %eax
	lgdt (%eax)
	ljmp $0x10, $prot_entry
prot_entry:
	mov $0x18, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	mov R_RIP(%ebp), %ecx
	mov R_RSP(%ebp), %esp
	push %ecx
	mov R_RAX(%ebp), %eax
	mov R_RBX(%ebp), %ebx
	mov R_RSI(%ebp), %esi
	mov R_RDI(%ebp), %edi
	xor %ecx, %ecx
	xor %edx, %edx
	xor %ebp, %ebp
	pushl $2
	popfl
	ret

	.code64
long_entry:
	mov $0x18, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	/* 32-bit moves zero the upper halves, which are undefined after
	 * the switch from compatibility mode. */
	mov %ebp, %ebp
	movl R_RIP(%rbp), %ecx
	movl R_RSP(%rbp), %esp
	push %rcx
	movl R_RAX(%rbp), %eax
	movl R_RBX(%rbp), %ebx
	movl R_RSI(%rbp), %esi
	movl R_RDI(%rbp), %edi
	xor %ecx, %ecx
	xor %edx, %edx
	xor %ebp, %ebp
	xor %r8d, %r8d
	xor %r9d, %r9d
	xor %r10d, %r10d
	xor %r11d, %r11d
	xor %r12d, %r12d
	xor %r13d, %r13d
	xor %r14d, %r14d
	xor %r15d, %r15d
	pushq $2
	popfq
	ret

	.bss
	.align 16
	.skip 16384
shim_stack_top:
