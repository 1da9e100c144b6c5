// SPDX-License-Identifier: MIT
/* 16550A UART: checked against the NS PC16550D datasheet sections named
 * in each test (Table IV gives the interrupt priorities). */
#include <criterion/criterion.h>

#include <ksh/vdev_uart.h>

#include "test_dev_env.h"

#define COM1 0x3f8

static struct tenv t;
static struct vuart u;
static uint8_t sent[64];
static unsigned int nsent;
static bool busy;

static bool chr_tx(void *opaque, uint8_t b)
{
	(void)opaque;
	if (busy || nsent >= sizeof(sent))
		return false;
	sent[nsent++] = b;
	return true;
}

static const struct vuart_chr chr = {.tx = chr_tx};

static void setup(void)
{
	tenv_init(&t, true);
	t.now = 1000000;
	nsent = 0;
	busy = false;
	cr_assert_eq(vuart_init(&u, &t.env, COM1, 4, &chr), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &u.dev), 0);
}

static uint8_t reg(unsigned int r)
{
	return tinb(&t, (uint16_t)(COM1 + r));
}

static void wreg(unsigned int r, uint8_t v)
{
	toutb(&t, (uint16_t)(COM1 + r), v);
}

/* Table VI "UART Reset Configuration". */
Test(dev_uart, reset_values)
{
	setup();
	cr_assert_eq(reg(1), 0x00);
	cr_assert_eq(reg(2), 0x01);
	cr_assert_eq(reg(3), 0x00);
	cr_assert_eq(reg(4), 0x00);
	cr_assert_eq(reg(5), 0x60);
	cr_assert_eq(reg(6), 0xb0, "CTS, DSR, DCD from the other end");
	wreg(7, 0x5a);
	cr_assert_eq(reg(7), 0x5a, "scratch register");
}

/* 8.2/8.1: with DLAB set, offsets 0 and 1 are the divisor latch. */
Test(dev_uart, divisor_latch)
{
	setup();
	wreg(3, 0x83);
	wreg(0, 0x01);
	wreg(1, 0x02);
	cr_assert_eq(reg(0), 0x01);
	cr_assert_eq(reg(1), 0x02);
	cr_assert_eq(nsent, 0, "DLL write is not a transmit");
	wreg(3, 0x03);
	cr_assert_eq(reg(1), 0x00, "IER again");
	cr_assert_eq(reg(3), 0x03);
}

/* Transmit goes to the backend in order; a busy backend fills the FIFO
 * (16 bytes), THRE and TEMT clear, and resume with a THRE interrupt. */
Test(dev_uart, transmit_and_fifo)
{
	setup();
	wreg(2, 0x01);
	wreg(0, 'h');
	wreg(0, 'i');
	cr_assert_eq(nsent, 2);
	cr_assert_eq(sent[0], 'h');
	cr_assert_eq(sent[1], 'i');
	busy = true;
	for (int i = 0; i < 20; i++)
		wreg(0, (uint8_t)('a' + i));
	cr_assert_eq(u.tx.count, 16);
	cr_assert_eq(reg(5) & 0x60, 0x00);
	wreg(4, 0x08);
	wreg(1, 0x02);
	cr_assert_eq(reg(2), 0xc1, "no THRE while the FIFO holds data");
	busy = false;
	vuart_tx_kick(&u);
	cr_assert_eq(nsent, 18);
	cr_assert_eq(sent[17], 'p');
	cr_assert_eq(reg(5) & 0x60, 0x60);
	cr_assert(t.level[4]);
	cr_assert_eq(reg(2), 0xc2);
}

/* Table IV THRE: reset by reading IIR (when THRE is the source) or by
 * writing THR; enabling ETBEI while THR is empty signals it again (the
 * check Linux's 8250 driver makes for UART_BUG_THRE). */
Test(dev_uart, thre_interrupt)
{
	setup();
	wreg(4, 0x08); /* OUT2: IRQ enabled on a PC */
	wreg(1, 0x02);
	cr_assert(t.level[4]);
	cr_assert_eq(reg(2), 0x02);
	cr_assert_eq(reg(2), 0x01, "cleared by the IIR read");
	cr_assert_not(t.level[4]);
	wreg(1, 0x00);
	wreg(1, 0x02);
	cr_assert_eq(reg(2), 0x02, "re-asserted");
	wreg(0, 'x');
	cr_assert_eq(reg(2), 0x02, "empty again after the byte left");
	cr_assert_eq(t.rises[4], 3);
}

/* Received data: DR, RDA interrupt, reset by reading RBR. */
Test(dev_uart, receive_interrupt)
{
	setup();
	wreg(4, 0x08);
	wreg(1, 0x01);
	cr_assert_eq(vuart_rx(&u, 'k'), 0);
	cr_assert(t.level[4]);
	cr_assert_eq(reg(5) & 0x01, 0x01);
	cr_assert_eq(reg(2), 0x04);
	cr_assert_eq(reg(0), 'k');
	cr_assert_eq(reg(2), 0x01);
	cr_assert_eq(reg(5) & 0x01, 0x00);
	cr_assert_not(t.level[4]);
	cr_assert_eq(reg(0), 'k', "RBR keeps the last byte");
}

/* The IRQ pin is gated by OUT2 on a PC. */
Test(dev_uart, out2_gates_irq)
{
	setup();
	wreg(1, 0x01);
	vuart_rx(&u, 1);
	cr_assert_eq(reg(2), 0x04);
	cr_assert_not(t.level[4]);
	wreg(4, 0x08);
	cr_assert(t.level[4]);
}

