// SPDX-License-Identifier: MIT
/*
 * 16550A UART.
 *
 * Reference: National Semiconductor PC16550D datasheet (June 1995):
 * Table II "Summary of Registers", 8.1 LCR, 8.2 "Typical Clock Circuits"
 * (divisor latch, 16x clock), 8.4 LSR, 8.5 FCR, 8.6 "Interrupt
 * Identification Register" with Table IV "Interrupt Control Functions"
 * (priorities, sources, reset actions), 8.7 IER, 8.8 MCR (loopback),
 * 8.9 MSR, 8.10 SCR, 8.11 "FIFO Interrupt Mode Operation" (character
 * timeout). Bytes leave the transmitter as soon as the backend takes
 * them: the model does not pace output at the baud rate.
 */
#include <ksh/vdev_uart.h>

#include "vdev_string.h"

enum {
	UART_IER_RDI = 0x01,  /* received data available */
	UART_IER_THRI = 0x02, /* transmitter holding register empty */
	UART_IER_RLSI = 0x04, /* receiver line status */
	UART_IER_MSI = 0x08,  /* modem status */

	UART_IIR_NONE = 0x01,
	UART_IIR_RLS = 0x06,
	UART_IIR_RDA = 0x04,
	UART_IIR_TIMEOUT = 0x0c,
	UART_IIR_THRE = 0x02,
	UART_IIR_MSR = 0x00,
	UART_IIR_FIFO = 0xc0,

	UART_FCR_ENABLE = 0x01,
	UART_FCR_CLEAR_RX = 0x02,
	UART_FCR_CLEAR_TX = 0x04,

	UART_LCR_DLAB = 0x80,

	UART_MCR_DTR = 0x01,
	UART_MCR_RTS = 0x02,
	UART_MCR_OUT1 = 0x04,
	UART_MCR_OUT2 = 0x08,
	UART_MCR_LOOP = 0x10,

	UART_LSR_DR = 0x01,
	UART_LSR_OE = 0x02,
	UART_LSR_THRE = 0x20,
	UART_LSR_TEMT = 0x40,

	UART_MSR_CTS = 0x10,
	UART_MSR_DSR = 0x20,
	UART_MSR_RI = 0x40,
	UART_MSR_DCD = 0x80,
	UART_MSR_TERI = 0x04,
};

#define UART_CLOCK_HZ 1843200ull /* PC crystal: divisor 1 = 115200 baud */

static bool fifo_mode(const struct vuart *u)
{
	return u->fcr & UART_FCR_ENABLE;
}

/* Without FIFOs the receiver and transmitter hold one byte each. */
static unsigned int fifo_cap(const struct vuart *u)
{
	return fifo_mode(u) ? VUART_FIFO_SIZE : 1;
}

static void fifo_push(struct vuart_fifo *f, uint8_t b)
{
	f->buf[(f->head + f->count) % VUART_FIFO_SIZE] = b;
	f->count++;
}

static uint8_t fifo_pop(struct vuart_fifo *f)
{
	uint8_t b = f->buf[f->head];

	f->head = (uint8_t)((f->head + 1) % VUART_FIFO_SIZE);
	f->count--;
	return b;
}

static void fifo_clear(struct vuart_fifo *f)
{
	f->head = 0;
	f->count = 0;
}

/* FCR bits 7-6: receiver trigger level 1, 4, 8 or 14 bytes. */
static unsigned int rx_trigger(const struct vuart *u)
{
	static const uint8_t level[4] = {1, 4, 8, 14};

	return fifo_mode(u) ? level[u->fcr >> 6] : 1;
}

/* One character time: start bit, 5-8 data bits, parity, 1, 1.5 or 2
 * stop bits, each 16 clocks of the divided 1.8432 MHz clock (8.1, 8.2).
 * Counted in half bits so 1.5 stop bits stay exact. */
static uint64_t char_ns(const struct vuart *u)
{
	uint64_t div = (uint64_t)(u->dlm << 8 | u->dll);
	uint64_t half_bits = 2 * (1 + 5 + (u->lcr & 3));

	if (u->lcr & 0x08)
		half_bits += 2;
	if (!(u->lcr & 0x04))
		half_bits += 2;
	else
		half_bits += (u->lcr & 3) == 0 ? 3 : 4;
	if (div == 0)
		div = 0x10000;
	return half_bits * 8 * div * 1000000000ull / UART_CLOCK_HZ;
}

/* 8.11: the character timeout waits 4 character times. */
static uint64_t timeout_at(const struct vuart *u)
{
	return u->rx_last_ns + 4 * char_ns(u);
}

/* Timeout indication: FIFO mode, at least one byte in the receive FIFO
 * and no byte in or out of it for 4 character times. */
static bool timeout_due(const struct vuart *u, uint64_t now)
{
	return fifo_mode(u) && u->rx.count && now >= timeout_at(u);
}

