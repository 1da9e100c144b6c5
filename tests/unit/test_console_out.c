// SPDX-License-Identifier: MIT
/* Unit tests for console output (kernel/core/console_out.c): queues take
 * whole lines or count them dropped; the drain fills the 16550's FIFO
 * only when it is empty and never starts past its deadline; and, driven
 * like the scheduler drives it against a simulated 115200-baud UART (87
 * us a byte), a domain flooding the console with 4096-byte writes leaves
 * its neighbour at least 95 % of that neighbour's frames while the
 * neighbour's own lines still go out. Then the per-domain rate limit of
 * log lines. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <ksh/console_out.h>

/* ---- a slow UART in simulated time ---------------------------------- */

#define BYTE_NS	 87000ull /* 10 bits at 115200 baud */
#define PORT_NS	 1000ull  /* one ISA port access */
#define WIRE_MAX 65536u

struct sim {
	uint64_t now;
	uint32_t fifo;	   /* bytes in the transmitter, shifting included */
	uint64_t next_out; /* when the byte on the wire is done */
	uint64_t overruns; /* bytes written to a full FIFO (lost) */
	char wire[WIRE_MAX];
	uint32_t n_wire;
};

static void sim_advance(struct sim *s)
{
	while (s->fifo != 0 && s->now >= s->next_out) {
		s->fifo--;
		s->next_out += BYTE_NS;
	}
}

static bool sim_tx_empty(void *ctx)
{
	struct sim *s = ctx;

	s->now += PORT_NS;
	sim_advance(s);
	return s->fifo == 0;
}

static void sim_tx(void *ctx, uint8_t b)
{
	struct sim *s = ctx;

	s->now += PORT_NS;
	sim_advance(s);
	if (s->fifo == CON_FIFO) {
		s->overruns++;
		return;
	}
	if (s->fifo == 0)
		s->next_out = s->now + BYTE_NS;
	s->fifo++;
	if (s->n_wire < WIRE_MAX)
		s->wire[s->n_wire++] = (char)b;
}

static uint64_t sim_now(void *ctx)
{
	return ((struct sim *)ctx)->now;
}

static struct sim *sim_new(struct con_uart *u)
{
	static struct sim s;

	memset(&s, 0, sizeof(s));
	u->tx_empty = sim_tx_empty;
	u->tx = sim_tx;
	u->now = sim_now;
	u->ctx = &s;
	u->mid = NULL;
	return &s;
}

static struct con_out *out_new(void)
{
	struct con_out *o = calloc(1, sizeof(*o));

	cr_assert_not_null(o);
	return o;
}

/* ---- queues and the drain ------------------------------------------- */

Test(console_out, whole_lines_or_counted_as_dropped)
{
	struct con_out *o = out_new();
	static char big[CON_OUT_SIZE];

	memset(big, 'x', sizeof(big));
	cr_assert_eq(con_out_put(o, big, CON_OUT_SIZE - 4), 0);
	cr_assert_eq(con_out_put(o, "hello\r\n", 7), -1);
	cr_assert_eq(o->count, CON_OUT_SIZE - 4);
	cr_assert_eq(o->dropped, 7);
	cr_assert_eq(con_out_put(o, "ok\r\n", 4), 0);
	cr_assert_eq(o->count, CON_OUT_SIZE);
	free(o);
}

