/* SPDX-License-Identifier: MIT */
/*
 * Console input: bytes typed on the platform's serial console (COM1, the
 * port the kernel's own output goes to) reach the one emulated UART the
 * system description grants them (`console;` on a `device uart`,
 * KSH_VDEVF_CONSOLE_IN in the tables), and no other.
 *
 * Two layers. struct console_ring (console_ring.c) is pure: a bounded
 * byte ring between the port and the granted UART, with every byte
 * accounted for (received = delivered + queued + dropped + discarded).
 * console_in.c is the kernel's one instance: it polls the port and
 * prints a line the first time bytes are lost or thrown away.
 *
 * Polled, not interrupt driven: the kernel takes no device interrupt
 * (the 8259s stay masked after ExitBootServices, both masks 0xFF,
 * and the LAPIC timer is its only source). Polling at every entry of a
 * domain, which the timer bounds to the schedule's frames and the
 * devices' deadlines, drains the port often enough for typing: the
 * 16550's 16-byte FIFO holds 1.4 ms of input at 115200 baud (PC16550D
 * 8.5), so a long frame of another domain can overrun it on hardware;
 * such losses show in LSR OE (8.4) and are counted, never silent.
 */
#ifndef KSH_CONSOLE_IN_H
#define KSH_CONSOLE_IN_H

#include <stdbool.h>
#include <stdint.h>

#include <ksh/vdev_uart.h>

#define CONSOLE_RING_SIZE 1024u /* a few typed lines; must be a power of 2 */

struct console_ring {
	uint8_t buf[CONSOLE_RING_SIZE];
	uint32_t head, count;
	const struct vuart *target; /* the granted UART, NULL if none */
	uint64_t received;	    /* bytes read from the port */
	uint64_t delivered;	    /* bytes the granted UART took */
	uint64_t dropped;	    /* ring full: bytes lost */
	uint64_t discarded;	    /* no granted UART: bytes thrown away */
	uint64_t port_overruns;	    /* LSR OE seen on the port */
};

/* Empty ring, no UART granted. */
void console_ring_init(struct console_ring *r);
/* Grants input to u. Returns 0, or -1 if another UART has it. */
int console_ring_grant(struct console_ring *r, const struct vuart *u);
/* The granted UART's domain stopped: later bytes are discarded; those
 * queued are counted as discarded too. */
void console_ring_revoke(struct console_ring *r, const struct vuart *u);

enum console_put_result {
	CONSOLE_QUEUED,
	CONSOLE_DROPPED,   /* ring full */
	CONSOLE_DISCARDED, /* no UART granted */
};
/* A byte from the port. */
enum console_put_result console_ring_put(struct console_ring *r, uint8_t b);
/* Hands queued bytes to u while it has room, in order, if u is the
 * granted UART; any other UART gets nothing. Returns the bytes given. */
uint32_t console_ring_deliver(struct console_ring *r, struct vuart *u);

/* ---- the kernel's instance (console_in.c) ---- */

/* Reads what the port holds into the ring. Called before every domain
 * entry and while idle. */
void console_in_poll(void);
struct domain;
/* Grants input to the UART u (device dev) of domain d, from vdom_setup.
 * Returns 0, or -1 with the reason logged (a second grant). Once d has
 * stopped, input is discarded. */
int console_in_grant(struct vuart *u, struct domain *d, const char *dev);
/* Polls, then delivers to u if it is the granted UART. */
void console_in_feed(struct vuart *u);
/* Logs the counters (with the granted domain's report). */
void console_in_report(void);

#endif /* KSH_CONSOLE_IN_H */