/* The modem inputs: in loopback the outputs DTR, RTS, OUT1, OUT2 loop
 * back to DSR, CTS, RI, DCD (8.8); outside it the other end is taken as
 * present (CTS, DSR, DCD asserted). */
static uint8_t modem_inputs(uint8_t mcr)
{
	if (!(mcr & UART_MCR_LOOP))
		return UART_MSR_CTS | UART_MSR_DSR | UART_MSR_DCD;
	return (uint8_t)((mcr & UART_MCR_DTR ? UART_MSR_DSR : 0) |
			 (mcr & UART_MCR_RTS ? UART_MSR_CTS : 0) |
			 (mcr & UART_MCR_OUT1 ? UART_MSR_RI : 0) |
			 (mcr & UART_MCR_OUT2 ? UART_MSR_DCD : 0));
}

/* Table IV, highest priority first. */
static uint8_t uart_iir(const struct vuart *u, uint64_t now)
{
	if ((u->ier & UART_IER_RLSI) && u->overrun)
		return UART_IIR_RLS;
	if ((u->ier & UART_IER_RDI) && u->rx.count >= rx_trigger(u))
		return UART_IIR_RDA;
	if ((u->ier & UART_IER_RDI) && timeout_due(u, now))
		return UART_IIR_TIMEOUT;
	if ((u->ier & UART_IER_THRI) && u->thr_ipending)
		return UART_IIR_THRE;
	if ((u->ier & UART_IER_MSI) && u->msr_delta)
		return UART_IIR_MSR;
	return UART_IIR_NONE;
}

static void uart_update(struct vuart *u, uint64_t now)
{
	bool level =
	    uart_iir(u, now) != UART_IIR_NONE &&
	    (u->mcr & (UART_MCR_OUT2 | UART_MCR_LOOP)) == UART_MCR_OUT2;

	if (timeout_due(u, now))
		u->timeout_fired = true;
	if (level != u->irq_level) {
		u->irq_level = level;
		vdev_set_irq(&u->dev, u->irq, level);
	}
}

static void rx_touch(struct vuart *u, uint64_t now)
{
	u->rx_last_ns = now;
	u->timeout_fired = false;
}

/* A byte reaching the receiver (from the line or the loopback). */
static int rx_byte(struct vuart *u, uint8_t b, uint64_t now)
{
	if (u->rx.count >= fifo_cap(u)) {
		/* 8.4 OE: the FIFO is full, the new character is lost. */
		u->overrun = true;
		u->rx_lost++;
		return -VDEV_ENOSPC;
	}
	fifo_push(&u->rx, b);
	u->rx_bytes++;
	rx_touch(u, now);
	return 0;
}

static void tx_drain(struct vuart *u)
{
	bool sent = false;

	while (u->tx.count) {
		if (u->chr && u->chr->tx &&
		    !u->chr->tx(u->chr->opaque, u->tx.buf[u->tx.head]))
			break;
		fifo_pop(&u->tx);
		u->tx_bytes++;
		sent = true;
	}
	if (sent && !u->tx.count)
		u->thr_ipending = true; /* THR (or FIFO) became empty */
}

static void thr_write(struct vuart *u, uint8_t b, uint64_t now)
{
	u->thr_ipending = false;
	if (u->mcr & UART_MCR_LOOP) {
		/* The transmitter output loops to the receiver input. */
		rx_byte(u, b, now);
		u->tx_bytes++;
		u->thr_ipending = true;
		return;
	}
	if (u->tx.count < fifo_cap(u))
		fifo_push(&u->tx, b);
	tx_drain(u);
}

static void fcr_write(struct vuart *u, uint8_t val, uint64_t now)
{
	/* Changing FIFO enable clears both FIFOs (8.5). */
	if ((val ^ u->fcr) & UART_FCR_ENABLE)
		val |= UART_FCR_CLEAR_RX | UART_FCR_CLEAR_TX;
	if (val & UART_FCR_CLEAR_RX) {
		fifo_clear(&u->rx);
		rx_touch(u, now);
	}
	if ((val & UART_FCR_CLEAR_TX) && u->tx.count) {
		fifo_clear(&u->tx);
		u->thr_ipending = true;
	}
	/* Bits 1-2 clear themselves; 4-5 are reserved. */
	u->fcr = val & (val & UART_FCR_ENABLE ? 0xc9 : 0x00);
}

static void mcr_write(struct vuart *u, uint8_t val)
{
	uint8_t before = modem_inputs(u->mcr), after;

	u->mcr = val & 0x1f;
	after = modem_inputs(u->mcr);
	/* 8.9: DCTS, DDSR, DDCD on any change; TERI when RI goes off. */
	if ((before ^ after) & UART_MSR_CTS)
		u->msr_delta |= 0x01;
	if ((before ^ after) & UART_MSR_DSR)
		u->msr_delta |= 0x02;
	if ((before & UART_MSR_RI) && !(after & UART_MSR_RI))
		u->msr_delta |= UART_MSR_TERI;
	if ((before ^ after) & UART_MSR_DCD)
		u->msr_delta |= 0x08;
}

