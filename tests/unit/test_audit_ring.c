// SPDX-License-Identifier: MIT
/* Unit tests for the audit ring (kernel/chan/audit.c) and the audit and
 * event hypercalls (chan_hcall.c): each denial is recorded with subject,
 * object, method, flow state, result, time and rule, and summed up on the
 * console; audited grants are recorded without a console line; overflow
 * is counted and announced; only audit readers read the ring. */
#include <criterion/criterion.h>

#include "chan_fixture.h"

#define REC_GPA 0x1000u

static int64_t audit_read_into(struct fx *f, uint32_t d, uint32_t n)
{
	return fx_call(f, d, KSH_HC_AUDIT_READ, REC_GPA,
		       n * sizeof(struct ksh_audit_record), 0, 0);
}

static struct ksh_audit_record *rec(struct fx *f, uint32_t i)
{
	return (struct ksh_audit_record *)fx_ram(
	    f, FX_KEYSTORE, REC_GPA + i * sizeof(struct ksh_audit_record));
}

Test(audit_ring, denial_recorded_and_printed)
{
	struct fx *f = fx_new();
	struct ksh_audit_record *r;

	cr_assert_eq(
	    fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_SIGN, 0x100, 4),
	    -KSH_EPERM);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied client chan_send crypto.sign in "
			 "state locked: EPERM (rule at t.ksh:10)");
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 4), 1);
	r = rec(f, 0);
	cr_assert_eq(r->seq, 0);
	cr_assert_eq(r->subject, FX_CLIENT);
	cr_assert_eq(r->object, 0);
	cr_assert_eq(r->method, FX_SIGN);
	cr_assert_eq(r->state, FX_LOCKED);
	cr_assert_eq(r->result, -KSH_EPERM);
	cr_assert_eq(r->rule, 0);
	cr_assert_eq(r->call, KSH_HC_CHAN_SEND);
	cr_assert_eq(r->lost, 0);
	cr_assert_gt(r->time_ns, 0);
	/* read once */
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 4), 0);
}

Test(audit_ring, bad_handle_and_default_deny_lines)
{
	struct fx *f = fx_new();

	cr_assert_eq(fx_call(f, FX_INTRUDER, KSH_HC_CHAN_SEND, 0, 0, 0x100, 4),
		     -KSH_EBADH);
	cr_assert_str_eq(fx_last_line(f), "ksh: audit: denied intruder "
					  "chan_send handle 0: EBADH");
	cr_assert_eq(fx_call(f, FX_CLIENT, KSH_HC_AUDIT_READ, 0x100, 512, 0, 0),
		     -KSH_EPERM);
	cr_assert_str_eq(fx_last_line(f), "ksh: audit: denied client "
					  "audit_read ring: EPERM (not an "
					  "audit reader)");
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 4), 2);
	cr_assert_eq(rec(f, 0)->object, KSH_NONE);
	cr_assert_eq(rec(f, 0)->result, -KSH_EBADH);
	cr_assert_eq(rec(f, 1)->call, KSH_HC_AUDIT_READ);
	cr_assert_lt(rec(f, 0)->time_ns, rec(f, 1)->time_ns);
}

Test(audit_ring, audited_grant_recorded_silently)
{
	struct fx *f = fx_new();

	cr_assert_eq(
	    fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0x100, 4), 0);
	cr_assert_eq(
	    fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_SIGN, 0x100, 4), 0);
	cr_assert_eq(f->n_lines, 0);
	/* unlock is not marked audit; sign is */
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 4), 1);
	cr_assert_eq(rec(f, 0)->result, 0);
	cr_assert_eq(rec(f, 0)->method, FX_SIGN);
	cr_assert_eq(rec(f, 0)->state, FX_UNLOCKED);
}

Test(audit_ring, repeated_denials_summed_up)
{
	struct fx *f = fx_new();

	for (int i = 0; i < 5; i++)
		fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_LOCK, 0x100, 4);
	cr_assert_eq(f->n_lines, 1);
	fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 7, 0, 0x100, 4);
	cr_assert_eq(f->n_lines, 3);
	cr_assert_str_eq(f->lines[1],
			 "ksh: audit: last denial repeated 4 more times");
	/* all five are in the ring all the same */
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 8), 6);
}

Test(audit_ring, repeats_summed_up_before_a_read)
{
	struct fx *f = fx_new();

	for (int i = 0; i < 3; i++)
		fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_LOCK, 0x100, 4);
	cr_assert_eq(f->n_lines, 1);
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 8), 3);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: last denial repeated 2 more times");
	/* said once */
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 8), 0);
	cr_assert_eq(f->n_lines, 2);
}