Test(console_out, drop_report_names_domain_and_count)
{
	struct con_out *o = out_new();
	struct con_uart u;
	struct sim *s = sim_new(&u);
	static char big[CON_OUT_SIZE];

	memset(big, 'x', sizeof(big));
	con_out_put(o, big, CON_OUT_SIZE);
	con_out_put(o, "lost line\r\n", 11);
	/* no room for the report yet: it waits, the count is kept */
	cr_assert(!con_out_report_drops(o, "flood"));
	con_out_drain(o, &u, UINT64_MAX, UINT64_MAX, UINT32_MAX);
	cr_assert_eq(s->n_wire, CON_OUT_SIZE);
	cr_assert(con_out_report_drops(o, "flood"));
	cr_assert(!con_out_report_drops(o, "flood")); /* said once */
	con_out_drain(o, &u, UINT64_MAX, UINT64_MAX, UINT32_MAX);
	s->wire[s->n_wire] = '\0';
	cr_assert_str_eq(s->wire + CON_OUT_SIZE,
			 "ksh: [flood] console: 11 bytes dropped (output "
			 "faster than the serial line)\r\n");
	cr_assert_eq(s->overruns, 0);
	free(o);
}

Test(console_out, top_up_without_waiting_fills_one_fifo_load)
{
	struct con_out *o = out_new();
	struct con_uart u;
	struct sim *s = sim_new(&u);
	uint64_t t0;

	con_out_put(o, "0123456789abcdefghijklmnopqrstuvwxyz", 36);
	t0 = s->now;
	/* wait_until 0: one load (16 bytes), then the FIFO is busy */
	cr_assert_eq(con_out_drain(o, &u, UINT64_MAX, 0, UINT32_MAX), 16);
	cr_assert_lt(s->now - t0, 20 * PORT_NS);
	cr_assert_eq(con_out_drain(o, &u, UINT64_MAX, 0, UINT32_MAX), 0);
	/* waiting allowed: the rest goes once the FIFO empties */
	cr_assert_eq(con_out_drain(o, &u, UINT64_MAX, UINT64_MAX, UINT32_MAX),
		     20);
	cr_assert_eq(o->count, 0);
	cr_assert_eq(s->overruns, 0);
	free(o);
}

Test(console_out, no_load_started_at_or_past_the_deadline)
{
	struct con_out *o = out_new();
	struct con_uart u;
	struct sim *s = sim_new(&u);
	static char big[4096];
	uint64_t deadline;

	memset(big, 'y', sizeof(big));
	con_out_put(o, big, sizeof(big));
	deadline = s->now + 2000000; /* 2 ms: about 23 bytes of wire */
	con_out_drain(o, &u, deadline, deadline, UINT32_MAX);
	/* at most one load of 16 port writes past it */
	cr_assert_leq(s->now, deadline + (CON_FIFO + 1) * PORT_NS);
	cr_assert_lt(o->sent, 48);
	cr_assert_gt(o->sent, 16);
	free(o);
}

/* ---- the schedule: a flooding domain beside a victim --------------- */

#define FRAME_NS  10000000ull /* each domain's minor frame */
#define MAJORS	  200	      /* 4 s of simulated time */
#define HC_NS	  3000ull     /* a CONSOLE_WRITE exit and re-entry */
#define LINE_MAX_ 160u	      /* DOM_LINE_MAX: a guest line is cut there */

enum { FLOOD, VICTIM };
static const char *const names[] = {"flood", "beat"};

struct sched_sim {
	struct con_uart u;
	struct sim *s;
	struct con_frame frame;
	struct con_out *out[2];
	uint64_t victim_ran;  /* ns the victim's guest code ran */
	uint64_t victim_late; /* worst start of a victim frame past plan */
	uint64_t beats;
};

/* The kernel's dom_console_line + queue_text for one guest line. */
static void guest_line(struct sched_sim *x, int d, const char *s, uint32_t n)
{
	char line[CON_LINE_MAX];
	uint32_t len = (uint32_t)strlen(names[d]) + 3;

	line[0] = '[';
	memcpy(line + 1, names[d], len - 3);
	memcpy(line + len - 2, "] ", 2);
	memcpy(line + len, s, n);
	memcpy(line + len + n, "\r\n", 2);
	len += n + 2;
	con_out_report_drops(x->out[d], names[d]);
	con_out_put(x->out[d], line, len);
	if ((uint32_t)d == x->frame.owner)
		con_frame_after_write(&x->frame, x->out[d], &x->u);
}

