/* SPDX-License-Identifier: MIT */
/*
 * Mediated channels: the policy enforcement point (pep.c), the bounded
 * message queues (chanq.c), the audit ring (audit.c) and the hypercalls
 * built on them (chan_hcall.c). All of it is pure C over the tables and a
 * small run-time state, so the host unit tests run exactly the code the
 * kernel runs; kernel/chan/chan_kernel.c only allocates the state and
 * prints.
 *
 * Run-time state is what the tables cannot hold: per channel the queue
 * indices and the current flow state (ARCHITECTURE.md, "Policy": flow
 * machines are the only policy state that changes at run time), per event
 * a pending flag, and the audit ring. Message bytes live in the channel's
 * KSH_MEMOBJ_QUEUE object, which no domain maps.
 */
#ifndef KSH_CHAN_H
#define KSH_CHAN_H

#include <stdbool.h>
#include <stdint.h>

#include <ksh/hcall.h>
#include <ksh/hypercall.h>
#include <ksh/tables.h>

/* ---- run-time state ---------------------------------------------- */

/* Per channel. */
struct chan_rt {
	uint32_t head;	/* slot of the oldest queued message */
	uint32_t count; /* messages queued */
	uint32_t state; /* current flow state, KSH_NONE without a machine */
	uint32_t reserved;
};

/* Audit ring capacity (records). Small and fixed: the ring is bounded by
 * design, and a reader that falls behind loses the oldest records, which
 * is counted (struct ksh_audit_record.lost) and announced on the console. */
#define AUDIT_RING_SIZE 128u

struct audit_ring {
	struct ksh_audit_record rec[AUDIT_RING_SIZE];
	uint64_t next_seq; /* sequence number of the next record written */
	uint64_t read_seq; /* oldest record not yet read */
	uint64_t lost;	   /* records overwritten before they were read */
	/* The last denial printed, so a guest repeating one refused call
	 * cannot flood the serial console: repeats are counted and summed
	 * up in one line when a different denial comes. */
	struct ksh_audit_record last;
	bool have_last;
	uint64_t repeats;
};

/* What chan_sys.notify reports, after the call has taken effect. */
enum chan_notify {
	CHAN_NOTIFY_MESSAGE = 1, /* a message was queued on channel index */
	CHAN_NOTIFY_ROOM = 2,	 /* a message was taken off channel index */
	CHAN_NOTIFY_EVENT = 3,	 /* event index was signalled */
};

/* Everything the channel code works on. */
struct chan_sys {
	const struct ksh_tables *t;
	/* Where each memory object is, as a pointer the code may use: the
	 * kernel identity-maps host memory; unit tests pass host buffers. */
	const uint64_t *memobj_hpa;
	struct chan_rt *chans;	 /* [t->n_channels] */
	struct chan_wait *waits; /* [t->n_domains], parked calls */
	uint8_t *ev_pending;	 /* [t->n_events], 1 = signalled, not waited */
	struct audit_ring *audit;
	/* Prints one console line (no newline in it). */
	void (*log)(void *ctx, const char *line);
	void *log_ctx;
	/* May be NULL: told of arrivals, departures and signals, so the
	 * kernel can interrupt the domains that wait for them (the channel
	 * device of a Linux domain). */
	void (*notify)(void *ctx, enum chan_notify what, uint32_t index);
	void *notify_ctx;
};

/* Audit record `call` of a write to a read-only channel mapping that a
 * device model catches (not a hypercall number). */
#define CHAN_AUDIT_WINDOW_WRITE 0x100u

/*
 * A blocking call parked until it can complete: EVENT_WAIT with a
 * non-zero timeout and nothing fired yet, or CHAN_RECV with KSH_RECV_WAIT
 * on an empty queue (ABI: ksh/hypercall.h). The call is kept as the guest
 * made it, fully checked, and simply carried out again, as a poll, each
 * time the scheduler asks (chan_wait_poll): nothing about it is trusted
 * from the guest after the first check, and the retry checks it again.
 */
struct chan_wait {
	uint64_t nr; /* hypercall number; 0 = not parked */
	uint64_t arg[4];
	uint64_t deadline; /* KSH_HC_TIME clock, or CHAN_NO_DEADLINE */
};
#define CHAN_NO_DEADLINE 0xFFFFFFFFFFFFFFFFull

/* Bytes chan_sys_init needs for chans, waits and ev_pending together. */
uint64_t chan_state_bytes(const struct ksh_tables *t);

/*
 * chan_sys_init - set up run-time state in `mem` (chan_state_bytes long,
 * zeroed) and the audit ring: queues empty, every flow machine in its
 * initial state. Checks that every message channel's queue object holds
 * queue_depth slots. Returns 0, or -1 with *bad set to the first channel
 * whose queue storage is too small.
 */
int chan_sys_init(struct chan_sys *s, const struct ksh_tables *t,
		  const uint64_t *memobj_hpa, void *mem,
		  struct audit_ring *ring, uint32_t *bad);

/* ---- policy enforcement point (pep.c) ------------------------------ */

/* The outcome of a check, also what the audit record is made from. */
struct pep_verdict {
	uint32_t endpoint; /* ksh_endpoints index, KSH_NONE if no handle */
	uint32_t channel;  /* ksh_channels index, KSH_NONE if no handle */
	uint32_t rule;	   /* deciding ksh_rules index or KSH_NONE */
	uint32_t state;	   /* flow state at the call, KSH_NONE if none */
	uint32_t next;	   /* flow state after the call is carried out */
	uint32_t flags;	   /* KSH_DEC_* of the decision */
};