Test(audit_ring, refusal_reasons_named)
{
	struct fx *f = fx_new();

	fx_call(f, FX_KEYSTORE, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0x100, 4);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied keystore chan_send "
			 "crypto.unlock: EPERM (not the sending end)");
	fx_call(f, FX_CLIENT, KSH_HC_CHAN_RECV, 0, 0x100, 4, 0);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied client chan_recv crypto: EPERM "
			 "(not the receiving end)");
	fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, 7, 0x100, 4);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied client chan_send crypto method 7 "
			 "in state locked: EINVAL");
	fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, (1ull << 32) | 1, 0, 0x100, 4);
	cr_assert_str_eq(fx_last_line(f), "ksh: audit: denied client "
					  "chan_send handle 4294967295: EBADH");
}

Test(audit_ring, overflow_counted_never_silent)
{
	struct fx *f = fx_new();
	uint32_t n = AUDIT_RING_SIZE + 10;

	for (uint32_t i = 0; i < n; i++)
		fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_LOCK, 0x100, 4);
	cr_assert_str_eq(f->lines[1], "ksh: audit: ring full, 1 records lost");
	cr_assert_eq(f->ring.lost, 10);
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, AUDIT_RING_SIZE),
		     AUDIT_RING_SIZE);
	/* the oldest ten went: the first one left is number 10 and says
	 * how many were lost before the newest */
	cr_assert_eq(rec(f, 0)->seq, 10);
	cr_assert_eq(rec(f, AUDIT_RING_SIZE - 1)->seq, n - 1);
	cr_assert_eq(rec(f, AUDIT_RING_SIZE - 1)->lost, 10);
}

Test(audit_ring, read_buffer_checked)
{
	struct fx *f = fx_new();

	fx_call(f, FX_CLIENT, KSH_HC_CHAN_SEND, 9, 0, 0x100, 4);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_AUDIT_READ, REC_GPA,
			     sizeof(struct ksh_audit_record) - 1, 0, 0),
		     -KSH_EINVAL);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_AUDIT_READ, FX_RAM - 8,
			     sizeof(struct ksh_audit_record), 0, 0),
		     -KSH_EFAULT);
	cr_assert_eq(
	    fx_call(f, FX_KEYSTORE, KSH_HC_AUDIT_READ, ~0ull - 8, ~0ull, 0, 0),
	    -KSH_EFAULT);
	/* the record of the bad send is still there, behind the refusals */
	cr_assert_eq(audit_read_into(f, FX_KEYSTORE, 1), 1);
	cr_assert_eq(rec(f, 0)->result, -KSH_EBADH);
}

Test(audit_ring, events_named_per_domain)
{
	struct fx *f = fx_new();

	/* keystore waits on doorbell (its event 0), client on ping */
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_EVENT_WAIT, 1, 0, 0, 0),
		     -KSH_EAGAIN);
	cr_assert_eq(fx_call(f, FX_CLIENT, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0), 0);
	cr_assert_eq(fx_call(f, FX_CLIENT, KSH_HC_EVENT_WAIT, 1, 0, 0, 0),
		     -KSH_EAGAIN);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_EVENT_WAIT, 1, 0, 0, 0), 1);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_EVENT_WAIT, 1, 0, 0, 0),
		     -KSH_EAGAIN);
	/* events the caller does not hold */
	cr_assert_eq(fx_call(f, FX_CLIENT, KSH_HC_EVENT_SIGNAL, 1, 0, 0, 0),
		     -KSH_EBADH);
	cr_assert_eq(fx_call(f, FX_INTRUDER, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0),
		     -KSH_EBADH);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_EVENT_WAIT, 2, 0, 0, 0),
		     -KSH_EBADH);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_EVENT_WAIT, 0, 0, 0, 0),
		     -KSH_EINVAL);
	cr_assert_eq(
	    fx_call(f, FX_KEYSTORE, KSH_HC_EVENT_WAIT, 1ull << 63, 0, 0, 0),
	    -KSH_EINVAL);
	cr_assert_str_eq(fx_last_line(f), "ksh: audit: denied keystore "
					  "event_wait its events: EINVAL");
	fx_call(f, FX_CLIENT, KSH_HC_EVENT_SIGNAL, 5, 0, 0, 0);
	cr_assert_str_eq(fx_last_line(f), "ksh: audit: denied client "
					  "event_signal event 5: EBADH");
}
