/* SPDX-License-Identifier: MIT */
/*
 * Emulated 16550A UART (eight registers at `base`, 0x3F8 for COM1) with
 * 16-byte transmit and receive FIFOs. Transmitted bytes go to a character
 * backend; received bytes are injected by the kernel with vuart_rx().
 * The IRQ line follows the PC wiring: asserted while an interrupt is
 * pending and MCR OUT2 is set (outside loopback).
 */
#ifndef KSH_VDEV_UART_H
#define KSH_VDEV_UART_H

#include <ksh/vdev.h>

#define VUART_FIFO_SIZE 16

/*
 * Character backend. tx returns true if it took the byte; false leaves
 * the byte at the head of the transmit FIFO until vuart_tx_kick().
 */
struct vuart_chr {
	bool (*tx)(void *opaque, uint8_t byte);
	void *opaque;
};

struct vuart_fifo {
	uint8_t buf[VUART_FIFO_SIZE];
	uint8_t head;
	uint8_t count;
};

struct vuart {
	struct vdev dev;
	const struct vuart_chr *chr;
	unsigned int irq;
	uint8_t ier, lcr, mcr, scr, fcr;
	uint8_t dll, dlm;
	uint8_t rbr;	    /* last byte read (RBR keeps it when empty) */
	bool overrun;	    /* LSR OE, until LSR is read */
	uint8_t msr_delta;  /* MSR bits 3-0 until MSR is read */
	bool thr_ipending;  /* THRE interrupt, until IIR read or THR write */
	bool timeout_fired; /* character timeout already signalled */
	bool irq_level;
	struct vuart_fifo rx, tx;
	uint64_t rx_last_ns; /* last time a byte entered or left rx */
	uint64_t tx_bytes, rx_bytes, rx_lost;
};

/* Claims base..base+7. chr may be NULL (transmitted bytes are dropped).
 * Returns 0 or -VDEV_EINVAL. */
int vuart_init(struct vuart *u, struct vdev_env *env, uint16_t base,
	       unsigned int irq, const struct vuart_chr *chr);

/* Bytes the receive FIFO can take now (0 in loopback mode, where the
 * serial input is disconnected). */
unsigned int vuart_rx_room(const struct vuart *u);
/* Injects a received byte. Returns 0; -VDEV_EAGAIN in loopback (not
 * taken, keep it); -VDEV_ENOSPC if the FIFO was full: the byte is lost
 * and LSR reports an overrun, as on the chip. Check vuart_rx_room first. */
int vuart_rx(struct vuart *u, uint8_t byte);
/* The backend can take bytes again: drain the transmit FIFO. */
void vuart_tx_kick(struct vuart *u);

#endif
