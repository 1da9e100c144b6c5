/* SPDX-License-Identifier: MIT */
/*
 * libkshchan: ksh channels from Linux user space, through the ksh channel
 * device (include/ksh/chandev_regs.h), with no kernel module.
 *
 * This part is pure: every register access goes through struct
 * kshchan_ops, and BAR1 (descriptor page + message buffer) and BAR2 (the
 * memory channel window) are plain pointers the caller maps. The sysfs
 * glue (kshchan_sysfs.h) supplies real ops; the unit tests supply a fake
 * device. Nothing here allocates or keeps global state.
 *
 * Errors are negative ints: -KSH_E* exactly as the device's RESULT
 * register gives them (ksh/hypercall.h), or -KSHCHAN_E* for what the
 * library itself finds. kshchan_strerror() names both.
 *
 * The buffers are ordinary RAM behind memory BARs: the kernel reads and
 * writes them only while it handles a register access, which is an
 * opaque call (ops->write32) here, so plain memcpy before and after it
 * is ordered correctly without volatile.
 */
#ifndef KSHCHAN_H
#define KSHCHAN_H

#include <stddef.h>
#include <stdint.h>

#include <ksh/chandev_regs.h>
#include <ksh/hypercall.h>
#include <ksh/rt/ring.h>

/* Library errors, numbered above every KSH_E* so both share one space
 * (and one exit-status space in the `kshchan` tool). */
enum kshchan_errno {
	KSHCHAN_ETIMEDOUT = 16, /* nothing arrived before the timeout */
	KSHCHAN_ENOCHAN = 17,	/* no channel device of that name */
	KSHCHAN_ENOMETHOD = 18, /* the channel has no method of that name */
	KSHCHAN_EBADDEV = 19,	/* the device breaks chandev_regs.h */
	KSHCHAN_EIO = 20,	/* a system call failed (errno says why) */
	KSHCHAN_EKIND = 21,	/* wrong channel kind for the operation */
	KSHCHAN_ETOOBIG = 22,	/* larger than the caller's buffer */
};

/*
 * Register access and time. read32/write32 take a BAR0 register offset
 * (enum ksh_chandev_reg); read32 returns all ones when the access fails
 * (as the device does for a bad access). now_ms is a monotonic clock,
 * sleep_ms waits at least that long.
 */
struct kshchan_ops {
	uint32_t (*read32)(void *ctx, uint32_t reg);
	void (*write32)(void *ctx, uint32_t reg, uint32_t value);
	uint64_t (*now_ms)(void *ctx);
	void (*sleep_ms)(void *ctx, uint32_t ms);
};

/* Poll interval while waiting for a message or a doorbell. */
#define KSHCHAN_POLL_MS 2u

/* One attached channel endpoint. Fields are read-only for callers. */
struct kshchan {
	const struct kshchan_ops *ops;
	void *ctx;
	const struct ksh_chandev_desc *desc; /* start of BAR1 */
	uint8_t *buf;			     /* message buffer */
	uint32_t buf_size;
	uint8_t *window; /* BAR2, memory channels only */
	size_t window_size;
	uint32_t kind;	    /* KSH_CHANDEV_KIND_* */
	uint32_t role;	    /* enum ksh_endpoint_role */
	uint32_t max_msg;   /* largest message, or the window size */
	uint32_t n_methods; /* methods on the channel */
	char channel[KSH_CHANDEV_NAME_MAX];
	char device[KSH_CHANDEV_NAME_MAX];
};

/*
 * Checks the device against the contract and fills *ch: the ID register
 * holds the magic, INFO and the descriptor agree on version, kind, role,
 * method count and MAX_MSG, the message buffer lies inside BAR1 after the
 * descriptor page, names are NUL-terminated, and a memory channel has a
 * window of MAX_MSG bytes. bar1/bar1_size: the mapped BAR1; bar2 may be
 * NULL on a message channel. Returns 0 or -KSHCHAN_EBADDEV.
 */
int kshchan_attach(struct kshchan *ch, const struct kshchan_ops *ops, void *ctx,
		   void *bar1, size_t bar1_size, void *bar2, size_t bar2_size);

