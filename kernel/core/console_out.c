// SPDX-License-Identifier: MIT
/*
 * Console output queues, their bounded drain to the UART, and the rate
 * limit of guest-caused log lines (ksh/console_out.h says who pays for
 * what). Pure: host unit-tested against a simulated 115200-baud UART
 * (tests/unit/test_console_out.c).
 */
#include <ksh/console_out.h>
#include <ksh/kprintf.h>

int con_out_put(struct con_out *o, const char *s, uint32_t n)
{
	if (n > CON_OUT_SIZE - o->count) {
		o->dropped += n;
		return -1;
	}
	for (uint32_t i = 0; i < n; i++)
		o->buf[(o->head + o->count + i) & (CON_OUT_SIZE - 1)] =
		    (uint8_t)s[i];
	o->count += n;
	return 0;
}

bool con_out_report_drops(struct con_out *o, const char *name)
{
	char line[CON_LINE_MAX];
	int n;

	if (o->dropped == o->told)
		return false;
	n = ksnprintf(line, sizeof(line),
		      "ksh: [%s] console: %lu bytes dropped (output faster "
		      "than the serial line)\r\n",
		      name, (unsigned long)(o->dropped - o->told));
	if (n <= 0 || (uint32_t)n >= sizeof(line) ||
	    (uint32_t)n > CON_OUT_SIZE - o->count)
		return false;
	o->told = o->dropped;
	con_out_put(o, line, (uint32_t)n);
	return true;
}

/* The rest of a line cut on the wire goes on behind "[name] " again:
 * writes what of that prefix fits in room, returns the room left. */
static uint32_t tx_prefix(struct con_out *o, struct con_uart *u, uint32_t room)
{
	char pre[CON_LINE_MAX];
	int n = ksnprintf(pre, sizeof(pre), "[%s] ",
			  o->name != NULL ? o->name : "?");

	if (n <= 0 || (uint32_t)n >= sizeof(pre))
		n = 0;
	/* Cut just before its CR LF: the cut ended the line already. */
	while (o->pre_pos == 0 && o->count != 0 &&
	       (o->buf[o->head] == '\r' || o->buf[o->head] == '\n')) {
		uint8_t b = o->buf[o->head];

		o->head = (o->head + 1) & (CON_OUT_SIZE - 1);
		o->count--;
		if (b == '\n') {
			o->cut = false;
			return room;
		}
	}
	while (room != 0 && o->pre_pos < (uint32_t)n) {
		u->tx(u->ctx, (uint8_t)pre[o->pre_pos++]);
		room--;
		u->mid = o;
	}
	if (o->pre_pos >= (uint32_t)n)
		o->cut = false;
	return room;
}

uint32_t con_out_drain(struct con_out *o, struct con_uart *u, uint64_t deadline,
		       uint64_t wait_until, uint32_t max)
{
	uint32_t sent = 0;

	while (o->count != 0 && sent < max) {
		uint64_t now = u->now(u->ctx);
		uint32_t room = CON_FIFO;

		if (now >= deadline)
			break;
		if (!u->tx_empty(u->ctx)) {
			if (now >= wait_until)
				break;
			continue; /* poll THRE again */
		}
		/* THRE: the FIFO is empty, a whole load goes in at once. */
		if (u->mid != NULL && u->mid != o) {
			/* Another queue's line is half out: end it there. */
			u->tx(u->ctx, '\r');
			u->tx(u->ctx, '\n');
			room -= 2;
			u->mid->cut = true;
			u->mid->pre_pos = 0;
			u->mid = NULL;
		}
		if (o->cut)
			room = tx_prefix(o, u, room);
		while (room != 0 && o->count != 0 && sent < max) {
			uint8_t b = o->buf[o->head];

			u->tx(u->ctx, b);
			room--;
			o->head = (o->head + 1) & (CON_OUT_SIZE - 1);
			o->count--;
			o->sent++;
			sent++;
			u->mid = b == '\n' ? NULL : o;
		}
	}
	return sent;
}

void con_frame_begin(struct con_frame *f, uint32_t owner, uint64_t now,
		     uint64_t end)
{
	f->owner = owner;
	f->start = now;
	f->end = end;
	f->wait_left = end > now ? (end - now) / CON_WAIT_SHARE : 0;
}

/* The last moment a load may start in the frame (ksh/console_out.h). */
static uint64_t frame_deadline(const struct con_frame *f)
{
	return f->end > f->start + CON_TAIL_NS ? f->end - CON_TAIL_NS
					       : f->start;
}

uint32_t con_frame_after_write(struct con_frame *f, struct con_out *o,
			       struct con_uart *u)
{
	uint64_t deadline = frame_deadline(f), t0, spent;
	uint32_t sent = con_out_drain(o, u, deadline, 0, UINT32_MAX);

	if (o->count <= CON_OUT_SIZE / 2 || f->wait_left == 0)
		return sent;
	/* More than half full: this domain prints faster than the line
	 * carries, so it waits for the wire itself, inside its frame and
	 * budget, down to half the queue. */
	t0 = u->now(u->ctx);
	sent += con_out_drain(o, u, deadline, t0 + f->wait_left,
			      o->count - CON_OUT_SIZE / 2);
	spent = u->now(u->ctx) - t0;
	f->wait_left = spent < f->wait_left ? f->wait_left - spent : 0;
	return sent;
}

uint32_t con_frame_idle(struct con_frame *f, struct con_out *o,
			struct con_uart *u, uint64_t idle_end)
{
	uint64_t deadline = frame_deadline(f);

	/* Idle ends earlier (a blocked domain's deadline): the CPU is back
	 * in time for it; the wire may go on into the frame. */
	if (idle_end > CON_MARGIN_NS && idle_end - CON_MARGIN_NS < deadline)
		deadline = idle_end - CON_MARGIN_NS;
	return con_out_drain(o, u, deadline, deadline, UINT32_MAX);
}

static void log_refill(struct log_limit *l, uint64_t now)
{
	uint64_t add;

	if (!l->primed) {
		l->primed = true;
		l->tokens = LOG_BURST;
		l->last_ns = now;
		return;
	}
	if (now <= l->last_ns)
		return;
	add = (now - l->last_ns) / LOG_REFILL_NS;
	if (add == 0)
		return;
	l->last_ns += add * LOG_REFILL_NS;
	if (add >= LOG_BURST - l->tokens) {
		l->tokens = LOG_BURST;
		l->last_ns = now;
	} else {
		l->tokens += (uint32_t)add;
	}
}

int64_t log_limit_admit(struct log_limit *l, uint64_t now)
{
	int64_t held;

	log_refill(l, now);
	if (l->tokens == 0) {
		l->suppressed++;
		l->total++;
		return -1;
	}
	l->tokens--;
	held = (int64_t)l->suppressed;
	l->suppressed = 0;
	return held;
}

uint64_t log_limit_resume(struct log_limit *l, uint64_t now)
{
	uint64_t held = l->suppressed;

	if (held == 0)
		return 0;
	log_refill(l, now);
	if (l->tokens == 0)
		return 0;
	l->tokens--;
	l->suppressed = 0;
	return held;
}
