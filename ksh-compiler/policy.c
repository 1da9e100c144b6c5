// SPDX-License-Identifier: MIT
/*
 * Policy compilation: channels, their methods and endpoints, and the dense
 * decision table the kernel's check is one lookup in (dsl/policy.md):
 *
 *   ksh_decisions[endpoint.first_decision + method]
 *
 * An endpoint is (domain, channel, role); a domain's endpoints are its
 * handles 0..n-1 in the order its channels are declared. Both endpoints of
 * a message channel carry the decision for the message "sender -> receiver
 * calls method m": deny rules win over allow rules; otherwise the first
 * matching allow decides; nothing matching means deny. A flow machine adds
 * the set of states in which the method is permitted (allowed_states).
 * The table has sum over endpoints of n_methods entries: it grows with
 * what is declared, never with domains x channels.
 */
#include "kshc.h"
#include "layout.h"
#include "policy.h"

#include <string.h>

#define A (&k->ast)
#define O (&k->out)

#define PUSH(arr, note_str)                                                    \
	(*VEC_PUSH(&k->arena, O->arr##_note) = (note_str),                     \
	 VEC_PUSH(&k->arena, O->arr))

bool pol_match(const struct kshc *k, const struct ast_match *m,
	       const struct ast_domain *d)
{
	switch (m->kind) {
	case 0:
		return true;
	case SYM_TYPE:
		return d->type_idx == m->index;
	case SYM_ATTRIBUTE:
		return d->type_idx < k->ast.types.n &&
		       k->ast.attributes.v[m->index].types != NULL &&
		       d->type_idx < k->ast.types.n &&
		       k->ast.attributes.v[m->index].types[d->type_idx];
	case SYM_DOMAIN:
		return d->index == m->index;
	case SYM_LEVEL:
		return d->level_idx == m->index;
	case SYM_CATEGORY:
		return m->index < 64 && (d->cats >> m->index & 1);
	default:
		return false;
	}
}

bool pol_rule_covers(const struct kshc *k, const struct ast_rule *r,
		     const struct ast_channel *c, uint32_t method,
		     const struct ast_domain *sender,
		     const struct ast_domain *receiver)
{
	if (r->channel_idx != KSH_IDX_NONE && r->channel_idx != c->index)
		return false;
	if (!pol_match(k, &r->subj, sender) ||
	    !pol_match(k, &r->targ, receiver))
		return false;
	if (r->methods.n == 0)
		return true;
	for (uint32_t i = 0; i < r->methods.n; i++) {
		if (r->channel_idx != KSH_IDX_NONE) {
			if (r->method_idx[i] == method)
				return true;
		} else if (method < c->methods.n &&
			   strcmp(r->methods.v[i].s,
				  c->methods.v[method].name.s) == 0) {
			return true;
		}
	}
	return false;
}

const char *pol_rule_text(struct kshc *k, const struct ast_rule *r)
{
	static const char *const kw[] = {[RULE_ALLOW] = "allow",
					 [RULE_DENY] = "deny",
					 [RULE_NEVERALLOW] = "neverallow"};
	size_t len = 64 + strlen(r->subject.s) + strlen(r->target.s) +
		     strlen(r->channel.s);
	char *s, *p;

	for (uint32_t i = 0; i < r->methods.n; i++)
		len += strlen(r->methods.v[i].s) + 2;
	s = p = arena_alloc(&k->arena, len);
	p += sprintf(p, "%s %s %s : %s", kw[r->kind], r->subject.s, r->target.s,
		     r->channel.s);
	if (r->methods.n > 0) {
		p += sprintf(p, " {");
		for (uint32_t i = 0; i < r->methods.n; i++)
			p += sprintf(p, "%s %s", i ? "," : "",
				     r->methods.v[i].s);
		p += sprintf(p, " }");
	}
	if (r->audit)
		sprintf(p, " audit");
	return s;
}

static void policy_rules(struct kshc *k)
{
	for (uint32_t i = 0; i < A->rules.n; i++) {
		struct ast_rule *r = &A->rules.v[i];
		struct ksh_rule *o;

		if (r->kind == RULE_NEVERALLOW)
			continue;
		r->table_idx = O->rules.n;
		o = PUSH(rules, layout_note(k, &r->loc, "rule %u", i));
		o->text = pol_rule_text(k, r);
		o->source = loc_str(&k->arena, &r->loc);
	}
}

static void policy_channels(struct kshc *k)
{
	for (uint32_t i = 0; i < A->channels.n; i++) {
		struct ast_channel *c = &A->channels.v[i];
		struct ksh_channel *o =
		    PUSH(channels, layout_note(k, &c->name.loc,
					       "channel \"%s\"", c->name.s));

		o->name = c->name.s;
		o->kind = c->kind == CHAN_MEMORY ? KSH_CHANNEL_MEMORY
						 : KSH_CHANNEL_MESSAGE;
		o->memobj = c->memobj;
		o->size = c->size_r;
		o->queue_depth = c->kind == CHAN_MESSAGE ? c->depth_r : 0;
		o->first_method = O->methods.n;
		o->n_methods = c->methods.n;
		o->fsm = c->fsm_idx;
		o->event = c->event_idx;
		for (uint32_t m = 0; m < c->methods.n; m++) {
			struct ast_method *am = &c->methods.v[m];
			struct ksh_method *om =
			    PUSH(methods, layout_note(k, &am->name.loc, "%s.%s",
						      c->name.s, am->name.s));

			om->name = am->name.s;
			om->channel = i;
			om->n_args = am->args.n;
		}
	}
}

/* allowed_states of method @m on a channel with flow @f: every state
 * except those that deny it or allow only other methods. */
static uint64_t policy_states(const struct kshc *k, const struct ast_flow *f,
			      const struct ast_channel *c, uint32_t m)
{
	uint64_t mask;

	if (f == NULL)
		return ~0ull;
	mask = f->states.n >= 64 ? ~0ull : (1ull << f->states.n) - 1;
	(void)k;
	for (uint32_t i = 0; i < f->perms.n; i++) {
		const struct ast_state_perm *p = &f->perms.v[i];
		bool listed = false;
		uint32_t s;

		for (s = 0; s < f->states.n; s++)
			if (strcmp(f->states.v[s].s, p->state.s) == 0)
				break;
		if (s >= f->states.n || s >= 64)
			continue;
		for (uint32_t j = 0; j < p->methods.n; j++)
			if (strcmp(p->methods.v[j].s, c->methods.v[m].name.s) ==
			    0)
				listed = true;
		if (listed != p->only)
			mask &= ~(1ull << s);
	}
	return mask;
}

/* Rules that can name a channel: its own, then those for "*". Built once
 * so compiling is linear in rules + endpoints x methods. */
struct rule_index {
	uint32_t *first, *list; /* CSR: rules of channel c */
	uint32_t *wild;
	uint32_t n_wild;
};

static void rule_index_build(struct kshc *k, struct rule_index *ix)
{
	uint32_t nc = A->channels.n, *fill;

	ix->first = arena_alloc(&k->arena, sizeof(uint32_t) * (nc + 2));
	ix->list = arena_alloc(&k->arena, sizeof(uint32_t) * (A->rules.n + 1));
	ix->wild = arena_alloc(&k->arena, sizeof(uint32_t) * (A->rules.n + 1));
	fill = arena_alloc(&k->arena, sizeof(uint32_t) * (nc + 1));
	for (uint32_t i = 0; i < A->rules.n; i++) {
		const struct ast_rule *r = &A->rules.v[i];

		if (r->kind == RULE_NEVERALLOW)
			continue;
		if (r->channel_idx == KSH_IDX_NONE)
			ix->wild[ix->n_wild++] = i;
		else
			ix->first[r->channel_idx + 1]++;
	}
	for (uint32_t c = 0; c < nc; c++)
		ix->first[c + 1] += ix->first[c];
	for (uint32_t i = 0; i < A->rules.n; i++) {
		const struct ast_rule *r = &A->rules.v[i];

		if (r->kind != RULE_NEVERALLOW &&
		    r->channel_idx != KSH_IDX_NONE)
			ix->list[ix->first[r->channel_idx] +
				 fill[r->channel_idx]++] = i;
	}
}

/* Remember, for the shadowed-rule warning, which rule beat each covering
 * rule that did not decide (only while some rule is still unbeaten). */
static void policy_beaten(struct kshc *k, const struct rule_index *ix,
			  struct ast_channel *c, uint32_t m,
			  const struct ast_domain *snd,
			  const struct ast_domain *rcv,
			  const struct ast_rule *winner)
{
	uint32_t lo = ix->first[c->index], hi = ix->first[c->index + 1];

	for (uint32_t pass = 0; pass < 2; pass++) {
		uint32_t n = pass == 0 ? hi - lo : ix->n_wild;

		for (uint32_t j = 0; j < n; j++) {
			struct ast_rule *r =
			    &A->rules
				 .v[pass == 0 ? ix->list[lo + j] : ix->wild[j]];

			if (r != winner && r->beaten_by == NULL &&
			    pol_rule_covers(k, r, c, m, snd, rcv))
				r->beaten_by = winner;
		}
	}
}

/* The decision for one message: deny beats allow, first allow decides. */
static struct ksh_decision policy_decide(struct kshc *k,
					 const struct rule_index *ix,
					 struct ast_channel *c, uint32_t m,
					 const struct ast_domain *snd,
					 const struct ast_domain *rcv)
{
	struct ksh_decision d = {.flags = 0, .rule = KSH_NONE};
	struct ast_rule *allow = NULL, *deny = NULL, *win;
	uint32_t n_cover = 0;
	uint32_t lo = ix->first[c->index], hi = ix->first[c->index + 1];

	for (uint32_t pass = 0; pass < 2; pass++) {
		uint32_t n = pass == 0 ? hi - lo : ix->n_wild;

		for (uint32_t j = 0; j < n; j++) {
			struct ast_rule *r =
			    &A->rules
				 .v[pass == 0 ? ix->list[lo + j] : ix->wild[j]];

			if (!pol_rule_covers(k, r, c, m, snd, rcv))
				continue;
			r->covered = true;
			n_cover++;
			if (r->kind == RULE_DENY && (deny == NULL || r < deny))
				deny = r;
			if (r->kind == RULE_ALLOW &&
			    (allow == NULL || r < allow))
				allow = r;
		}
	}
	win = deny != NULL ? deny : allow;
	if (n_cover > 1)
		policy_beaten(k, ix, c, m, snd, rcv, win);
	if (deny != NULL) {
		d.rule = deny->table_idx;
		deny->fired = true;
	} else if (allow != NULL) {
		d.flags = KSH_DEC_ALLOW | (allow->audit ? KSH_DEC_AUDIT : 0);
		d.rule = allow->table_idx;
		d.allowed_states = policy_states(
		    k,
		    c->fsm_idx != KSH_IDX_NONE ? &A->flows.v[c->fsm_idx] : NULL,
		    c, m);
		allow->fired = true;
	}
	return d;
}

static uint32_t role_of(const struct ast_channel *c, bool first)
{
	if (c->kind == CHAN_MEMORY)
		return first ? KSH_ROLE_WRITER : KSH_ROLE_READER;
	return first ? KSH_ROLE_SENDER : KSH_ROLE_RECEIVER;
}

/* Endpoints sorted by (domain, handle): bucket every channel end by
 * domain (counting sort keeps channel order inside a domain). */
static void policy_endpoints(struct kshc *k)
{
	uint32_t nd = A->domains.n, nc = A->channels.n, total = 0;
	uint32_t *first, *fill, *ep_chan, *ep_end, *chan_first;
	struct rule_index ix = {0};

	rule_index_build(k, &ix);
	for (uint32_t c = 0; c < nc; c++)
		total += 1 + A->channels.v[c].to.n;
	first = arena_alloc(&k->arena, sizeof(uint32_t) * (nd + 2));
	fill = arena_alloc(&k->arena, sizeof(uint32_t) * (nd + 1));
	ep_chan = arena_alloc(&k->arena, sizeof(uint32_t) * (total + 1));
	ep_end = arena_alloc(&k->arena, sizeof(uint32_t) * (total + 1));
	chan_first = arena_alloc(&k->arena, sizeof(uint32_t) * (nc + 1));
	for (uint32_t c = 0; c < nc; c++) {
		const struct ast_channel *ch = &A->channels.v[c];

		for (uint32_t e = 0; e <= ch->to.n; e++)
			first[(e == 0 ? ch->from_idx : ch->to_idx[e - 1]) +
			      1]++;
	}
	for (uint32_t d = 0; d < nd; d++)
		first[d + 1] += first[d];
	for (uint32_t c = 0; c < nc; c++) {
		const struct ast_channel *ch = &A->channels.v[c];

		for (uint32_t e = 0; e <= ch->to.n; e++) {
			uint32_t d = e == 0 ? ch->from_idx : ch->to_idx[e - 1];
			uint32_t slot = first[d] + fill[d]++;

			ep_chan[slot] = c;
			ep_end[slot] = e;
		}
	}
	/* Endpoint slot s describes end ep_end[s] of channel ep_chan[s]. */
	for (uint32_t d = 0; d < nd; d++) {
		struct ksh_domain *od = &O->domains.v[d];

		od->first_endpoint = first[d];
		od->n_endpoints = first[d + 1] - first[d];
	}
	for (uint32_t s = 0; s < total; s++) {
		struct ast_channel *c = &A->channels.v[ep_chan[s]];
		uint32_t e = ep_end[s];
		uint32_t dom = e == 0 ? c->from_idx : c->to_idx[e - 1];
		struct ast_domain *snd = &A->domains.v[c->from_idx];
		struct ast_domain *rcv =
		    &A->domains.v[c->to.n ? c->to_idx[0] : c->from_idx];
		struct ksh_endpoint *o = PUSH(
		    endpoints,
		    layout_note(
			k, e == 0 ? &c->from.loc : &c->to.v[e - 1].loc,
			"\"%s\" handle %u: %s of \"%s\"",
			A->domains.v[dom].name.s, s - first[dom],
			e == 0
			    ? (c->kind == CHAN_MEMORY ? "writer" : "sender")
			    : (c->kind == CHAN_MEMORY ? "reader" : "receiver"),
			c->name.s));

		o->domain = dom;
		o->channel = c->index;
		o->role = role_of(c, e == 0);
		o->mapping =
		    c->kind == CHAN_MEMORY ? c->maps.v[e].mapping : KSH_NONE;
		o->first_decision = O->decisions.n;
		for (uint32_t m = 0; m < c->methods.n; m++) {
			*PUSH(decisions,
			      layout_note(k, &c->methods.v[m].name.loc,
					  "%s.%s for \"%s\"", c->name.s,
					  c->methods.v[m].name.s,
					  A->domains.v[dom].name.s)) =
			    policy_decide(k, &ix, c, m, snd, rcv);
		}
	}
	/* Per channel, its endpoints in end order: writer/sender first. */
	for (uint32_t s = 0; s < total; s++)
		if (ep_end[s] == 0)
			chan_first[ep_chan[s]] = s;
	for (uint32_t c = 0; c < nc; c++) {
		struct ast_channel *ch = &A->channels.v[c];
		struct ksh_channel *oc = &O->channels.v[c];

		oc->first_endpoint = O->channel_endpoints.n;
		*PUSH(channel_endpoints,
		      layout_note(k, &ch->from.loc, "\"%s\" end 0",
				  ch->name.s)) = chan_first[c];
		for (uint32_t e = 1; e <= ch->to.n; e++) {
			uint32_t d = ch->to_idx[e - 1], s;

			/* find the slot of end e among domain d's endpoints */
			for (s = first[d]; s < first[d + 1]; s++)
				if (ep_chan[s] == c && ep_end[s] == e)
					break;
			*PUSH(channel_endpoints,
			      layout_note(k, &ch->to.v[e - 1].loc,
					  "\"%s\" end %u", ch->name.s, e)) = s;
		}
		oc->n_endpoints = O->channel_endpoints.n - oc->first_endpoint;
	}
}

static void policy_flows(struct kshc *k)
{
	for (uint32_t i = 0; i < A->flows.n; i++) {
		struct ast_flow *f = &A->flows.v[i];
		struct ast_channel *c = &A->channels.v[f->channel_idx];
		uint32_t nm = c->methods.n;
		struct ksh_fsm *o =
		    PUSH(fsms, layout_note(k, &f->name.loc, "flow \"%s\"",
					   f->name.s));
		uint32_t base;

		o->name = f->name.s;
		o->channel = f->channel_idx;
		o->n_states = f->states.n;
		o->initial = f->initial_idx;
		o->first_state = O->fsm_states.n;
		o->first_next = O->fsm_next.n;
		for (uint32_t s = 0; s < f->states.n; s++)
			PUSH(fsm_states,
			     layout_note(k, &f->states.v[s].loc,
					 "state %s of \"%s\"", f->states.v[s].s,
					 f->name.s))
			    ->name = f->states.v[s].s;
		base = O->fsm_next.n;
		for (uint32_t s = 0; s < f->states.n; s++)
			for (uint32_t m = 0; m < nm; m++)
				*PUSH(fsm_next,
				      layout_note(k, NULL, "%s: %s -%s->",
						  f->name.s, f->states.v[s].s,
						  c->methods.v[m].name.s)) =
				    KSH_NONE;
		for (uint32_t t = 0; t < f->trans.n; t++)
			O->fsm_next.v[base + f->trans_from[t] * nm +
				      f->trans_method[t]] = f->trans_to[t];
	}
}

void ksh_policy(struct kshc *k)
{
	policy_rules(k);
	policy_channels(k);
	policy_flows(k);
	policy_endpoints(k);
}

void ksh_finish_tables(struct kshc *k)
{
	struct ksh_tables *t = &O->t;
	uint64_t mem = 0;

	for (uint32_t i = 0; i < O->memobjs.n; i++)
		mem += O->memobjs.v[i].size;
	memset(t, 0, sizeof(*t));
	t->magic = KSH_TABLES_MAGIC;
	t->version = KSH_TABLES_VERSION;
	t->platform_flags = A->sys.iommu == 1 ? KSH_PLATF_IOMMU_REQUIRED : 0;
	t->system_name = A->sys.name;
	t->cpus = (uint32_t)A->sys.cpus.num;
	t->platform_memory = A->sys.memory.set ? A->sys.memory.num : mem;
	t->major_frame_ns = A->sys.major.set ? A->sys.major.num : 0;
#define SLICE(name)                                                            \
	do {                                                                   \
		t->name = O->name.v;                                           \
		t->n_##name = O->name.n;                                       \
	} while (0)
	SLICE(types);
	SLICE(levels);
	SLICE(categories);
	SLICE(domains);
	SLICE(payloads);
	SLICE(memobjs);
	SLICE(mappings);
	SLICE(vdevs);
	SLICE(passthru);
	SLICE(frames);
	SLICE(channels);
	SLICE(methods);
	SLICE(endpoints);
	SLICE(channel_endpoints);
	SLICE(decisions);
	SLICE(fsms);
	SLICE(fsm_states);
	SLICE(fsm_next);
	SLICE(rules);
	SLICE(events);
	SLICE(networks);
	SLICE(filter_rules);
#undef SLICE
	for (uint32_t i = 0; i < O->payloads.n; i++)
		O->payloads.v[i].data = O->payload_bytes.v[i];
}
