// SPDX-License-Identifier: MIT
/*
 * The channel, event and audit hypercalls (ABI: ksh/hypercall.h), built on
 * the enforcement point, the queues and the audit ring. Each call checks
 * everything first (handle, role, method, length, buffer ranges and
 * rights against the caller's own mappings, policy, flow state, queue
 * room) and only then acts, so a refused call changes nothing but the
 * audit ring (seL4's decode/invoke split).
 *
 * Semantics chosen here:
 *  - CHAN_SEND(handle, method, buf, len) -> 0. Refusals: EBADH (handle
 *    not held), EPERM (not the sender end, or policy/flow state says
 *    no), EINVAL (no such method, or a memory channel), E2BIG (len over
 *    the channel's size), EFAULT (buffer not readable by the caller),
 *    EAGAIN (queue full; the message was not taken). All are audited.
 *  - CHAN_RECV(handle, buf, len, method_ptr) -> message length, the
 *    method number stored at method_ptr (0: not wanted). EAGAIN when the
 *    queue is empty (not audited: polling is normal); E2BIG when the
 *    message is longer than len, and the message stays queued.
 *    CHAN_RECV(handle | KSH_RECV_WAIT, ...) on an empty queue parks the
 *    caller instead (below); the flag is not part of the handle, so the
 *    audit shows the handle alone.
 *  - Events are named per domain, like handles: for EVENT_SIGNAL(n), n
 *    is the rank, in table order, among the events the caller may signal;
 *    for EVENT_WAIT(mask, timeout), bit n is the n-th event the caller
 *    waits on (n < 63, so the result stays positive). It returns the
 *    fired events among mask and clears them; when none is pending it
 *    returns EAGAIN if timeout is 0, and otherwise parks the caller.
 *  - Parking: the call, checked in full, is stored in the caller's
 *    struct chan_wait and chan_hcall returns CHAN_HC_PARKED; the kernel
 *    keeps the vCPU off the CPU and, at the start of each of its frames
 *    (and at the deadline), asks chan_wait_poll, which carries the stored
 *    call out again as a poll. So a wake-up needs no list of waiters and
 *    no notification path into the scheduler: the pending flag or the
 *    queued message is the state, and a signal that comes before the
 *    wait is never lost. On one CPU nothing can fire while the parked
 *    domain's own frame runs, so polling at frame start is exact.
 *  - AUDIT_READ(buf, len) -> records copied (len / record size at most),
 *    only for domains with KSH_DOMF_AUDIT_READER; others get EPERM,
 *    itself audited.
 */
#include <stddef.h>

#include <ksh/chan.h>
#include <ksh/gmap.h>
#include <ksh/nospec.h>

#include <stddef.h>

#define EV_MAX 63 /* events a domain can name in EVENT_WAIT's mask */

uint64_t chan_state_bytes(const struct ksh_tables *t)
{
	return (uint64_t)t->n_channels * sizeof(struct chan_rt) +
	       (uint64_t)t->n_domains * sizeof(struct chan_wait) + t->n_events;
}

int chan_sys_init(struct chan_sys *s, const struct ksh_tables *t,
		  const uint64_t *memobj_hpa, void *mem,
		  struct audit_ring *ring, uint32_t *bad)
{
	s->t = t;
	s->memobj_hpa = memobj_hpa;
	s->chans = mem;
	s->waits = (struct chan_wait *)(s->chans + t->n_channels);
	s->ev_pending = (uint8_t *)(s->waits + t->n_domains);
	s->audit = ring;
	for (uint32_t i = 0; i < t->n_channels; i++) {
		const struct ksh_channel *c = &t->channels[i];
		struct chan_rt *q = &s->chans[i];

		q->head = 0;
		q->count = 0;
		q->state =
		    c->fsm != KSH_NONE ? t->fsms[c->fsm].initial : KSH_NONE;
		if (c->kind != KSH_CHANNEL_MESSAGE)
			continue;
		if (c->memobj >= t->n_memobjs || c->queue_depth == 0 ||
		    t->memobjs[c->memobj].size <
			(uint64_t)c->queue_depth * chanq_stride(c)) {
			*bad = i;
			return -1;
		}
	}
	for (uint32_t i = 0; i < t->n_domains; i++)
		s->waits[i].nr = 0;
	for (uint32_t i = 0; i < t->n_events; i++)
		s->ev_pending[i] = 0;
	return 0;
}

bool chan_hcall_owns(uint64_t nr)
{
	return nr == KSH_HC_CHAN_SEND || nr == KSH_HC_CHAN_RECV ||
	       nr == KSH_HC_EVENT_SIGNAL || nr == KSH_HC_EVENT_WAIT ||
	       nr == KSH_HC_AUDIT_READ;
}

