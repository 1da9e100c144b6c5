// SPDX-License-Identifier: MIT
/* Unit tests for blocking calls (kernel/chan/chan_hcall.c): EVENT_WAIT
 * with a timeout and CHAN_RECV with KSH_RECV_WAIT park the caller only
 * when there is nothing yet, after every check; chan_wait_poll completes
 * the call once an event fires, a message arrives or the deadline
 * passes; refused waits are audited and park nothing; old callers
 * (timeout 0) still poll; the notify hook sees every message and signal. */
#include <criterion/criterion.h>

#include "chan_fixture.h"

/* A call by dom at an explicit time. */
static int64_t call_at(struct fx *f, uint32_t dom, uint64_t now, uint64_t nr,
		       uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct hc_call c = {.nr = nr, .arg = {a0, a1, a2, a3}, .cpl = 0};

	return chan_hcall(&f->sys, dom, &c, now);
}

/* The newest audit record, read out of the ring. */
static struct ksh_audit_record last_audit(struct fx *f)
{
	struct ksh_audit_record r[AUDIT_RING_SIZE], none = {0};
	uint32_t n = audit_read(&f->ring, r, AUDIT_RING_SIZE);

	return n == 0 ? none : r[n - 1];
}

Test(chan_wait, timeout_zero_polls_as_before)
{
	struct fx *f = fx_new();

	cr_assert_eq(call_at(f, FX_KEYSTORE, 10, KSH_HC_EVENT_WAIT, 1, 0, 0, 0),
		     -KSH_EAGAIN);
	cr_assert(!chan_waiting(&f->sys, FX_KEYSTORE));
}

Test(chan_wait, pending_event_returns_without_parking)
{
	struct fx *f = fx_new();

	/* signalled before the wait: latched, so nothing is lost */
	cr_assert_eq(call_at(f, FX_CLIENT, 10, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0),
		     0);
	cr_assert_eq(call_at(f, FX_KEYSTORE, 11, KSH_HC_EVENT_WAIT, 1,
			     KSH_WAIT_FOREVER, 0, 0),
		     1);
	cr_assert(!chan_waiting(&f->sys, FX_KEYSTORE));
}

Test(chan_wait, signal_wakes_a_parked_waiter)
{
	struct fx *f = fx_new();
	int64_t ret = 12345;

	cr_assert_eq(
	    call_at(f, FX_KEYSTORE, 100, KSH_HC_EVENT_WAIT, 1, 1000, 0, 0),
	    CHAN_HC_PARKED);
	cr_assert(chan_waiting(&f->sys, FX_KEYSTORE));
	cr_assert_eq(chan_wait_deadline(&f->sys, FX_KEYSTORE), 1100);
	/* nothing yet, before the deadline: stays parked */
	cr_assert(!chan_wait_poll(&f->sys, FX_KEYSTORE, 500, &ret));
	cr_assert_eq(ret, 12345);
	cr_assert_eq(
	    call_at(f, FX_CLIENT, 600, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0), 0);
	cr_assert(chan_wait_poll(&f->sys, FX_KEYSTORE, 700, &ret));
	cr_assert_eq(ret, 1);
	cr_assert(!chan_waiting(&f->sys, FX_KEYSTORE));
	/* the event was consumed by the completed wait */
	cr_assert_eq(
	    call_at(f, FX_KEYSTORE, 800, KSH_HC_EVENT_WAIT, 1, 0, 0, 0),
	    -KSH_EAGAIN);
}

Test(chan_wait, deadline_ends_the_wait_with_eagain)
{
	struct fx *f = fx_new();
	int64_t ret = 0;

	cr_assert_eq(call_at(f, FX_CLIENT, 100, KSH_HC_EVENT_WAIT, 1, 50, 0, 0),
		     CHAN_HC_PARKED);
	cr_assert(!chan_wait_poll(&f->sys, FX_CLIENT, 149, &ret));
	cr_assert(chan_wait_poll(&f->sys, FX_CLIENT, 150, &ret));
	cr_assert_eq(ret, -KSH_EAGAIN);
	cr_assert(!chan_waiting(&f->sys, FX_CLIENT));
	/* a timeout is not an offence: nothing audited */
	cr_assert_eq(f->ring.next_seq, 0);
}

Test(chan_wait, event_at_the_deadline_still_counts)
{
	struct fx *f = fx_new();
	int64_t ret = 0;

	cr_assert_eq(call_at(f, FX_CLIENT, 100, KSH_HC_EVENT_WAIT, 1, 50, 0, 0),
		     CHAN_HC_PARKED);
	call_at(f, FX_KEYSTORE, 120, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0);
	cr_assert(chan_wait_poll(&f->sys, FX_CLIENT, 500, &ret));
	cr_assert_eq(ret, 1);
}