/* Index of method NAME, or -KSHCHAN_ENOMETHOD. A decimal number is
 * accepted as an index too (when below the method count). */
int kshchan_method_index(const struct kshchan *ch, const char *name);

/* Name of method INDEX (a copy into out, NUL-terminated), or "" when
 * INDEX is out of range. */
void kshchan_method_name(const struct kshchan *ch, uint32_t index,
			 char out[KSH_CHANDEV_NAME_MAX]);

/*
 * Sends LEN bytes of DATA with METHOD: copies them into the message
 * buffer, then LENGTH, METHOD, COMMAND=SEND. Returns 0, a -KSH_E* from
 * RESULT (-KSH_EPERM: policy refused it, and it was audited), or
 * -KSHCHAN_ETOOBIG when LEN exceeds the message buffer. With timeout_ms
 * > 0, a full queue (-KSH_EAGAIN) is retried until it has room or the
 * time is up (-KSHCHAN_ETIMEDOUT); < 0 waits without bound.
 */
int kshchan_send(struct kshchan *ch, uint32_t method, const void *data,
		 size_t len, int timeout_ms);

/*
 * Receives one message: COMMAND=RECV, then METHOD and LENGTH. The data is
 * copied into out (cap bytes); *method gets the method index. Returns the
 * length, or a -KSH_E* (-KSH_EAGAIN: the queue is empty and timeout_ms is
 * 0), -KSHCHAN_ETIMEDOUT, -KSHCHAN_ETOOBIG (the message was received but
 * is longer than cap: it is lost), -KSHCHAN_EBADDEV (the device reported
 * a length or method outside what it declared). timeout_ms as for send;
 * waiting polls STATUS every KSHCHAN_POLL_MS.
 */
int kshchan_recv(struct kshchan *ch, uint32_t *method, void *out, size_t cap,
		 int timeout_ms);

/* Rings the memory channel's doorbell (COMMAND=SIGNAL): 0 or -error. */
int kshchan_signal(struct kshchan *ch);

/*
 * Waits for the doorbell of a memory channel (STATUS EVENT latched),
 * then clears it (IRQ_ACK). Returns 0, -KSHCHAN_ETIMEDOUT, or
 * -KSHCHAN_EKIND on a message channel.
 */
int kshchan_wait_event(struct kshchan *ch, int timeout_ms);

/* The memory channel window (NULL on a message channel); *size gets its
 * length. The writer may store into it, the reader only load. */
void *kshchan_window(const struct kshchan *ch, size_t *size);

/*
 * The record ring of ksh/rt/ring.h over a memory channel window
 * (kshchan_ring.c; runtime/ring/ring.c is the same code native domains
 * use). ring_writer sets up an empty ring (writer role only); ring_put
 * appends a record and rings the doorbell; ring_reader starts reading
 * from the oldest record; ring_get returns the next record's length, a
 * negative KSH_RING_* (KSH_RING_EMPTY when timeout_ms is 0 and nothing is
 * new, KSH_RING_OVERRUN after being lapped: r->lost counts), or
 * -KSHCHAN_ETIMEDOUT, waiting on the doorbell as kshchan_wait_event.
 * Setup errors: -KSHCHAN_EKIND, -KSHCHAN_ETOOBIG (window too small).
 */
int kshchan_ring_writer(struct kshchan *ch, struct ksh_ring_writer *w);
int kshchan_ring_put(struct kshchan *ch, struct ksh_ring_writer *w,
		     const void *data, uint32_t len);
int kshchan_ring_reader(struct kshchan *ch, struct ksh_ring_reader *r);
int64_t kshchan_ring_get(struct kshchan *ch, struct ksh_ring_reader *r,
			 void *out, size_t cap, int timeout_ms);

/* Stable name ("KSH_EPERM", "KSHCHAN_ETIMEDOUT") and a sentence for an
 * error code, either sign. Unknown codes give "unknown error". */
const char *kshchan_errname(int err);
const char *kshchan_strerror(int err);

/* "memory"/"message" and "writer"/"reader"/"sender"/"receiver". */
const char *kshchan_kind_name(uint32_t kind);
const char *kshchan_role_name(uint32_t role);

#endif /* KSHCHAN_H */