/* Copies between a checked guest range and kernel memory, piece by piece
 * across the caller's mappings (the range passed gmap_check). */
static void guest_copy(const struct chan_sys *s, uint32_t dom, uint64_t gpa,
		       void *buf, uint64_t len, bool to_guest)
{
	uint8_t *p = buf;

	while (len != 0) {
		uint64_t run;
		uint8_t *h = (uint8_t *)(uintptr_t)gmap_hpa(s->t, s->memobj_hpa,
							    dom, gpa, &run);
		uint64_t n = run < len ? run : len;

		for (uint64_t i = 0; i < n; i++) {
			if (to_guest)
				h[i] = p[i];
			else
				p[i] = h[i];
		}
		p += n;
		gpa += n;
		len -= n;
	}
}

/* The n-th event (table order) whose signaller (or waiter) is dom. */
static uint32_t event_of(const struct ksh_tables *t, uint32_t dom, uint64_t n,
			 bool signaller)
{
	for (uint32_t i = 0; i < t->n_events; i++) {
		uint32_t who =
		    signaller ? t->events[i].signaller : t->events[i].waiter;

		if (who != dom)
			continue;
		if (n == 0)
			return i;
		n--;
	}
	return KSH_NONE;
}

struct ctx {
	struct chan_sys *s;
	uint32_t dom;
	const struct hc_call *call;
	uint64_t now;
	struct chan_kbuf *kb; /* buffer addresses are offsets into it */
	bool may_park; /* false when chan_wait_poll retries a parked call */
};

/* Parks the caller's call until deadline (see the top of this file). */
static int64_t park(const struct ctx *x, uint64_t deadline)
{
	struct chan_wait *w = &x->s->waits[x->dom];

	w->nr = x->call->nr;
	for (int i = 0; i < 4; i++)
		w->arg[i] = x->call->arg[i];
	w->deadline = deadline;
	return CHAN_HC_PARKED;
}

/* The caller's buffer: guest memory checked against its mappings, or
 * the kernel buffer standing in for it, bounds-checked. */
static int buf_check(const struct ctx *x, uint64_t addr, uint64_t len,
		     uint32_t rights)
{
	if (x->kb == NULL)
		return gmap_check(x->s->t, x->dom, addr, len, rights);
	return addr <= x->kb->size && len <= x->kb->size - addr ? 0
								: -KSH_EFAULT;
}

static void buf_copy(const struct ctx *x, uint64_t addr, void *buf,
		     uint64_t len, bool to_guest)
{
	uint8_t *p = buf;

	if (x->kb == NULL) {
		guest_copy(x->s, x->dom, addr, buf, len, to_guest);
		return;
	}
	for (uint64_t i = 0; i < len; i++) {
		/* buf_check bounded addr + len; clamp each index too, so a
		 * mispredicted check reads nothing past the buffer. */
		uint64_t at = ksh_index_nospec(addr + i, x->kb->size);

		if (to_guest)
			x->kb->data[at] = p[i];
		else
			p[i] = x->kb->data[at];
	}
}

static void notify(const struct ctx *x, enum chan_notify what, uint32_t index)
{
	if (x->s->notify != NULL)
		x->s->notify(x->s->notify_ctx, what, index);
}

static int64_t finish(const struct ctx *x, const struct pep_verdict *v,
		      uint32_t method, int64_t rc, bool audit_grant)
{
	struct ksh_audit_record r = {
	    .time_ns = x->now,
	    .subject = x->dom,
	    .object = v->channel,
	    .method = method,
	    .state = v->state,
	    .result = rc < 0 ? (int)rc : 0,
	    .rule = v->rule,
	    .call = (uint32_t)x->call->nr,
	    /* saturated, so 2^32 + h is not shown as handle h */
	    .handle = x->call->arg[0] > KSH_NONE ? KSH_NONE
						 : (uint32_t)x->call->arg[0],
	};

	if (rc < 0 || audit_grant)
		audit_log(x->s, &r);
	return rc;
}

