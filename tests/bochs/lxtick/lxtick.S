/* SPDX-License-Identifier: MIT */
/*
 * lxtick: a tiny kernel in bzImage form (Linux boot protocol 2.15,
 * Documentation/arch/x86/boot.rst), booted as a Linux domain so that the
 * emulated PC devices and the interrupt path a Linux domain uses (vdev
 * models, virtual 8259A, event injection with interrupt windows, HLT
 * waits) run in seconds under an emulator, where the stock kernel takes
 * many minutes. One flat binary: the setup header, then the 64-bit entry
 * at load address + 0x200; position independent (RIP-relative only).
 *
 * What it does, in order (serial lines on COM1, which the kernel prints
 * as "[domain] ..."):
 *   "LXTICK start"
 *   reads the PCI host bridge's vendor/device ID (configuration mechanism
 *   #1): "LXTICK pci 0x<id>"
 *   reads IA32_EFER (the vendor's msr_access): "LXTICK efer 0x<v>"
 *   writes and reads DR0 (storage, vdom_dr): "LXTICK dr0 0x<v>"
 *   remaps the 8259A pair to vectors 0x20/0x28, unmasks IRQ0, programs
 *   PIT channel 0 for 100 Hz (mode 2), and waits in STI; HLT until ten
 *   timer interrupts came through its IDT: "LXTICK ticks 10"
 *   "LXTICK DONE", then CLI; HLT, which stops the domain.
 * A "FAIL" line if an unexpected vector arrives.
 */
	.code64
	.text
	.globl lxtick_begin
lxtick_begin:
	/* ---- boot sector + setup header (file offsets, boot.rst) ---- */
	.org 0x1f1
	.byte 1			/* setup_sects: code starts at 0x400 */
	.word 0			/* root_flags */
	.long (lxtick_end - kernel) / 16 /* syssize */
	.word 0			/* ram_size */
	.word 0			/* vid_mode */
	.word 0			/* root_dev */
	.word 0xAA55		/* boot_flag */
	.org 0x200
	.byte 0xEB, 0x66	/* jump: header ends at 0x268 */
	.ascii "HdrS"
	.word 0x020F		/* version 2.15 */
	.long 0			/* realmode_swtch */
	.word 0			/* start_sys_seg */
	.word 0			/* kernel_version */
	.byte 0			/* type_of_loader */
	.byte 0x01		/* loadflags: LOADED_HIGH */
	.word 0			/* setup_move_size */
	.long 0x100000		/* code32_start */
	.long 0, 0		/* ramdisk_image, ramdisk_size */
	.long 0			/* bootsect_kludge */
	.word 0			/* heap_end_ptr */
	.byte 0, 0		/* ext_loader_ver, ext_loader_type */
	.long 0			/* cmd_line_ptr */
	.long 0x7fffffff	/* initrd_addr_max */
	.long 0x200000		/* kernel_alignment */
	.byte 0			/* relocatable_kernel: no */
	.byte 0			/* min_alignment */
	.word 0x0001		/* xloadflags: XLF_KERNEL_64 */
	.long 255		/* cmdline_size */
	.long 0			/* hardware_subarch */
	.quad 0			/* hardware_subarch_data */
	.long 0, 0		/* payload_offset, payload_length */
	.quad 0			/* setup_data */
	.quad 0x100000		/* pref_address */
	.long 0x40000		/* init_size: image, stack and IDT */
	.long 0			/* handover_offset */
	.org 0x400

	/* ---- protected-mode part, loaded at pref_address ---- */
kernel:
	.org 0x600		/* 64-bit entry: load address + 0x200 */
entry64:
	cli
	lea stack_top(%rip), %rsp
	/* IDT: every vector to `stray`, 0x20 (IRQ0) to `tick`. The
	 * loader's GDT has the flat 64-bit code segment at 0x10
	 * (ksh/loader.h, boot.rst's __BOOT_CS). */
	lea idt(%rip), %rbx
	xor %ecx, %ecx
1:	lea stray(%rip), %rax
	cmp $0x20, %ecx
	jne 2f
	lea tick(%rip), %rax