/* 8.5 FCR trigger levels and 8.11 character timeout: below the trigger
 * level, IIR shows the timeout after 4 character times without FIFO
 * activity; reading RBR resets it. */
Test(dev_uart, fifo_trigger_and_timeout)
{
	setup();
	wreg(3, 0x80);
	wreg(0, 1); /* 115200 baud, 8N1: 10 bits = 86.8 us */
	wreg(1, 0);
	wreg(3, 0x03);
	wreg(2, 0x81); /* FIFO on, trigger 8 */
	wreg(4, 0x08);
	wreg(1, 0x01);
	for (int i = 0; i < 7; i++)
		vuart_rx(&u, (uint8_t)i);
	cr_assert_eq(reg(2), 0xc1);
	uint64_t dl = vdev_bus_next_deadline(&t.bus);

	cr_assert_eq(dl, t.now + 4 * 86805);
	tenv_advance(&t, 340000);
	cr_assert_not(t.level[4]);
	tenv_advance(&t, 10000);
	cr_assert(t.level[4]);
	cr_assert_eq(reg(2), 0xcc);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), VDEV_NO_DEADLINE);
	cr_assert_eq(reg(0), 0);
	cr_assert_eq(reg(2), 0xc1, "reading RBR resets the timeout");
	cr_assert_not(t.level[4]);
	vuart_rx(&u, 7);
	vuart_rx(&u, 8);
	cr_assert_eq(reg(2), 0xc4, "8 bytes: trigger level");
	cr_assert_eq(vuart_rx_room(&u), 8);
	wreg(2, 0x83);
	cr_assert_eq(reg(5) & 1, 0, "FCR bit 1 clears the receive FIFO");
}

/* Table IV priorities: line status above received data above THRE;
 * 8.4: OE when a byte arrives with the receiver full, cleared by reading
 * LSR. */
Test(dev_uart, priorities_and_overrun)
{
	setup();
	wreg(4, 0x08);
	wreg(1, 0x07);
	cr_assert_eq(reg(2), 0x02);
	vuart_rx(&u, 'a');
	cr_assert_eq(vuart_rx(&u, 'b'), -VDEV_ENOSPC, "no FIFO: one byte");
	cr_assert_eq(u.rx_lost, 1);
	wreg(1, 0x07); /* no change: THRE stays cleared by the IIR read */
	cr_assert_eq(reg(2), 0x06);
	cr_assert_eq(reg(5) & 0x03, 0x03);
	cr_assert_eq(reg(5) & 0x02, 0x00, "OE cleared by reading LSR");
	cr_assert_eq(reg(2), 0x04);
	cr_assert_eq(reg(0), 'a');
	cr_assert_eq(reg(2), 0x01);
	wreg(0, 'z');
	cr_assert_eq(reg(2), 0x02);
}

/* The FIFO takes 16 bytes; the 17th overruns. */
Test(dev_uart, fifo_capacity)
{
	setup();
	wreg(2, 0x01);
	cr_assert_eq(vuart_rx_room(&u), 16);
	for (int i = 0; i < 16; i++)
		cr_assert_eq(vuart_rx(&u, (uint8_t)i), 0);
	cr_assert_eq(vuart_rx(&u, 99), -VDEV_ENOSPC);
	for (int i = 0; i < 16; i++)
		cr_assert_eq(reg(0), i);
	wreg(2, 0x00);
	cr_assert_eq(reg(2), 0x01, "FIFO bits off with the FIFO disabled");
}

/* 8.8 loopback: THR comes back in RBR, nothing leaves; MCR outputs
 * appear as MSR inputs with their deltas; the IRQ pin is not driven;
 * the serial input is disconnected. */
Test(dev_uart, loopback)
{
	setup();
	wreg(4, 0x18);
	wreg(1, 0x09);
	wreg(0, 'L');
	cr_assert_eq(nsent, 0);
	cr_assert_eq(reg(5) & 0x61, 0x61);
	cr_assert_eq(reg(2), 0x04);
	cr_assert_not(t.level[4], "no IRQ in loopback");
	cr_assert_eq(reg(0), 'L');
	cr_assert_eq(vuart_rx(&u, 'x'), -VDEV_EAGAIN);
	cr_assert_eq(vuart_rx_room(&u), 0);
	/* entering loopback dropped CTS, DSR (DCD follows OUT2 = 1) */
	cr_assert_eq(reg(2), 0x00, "modem status interrupt");
	cr_assert_eq(reg(6), 0x83);
	cr_assert_eq(reg(2), 0x01, "cleared by the MSR read");
	wreg(4, 0x1f);
	cr_assert_eq(reg(6), 0xf3);
	wreg(4, 0x1b); /* OUT1 off: RI trailing edge */
	cr_assert_eq(reg(6), 0xb4);
	cr_assert_eq(reg(6), 0xb0);
}

/* Character time follows LCR: 5 data bits with 1.5 stop bits, parity. */
Test(dev_uart, char_time_from_lcr)
{
	setup();
	wreg(3, 0x80);
	wreg(0, 12);
	wreg(3, 0x0c); /* 5 bits, parity, 1.5 stop: 8.5 bits at 9600 */
	wreg(2, 0x01);
	wreg(1, 0x01);
	vuart_rx(&u, 1);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus),
		     t.now + 4 * (17ull * 8 * 12 * 1000000000 / 1843200));
}