static uint8_t lsr_value(const struct vuart *u)
{
	uint8_t lsr = 0;

	if (u->rx.count)
		lsr |= UART_LSR_DR;
	if (u->overrun)
		lsr |= UART_LSR_OE;
	if (!u->tx.count)
		lsr |= UART_LSR_THRE | UART_LSR_TEMT;
	return lsr;
}

static int uart_read(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t *val)
{
	struct vuart *u = (struct vuart *)dev;
	uint64_t now = vdev_now(dev);
	bool dlab = u->lcr & UART_LCR_DLAB;
	uint8_t v = 0;

	(void)idx;
	(void)size;
	switch (off) {
	case 0:
		if (dlab) {
			v = u->dll;
		} else {
			if (u->rx.count) {
				u->rbr = fifo_pop(&u->rx);
				rx_touch(u, now);
			}
			v = u->rbr;
		}
		break;
	case 1:
		v = dlab ? u->dlm : u->ier;
		break;
	case 2:
		v = uart_iir(u, now);
		/* Reading IIR clears a THRE interrupt it reports. */
		if (v == UART_IIR_THRE)
			u->thr_ipending = false;
		if (fifo_mode(u))
			v |= UART_IIR_FIFO;
		break;
	case 3:
		v = u->lcr;
		break;
	case 4:
		v = u->mcr;
		break;
	case 5:
		v = lsr_value(u);
		u->overrun = false; /* error bits clear on read */
		break;
	case 6:
		v = modem_inputs(u->mcr) | u->msr_delta;
		u->msr_delta = 0;
		break;
	default:
		v = u->scr;
		break;
	}
	*val = v;
	uart_update(u, now);
	return 0;
}

static int uart_write(struct vdev *dev, unsigned int idx, uint64_t off,
		      unsigned int size, uint64_t val)
{
	struct vuart *u = (struct vuart *)dev;
	uint64_t now = vdev_now(dev);
	bool dlab = u->lcr & UART_LCR_DLAB;
	uint8_t v = (uint8_t)val;

	(void)idx;
	(void)size;
	switch (off) {
	case 0:
		if (dlab)
			u->dll = v;
		else
			thr_write(u, v, now);
		break;
	case 1:
		if (dlab) {
			u->dlm = v;
			break;
		}
		/* Enabling ETBEI with THR empty signals THRE at once. */
		if ((v & ~u->ier & UART_IER_THRI) && !u->tx.count)
			u->thr_ipending = true;
		if (!(v & UART_IER_THRI))
			u->thr_ipending = false;
		u->ier = v & 0x0f;
		break;
	case 2:
		fcr_write(u, v, now);
		break;
	case 3:
		u->lcr = v;
		break;
	case 4:
		mcr_write(u, v);
		break;
	case 7:
		u->scr = v;
		break;
	default: /* LSR and MSR: factory test only; ignored */
		break;
	}
	uart_update(u, now);
	return 0;
}

static uint64_t uart_deadline(struct vdev *dev)
{
	struct vuart *u = (struct vuart *)dev;

	if (!fifo_mode(u) || !u->rx.count || u->timeout_fired ||
	    !(u->ier & UART_IER_RDI))
		return VDEV_NO_DEADLINE;
	return timeout_at(u);
}

static void uart_tick(struct vdev *dev, uint64_t now)
{
	struct vuart *u = (struct vuart *)dev;

	uart_update(u, now);
}

static const struct vdev_ops uart_ops = {
    .read = uart_read,
    .write = uart_write,
    .tick = uart_tick,
    .deadline = uart_deadline,
};

unsigned int vuart_rx_room(const struct vuart *u)
{
	if (u->mcr & UART_MCR_LOOP)
		return 0;
	return fifo_cap(u) - u->rx.count;
}

int vuart_rx(struct vuart *u, uint8_t byte)
{
	uint64_t now = vdev_now(&u->dev);
	int rc;

	if (u->mcr & UART_MCR_LOOP)
		return -VDEV_EAGAIN; /* serial input disconnected (8.8) */
	rc = rx_byte(u, byte, now);
	uart_update(u, now);
	return rc;
}

void vuart_tx_kick(struct vuart *u)
{
	tx_drain(u);
	uart_update(u, vdev_now(&u->dev));
}

int vuart_init(struct vuart *u, struct vdev_env *env, uint16_t base,
	       unsigned int irq, const struct vuart_chr *chr)
{
	memset(u, 0, sizeof(*u));
	vdev_init(&u->dev, &uart_ops, "uart", env);
	if (vdev_add_range(&u->dev, VDEV_PIO, base, 8, VDEV_SZ1) < 0)
		return -VDEV_EINVAL;
	u->chr = chr;
	u->irq = irq;
	/* Table VI reset values are all zero except LSR and MSR, which are
	 * computed; the divisor is undefined there: 9600 baud here. */
	u->dll = 12;
	return 0;
}
