// SPDX-License-Identifier: MIT
/*
 * The console input ring (ksh/console_in.h): pure, host unit-tested
 * (tests/unit/test_console_in.c). Bytes leave it only for the granted
 * UART; when none is granted they are counted as discarded at once, so
 * a later grant never sees input typed before it.
 */
#include <ksh/console_in.h>

#include <string.h>

void console_ring_init(struct console_ring *r)
{
	memset(r, 0, sizeof(*r));
}

int console_ring_grant(struct console_ring *r, const struct vuart *u)
{
	if (u == NULL || (r->target != NULL && r->target != u))
		return -1;
	r->target = u;
	return 0;
}

void console_ring_revoke(struct console_ring *r, const struct vuart *u)
{
	if (u == NULL || r->target != u)
		return;
	r->target = NULL;
	r->discarded += r->count;
	r->head = 0;
	r->count = 0;
}

enum console_put_result console_ring_put(struct console_ring *r, uint8_t b)
{
	r->received++;
	if (r->target == NULL) {
		r->discarded++;
		return CONSOLE_DISCARDED;
	}
	if (r->count == CONSOLE_RING_SIZE) {
		r->dropped++;
		return CONSOLE_DROPPED;
	}
	r->buf[(r->head + r->count) & (CONSOLE_RING_SIZE - 1)] = b;
	r->count++;
	return CONSOLE_QUEUED;
}

uint32_t console_ring_deliver(struct console_ring *r, struct vuart *u)
{
	uint32_t n = 0;

	if (u == NULL || u != r->target)
		return 0;
	/* vuart_rx_room is 0 in loopback and when the FIFO is full: the
	 * bytes wait here (the receiver is never overrun by us). */
	while (r->count != 0 && vuart_rx_room(u) != 0) {
		if (vuart_rx(u, r->buf[r->head]) != 0)
			break;
		r->head = (r->head + 1) & (CONSOLE_RING_SIZE - 1);
		r->count--;
		r->delivered++;
		n++;
	}
	return n;
}