Test(chan_wait, forever_and_huge_timeouts_never_expire)
{
	struct fx *f = fx_new();
	int64_t ret = 0;

	cr_assert_eq(call_at(f, FX_CLIENT, 100, KSH_HC_EVENT_WAIT, 1,
			     KSH_WAIT_FOREVER, 0, 0),
		     CHAN_HC_PARKED);
	cr_assert_eq(chan_wait_deadline(&f->sys, FX_CLIENT), CHAN_NO_DEADLINE);
	cr_assert(!chan_wait_poll(&f->sys, FX_CLIENT, ~0ull - 1, &ret));
	/* now + timeout would wrap: saturated, not a deadline in the past */
	cr_assert_eq(call_at(f, FX_KEYSTORE, 100, KSH_HC_EVENT_WAIT, 1,
			     ~0ull - 10, 0, 0),
		     CHAN_HC_PARKED);
	cr_assert_eq(chan_wait_deadline(&f->sys, FX_KEYSTORE),
		     CHAN_NO_DEADLINE);
	cr_assert(!chan_wait_poll(&f->sys, FX_KEYSTORE, 200, &ret));
}

Test(chan_wait, waiting_on_an_event_not_held_is_refused_and_audited)
{
	struct fx *f = fx_new();
	struct ksh_audit_record r;

	/* keystore waits on one event only (rank 0): rank 1 is not its */
	cr_assert_eq(call_at(f, FX_KEYSTORE, 10, KSH_HC_EVENT_WAIT, 2,
			     KSH_WAIT_FOREVER, 0, 0),
		     -KSH_EBADH);
	cr_assert(!chan_waiting(&f->sys, FX_KEYSTORE));
	r = last_audit(f);
	cr_assert_eq(r.result, -KSH_EBADH);
	cr_assert_eq(r.subject, FX_KEYSTORE);
	cr_assert_eq(r.call, KSH_HC_EVENT_WAIT);
	/* the intruder waits on nothing at all */
	cr_assert_eq(call_at(f, FX_INTRUDER, 11, KSH_HC_EVENT_WAIT, 1,
			     KSH_WAIT_FOREVER, 0, 0),
		     -KSH_EBADH);
	cr_assert(!chan_waiting(&f->sys, FX_INTRUDER));
	cr_assert_eq(last_audit(f).subject, FX_INTRUDER);
}

Test(chan_wait, message_wakes_a_blocked_receiver)
{
	struct fx *f = fx_new();
	int64_t ret = 0;
	uint32_t method = 99;

	cr_assert_eq(call_at(f, FX_KEYSTORE, 10, KSH_HC_CHAN_RECV,
			     0 | KSH_RECV_WAIT, 0x200, 64, 0x300),
		     CHAN_HC_PARKED);
	cr_assert_eq(chan_wait_deadline(&f->sys, FX_KEYSTORE),
		     CHAN_NO_DEADLINE);
	cr_assert(!chan_wait_poll(&f->sys, FX_KEYSTORE, 20, &ret));
	memcpy(fx_ram(f, FX_CLIENT, 0x100), "wake", 4);
	cr_assert_eq(
	    call_at(f, FX_CLIENT, 30, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0x100, 4),
	    0);
	cr_assert(chan_wait_poll(&f->sys, FX_KEYSTORE, 40, &ret));
	cr_assert_eq(ret, 4);
	cr_assert_eq(memcmp(fx_ram(f, FX_KEYSTORE, 0x200), "wake", 4), 0);
	memcpy(&method, fx_ram(f, FX_KEYSTORE, 0x300), 4);
	cr_assert_eq(method, FX_UNLOCK);
	/* taken: the queue is empty again */
	cr_assert_eq(
	    call_at(f, FX_KEYSTORE, 50, KSH_HC_CHAN_RECV, 0, 0x200, 64, 0),
	    -KSH_EAGAIN);
}

Test(chan_wait, queued_message_is_received_at_once)
{
	struct fx *f = fx_new();

	cr_assert_eq(
	    call_at(f, FX_CLIENT, 30, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0x100, 3),
	    0);
	cr_assert_eq(call_at(f, FX_KEYSTORE, 31, KSH_HC_CHAN_RECV,
			     0 | KSH_RECV_WAIT, 0x200, 64, 0),
		     3);
	cr_assert(!chan_waiting(&f->sys, FX_KEYSTORE));
}

