// SPDX-License-Identifier: MIT
/*
 * Resolve, second half: devices, networks and the policy section (rules,
 * flow machines, neverflow assertions).
 */
#include "kshc.h"
#include "resolve.h"

#include <string.h>

#define A (&k->ast)

/* Default I/O ports and IRQ of the ISA-style models (PC/AT legacy map). */
static const struct {
	uint32_t model;
	uint32_t port, count, irq;
} res_dev_defaults[] = {
    {VDEV_UART, 0x3f8, 8, 4},
    {VDEV_PIC, 0x20, 2, KSH_NONE},
    {VDEV_PIT, 0x40, 4, 0},
    {VDEV_RTC, 0x70, 2, 8},
    {VDEV_PCI_HOST, 0xcf8, 8, KSH_NONE},
    {VDEV_IDE, 0x1f0, 8, 14},
};

/* A channel device reaches its channel through the domain's own end of
 * it; the kernel refuses at boot a device whose domain holds none, so
 * say it here, where it can be fixed. */
static void res_chandev_end(struct kshc *k, const struct ast_domain *d,
			    const struct ast_device *v)
{
	const struct ast_channel *c = &A->channels.v[v->channel_idx];
	char *ends;

	if (strcmp(c->from.s, d->name.s) == 0)
		return;
	for (uint32_t i = 0; i < c->to.n; i++)
		if (strcmp(c->to.v[i].s, d->name.s) == 0)
			return;
	diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT, &v->channel.loc,
		    "domain \"%s\" holds no end of channel \"%s\", so its "
		    "channel device \"%s\" could not reach it",
		    d->name.s, c->name.s, v->name.s);
	ends = arena_strdup(&k->arena, "");
	for (uint32_t i = 0; i < c->to.n; i++)
		ends = arena_printf(&k->arena, "%s%s%s", ends, i ? ", " : "",
				    c->to.v[i].s);
	diag_note(&k->diags, &c->name.loc, "the ends of \"%s\" are %s -> %s",
		  c->name.s, c->from.s, ends);
}

void res_device(struct kshc *k, struct ast_domain *d, struct ast_device *v)
{
	v->port_base_r = v->port_count_r = 0;
	v->irq_r = KSH_NONE;
	v->network_idx = v->channel_idx = KSH_IDX_NONE;
	for (size_t i = 0;
	     i < sizeof(res_dev_defaults) / sizeof(res_dev_defaults[0]); i++)
		if (res_dev_defaults[i].model == v->model) {
			v->port_base_r = res_dev_defaults[i].port;
			v->port_count_r = res_dev_defaults[i].count;
			v->irq_r = res_dev_defaults[i].irq;
		}
	if (v->port.set) {
		res_u32(k, &v->port, 0, 0xffff, "port", &v->port_base_r);
		if (v->port_count_r == 0)
			v->port_count_r = 1;
		if (v->port_count.set)
			res_u32(k, &v->port_count, 1, 0x10000, "port count",
				&v->port_count_r);
	}
	if (v->irq.set)
		res_u32(k, &v->irq, 0, 23, "irq", &v->irq_r);
	if (v->network.s != NULL) {
		v->network_idx =
		    res_index(k, &v->network, SYM_NETWORK, "network");
		if (v->model != VDEV_NE2000)
			diag_report(&k->diags, DIAG_DEVICE, &v->network.loc,
				    "only a NIC (ne2000) attaches to a "
				    "network");
	} else if (v->model == VDEV_NE2000) {
		diag_report(&k->diags, DIAG_MISSING, &v->name.loc,
			    "NIC \"%s\" is not attached to a network",
			    v->name.s);
	}
	if (v->channel.s != NULL) {
		v->channel_idx =
		    res_index(k, &v->channel, SYM_CHANNEL, "channel");
		if (v->channel_idx != KSH_IDX_NONE && v->model == VDEV_CHANNEL)
			res_chandev_end(k, d, v);
		if (v->model != VDEV_CHANNEL)
			diag_report(&k->diags, DIAG_DEVICE, &v->channel.loc,
				    "only a channel device names a channel");
	} else if (v->model == VDEV_CHANNEL) {
		diag_report(&k->diags, DIAG_MISSING, &v->name.loc,
			    "channel device \"%s\" names no channel",
			    v->name.s);
	}
	if (v->console && v->model != VDEV_UART)
		diag_report(&k->diags, DIAG_DEVICE, &v->console_loc,
			    "only a UART (uart) takes console input");
	if (v->disk.set && v->model != VDEV_IDE && v->model != VDEV_AHCI)
		diag_report(&k->diags, DIAG_DEVICE, &v->disk.loc,
			    "only a disk controller (ide, ahci) takes a disk");
}