static int64_t chan_send(const struct ctx *x)
{
	const struct ksh_tables *t = x->s->t;
	uint64_t method = x->call->arg[1], gpa = x->call->arg[2],
		 len = x->call->arg[3];
	uint32_t m = method < KSH_NONE ? (uint32_t)method : KSH_NONE;
	struct pep_verdict v;
	struct chanq_hdr *h;
	int rc = pep_decide(x->s, x->dom, x->call->arg[0], method, &v);

	if (rc != 0)
		return finish(x, &v, m, rc, false);
	if (len > t->channels[v.channel].size)
		return finish(x, &v, m, -KSH_E2BIG, false);
	if (buf_check(x, gpa, len, KSH_R) != 0)
		return finish(x, &v, m, -KSH_EFAULT, false);
	if (chanq_full(x->s, v.channel))
		return finish(x, &v, m, -KSH_EAGAIN, false);
	/* Act: nothing below can fail. */
	h = chanq_tail(x->s, v.channel);
	h->method = m;
	h->len = (uint32_t)len;
	h->sender = x->dom;
	buf_copy(x, gpa, h + 1, len, false);
	chanq_push(x->s, v.channel);
	pep_commit(x->s, &v);
	notify(x, CHAN_NOTIFY_MESSAGE, v.channel);
	return finish(x, &v, m, 0, v.flags & KSH_DEC_AUDIT);
}

static int64_t chan_recv(const struct ctx *x, bool wait)
{
	const struct ksh_tables *t = x->s->t;
	uint64_t gpa = x->call->arg[1], len = x->call->arg[2],
		 mptr = x->call->arg[3];
	struct pep_verdict v;
	struct chanq_hdr *h;
	int rc =
	    pep_endpoint(t, x->dom, x->call->arg[0], KSH_ROLE_RECEIVER, &v);

	if (rc == -KSH_EPERM &&
	    t->channels[v.channel].kind != KSH_CHANNEL_MESSAGE)
		rc = -KSH_EINVAL;
	if (rc != 0)
		return finish(x, &v, KSH_NONE, rc, false);
	v.state = x->s->chans[v.channel].state;
	if (buf_check(x, gpa, len, KSH_R | KSH_W) != 0 ||
	    (mptr != 0 && x->kb == NULL &&
	     gmap_check(t, x->dom, mptr, sizeof(uint32_t), KSH_R | KSH_W) != 0))
		return finish(x, &v, KSH_NONE, -KSH_EFAULT, false);
	if (chanq_empty(x->s, v.channel)) {
		if (wait && x->may_park)
			return park(x, CHAN_NO_DEADLINE);
		return -KSH_EAGAIN; /* polling an empty queue is no offence */
	}
	h = chanq_head(x->s, v.channel);
	if (h->len > len)
		return finish(x, &v, h->method, -KSH_E2BIG, false);
	buf_copy(x, gpa, h + 1, h->len, true);
	if (mptr != 0 && x->kb != NULL)
		x->kb->method = h->method;
	else if (mptr != 0)
		guest_copy(x->s, x->dom, mptr, &h->method, sizeof(uint32_t),
			   true);
	rc = (int)h->len;
	chanq_pop(x->s, v.channel);
	notify(x, CHAN_NOTIFY_ROOM, v.channel);
	return rc;
}

static int64_t event_signal(const struct ctx *x)
{
	struct pep_verdict v = {KSH_NONE, KSH_NONE, KSH_NONE,
				KSH_NONE, KSH_NONE, 0};
	uint32_t e = event_of(x->s->t, x->dom, x->call->arg[0], true);

	if (e == KSH_NONE)
		return finish(x, &v, KSH_NONE, -KSH_EBADH, false);
	e = (uint32_t)ksh_index_nospec(e, x->s->t->n_events);
	x->s->ev_pending[e] = 1;
	notify(x, CHAN_NOTIFY_EVENT, e);
	return 0;
}

static int64_t event_wait(const struct ctx *x)
{
	struct pep_verdict v = {KSH_NONE, KSH_NONE, KSH_NONE,
				KSH_NONE, KSH_NONE, 0};
	uint64_t mask = x->call->arg[0], timeout = x->call->arg[1], fired = 0;

	if (mask == 0 || mask >> EV_MAX != 0)
		return finish(x, &v, KSH_NONE, -KSH_EINVAL, false);
	for (uint32_t n = 0; n < EV_MAX; n++) {
		uint32_t e;

		if (!(mask & (1ull << n)))
			continue;
		e = event_of(x->s->t, x->dom, n, false);
		if (e == KSH_NONE) {
			v.channel = KSH_NONE;
			return finish(x, &v, KSH_NONE, -KSH_EBADH, false);
		}
	}
	for (uint32_t n = 0; n < EV_MAX; n++) {
		uint32_t e;

		if (!(mask & (1ull << n)))
			continue;
		e = event_of(x->s->t, x->dom, n, false);
		e = (uint32_t)ksh_index_nospec(e, x->s->t->n_events);
		if (x->s->ev_pending[e]) {
			x->s->ev_pending[e] = 0;
			fired |= 1ull << n;
		}
	}
	if (fired != 0)
		return (int64_t)fired;
	if (timeout == 0 || !x->may_park)
		return -KSH_EAGAIN;
	/* saturated: a huge timeout is a wait with no end, not a wrap */
	return park(x, timeout > CHAN_NO_DEADLINE - x->now ? CHAN_NO_DEADLINE
							   : x->now + timeout);
}