Test(chan_wait, blocking_receive_is_policy_checked_first)
{
	struct fx *f = fx_new();
	struct ksh_audit_record r;

	/* a handle the intruder does not hold */
	cr_assert_eq(call_at(f, FX_INTRUDER, 10, KSH_HC_CHAN_RECV,
			     0 | KSH_RECV_WAIT, 0x200, 64, 0),
		     -KSH_EBADH);
	cr_assert(!chan_waiting(&f->sys, FX_INTRUDER));
	r = last_audit(f);
	cr_assert_eq(r.result, -KSH_EBADH);
	cr_assert_eq(r.handle, 0); /* the flag is not shown as the handle */
	cr_assert_eq(r.call, KSH_HC_CHAN_RECV);
	/* the client's handle 0 is crypto's sender end */
	cr_assert_eq(call_at(f, FX_CLIENT, 11, KSH_HC_CHAN_RECV,
			     0 | KSH_RECV_WAIT, 0x200, 64, 0),
		     -KSH_EPERM);
	cr_assert(!chan_waiting(&f->sys, FX_CLIENT));
	cr_assert_eq(last_audit(f).result, -KSH_EPERM);
	/* a memory channel has no messages to wait for */
	cr_assert_eq(call_at(f, FX_KEYSTORE, 12, KSH_HC_CHAN_RECV,
			     2 | KSH_RECV_WAIT, 0x200, 64, 0),
		     -KSH_EINVAL);
	/* a buffer outside its memory: refused before it could block */
	cr_assert_eq(call_at(f, FX_KEYSTORE, 13, KSH_HC_CHAN_RECV,
			     0 | KSH_RECV_WAIT, FX_RAM - 8, 64, 0),
		     -KSH_EFAULT);
	cr_assert(!chan_waiting(&f->sys, FX_KEYSTORE));
	/* other bits above the handle are still a bad handle */
	cr_assert_eq(call_at(f, FX_KEYSTORE, 14, KSH_HC_CHAN_RECV,
			     (1ull << 40) | KSH_RECV_WAIT, 0x200, 64, 0),
		     -KSH_EBADH);
}

Test(chan_wait, too_long_message_ends_the_wait_with_e2big)
{
	struct fx *f = fx_new();
	int64_t ret = 0;

	cr_assert_eq(call_at(f, FX_KEYSTORE, 10, KSH_HC_CHAN_RECV,
			     0 | KSH_RECV_WAIT, 0x200, 2, 0),
		     CHAN_HC_PARKED);
	call_at(f, FX_CLIENT, 20, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0x100, 8);
	cr_assert(chan_wait_poll(&f->sys, FX_KEYSTORE, 30, &ret));
	cr_assert_eq(ret, -KSH_E2BIG);
	/* and the message stays queued for a bigger buffer */
	cr_assert_eq(
	    call_at(f, FX_KEYSTORE, 40, KSH_HC_CHAN_RECV, 0, 0x200, 64, 0), 8);
}

Test(chan_wait, state_for_every_domain_fits_the_fixture)
{
	struct fx *f = fx_new();

	cr_assert_not_null(f);
	for (uint32_t d = 0; d < fx_tables.n_domains; d++)
		cr_assert(!chan_waiting(&f->sys, d));
	cr_assert(!chan_wait_poll(&f->sys, FX_CLIENT, 10, &(int64_t){0}));
}

struct note_log {
	uint32_t n, what[8], index[8];
};

static void note_cb(void *ctx, enum chan_notify what, uint32_t index)
{
	struct note_log *l = ctx;

	if (l->n < 8) {
		l->what[l->n] = what;
		l->index[l->n] = index;
	}
	l->n++;
}

Test(chan_wait, notify_hook_sees_messages_and_signals)
{
	struct fx *f = fx_new();
	struct note_log l = {0};

	f->sys.notify = note_cb;
	f->sys.notify_ctx = &l;
	call_at(f, FX_CLIENT, 10, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0x100, 1);
	call_at(f, FX_KEYSTORE, 11, KSH_HC_CHAN_SEND, 1, 0, 0x100, 1);
	call_at(f, FX_CLIENT, 12, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0);
	/* refused calls notify nobody */
	call_at(f, FX_CLIENT, 13, KSH_HC_CHAN_SEND, 0, FX_LOCK, 0x100, 1);
	call_at(f, FX_INTRUDER, 14, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0);
	cr_assert_eq(l.n, 3);
	cr_assert_eq(l.what[0], CHAN_NOTIFY_MESSAGE);
	cr_assert_eq(l.index[0], 0);
	cr_assert_eq(l.what[1], CHAN_NOTIFY_MESSAGE);
	cr_assert_eq(l.index[1], 1);
	cr_assert_eq(l.what[2], CHAN_NOTIFY_EVENT);
	cr_assert_eq(l.index[2], 0);
}
