// SPDX-License-Identifier: MIT
/*
 * The kernel's console input (ksh/console_in.h): COM1's receiver polled
 * into one console_ring, handed to the granted UART of a Linux domain
 * when that domain is about to run. The first byte lost, and the first
 * thrown away for want of a grant, each print a line; the counters are
 * printed with the granted domain's report.
 */
#include <arch/arch.h>
#include <ksh/console_in.h>
#include <ksh/domain.h>
#include <ksh/kprintf.h>

/* Bytes read per poll: more than the 16550's FIFO, so one poll empties
 * it, yet bounded so a babbling line cannot hold the CPU. */
#define CONSOLE_POLL_MAX 64

static struct console_ring ring;
static struct domain *granted; /* the domain of ring.target */
static bool said_discard, said_drop, said_overrun;

/* Once the granted domain has stopped, nothing will read its UART:
 * input is discarded from then on (found here rather than in every stop
 * path). */
static void revoke_if_stopped(void)
{
	if (granted == NULL || granted->state == DOM_RUNNABLE)
		return;
	console_ring_revoke(&ring, ring.target);
	kprintf("ksh: console input: %s stopped; input is discarded from "
		"now\n",
		granted->desc->name);
	granted = NULL;
}

void console_in_poll(void)
{
	revoke_if_stopped();
	for (int i = 0; i < CONSOLE_POLL_MAX; i++) {
		uint64_t before = ring.port_overruns;
		int c = arch_serial_getc(&ring.port_overruns);

		if (ring.port_overruns != before && !said_overrun) {
			said_overrun = true;
			kprintf("ksh: console input: the serial port overran, "
				"typed bytes were lost (counted from now)\n");
		}
		if (c < 0)
			return;
		switch (console_ring_put(&ring, (uint8_t)c)) {
		case CONSOLE_DISCARDED:
			if (!said_discard) {
				said_discard = true;
				kprintf("ksh: console input discarded: no "
					"domain is granted the console "
					"(counted from now)\n");
			}
			break;
		case CONSOLE_DROPPED:
			if (!said_drop) {
				said_drop = true;
				kprintf("ksh: console input dropped: the "
					"%u-byte buffer for %s is full "
					"(counted from now)\n",
					CONSOLE_RING_SIZE, granted->desc->name);
			}
			break;
		case CONSOLE_QUEUED:
			break;
		}
	}
}

int console_in_grant(struct vuart *u, struct domain *d, const char *dev)
{
	if (granted != NULL || console_ring_grant(&ring, u) != 0) {
		kprintf("ksh: domain %s not started: console input is "
			"already granted to %s\n",
			d->desc->name,
			granted != NULL ? granted->desc->name : "another");
		return -1;
	}
	granted = d;
	kprintf("ksh: console input goes to %s's %s\n", d->desc->name, dev);
	return 0;
}

void console_in_feed(struct vuart *u)
{
	console_in_poll();
	console_ring_deliver(&ring, u);
}

void console_in_report(void)
{
	kprintf("ksh: console input: %lu bytes received, %lu delivered, %u "
		"queued, %lu dropped (buffer full), %lu discarded (no "
		"grant), %lu port overruns\n",
		ring.received, ring.delivered, ring.count, ring.dropped,
		ring.discarded, ring.port_overruns);
}
