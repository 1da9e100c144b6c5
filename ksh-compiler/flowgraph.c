// SPDX-License-Identifier: MIT
/* The information-flow graph; see flowgraph.h. */
#include "flowgraph.h"

#include <stdlib.h>
#include <string.h>

#define A (&k->ast)
#define O (&k->out)

typedef KSH_VEC(struct flow_edge) edge_vec;

static void edge(struct kshc *k, edge_vec *v, uint32_t from, uint32_t to,
		 uint32_t via, uint32_t object, const struct ksh_loc *loc)
{
	struct flow_edge *e;

	if (from == to || from == KSH_IDX_NONE || to == KSH_IDX_NONE)
		return;
	e = VEC_PUSH(&k->arena, *v);
	*e = (struct flow_edge){from, to, via, object, loc, NULL};
}

/* Whether any method of a message channel is allowed; @rule gets the
 * source of the rule that allowed the first such method (NULL if the
 * decision names none). */
static bool message_flows(struct kshc *k, uint32_t c,
			  const struct ksh_loc **rule)
{
	const struct ksh_channel *oc = &O->channels.v[c];
	const struct ksh_endpoint *e;

	*rule = NULL;
	if (oc->n_endpoints == 0)
		return false;
	e = &O->endpoints.v[O->channel_endpoints.v[oc->first_endpoint]];
	for (uint32_t m = 0; m < oc->n_methods; m++) {
		const struct ksh_decision *d =
		    &O->decisions.v[e->first_decision + m];

		if (!(d->flags & KSH_DEC_ALLOW))
			continue;
		for (uint32_t r = 0; r < A->rules.n; r++)
			if (A->rules.v[r].table_idx == d->rule)
				*rule = &A->rules.v[r].loc;
		return true;
	}
	return false;
}

static void net_edges(struct kshc *k, edge_vec *v)
{
	for (uint32_t n = 0; n < A->networks.n; n++) {
		const struct ast_network *w = &A->networks.v[n];
		const struct ksh_network *on = &O->networks.v[n];
		KSH_VEC(uint32_t) doms = {0};
		KSH_VEC(const struct ksh_loc *) locs = {0};

		if (on->default_action == KSH_FILTER_DENY) {
			bool any = false;

			for (uint32_t r = 0; r < on->n_rules; r++)
				any |= O->filter_rules.v[on->first_rule + r]
					   .action == KSH_FILTER_ALLOW;
			if (!any)
				continue;
		}
		for (uint32_t d = 0; d < A->domains.n; d++) {
			const struct ast_domain *dm = &A->domains.v[d];

			for (uint32_t x = 0; x < dm->devices.n; x++)
				if (dm->devices.v[x].network_idx == n) {
					*VEC_PUSH(&k->arena, doms) = d;
					*VEC_PUSH(&k->arena, locs) =
					    &dm->devices.v[x].network.loc;
				}
		}
		for (uint32_t a = 0; a < doms.n; a++)
			for (uint32_t b = 0; b < doms.n; b++)
				edge(k, v, doms.v[a], doms.v[b], VIA_NET, n,
				     locs.v[b]);
		(void)w;
	}
}

static int edge_cmp(const void *a, const void *b)
{
	const struct flow_edge *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->via != y->via)
		return x->via < y->via ? -1 : 1;
	if (x->object != y->object)
		return x->object < y->object ? -1 : 1;
	return x->to < y->to ? -1 : x->to > y->to;
}

void flow_graph_build(struct kshc *k, struct flow_graph *g)
{
	edge_vec v = {0};

	for (uint32_t c = 0; c < A->channels.n; c++) {
		const struct ast_channel *ch = &A->channels.v[c];
		const struct ksh_loc *rule = NULL;

		if (ch->kind == CHAN_MESSAGE && !message_flows(k, c, &rule))
			continue;
		for (uint32_t t = 0; t < ch->to.n; t++) {
			uint32_t before = v.n;

			edge(k, &v, ch->from_idx, ch->to_idx[t],
			     ch->kind == CHAN_MESSAGE ? VIA_MESSAGE
						      : VIA_MEMORY,
			     c, &ch->to.v[t].loc);
			if (v.n > before)
				v.v[v.n - 1].rule_loc = rule;
		}
	}
	for (uint32_t s = 0; s < A->shared.n; s++) {
		const struct ast_shared *sh = &A->shared.v[s];

		for (uint32_t w = 0; w < sh->maps.n; w++)
			for (uint32_t r = 0; r < sh->maps.n; r++)
				if ((sh->maps.v[w].rights & RIGHT_W) &&
				    (sh->maps.v[r].rights & RIGHT_R))
					edge(k, &v, sh->maps.v[w].dom_idx,
					     sh->maps.v[r].dom_idx, VIA_SHARED,
					     s, &sh->maps.v[r].domain.loc);
	}
	for (uint32_t e = 0; e < A->events.n; e++)
		edge(k, &v, A->events.v[e].from_idx, A->events.v[e].to_idx,
		     VIA_EVENT, e, &A->events.v[e].to.loc);
	net_edges(k, &v);
	if (v.n > 1)
		qsort(v.v, v.n, sizeof(*v.v), edge_cmp);
	g->e = v.v;
	g->n_edges = v.n;
	g->first =
	    arena_alloc(&k->arena, sizeof(uint32_t) * (A->domains.n + 2));
	for (uint32_t i = 0; i < v.n; i++)
		g->first[v.v[i].from + 1]++;
	for (uint32_t d = 0; d < A->domains.n; d++)
		g->first[d + 1] += g->first[d];
}

const char *flow_via_text(struct kshc *k, const struct flow_edge *e)
{
	switch (e->via) {
	case VIA_MESSAGE:
		return arena_printf(&k->arena, "message channel \"%s\"",
				    A->channels.v[e->object].name.s);
	case VIA_MEMORY:
		return arena_printf(&k->arena, "memory channel \"%s\"",
				    A->channels.v[e->object].name.s);
	case VIA_SHARED:
		return arena_printf(&k->arena, "shared region \"%s\"",
				    A->shared.v[e->object].name.s);
	case VIA_EVENT:
		return arena_printf(&k->arena, "event \"%s\"",
				    A->events.v[e->object].name.s);
	default:
		return arena_printf(&k->arena, "network \"%s\"",
				    A->networks.v[e->object].name.s);
	}
}
