// SPDX-License-Identifier: MIT
/*
 * Policy checks over the compiled decisions and the information-flow
 * graph (flowgraph.h): MLS, neverallow, neverflow, shadowed and
 * unreachable rules (dsl/checks.md).
 */
#include "checks.h"
#include "flowgraph.h"
#include "policy.h"

#include <string.h>

#define A (&k->ast)
#define O (&k->out)

static struct flow_graph *flows(struct kshc *k)
{
	if (k->flows == NULL) {
		k->flows = arena_alloc(&k->arena, sizeof(*k->flows));
		flow_graph_build(k, k->flows);
	}
	return k->flows;
}

/* Bell-LaPadula dominance: level(b) >= level(a) and cats(b) >= cats(a). */
static bool dominates(const struct ast_domain *b, const struct ast_domain *a)
{
	return b->level_idx >= a->level_idx && (a->cats & ~b->cats) == 0;
}

static const char *label_text(struct kshc *k, const struct ast_domain *d)
{
	char *s =
	    arena_printf(&k->arena, "%s", A->levels.v[d->level_idx].name.s);

	for (uint32_t c = 0; c < A->categories.n && c < 64; c++)
		if (d->cats >> c & 1)
			s = arena_printf(&k->arena, "%s%s%s", s,
					 strchr(s, ':') ? "," : ":",
					 A->categories.v[c].name.s);
	return s;
}

/*
 * mls-write-down: a channel or event carries data from a domain to one
 * that does not dominate it (the sender writes down).
 * mls-read-up: a domain maps a shared region that a domain it does not
 * dominate may write (it reads up).
 */
void chk_mls(struct kshc *k)
{
	struct flow_graph *g;
	enum ksh_severity sev =
	    A->mls_mode == MLS_WARN ? SEV_WARNING : SEV_ERROR;

	if (A->mls_mode == MLS_OFF)
		return;
	g = flows(k);
	for (uint32_t i = 0; i < g->n_edges; i++) {
		const struct flow_edge *e = &g->e[i];
		const struct ast_domain *a = &A->domains.v[e->from];
		const struct ast_domain *b = &A->domains.v[e->to];

		if (dominates(b, a) || e->via == VIA_NET)
			continue;
		if (e->via == VIA_SHARED)
			diag_report_as(&k->diags, DIAG_MLS_READ_UP, sev, e->loc,
				       "\"%s\" (%s) reads up: it maps %s, "
				       "which \"%s\" (%s) may write",
				       b->name.s, label_text(k, b),
				       flow_via_text(k, e), a->name.s,
				       label_text(k, a));
		else
			diag_report_as(&k->diags, DIAG_MLS_WRITE_DOWN, sev,
				       e->loc,
				       "\"%s\" (%s) writes down to \"%s\" (%s) "
				       "through %s",
				       a->name.s, label_text(k, a), b->name.s,
				       label_text(k, b), flow_via_text(k, e));
		if (e->rule_loc != NULL)
			diag_note(&k->diags, e->rule_loc,
				  "this rule lets \"%s\" send on it",
				  a->name.s);
		if (A->has_mls)
			diag_note(&k->diags, &A->mls_loc, "MLS mode set here");
	}
}

/* neverallow S T : C { M }: no decision may allow what it describes; a
 * neverallow without methods also forbids memory channels from S to T. */
void chk_neverallow(struct kshc *k)
{
	for (uint32_t i = 0; i < A->rules.n; i++) {
		const struct ast_rule *na = &A->rules.v[i];

		if (na->kind != RULE_NEVERALLOW)
			continue;
		for (uint32_t c = 0; c < A->channels.n; c++) {
			struct ast_channel *ch = &A->channels.v[c];
			const struct ast_domain *snd, *rcv;
			const struct ksh_channel *oc = &O->channels.v[c];
			const struct ksh_endpoint *ep;
			bool hit = false;

			if (na->channel_idx != KSH_IDX_NONE &&
			    na->channel_idx != c)
				continue;
			snd = &A->domains.v[ch->from_idx];
			if (ch->kind == CHAN_MEMORY) {
				for (uint32_t t = 0;
				     t < ch->to.n && na->methods.n == 0 && !hit;
				     t++) {
					rcv = &A->domains.v[ch->to_idx[t]];
					if (!pol_match(k, &na->subj, snd) ||
					    !pol_match(k, &na->targ, rcv))
						continue;
					hit = true;
					diag_report(&k->diags, DIAG_NEVERALLOW,
						    &ch->to.v[t].loc,
						    "memory channel \"%s\" "
						    "lets \"%s\" write to "
						    "\"%s\"",
						    ch->name.s, snd->name.s,
						    rcv->name.s);
					diag_note(&k->diags, &na->loc,
						  "which this forbids");
				}
				continue;
			}
			rcv = &A->domains.v[ch->to_idx[0]];
			ep =
			    &O->endpoints
				 .v[O->channel_endpoints.v[oc->first_endpoint]];
			for (uint32_t m = 0; m < ch->methods.n && !hit; m++) {
				const struct ksh_decision *d =
				    &O->decisions.v[ep->first_decision + m];
				const struct ast_rule *r;

				if (!(d->flags & KSH_DEC_ALLOW) ||
				    !pol_rule_covers(k, na, ch, m, snd, rcv))
					continue;
				hit = true;
				for (r = A->rules.v; r->table_idx != d->rule ||
						     r->kind == RULE_NEVERALLOW;
				     r++)
					;
				diag_report(&k->diags, DIAG_NEVERALLOW, &r->loc,
					    "this allows \"%s\" to call %s.%s "
					    "on \"%s\"",
					    snd->name.s, ch->name.s,
					    ch->methods.v[m].name.s,
					    rcv->name.s);
				diag_note(&k->diags, &na->loc,
					  "which this forbids");
			}
		}
	}
}

