/* SPDX-License-Identifier: MIT */
/*
 * Console output without starving anyone: what domains print, and what
 * the kernel prints because of them, is queued per domain and sent to the
 * serial port in bounded pieces, and every log line a guest can cause is
 * rate-limited per domain. Pure C: linked into the kernel (console.c is
 * the glue to COM1 and the schedule) and into the host unit tests
 * (tests/unit/test_console_out.c, with a simulated slow UART).
 *
 * Why: at 115200 baud 8N1 a byte takes 87 us on the wire (10 bits), so
 * the 4096 bytes of one CONSOLE_WRITE hold a polling writer for 0.36 s;
 * written synchronously with interrupts off, that ran over the frames of
 * every other domain in the schedule.
 *
 * Who pays: a domain's queue is drained only in that domain's own minor
 * frames (at the frame's start, after each of its console writes, and
 * while it idles in its frame) and in the plan's idle frames, never in
 * another domain's frame. Outside idle time the drain only tops up the
 * UART's transmit FIFO when it is empty (PC16550D 8.5: THRE reads 1 when
 * the transmit FIFO is empty, and up to 16 bytes may then be written
 * without waiting), so it costs a few port accesses, not wire time. Only
 * a domain whose queue is more than half full waits for the wire, in its
 * own frame and for at most 1/CON_WAIT_SHARE of it; past that its lines
 * are dropped whole and counted. No drain starts a load later than
 * CON_TAIL_NS before its frame's end, so neither the CPU nor the wire
 * runs into the next frame: the next frame's owner finds the FIFO empty.
 */
#ifndef KSH_CONSOLE_OUT_H
#define KSH_CONSOLE_OUT_H

#include <stdbool.h>
#include <stdint.h>

#define CON_OUT_SIZE 8192u /* queue per domain; a power of 2 */
#define CON_FIFO     16u   /* PC16550D transmit FIFO depth */
/* One full FIFO load is 16 port writes, each an ISA bus cycle of about
 * 1 us: the drain starts no load closer than this to its deadline. */
#define CON_MARGIN_NS 50000ull
/* A byte's time on the wire at 115200 baud 8N1 (the divisor serial.c
 * programs): 10 bits. A frame's last load must leave the wire before the
 * frame ends, so the next frame finds the FIFO empty: drains in a frame
 * stop CON_FIFO bytes of wire time (1.4 ms) plus the margin before its
 * end. */
#define CON_BYTE_NS 86806ull
#define CON_TAIL_NS (CON_MARGIN_NS + CON_FIFO * CON_BYTE_NS)
/* Share of its own frame a domain may spend waiting for the wire (its
 * queue more than half full): 1/CON_WAIT_SHARE. */
#define CON_WAIT_SHARE 2u
/* Longest line queued at once (a domain's line with its "[name] "
 * prefix, or one kernel line), with its CR LF. */
#define CON_LINE_MAX 320u

struct con_out;

/* The transmit side of a 16550, as the drain sees it. */
struct con_uart {
	bool (*tx_empty)(void *ctx);	     /* LSR THRE: FIFO empty */
	void (*tx)(void *ctx, uint8_t byte); /* write THR */
	uint64_t (*now)(void *ctx);	     /* nanoseconds */
	void *ctx;
	/* The queue whose line is half sent on the wire, or NULL. Lines are
	 * queued whole, but a drain may stop inside one (its frame ended);
	 * if another queue drains first, it ends that line with CR LF, and
	 * the rest goes out later behind the owner's "[name] " again, so no
	 * wire line ever mixes two sources. */
	struct con_out *mid;
};

/* One domain's queue of console bytes, with what was lost. */
struct con_out {
	const char *name; /* for "[name] " before a cut line's rest */
	bool cut;	  /* the head continues a line cut on the wire */
	uint32_t pre_pos; /* of its "[name] " prefix, written so far */
	uint8_t buf[CON_OUT_SIZE];
	uint32_t head, count;
	uint64_t sent;	  /* bytes written to the UART */
	uint64_t dropped; /* bytes refused, whole lines, queue full */
	uint64_t told;	  /* dropped bytes already reported */
};

/* Queues n bytes, all or none. Returns 0, or -1 when they do not fit
 * (then counted in dropped). */
int con_out_put(struct con_out *o, const char *s, uint32_t n);

/* If bytes were dropped since the last report and the report fits,
 * queues "ksh: [name] console: N bytes dropped (...)". Returns true if
 * it queued one. */
bool con_out_report_drops(struct con_out *o, const char *name);

/* Writes queued bytes to the UART, a FIFO load at a time, until the
 * queue is empty, max bytes are sent, or the FIFO is busy: then, with
 * wait_until == 0, it returns at once; otherwise it polls THRE until
 * wait_until. No load is started at or after deadline. Returns the bytes
 * sent. */
uint32_t con_out_drain(struct con_out *o, struct con_uart *u, uint64_t deadline,
		       uint64_t wait_until, uint32_t max);

/* The frame being run and what its drains may still spend. */
struct con_frame {
	uint32_t owner;	    /* domain index, or CON_NO_OWNER */
	uint64_t start;	    /* ns */
	uint64_t end;	    /* ns: the frame's end */
	uint64_t wait_left; /* ns its writes may still wait for the wire */
};
#define CON_NO_OWNER 0xFFFFFFFFu

/* Starts frame [now, end) of owner. */
void con_frame_begin(struct con_frame *f, uint32_t owner, uint64_t now,
		     uint64_t end);

/* After owner queued output during its frame: tops up the FIFO and, if
 * its queue is more than half full, waits for the wire within the
 * frame's wait budget (charged by the time spent). Returns bytes sent. */
uint32_t con_frame_after_write(struct con_frame *f, struct con_out *o,
			       struct con_uart *u);

/* While the CPU idles until idle_end inside the frame: drains o,
 * waiting for the wire, no later than the frame's end (less the margin)
 * and idle_end. Returns bytes sent. */
uint32_t con_frame_idle(struct con_frame *f, struct con_out *o,
			struct con_uart *u, uint64_t idle_end);

/* ---- rate limit of log lines a guest can cause ------------------- */

/* A token bucket per domain: LOG_BURST lines at once, then one line per
 * LOG_REFILL_NS. */
#define LOG_BURST     20u
#define LOG_REFILL_NS 100000000ull /* 10 lines a second */

struct log_limit {
	uint64_t last_ns;    /* time of the last refill */
	uint32_t tokens;     /* lines that may still print */
	bool primed;	     /* tokens were set once (starts full) */
	uint64_t suppressed; /* lines held back since the last report */
	uint64_t total;	     /* lines held back in all */
};

/* May a line caused now be printed? Returns -1 if not (counted), else
 * the number of lines suppressed before it, which the caller reports
 * first ("... N log lines suppressed") and which is reset here. */
int64_t log_limit_admit(struct log_limit *l, uint64_t now);

/* Suppressed lines waiting to be reported, if a token is free now to
 * report them (the token is taken and the count reset); 0 otherwise. */
uint64_t log_limit_resume(struct log_limit *l, uint64_t now);

#endif /* KSH_CONSOLE_OUT_H */
