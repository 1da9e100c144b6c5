/* SPDX-License-Identifier: MIT */
/*
 * A fake ksh channel device for the libkshchan unit tests: the registers
 * of chandev_regs.h over an in-memory loopback. SEND appends to `sent`
 * (refused with KSH_EPERM for methods in deny_mask, KSH_EAGAIN when
 * `sent` is full), RECV pops from `inbox`, SIGNAL counts. Time is a
 * counter that sleep_ms advances; arrive_at_ms delivers a queued message
 * or a doorbell at a given time, to test waiting.
 */
#ifndef KSHCHAN_FAKE_H
#define KSHCHAN_FAKE_H

#include <stdint.h>

#include "kshchan.h"

#define FAKE_BUF_SIZE 4096u
#define FAKE_WIN_SIZE 8192u
#define FAKE_DEPTH    4u

struct fake_msg {
	uint32_t method;
	uint32_t len;
	uint8_t data[FAKE_BUF_SIZE];
};

struct fake_dev {
	/* What the device shows. */
	uint32_t kind, role, max_msg;
	uint32_t
	    id; /* ID register (KSH_CHANDEV_MAGIC unless a test breaks it) */
	uint8_t bar1[KSH_CHANDEV_DESC_SIZE + FAKE_BUF_SIZE];
	uint8_t window[FAKE_WIN_SIZE];
	/* Register state. */
	uint32_t method, length, result, irq_mask, latched;
	/* Loopback queues. */
	struct fake_msg sent[FAKE_DEPTH];
	unsigned n_sent;
	struct fake_msg inbox[FAKE_DEPTH];
	unsigned n_inbox;
	uint32_t deny_mask; /* methods SEND refuses with KSH_EPERM */
	unsigned n_signals, n_commands, n_sleeps;
	/* Lies a test may tell after RECV. */
	uint32_t recv_len_override, recv_method_override;
	/* Time. */
	uint64_t now;
	uint64_t arrive_at_ms; /* 0: never; else moves pending into inbox */
	int pending_event;     /* with arrive_at_ms: latch EVENT instead */
	int room_at_arrival;   /* with arrive_at_ms: empty `sent` instead */
	struct fake_msg pending;
	unsigned bad_accesses;
};

extern const struct kshchan_ops fake_ops;

/* A message channel (KIND_MESSAGE) with methods NAMES[0..n-1] and ROLE. */
void fake_init_message(struct fake_dev *f, uint32_t role,
		       const char *const *names, unsigned n, uint32_t max_msg);
/* A memory channel of WIN bytes (<= FAKE_WIN_SIZE). */
void fake_init_memory(struct fake_dev *f, uint32_t role, uint32_t win);
/* Queues a message for RECV. */
void fake_push(struct fake_dev *f, uint32_t method, const void *data,
	       uint32_t len);
/* Attaches ch to f with the whole of BAR1 and the window. */
int fake_attach(struct fake_dev *f, struct kshchan *ch);

static inline struct ksh_chandev_desc *fake_desc(struct fake_dev *f)
{
	return (struct ksh_chandev_desc *)(void *)f->bar1;
}

#endif /* KSHCHAN_FAKE_H */