/* CONSOLE_WRITE of 4096 bytes of text: cut into lines as the kernel's
 * line buffer cuts them. */
static void flood_write(struct sched_sim *x)
{
	static char text[4096];

	memset(text, 'F', sizeof(text));
	x->s->now += HC_NS;
	for (uint32_t off = 0; off < sizeof(text); off += LINE_MAX_)
		guest_line(x, FLOOD, text + off,
			   sizeof(text) - off < LINE_MAX_
			       ? (uint32_t)(sizeof(text) - off)
			       : LINE_MAX_);
}

/* One minor frame of domain d, as sched_run + run_frame + idle_until run
 * it with console.c's hooks. */
static void run_frame(struct sched_sim *x, int d, uint64_t start)
{
	uint64_t end = start + FRAME_NS;
	struct sim *s = x->s;

	if (s->now < start)
		s->now = start; /* idle frames' tails were idled to here */
	if (d == VICTIM && s->now - start > x->victim_late)
		x->victim_late = s->now - start;
	con_frame_begin(&x->frame, (uint32_t)d, s->now, end);
	con_out_report_drops(x->out[d], names[d]);
	con_frame_after_write(&x->frame, x->out[d], &x->u);
	if (d == FLOOD) {
		while (s->now < end)
			flood_write(x);
	} else {
		char beat[32];
		int n = snprintf(beat, sizeof(beat), "%lu",
				 (unsigned long)x->beats++);

		x->s->now += HC_NS;
		guest_line(x, VICTIM, beat, (uint32_t)n);
		/* then it computes to the end of its frame */
		if (s->now < end) {
			x->victim_ran += end - s->now;
			s->now = end;
		}
	}
	/* idle_until(end): what is left of the frame idles */
	if (s->now < end)
		con_frame_idle(&x->frame, x->out[d], &x->u, end);
}

static void run_schedule(struct sched_sim *x)
{
	memset(x, 0, sizeof(*x));
	x->s = sim_new(&x->u);
	x->out[FLOOD] = out_new();
	x->out[FLOOD]->name = names[FLOOD];
	x->out[VICTIM] = out_new();
	x->out[VICTIM]->name = names[VICTIM];
	for (uint64_t m = 0; m < MAJORS; m++) {
		run_frame(x, FLOOD, m * 2 * FRAME_NS);
		run_frame(x, VICTIM, m * 2 * FRAME_NS + FRAME_NS);
	}
}

Test(console_out, victim_keeps_its_time_while_neighbour_floods)
{
	static struct sched_sim x;
	double share;

	run_schedule(&x);
	share = (double)x.victim_ran / (double)(MAJORS * FRAME_NS);
	cr_log_info("victim share %.2f %%, worst late start %lu us, flood "
		    "dropped %lu bytes, wire %lu bytes",
		    share * 100.0, (unsigned long)(x.victim_late / 1000),
		    (unsigned long)x.out[FLOOD]->dropped,
		    (unsigned long)(x.out[FLOOD]->sent + x.out[VICTIM]->sent));
	printf("console_out: victim share %.2f %% (flood beside it, UART "
	       "87 us/byte)\n",
	       share * 100.0);
	cr_assert_geq(share, 0.95, "victim kept %.2f %% of its frames",
		      share * 100.0);
	/* no frame of the victim starts late by more than the margin */
	cr_assert_leq(x.victim_late, CON_MARGIN_NS + 20 * PORT_NS);
	/* the flood was cut, counted, and never overran the FIFO */
	cr_assert_gt(x.out[FLOOD]->dropped, 0);
	cr_assert_eq(x.s->overruns, 0);
	free(x.out[FLOOD]);
	free(x.out[VICTIM]);
}

