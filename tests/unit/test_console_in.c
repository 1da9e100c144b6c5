// SPDX-License-Identifier: MIT
/* Console input ring (kernel/core/console_ring.c): typed bytes reach the
 * granted 16550A model only, in order, as fast as its receive FIFO takes
 * them, raising its interrupt; without a grant they are discarded and
 * counted; a full ring drops and counts; a stopped domain's queued input
 * is discarded, never handed to a later reader. Every byte is accounted
 * for: received = delivered + queued + dropped + discarded. */
#include <criterion/criterion.h>

#include <ksh/console_in.h>

#include "test_dev_env.h"

#define COM1 0x3f8

static struct tenv t, t2;
static struct vuart u, other;
static struct console_ring r;

static void setup(void)
{
	tenv_init(&t, true);
	tenv_init(&t2, true);
	t.now = t2.now = 1000000;
	cr_assert_eq(vuart_init(&u, &t.env, COM1, 4, NULL), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &u.dev), 0);
	cr_assert_eq(vuart_init(&other, &t2.env, COM1, 4, NULL), 0);
	cr_assert_eq(vdev_bus_attach(&t2.bus, &other.dev), 0);
	console_ring_init(&r);
}

/* The guest's 8250 driver setup: FIFO on (trigger 1 byte), received
 * data interrupt on, OUT2 so the IRQ line reaches the PIC. */
static void guest_enables(struct tenv *e)
{
	toutb(e, COM1 + 2, 0x07);
	toutb(e, COM1 + 1, 0x01);
	toutb(e, COM1 + 4, 0x0b);
}

static void put_str(const char *s)
{
	while (*s)
		console_ring_put(&r, (uint8_t)*s++);
}

static void accounted(void)
{
	cr_assert_eq(r.received,
		     r.delivered + r.count + r.dropped + r.discarded);
}

TestSuite(console_in, .init = setup);

Test(console_in, granted_uart_gets_bytes_in_order_with_irq)
{
	char got[8] = {0};

	guest_enables(&t);
	cr_assert_eq(console_ring_grant(&r, &u), 0);
	put_str("ls\n");
	cr_assert_eq(r.count, 3);
	cr_assert_not(t.level[4], "nothing delivered yet");
	cr_assert_eq(console_ring_deliver(&r, &u), 3);
	cr_assert(t.level[4], "received data raises IRQ 4");
	cr_assert_eq(tinb(&t, COM1 + 2) & 0x0f, 0x04, "IIR: data available");
	for (int i = 0; i < 3; i++) {
		cr_assert(tinb(&t, COM1 + 5) & 0x01, "LSR DR");
		got[i] = (char)tinb(&t, COM1);
	}
	cr_assert_str_eq(got, "ls\n");
	cr_assert_not(tinb(&t, COM1 + 5) & 0x01);
	cr_assert_not(t.level[4]);
	cr_assert_eq(r.delivered, 3);
	accounted();
}

Test(console_in, other_uart_gets_nothing)
{
	guest_enables(&t);
	guest_enables(&t2);
	cr_assert_eq(console_ring_grant(&r, &u), 0);
	cr_assert_eq(console_ring_grant(&r, &other), -1, "one grant only");
	cr_assert_eq(console_ring_grant(&r, &u), 0,
		     "granting again is a no-op");
	put_str("secret");
	cr_assert_eq(console_ring_deliver(&r, &other), 0);
	cr_assert_eq(console_ring_deliver(&r, NULL), 0);
	cr_assert_not(tinb(&t2, COM1 + 5) & 0x01, "no byte in the other");
	cr_assert_not(t2.level[4]);
	cr_assert_eq(r.count, 6, "still queued for the granted UART");
	accounted();
}

Test(console_in, no_grant_discards_and_counts)
{
	guest_enables(&t);
	cr_assert_eq(console_ring_put(&r, 'x'), CONSOLE_DISCARDED);
	put_str("abc");
	cr_assert_eq(r.discarded, 4);
	cr_assert_eq(r.count, 0);
	/* A later grant does not see what was typed before it. */
	cr_assert_eq(console_ring_grant(&r, &u), 0);
	cr_assert_eq(console_ring_deliver(&r, &u), 0);
	cr_assert_not(tinb(&t, COM1 + 5) & 0x01);
	accounted();
}

Test(console_in, respects_fifo_room)
{
	char line[40];

	guest_enables(&t);
	cr_assert_eq(console_ring_grant(&r, &u), 0);
	for (int i = 0; i < 39; i++)
		line[i] = (char)('A' + i % 26);
	line[39] = 0;
	put_str(line);
	cr_assert_eq(console_ring_deliver(&r, &u), VUART_FIFO_SIZE);
	cr_assert_eq(vuart_rx_room(&u), 0);
	cr_assert_eq(console_ring_deliver(&r, &u), 0, "FIFO full: wait");
	cr_assert_not(tinb(&t, COM1 + 5) & 0x02, "no overrun in the guest");
	for (int i = 0; i < 39; i++) {
		if (!(tinb(&t, COM1 + 5) & 0x01))
			console_ring_deliver(&r, &u);
		cr_assert_eq(tinb(&t, COM1), (uint8_t)line[i], "byte %d", i);
	}
	cr_assert_eq(r.delivered, 39);
	cr_assert_eq(u.rx_lost, 0);
	accounted();
}

Test(console_in, loopback_holds_input)
{
	guest_enables(&t);
	toutb(&t, COM1 + 4, 0x1b); /* loopback: input disconnected (8.8) */
	cr_assert_eq(console_ring_grant(&r, &u), 0);
	put_str("q");
	cr_assert_eq(console_ring_deliver(&r, &u), 0);
	toutb(&t, COM1 + 4, 0x0b);
	cr_assert_eq(console_ring_deliver(&r, &u), 1);
	cr_assert_eq(tinb(&t, COM1), 'q');
}

Test(console_in, full_ring_drops_and_counts)
{
	cr_assert_eq(console_ring_grant(&r, &u), 0);
	for (uint32_t i = 0; i < CONSOLE_RING_SIZE; i++)
		cr_assert_eq(console_ring_put(&r, (uint8_t)i), CONSOLE_QUEUED);
	cr_assert_eq(console_ring_put(&r, 1), CONSOLE_DROPPED);
	cr_assert_eq(console_ring_put(&r, 2), CONSOLE_DROPPED);
	cr_assert_eq(r.dropped, 2);
	cr_assert_eq(r.count, CONSOLE_RING_SIZE);
	accounted();
}

Test(console_in, revoke_discards_queued_input)
{
	guest_enables(&t);
	guest_enables(&t2);
	cr_assert_eq(console_ring_grant(&r, &u), 0);
	put_str("rm -rf /\n");
	console_ring_revoke(&r, &other); /* not the granted one: no effect */
	cr_assert_eq(r.count, 9);
	console_ring_revoke(&r, &u);
	cr_assert_eq(r.count, 0);
	cr_assert_eq(r.discarded, 9);
	cr_assert_eq(console_ring_put(&r, 'z'), CONSOLE_DISCARDED);
	/* The other UART may be granted now, but gets nothing old. */
	cr_assert_eq(console_ring_grant(&r, &other), 0);
	cr_assert_eq(console_ring_deliver(&r, &other), 0);
	cr_assert_not(tinb(&t2, COM1 + 5) & 0x01);
	accounted();
}
