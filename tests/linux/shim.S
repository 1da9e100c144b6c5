/* SPDX-License-Identifier: MIT */
/*
 * Entry of the loader_linux boot shim (tests/linux/shim.c): a Multiboot v1
 * kernel that QEMU starts in 32-bit protected mode. shim_enter() then does
 * what the hypervisor does with a VCPU_START_LINUX64 vcpu_start: CR4.PAE,
 * CR3 = the loader's tables, EFER.LME, CR0.PG, the loader's GDT, a far
 * jump to __BOOT_CS, data selectors __BOOT_DS, RSI = boot_params, jump to
 * RIP (Intel SDM vol. 3A 9.8.5, "Initializing IA-32e Mode").
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

/* void shim_enter(uint32_t cr3, const void *gdtr, uint32_t rip,
 *                 uint32_t rsi) */
	.globl shim_enter
shim_enter:
	mov 12(%esp), %edi /* rip, kept across the switch */
	mov 16(%esp), %esi /* rsi */
	mov %cr4, %eax
	or $0x20, %eax /* PAE */
	mov %eax, %cr4
	mov 4(%esp), %eax
	mov %eax, %cr3
	mov 8(%esp), %eax
	lgdt (%eax)
	mov $0xC0000080, %ecx /* IA32_EFER */
	rdmsr
	or $0x100, %eax /* LME */
	wrmsr
	mov %cr0, %eax
	or $0x80000001, %eax /* PG | PE */
	mov %eax, %cr0
	ljmp $0x10, $long_entry

	.code64
long_entry:
	mov $0x18, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	/* 32-bit moves zero the upper halves, which are undefined after
	 * the switch from compatibility mode (SDM vol. 1 3.4.1.1). */
	mov %esi, %esi
	mov %edi, %eax
	xor %ebx, %ebx
	xor %edi, %edi
	xor %ebp, %ebp
	jmp *%rax

	.bss
	.align 16
	.skip 16384
shim_stack_top:
