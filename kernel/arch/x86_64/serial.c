// SPDX-License-Identifier: MIT
/*
 * COM1 as a polled 16550 (PC16550D datasheet): the kernel console. Used
 * directly, not through UEFI's serial protocol, so the same code prints
 * before and after ExitBootServices.
 */
#include <arch/arch.h>
#include <arch/x86.h>

#define COM1	 0x3F8
#define UART_THR 0 /* transmit holding (DLAB=0) */
#define UART_RBR 0 /* receiver buffer (DLAB=0, read) */
#define UART_DLL 0 /* divisor latch low (DLAB=1) */
#define UART_IER 1
#define UART_DLM 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_DR	 0x01 /* data ready */
#define LSR_OE	 0x02 /* overrun: a byte was lost (cleared by this read) */
#define LSR_THRE 0x20 /* transmitter holding register empty */

void arch_serial_init(void)
{
	outb(COM1 + UART_IER, 0x00);
	outb(COM1 + UART_LCR, 0x80); /* DLAB: set the divisor */
	outb(COM1 + UART_DLL, 1);    /* 115200 baud */
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, 0x03); /* 8N1 */
	outb(COM1 + UART_FCR, 0xC7); /* FIFO on, cleared */
	outb(COM1 + UART_MCR, 0x03); /* DTR, RTS */
}

void arch_serial_putc(char c)
{
	/* Bounded wait: a missing UART must not hang the kernel. */
	for (int i = 0; i < 100000; i++)
		if (inb(COM1 + UART_LSR) & LSR_THRE)
			break;
	outb(COM1 + UART_THR, (uint8_t)c);
}

/* Polled receive (PC16550D 8.4): LSR DR says the receiver buffer or FIFO
 * holds a byte; reading RBR takes it. IER stays 0: the kernel takes no
 * serial interrupt (ksh/console_in.h says why). */
int arch_serial_getc(uint64_t *lost)
{
	uint8_t lsr = inb(COM1 + UART_LSR);

	if (lsr & LSR_OE)
		(*lost)++;
	if (!(lsr & LSR_DR) || lsr == 0xFF) /* 0xFF: no UART (floating) */
		return -1;
	return inb(COM1 + UART_RBR);
}