/* neverflow A -> B: no path of one or more flow edges from a domain in A
 * to a domain in B. A breadth-first search from every A domain at once
 * finds a shortest offending path, printed edge by edge. */
void chk_neverflow(struct kshc *k)
{
	uint32_t nd = A->domains.n;

	for (uint32_t i = 0; i < A->neverflows.n; i++) {
		const struct ast_neverflow *nf = &A->neverflows.v[i];
		struct flow_graph *g = flows(k);
		uint32_t *queue = arena_alloc(&k->arena, 4u * (nd + 1));
		uint32_t *via = arena_alloc(&k->arena, 4u * (nd + 1));
		uint8_t *seen = arena_alloc(&k->arena, nd + 1);
		uint32_t head = 0, tail = 0, bad_edge = KSH_IDX_NONE;

		for (uint32_t d = 0; d < nd; d++)
			if (pol_match(k, &nf->from_m, &A->domains.v[d])) {
				seen[d] = 1;
				via[d] = KSH_IDX_NONE;
				queue[tail++] = d;
			}
		while (head < tail && bad_edge == KSH_IDX_NONE) {
			uint32_t u = queue[head++];

			for (uint32_t j = g->first[u]; j < g->first[u + 1];
			     j++) {
				uint32_t v = g->e[j].to;

				if (pol_match(k, &nf->to_m, &A->domains.v[v])) {
					bad_edge = j;
					break;
				}
				if (!seen[v]) {
					seen[v] = 1;
					via[v] = j;
					queue[tail++] = v;
				}
			}
		}
		if (bad_edge == KSH_IDX_NONE)
			continue;
		{
			/* Walk back to the source, then print forward. */
			uint32_t path[64], n = 0, e = bad_edge;
			char *text;

			while (e != KSH_IDX_NONE && n < 64) {
				path[n++] = e;
				e = via[g->e[e].from];
			}
			text = arena_strdup(
			    &k->arena,
			    A->domains.v[g->e[path[n - 1]].from].name.s);
			for (uint32_t p = n; p-- > 0;)
				text = arena_printf(
				    &k->arena, "%s -[%s]-> %s", text,
				    flow_via_text(k, &g->e[path[p]]),
				    A->domains.v[g->e[path[p]].to].name.s);
			diag_report(&k->diags, DIAG_NEVERFLOW, &nf->loc,
				    "information can flow from \"%s\" to "
				    "\"%s\": %s",
				    nf->from.s, nf->to.s, text);
			for (uint32_t p = n; p-- > 0;) {
				const struct flow_edge *h = &g->e[path[p]];

				diag_note(&k->diags,
					  h->rule_loc ? h->rule_loc : h->loc,
					  "%s -> %s granted here",
					  A->domains.v[h->from].name.s,
					  A->domains.v[h->to].name.s);
			}
		}
	}
}

/* rule-unreachable: a rule that speaks of no message any channel can
 * carry; rule-shadowed: one that does, but never decides, because an
 * earlier allow or a deny always decides first. */
void chk_rules(struct kshc *k)
{
	for (uint32_t i = 0; i < A->rules.n; i++) {
		const struct ast_rule *r = &A->rules.v[i];

		if (r->kind == RULE_NEVERALLOW)
			continue;
		if (!r->covered) {
			diag_report(&k->diags, DIAG_RULE_UNREACHABLE, &r->loc,
				    "this rule matches no channel, sender and "
				    "receiver of the system");
			continue;
		}
		if (!r->fired && r->beaten_by != NULL) {
			diag_report(&k->diags, DIAG_RULE_SHADOWED, &r->loc,
				    "this rule never decides: %s",
				    r->beaten_by->kind == RULE_DENY
					? "a deny rule overrides it"
					: "an earlier allow rule decides "
					  "first");
			diag_note(&k->diags, &r->beaten_by->loc,
				  "the rule that decides instead");
		}
	}
}