2:	mov %ecx, %edi
	shl $4, %edi
	add %rbx, %rdi
	call set_gate
	inc %ecx
	cmp $256, %ecx
	jne 1b
	sub $16, %rsp
	movw $(256 * 16 - 1), (%rsp)
	mov %rbx, 2(%rsp)
	lidt (%rsp)
	add $16, %rsp

	lea msg_start(%rip), %rsi
	call puts

	/* PCI host bridge 00:00.0, register 0: vendor and device ID. */
	mov $0x80000000, %eax
	mov $0xcf8, %dx
	out %eax, %dx
	mov $0xcfc, %dx
	in %dx, %eax
	mov %eax, %ebx
	lea msg_pci(%rip), %rsi
	call puts_hex_line

	mov $0xC0000080, %ecx
	rdmsr
	shl $32, %rdx
	mov %eax, %eax
	or %rax, %rdx
	mov %rdx, %rbx
	lea msg_efer(%rip), %rsi
	call puts_hex_line

	mov $0x1234, %eax
	mov %rax, %dr0
	xor %eax, %eax
	mov %dr0, %rbx
	lea msg_dr0(%rip), %rsi
	call puts_hex_line

	/* 8259A pair (datasheet: ICW1-ICW4): edge, cascade, vectors 0x20
	 * and 0x28, slave on IRQ2, 8086 mode; then only IRQ0 unmasked. */
	mov $0x11, %al
	out %al, $0x20
	out %al, $0xa0
	mov $0x20, %al
	out %al, $0x21
	mov $0x28, %al
	out %al, $0xa1
	mov $0x04, %al
	out %al, $0x21
	mov $0x02, %al
	out %al, $0xa1
	mov $0x01, %al
	out %al, $0x21
	out %al, $0xa1
	mov $0xfe, %al
	out %al, $0x21
	mov $0xff, %al
	out %al, $0xa1
	/* 8254 channel 0, lobyte/hibyte, mode 2, divisor 11932: 100 Hz. */
	mov $0x34, %al
	out %al, $0x43
	mov $(11932 & 0xff), %al
	out %al, $0x40
	mov $(11932 >> 8), %al
	out %al, $0x40

	/* Wait for ten ticks; STI; HLT is atomic with respect to the
	 * interrupt (the STI shadow, SDM vol. 2B STI). */
3:	cmpl $10, ticks(%rip)
	jae 4f
	sti
	hlt
	cli
	jmp 3b
4:	mov ticks(%rip), %ebx
	lea msg_ticks(%rip), %rsi
	call puts
	mov %rbx, %rax
	call put_dec
	mov $'\n', %al
	call putc
	lea msg_done(%rip), %rsi
	call puts
	cli
	hlt
	jmp .

tick:
	push %rax
	incl ticks(%rip)
	mov $0x20, %al		/* non-specific EOI */
	out %al, $0x20
	pop %rax
	iretq

stray:
	lea msg_stray(%rip), %rsi
	call puts
	cli
	hlt
	jmp .

/* 64-bit interrupt gate at (%rdi) for the handler at %rax (SDM vol. 3A
 * 6.14.1). Clobbers %rdx. */
set_gate:
	mov %ax, (%rdi)
	movw $0x10, 2(%rdi)
	movw $0x8E00, 4(%rdi)
	mov %rax, %rdx
	shr $16, %rdx
	mov %dx, 6(%rdi)
	shr $16, %rdx
	mov %edx, 8(%rdi)
	movl $0, 12(%rdi)
	ret

/* COM1, polled: wait for THRE (LSR bit 5), then THR. */
putc:
	push %rdx
	push %rax
	mov $0x3fd, %dx
5:	in %dx, %al
	test $0x20, %al
	jz 5b
	pop %rax
	mov $0x3f8, %dx
	out %al, %dx
	pop %rdx
	ret

puts:				/* NUL-terminated string at %rsi */
	push %rax
6:	lodsb
	test %al, %al
	jz 7f
	call putc
	jmp 6b
7:	pop %rax
	ret

/* The string at %rsi, "0x", %rbx in hex (no leading zeros), newline. */
puts_hex_line:
	call puts
	mov $'0', %al
	call putc
	mov $'x', %al
	call putc
	mov $60, %ecx
	xor %r8d, %r8d		/* a digit printed yet */
8:	mov %rbx, %rax
	shr %cl, %rax
	and $0xf, %eax
	test %ecx, %ecx
	jz 9f
	test %r8d, %r8d
	jnz 9f
	test %eax, %eax
	jz 10f
9:	mov $1, %r8d
	lea hexdig(%rip), %rdx
	mov (%rdx, %rax), %al
	call putc
10:	sub $4, %ecx
	jns 8b
	mov $'\n', %al
	call putc
	ret

/* %rax in decimal. */
put_dec:
	lea numbuf_end(%rip), %rdi
	mov $10, %ecx
11:	xor %edx, %edx
	div %rcx
	add $'0', %dl
	dec %rdi
	mov %dl, (%rdi)
	test %rax, %rax
	jnz 11b
	mov %rdi, %rsi
	call puts
	ret

msg_start: .asciz "LXTICK start\n"
msg_pci:   .asciz "LXTICK pci "
msg_efer:  .asciz "LXTICK efer "
msg_dr0:   .asciz "LXTICK dr0 "
msg_ticks: .asciz "LXTICK ticks "
msg_done:  .asciz "LXTICK DONE\n"
msg_stray: .asciz "LXTICK FAIL unexpected vector\n"
hexdig:    .ascii "0123456789abcdef"
	.balign 8
ticks:	.long 0
numbuf:	.fill 24, 1, 0
numbuf_end:
	.byte 0
	.balign 16
idt:	.fill 256 * 16, 1, 0
stack:	.fill 8192, 1, 0
stack_top:
lxtick_end:

	.section .note.GNU-stack, "", @progbits