static int64_t audit_read_call(const struct ctx *x)
{
	const struct ksh_tables *t = x->s->t;
	struct pep_verdict v = {KSH_NONE, KSH_NONE, KSH_NONE,
				KSH_NONE, KSH_NONE, 0};
	uint64_t gpa = x->call->arg[0], len = x->call->arg[1];
	uint64_t max = len / sizeof(struct ksh_audit_record);
	struct ksh_audit_record rec[8];
	uint64_t done = 0;

	if (!(t->domains[x->dom].flags & KSH_DOMF_AUDIT_READER))
		return finish(x, &v, KSH_NONE, -KSH_EPERM, false);
	if (max == 0)
		return finish(x, &v, KSH_NONE, -KSH_EINVAL, false);
	audit_flush(x->s);
	if (max > AUDIT_RING_SIZE)
		max = AUDIT_RING_SIZE;
	if (gmap_check(t, x->dom, gpa, max * sizeof(rec[0]), KSH_R | KSH_W) !=
	    0)
		return finish(x, &v, KSH_NONE, -KSH_EFAULT, false);
	while (done < max) {
		uint32_t want = max - done < 8 ? (uint32_t)(max - done) : 8;
		uint32_t n = audit_read(x->s->audit, rec, want);

		guest_copy(x->s, x->dom, gpa + done * sizeof(rec[0]), rec,
			   n * sizeof(rec[0]), true);
		done += n;
		if (n < want)
			break;
	}
	return (int64_t)done;
}

static int64_t dispatch(struct ctx *x);

int64_t chan_hcall(struct chan_sys *s, uint32_t dom, const struct hc_call *call,
		   uint64_t now_ns)
{
	struct ctx x = {s, dom, call, now_ns, NULL, true};

	return dispatch(&x);
}

int64_t chan_kbuf_call(struct chan_sys *s, uint32_t dom,
		       const struct hc_call *call, struct chan_kbuf *kb,
		       uint64_t now_ns)
{
	/* A device command never parks the vCPU: the guest polls STATUS
	 * or takes the device's interrupt instead. */
	struct ctx x = {s, dom, call, now_ns, kb, false};

	/* Only the calls whose buffers the channel device stands in for. */
	if (call->nr != KSH_HC_CHAN_SEND && call->nr != KSH_HC_CHAN_RECV &&
	    call->nr != KSH_HC_EVENT_SIGNAL)
		return -KSH_ENOSYS;
	return dispatch(&x);
}

static int64_t dispatch(struct ctx *x)
{
	switch (x->call->nr) {
	case KSH_HC_CHAN_SEND:
		return chan_send(x);
	case KSH_HC_CHAN_RECV: {
		/* The wait flag off, so the handle is checked (and audited)
		 * alone; the call parked is the one the guest made. */
		const struct hc_call *orig = x->call;
		struct hc_call c = *orig;
		int64_t rc;

		c.arg[0] &= ~KSH_RECV_WAIT;
		x->call = &c;
		rc = chan_recv(x, (orig->arg[0] & KSH_RECV_WAIT) != 0);
		x->call = orig;
		if (rc == CHAN_HC_PARKED)
			x->s->waits[x->dom].arg[0] = orig->arg[0];
		return rc;
	}
	case KSH_HC_EVENT_SIGNAL:
		return event_signal(x);
	case KSH_HC_EVENT_WAIT:
		return event_wait(x);
	case KSH_HC_AUDIT_READ:
		return audit_read_call(x);
	default:
		return -KSH_ENOSYS;
	}
}

bool chan_waiting(const struct chan_sys *s, uint32_t dom)
{
	return s->waits[dom].nr != 0;
}

uint64_t chan_wait_deadline(const struct chan_sys *s, uint32_t dom)
{
	return s->waits[dom].deadline;
}

bool chan_wait_poll(struct chan_sys *s, uint32_t dom, uint64_t now_ns,
		    int64_t *ret)
{
	struct chan_wait *w = &s->waits[dom];
	struct hc_call c = {.nr = w->nr, .cpl = 0};
	int64_t rc;

	if (w->nr == 0)
		return false;
	for (int i = 0; i < 4; i++)
		c.arg[i] = w->arg[i];
	struct ctx x = {s, dom, &c, now_ns, NULL, false};

	rc = dispatch(&x);
	if (rc == -KSH_EAGAIN && now_ns < w->deadline)
		return false;
	w->nr = 0;
	*ret = rc;
	return true;
}
