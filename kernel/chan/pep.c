// SPDX-License-Identifier: MIT
/*
 * The policy enforcement point (ARCHITECTURE.md, "Policy"): at run time a
 * channel call is decided by one table lookup, indexed by (subject's
 * endpoint, method), plus the channel's current flow state. Nothing is
 * parsed or allocated here; kshc has already folded type enforcement, MLS
 * and capabilities into ksh_decisions (tables.h).
 */
#include <ksh/chan.h>
#include <ksh/nospec.h>

int pep_endpoint(const struct ksh_tables *t, uint32_t dom, uint64_t handle,
		 uint32_t role, struct pep_verdict *v)
{
	const struct ksh_domain *d = &t->domains[dom];
	const struct ksh_endpoint *e;

	v->endpoint = KSH_NONE;
	v->channel = KSH_NONE;
	v->rule = KSH_NONE;
	v->state = KSH_NONE;
	v->next = KSH_NONE;
	v->flags = 0;
	/* Capabilities: handles are 0..n_endpoints-1 of the caller's own
	 * slice; there is no way to name another domain's endpoint. The
	 * comparison is on 64 bits so 2^32 + h does not alias handle h. */
	if (handle >= d->n_endpoints)
		return -KSH_EBADH;
	/* Not even speculatively past the check (ksh/nospec.h). */
	handle = ksh_index_nospec(handle, d->n_endpoints);
	v->endpoint = d->first_endpoint + (uint32_t)handle;
	e = &t->endpoints[v->endpoint];
	v->channel = e->channel;
	if (e->role != role)
		return -KSH_EPERM;
	return 0;
}

int pep_decide(const struct chan_sys *s, uint32_t dom, uint64_t handle,
	       uint64_t method, struct pep_verdict *v)
{
	const struct ksh_tables *t = s->t;
	const struct ksh_channel *c;
	const struct ksh_decision *dec;
	const struct ksh_fsm *f;
	int rc = pep_endpoint(t, dom, handle, KSH_ROLE_SENDER, v);

	if (rc == -KSH_EPERM &&
	    t->channels[v->channel].kind != KSH_CHANNEL_MESSAGE)
		return -KSH_EINVAL; /* a memory channel has no methods */
	if (rc != 0)
		return rc;
	c = &t->channels[v->channel];
	v->state = s->chans[v->channel].state;
	v->next = v->state;
	if (method >= c->n_methods)
		return -KSH_EINVAL;
	method = ksh_index_nospec(method, c->n_methods);
	dec = &t->decisions[t->endpoints[v->endpoint].first_decision +
			    (uint32_t)method];
	v->rule = dec->rule;
	v->flags = dec->flags;
	if (!(dec->flags & KSH_DEC_ALLOW))
		return -KSH_EPERM;
	if (c->fsm == KSH_NONE)
		return 0;
	/* Flow control: the method must be allowed in the current state;
	 * the machine moves only on an allowed call (tables.h, decisions). */
	if (v->state >= KSH_MAX_FSM_STATES ||
	    !(dec->allowed_states & (1ull << v->state)))
		return -KSH_EPERM;
	f = &t->fsms[c->fsm];
	{
		uint32_t nx =
		    t->fsm_next[f->first_next + v->state * c->n_methods +
				(uint32_t)method];

		if (nx != KSH_NONE)
			v->next = nx;
	}
	return 0;
}

void pep_commit(struct chan_sys *s, const struct pep_verdict *v)
{
	if (v->channel != KSH_NONE && v->next != KSH_NONE)
		s->chans[v->channel].state = v->next;
}