void res_networks(struct kshc *k)
{
	for (uint32_t i = 0; i < A->networks.n; i++) {
		struct ast_network *w = &A->networks.v[i];

		for (uint32_t f = 0; f < w->filters.n; f++) {
			struct ast_filter *r = &w->filters.v[f];
			uint32_t lo = 0, hi = 65535;

			if (r->port_lo.set) {
				res_u32(k, &r->port_lo, 0, 65535, "port", &lo);
				res_u32(k, &r->port_hi, 0, 65535, "port", &hi);
				if (lo > hi)
					diag_report(&k->diags, DIAG_VALUE_RANGE,
						    &r->port_lo.loc,
						    "port range %u..%u is "
						    "empty",
						    lo, hi);
			}
			r->port_lo.num = lo;
			r->port_hi.num = hi;
			if (r->port_lo.set && r->proto != PROTO_TCP &&
			    r->proto != PROTO_UDP)
				diag_report(&k->diags, DIAG_VALUE_RANGE,
					    &r->port_lo.loc,
					    "ports need tcp or udp");
			if (r->all && f + 1 != w->filters.n)
				diag_report(&k->diags, DIAG_RULE_UNREACHABLE,
					    &w->filters.v[f + 1].loc,
					    "filter rule after \"%s all\" is "
					    "never reached",
					    r->allow ? "allow" : "deny");
		}
	}
}

/* A rule subject/target or neverflow end: "*", a type, an attribute, a
 * domain, or (neverflow only) a level or category. */
static void res_match(struct kshc *k, const struct ksh_name *n, bool labels,
		      struct ast_match *m)
{
	uint32_t mask = 1u << SYM_TYPE | 1u << SYM_ATTRIBUTE | 1u << SYM_DOMAIN;
	const struct ast_symbol *s;

	m->kind = 0;
	m->index = KSH_IDX_NONE;
	if (strcmp(n->s, "*") == 0)
		return;
	if (labels)
		mask |= 1u << SYM_LEVEL | 1u << SYM_CATEGORY;
	s = res_name(k, n, mask,
		     labels ? "type, attribute, domain, level or category"
			    : "type, attribute or domain");
	if (s == NULL) {
		m->kind = SYM_CONST; /* matches nothing */
		return;
	}
	res_index(k, n, s->kind, "name");
	m->kind = s->kind;
	m->index = s->index;
}

static uint32_t method_index(const struct ast_channel *c, const char *name)
{
	for (uint32_t i = 0; i < c->methods.n; i++)
		if (strcmp(c->methods.v[i].name.s, name) == 0)
			return i;
	return KSH_IDX_NONE;
}

static void res_rule(struct kshc *k, struct ast_rule *r)
{
	res_match(k, &r->subject, false, &r->subj);
	res_match(k, &r->target, false, &r->targ);
	r->channel_idx = KSH_IDX_NONE;
	r->method_idx =
	    arena_alloc(&k->arena, sizeof(uint32_t) * (r->methods.n + 1));
	if (strcmp(r->channel.s, "*") != 0)
		r->channel_idx =
		    res_index(k, &r->channel, SYM_CHANNEL, "channel");
	/* A rule without a method list speaks of every method. */
	for (uint32_t c = 0; r->methods.n == 0 && c < A->channels.n; c++)
		if (r->channel_idx == KSH_IDX_NONE || r->channel_idx == c)
			for (uint32_t m = 0; m < A->channels.v[c].methods.n;
			     m++)
				A->channels.v[c].methods.v[m].used = true;
	for (uint32_t i = 0; i < r->methods.n; i++) {
		struct ast_channel *c;
		bool found = false;

		r->method_idx[i] = KSH_IDX_NONE;
		if (r->channel_idx != KSH_IDX_NONE) {
			c = &A->channels.v[r->channel_idx];
			r->method_idx[i] = method_index(c, r->methods.v[i].s);
			found = r->method_idx[i] != KSH_IDX_NONE;
			if (found)
				c->methods.v[r->method_idx[i]].used = true;
		} else if (strcmp(r->channel.s, "*") == 0) {
			for (uint32_t j = 0; j < A->channels.n; j++)
				if (method_index(&A->channels.v[j],
						 r->methods.v[i].s) !=
				    KSH_IDX_NONE)
					found = true;
		} else {
			continue; /* channel already reported */
		}
		if (!found)
			diag_report(&k->diags, DIAG_UNDEFINED,
				    &r->methods.v[i].loc,
				    "channel \"%s\" has no method \"%s\"",
				    r->channel.s, r->methods.v[i].s);
	}
}

