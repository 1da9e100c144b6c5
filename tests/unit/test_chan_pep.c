// SPDX-License-Identifier: MIT
/* Unit tests for the policy enforcement point (kernel/chan/pep.c) on the
 * tables of tests/unit/chan_fixture.h: capabilities (handles), roles,
 * the decision lookup, and the flow machine, which moves only on an
 * allowed, committed call. */
#include <criterion/criterion.h>

#include "chan_fixture.h"

Test(chan_pep, handle_names_only_own_endpoints)
{
	struct fx *f = fx_new();
	struct pep_verdict v;

	cr_assert_not_null(f);
	cr_assert_eq(
	    pep_endpoint(&fx_tables, FX_CLIENT, 0, KSH_ROLE_SENDER, &v), 0);
	cr_assert_eq(v.endpoint, 0);
	cr_assert_eq(v.channel, 0);
	cr_assert_eq(
	    pep_endpoint(&fx_tables, FX_KEYSTORE, 1, KSH_ROLE_SENDER, &v), 0);
	cr_assert_eq(v.endpoint, 4);
	cr_assert_eq(v.channel, 1);
	/* one past the slice, a 2^32 alias, and a domain with none */
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 3, 0, &v), -KSH_EBADH);
	cr_assert_eq(v.channel, KSH_NONE);
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, (1ull << 32), 0, &v),
		     -KSH_EBADH);
	cr_assert_eq(pep_decide(&f->sys, FX_INTRUDER, 0, 0, &v), -KSH_EBADH);
}

Test(chan_pep, role_and_kind_are_checked)
{
	struct fx *f = fx_new();
	struct pep_verdict v;

	/* the receiving end may not send on it */
	cr_assert_eq(pep_decide(&f->sys, FX_KEYSTORE, 0, FX_UNLOCK, &v),
		     -KSH_EPERM);
	cr_assert_eq(v.channel, 0);
	/* a memory channel has no methods */
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 2, 0, &v), -KSH_EINVAL);
	/* method numbers beyond the channel's */
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 0, 3, &v), -KSH_EINVAL);
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 0, 1ull << 32, &v),
		     -KSH_EINVAL);
}

Test(chan_pep, forbidden_method_denied_by_its_rule)
{
	struct fx *f = fx_new();
	struct pep_verdict v;

	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 0, FX_LOCK, &v),
		     -KSH_EPERM);
	cr_assert_eq(v.rule, 1);
	cr_assert_eq(v.state, FX_LOCKED);
}

Test(chan_pep, flow_machine_orders_methods)
{
	struct fx *f = fx_new();
	struct pep_verdict v;

	cr_assert_eq(f->sys.chans[0].state, FX_LOCKED);
	cr_assert_eq(f->sys.chans[1].state, KSH_NONE);
	/* sign before unlock: refused, state unchanged */
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 0, FX_SIGN, &v),
		     -KSH_EPERM);
	cr_assert_eq(v.state, FX_LOCKED);
	cr_assert_eq(f->sys.chans[0].state, FX_LOCKED);
	/* unlock is allowed and would move to unlocked... */
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 0, FX_UNLOCK, &v), 0);
	cr_assert_eq(v.next, FX_UNLOCKED);
	/* ...but only once committed */
	cr_assert_eq(f->sys.chans[0].state, FX_LOCKED);
	pep_commit(&f->sys, &v);
	cr_assert_eq(f->sys.chans[0].state, FX_UNLOCKED);
	cr_assert_eq(pep_decide(&f->sys, FX_CLIENT, 0, FX_SIGN, &v), 0);
	cr_assert_eq(v.flags, KSH_DEC_ALLOW | KSH_DEC_AUDIT);
	/* no transition for sign in unlocked: stays */
	cr_assert_eq(v.next, FX_UNLOCKED);
}

Test(chan_pep, channel_without_machine_has_no_state)
{
	struct fx *f = fx_new();
	struct pep_verdict v;

	cr_assert_eq(pep_decide(&f->sys, FX_KEYSTORE, 1, 0, &v), 0);
	cr_assert_eq(v.state, KSH_NONE);
	pep_commit(&f->sys, &v);
	cr_assert_eq(f->sys.chans[1].state, KSH_NONE);
}

Test(chan_pep, init_refuses_short_queue_storage)
{
	struct ksh_memobj objs[7];
	struct ksh_tables t = fx_tables;
	struct fx *f = fx_new();
	uint32_t bad = 99;

	memcpy(objs, fx_memobjs, sizeof(objs));
	objs[5].size = 3 * 128; /* reply needs 4 slots of 128 bytes */
	t.memobjs = objs;
	cr_assert_eq(
	    chan_sys_init(&f->sys, &t, f->hpa, f->state, &f->ring, &bad), -1);
	cr_assert_eq(bad, 1);
	objs[5].size = 4 * 128;
	cr_assert_eq(
	    chan_sys_init(&f->sys, &t, f->hpa, f->state, &f->ring, &bad), 0);
}