Test(console_out, victim_lines_and_drop_reports_reach_the_wire)
{
	static struct sched_sim x;
	char want[64];
	const char *p;
	uint64_t seen = 0;

	run_schedule(&x);
	x.s->wire[x.s->n_wire < WIRE_MAX ? x.s->n_wire : WIRE_MAX - 1] = '\0';
	/* every heartbeat but the last few still queued, in order */
	p = x.s->wire;
	for (uint64_t i = 0; i < x.beats; i++) {
		const char *q;

		snprintf(want, sizeof(want), "[beat] %lu\r\n",
			 (unsigned long)i);
		q = strstr(p, want);
		if (q == NULL)
			break;
		p = q + strlen(want);
		seen++;
	}
	cr_assert_geq(seen + 2, x.beats, "%lu of %lu heartbeats went out",
		      (unsigned long)seen, (unsigned long)x.beats);
	cr_assert_not_null(strstr(x.s->wire, "ksh: [flood] console: "));
	cr_assert_not_null(strstr(x.s->wire, " bytes dropped (output faster "
					     "than the serial line)\r\n"));
	/* no wire line mixes two sources: each starts with its owner's
	 * prefix (a flood line cut at its frame's end goes on behind the
	 * prefix again) and none is longer than a guest line */
	for (p = x.s->wire; *p != '\0';) {
		const char *eol = strstr(p, "\r\n");

		if (eol == NULL)
			break; /* the line still going out at the end */
		cr_assert(strncmp(p, "[flood] ", 8) == 0 ||
			      strncmp(p, "[beat] ", 7) == 0 ||
			      strncmp(p, "ksh: [flood] ", 13) == 0,
			  "a wire line \"%.20s...\"", p);
		cr_assert_leq(eol - p, 8 + LINE_MAX_);
		cr_assert_null(
		    memchr(p + 1, '[', (size_t)(eol - p - 1)) == NULL ||
			    strncmp(p, "ksh:", 4) == 0
			? NULL
			: p,
		    "two sources in one wire line \"%.*s\"", (int)(eol - p), p);
		p = eol + 2;
	}
	free(x.out[FLOOD]);
	free(x.out[VICTIM]);
}

/* ---- rate limit ----------------------------------------------------- */

Test(log_limit, burst_then_held_back_and_counted)
{
	struct log_limit l = {0};
	uint64_t t = 5000;
	int printed = 0;

	for (int i = 0; i < 1000; i++)
		if (log_limit_admit(&l, t++) >= 0)
			printed++;
	cr_assert_eq(printed, LOG_BURST);
	cr_assert_eq(l.suppressed, 1000 - LOG_BURST);
	/* after one refill period the next line passes and says how many
	 * were held back before it */
	cr_assert_eq(log_limit_admit(&l, t + LOG_REFILL_NS), 1000 - LOG_BURST);
	cr_assert_eq(l.suppressed, 0);
	cr_assert_eq(l.total, 1000 - LOG_BURST);
}

Test(log_limit, steady_rate_is_bounded)
{
	struct log_limit l = {0};
	int printed = 0;

	/* 10 s of a line every microsecond: burst + one per refill */
	for (uint64_t t = 0; t < 10000000000ull; t += 1000)
		if (log_limit_admit(&l, t) >= 0)
			printed++;
	cr_assert_leq(printed, LOG_BURST + 10000000000ull / LOG_REFILL_NS);
	cr_assert_geq(printed, 10000000000ull / LOG_REFILL_NS);
}

Test(log_limit, resume_reports_once_a_token_is_free)
{
	struct log_limit l = {0};

	for (uint32_t i = 0; i < LOG_BURST + 7; i++)
		log_limit_admit(&l, 100);
	cr_assert_eq(log_limit_resume(&l, 101), 0); /* no token yet */
	cr_assert_eq(log_limit_resume(&l, 100 + LOG_REFILL_NS), 7);
	cr_assert_eq(log_limit_resume(&l, 100 + LOG_REFILL_NS), 0);
}