static uint32_t state_index(const struct ast_flow *f, const char *name)
{
	for (uint32_t i = 0; i < f->states.n; i++)
		if (strcmp(f->states.v[i].s, name) == 0)
			return i;
	return KSH_IDX_NONE;
}

static uint32_t res_state(struct kshc *k, const struct ast_flow *f,
			  const struct ksh_name *n)
{
	uint32_t s = state_index(f, n->s);

	if (s == KSH_IDX_NONE)
		diag_report(&k->diags, DIAG_UNDEFINED, &n->loc,
			    "flow \"%s\" has no state \"%s\"", f->name.s, n->s);
	return s;
}

static void res_flow(struct kshc *k, struct ast_flow *f)
{
	struct ast_channel *c = NULL;

	f->channel_idx = res_index(k, &f->channel, SYM_CHANNEL, "channel");
	if (f->channel_idx != KSH_IDX_NONE) {
		c = &A->channels.v[f->channel_idx];
		if (c->kind != CHAN_MESSAGE) {
			diag_report(&k->diags, DIAG_WRONG_KIND, &f->channel.loc,
				    "flow machines watch message channels; "
				    "\"%s\" is a memory channel",
				    c->name.s);
			c = NULL;
		} else if (c->fsm_idx != KSH_IDX_NONE) {
			diag_report(&k->diags, DIAG_DUPLICATE, &f->channel.loc,
				    "channel \"%s\" already has a flow "
				    "machine",
				    c->name.s);
			diag_note(&k->diags, &A->flows.v[c->fsm_idx].name.loc,
				  "the first one is here");
			c = NULL;
		} else {
			c->fsm_idx = (uint32_t)(f - A->flows.v);
		}
	}
	f->used = true;
	if (f->states.n == 0) {
		diag_report(&k->diags, DIAG_MISSING, &f->name.loc,
			    "flow \"%s\" declares no states", f->name.s);
		return;
	}
	if (f->states.n > KSH_MAX_FSM_STATES)
		diag_report(&k->diags, DIAG_LIMIT, &f->states.v[64].loc,
			    "flow \"%s\" has %u states; at most %d fit",
			    f->name.s, f->states.n, KSH_MAX_FSM_STATES);
	f->initial_idx = 0;
	if (f->initial.s != NULL) {
		f->initial_idx = res_state(k, f, &f->initial);
		if (f->initial_idx == KSH_IDX_NONE)
			f->initial_idx = 0;
	}
	f->trans_from = arena_alloc(&k->arena, 4u * (f->trans.n + 1));
	f->trans_to = arena_alloc(&k->arena, 4u * (f->trans.n + 1));
	f->trans_method = arena_alloc(&k->arena, 4u * (f->trans.n + 1));
	for (uint32_t i = 0; i < f->trans.n; i++) {
		struct ast_transition *t = &f->trans.v[i];

		f->trans_from[i] = res_state(k, f, &t->from);
		f->trans_to[i] = res_state(k, f, &t->to);
		f->trans_method[i] = KSH_IDX_NONE;
		if (c == NULL)
			continue;
		f->trans_method[i] = method_index(c, t->method.s);
		if (f->trans_method[i] == KSH_IDX_NONE)
			diag_report(&k->diags, DIAG_FSM_METHOD, &t->method.loc,
				    "channel \"%s\" has no method \"%s\"",
				    c->name.s, t->method.s);
		else
			c->methods.v[f->trans_method[i]].used = true;
	}
	for (uint32_t i = 0; i < f->perms.n; i++) {
		struct ast_state_perm *p = &f->perms.v[i];

		res_state(k, f, &p->state);
		for (uint32_t m = 0; c != NULL && m < p->methods.n; m++)
			if (method_index(c, p->methods.v[m].s) == KSH_IDX_NONE)
				diag_report(&k->diags, DIAG_FSM_METHOD,
					    &p->methods.v[m].loc,
					    "channel \"%s\" has no method "
					    "\"%s\"",
					    c->name.s, p->methods.v[m].s);
	}
}

void res_policy(struct kshc *k)
{
	for (uint32_t i = 0; i < A->rules.n; i++)
		res_rule(k, &A->rules.v[i]);
	for (uint32_t i = 0; i < A->flows.n; i++)
		res_flow(k, &A->flows.v[i]);
	for (uint32_t i = 0; i < A->neverflows.n; i++) {
		struct ast_neverflow *n = &A->neverflows.v[i];

		res_match(k, &n->from, true, &n->from_m);
		res_match(k, &n->to, true, &n->to_m);
	}
}