/*
 * pep_endpoint - the endpoint behind handle of domain dom, which must
 * hold it in `role`. Fills v->endpoint and v->channel. Returns 0,
 * -KSH_EBADH (no such handle: a domain can name only its own endpoints)
 * or -KSH_EPERM (held, but in another role).
 */
int pep_endpoint(const struct ksh_tables *t, uint32_t dom, uint64_t handle,
		 uint32_t role, struct pep_verdict *v);

/*
 * pep_decide - may domain dom invoke `method` on the channel behind
 * `handle` now? One lookup: ksh_decisions[first_decision + method] must
 * allow it and the channel's current flow state must be among its
 * allowed_states (tables.h). Fills *v (the transition the call makes is
 * v->next; nothing changes until pep_commit). Returns 0, -KSH_EBADH,
 * -KSH_EINVAL (not a message channel, or no such method) or -KSH_EPERM.
 */
int pep_decide(const struct chan_sys *s, uint32_t dom, uint64_t handle,
	       uint64_t method, struct pep_verdict *v);

/* Moves the channel's flow machine to v->next (after the call succeeded). */
void pep_commit(struct chan_sys *s, const struct pep_verdict *v);

/* ---- message queues (chanq.c) ------------------------------------- */

/* Header in front of every message in the queue storage. */
struct chanq_hdr {
	uint32_t method;
	uint32_t len;
	uint32_t sender; /* domain index */
	uint32_t seq;	 /* per-channel message number, for diagnostics */
};

/* Bytes one slot takes: header and the largest message, rounded to a
 * cache line (the rule kshc sizes queue storage with). */
uint64_t chanq_stride(const struct ksh_channel *c);
bool chanq_full(const struct chan_sys *s, uint32_t ch);
bool chanq_empty(const struct chan_sys *s, uint32_t ch);
/* The free slot the next message goes into (queue not full). */
struct chanq_hdr *chanq_tail(const struct chan_sys *s, uint32_t ch);
/* Makes the tail slot, filled in, the newest message. */
void chanq_push(struct chan_sys *s, uint32_t ch);
/* The oldest message (queue not empty). */
struct chanq_hdr *chanq_head(const struct chan_sys *s, uint32_t ch);
/* Drops the oldest message. */
void chanq_pop(struct chan_sys *s, uint32_t ch);

/* ---- audit ring (audit.c) ----------------------------------------- */

/* Appends a record (its seq and lost are filled here); a denial
 * (r->result < 0) also gets a console summary line. */
void audit_log(struct chan_sys *s, struct ksh_audit_record *r);
/* Prints the "last denial repeated N more times" line if repeats are
 * pending (audit_log does when a different denial comes; AUDIT_READ does
 * before reading, so the console agrees with the ring). */
void audit_flush(struct chan_sys *s);
/* Copies up to max of the oldest unread records to out and marks them
 * read. Returns how many. */
uint32_t audit_read(struct audit_ring *a, struct ksh_audit_record *out,
		    uint32_t max);
/* Short name of a KSH_E* code ("EPERM"), "OK" for 0. */
const char *audit_errname(int64_t rc);

/* ---- hypercalls (chan_hcall.c) ------------------------------------ */

/* What chan_hcall returns when it parked the caller (no call result is
 * ever this negative): the caller gets its result from chan_wait_poll. */
#define CHAN_HC_PARKED (-0x7FFFFFFFFFFFFFFFll - 1)

/* True for the calls chan_hcall implements. */
bool chan_hcall_owns(uint64_t nr);

/*
 * chan_hcall - carries out KSH_HC_CHAN_SEND, CHAN_RECV, EVENT_SIGNAL,
 * EVENT_WAIT or AUDIT_READ for domain dom (hc_decode has already checked
 * the caller's privilege). Checks everything first, then acts, so a
 * refused call changes nothing but the audit ring. now_ns stamps audit
 * records and starts a wait's timeout. Returns the value for RAX, or
 * CHAN_HC_PARKED when the call blocks: the caller must not run until
 * chan_wait_poll hands back the result.
 */
int64_t chan_hcall(struct chan_sys *s, uint32_t dom, const struct hc_call *call,
		   uint64_t now_ns);

/*
 * chan_kbuf_call - the same calls (CHAN_SEND, CHAN_RECV, EVENT_SIGNAL
 * only; others -KSH_ENOSYS) with the same checks, policy, flow machine
 * and audit, for a domain whose buffer is a kernel buffer rather than its
 * RAM (the channel device's message buffer, ksh/chandev_regs.h): buffer
 * addresses in the call are offsets into kb->data, checked against
 * kb->size; CHAN_RECV with a non-zero method pointer stores the method in
 * kb->method.
 */
struct chan_kbuf {
	uint8_t *data;
	uint64_t size;
	uint32_t method;
};
int64_t chan_kbuf_call(struct chan_sys *s, uint32_t dom,
		       const struct hc_call *call, struct chan_kbuf *kb,
		       uint64_t now_ns);
/* True while dom is parked in a blocking call. */
bool chan_waiting(const struct chan_sys *s, uint32_t dom);
/* The time a parked dom's call times out (CHAN_NO_DEADLINE: never). */
uint64_t chan_wait_deadline(const struct chan_sys *s, uint32_t dom);
/*
 * chan_wait_poll - retries the call dom is parked in, as a poll, at
 * now_ns. Returns true with *ret set to the call's result once it
 * completes (an event fired, a message arrived, an error, or the
 * deadline passed: -KSH_EAGAIN), and dom is no longer parked; false
 * while it stays parked. Bounded work: one retry, no loop.
 */
bool chan_wait_poll(struct chan_sys *s, uint32_t dom, uint64_t now_ns,
		    int64_t *ret);

#endif /* KSH_CHAN_H */
