// SPDX-License-Identifier: MIT
/*
 * Checks of the schedule, channel endpoints, access rights and flow
 * machines (dsl/checks.md).
 */
#include "checks.h"
#include "layout.h"

#include <string.h>

#define A (&k->ast)

/*
 * schedule-overrun: per CPU the frames fit the major frame;
 * schedule-starved: every domain (all have at least one vCPU) runs;
 * schedule-affinity: a domain runs only on CPUs of its affinity, the
 *   platform has the CPUs named, no CPU is planned twice;
 * schedule-budget: a domain with a budget gets at least that much time.
 */
void chk_schedule(struct kshc *k)
{
	struct ast_system *s = &A->sys;
	uint64_t major = s->major.set ? s->major.num : 0;
	uint32_t ncpu = (uint32_t)s->cpus.num;
	uint64_t *time = arena_alloc(&k->arena, 8u * (A->domains.n + 1));
	const struct ast_cpu_plan **plan_of =
	    arena_alloc(&k->arena, sizeof(*plan_of) * 64);

	if (s->plans.n > 0 && !s->major.set)
		diag_report(&k->diags, DIAG_SCHED_OVERRUN, &s->sched_loc,
			    "the schedule has no major frame");
	else if (s->major.set && major == 0)
		diag_report(&k->diags, DIAG_SCHED_OVERRUN, &s->major.loc,
			    "the major frame is zero");
	for (uint32_t p = 0; p < s->plans.n; p++) {
		const struct ast_cpu_plan *pl = &s->plans.v[p];
		uint32_t cpu = (uint32_t)pl->cpu.num;
		uint64_t t = 0;

		if (cpu >= ncpu) {
			diag_report(&k->diags, DIAG_SCHED_AFFINITY,
				    &pl->cpu.loc,
				    "cpu %u is not on the platform (cpus %u)",
				    cpu, ncpu);
			continue;
		}
		if (plan_of[cpu] != NULL) {
			diag_report(&k->diags, DIAG_SCHED_AFFINITY,
				    &pl->cpu.loc, "cpu %u is planned twice",
				    cpu);
			diag_note(&k->diags, &plan_of[cpu]->cpu.loc,
				  "first planned here");
			continue;
		}
		plan_of[cpu] = pl;
		for (uint32_t i = 0; i < pl->frames.n; i++) {
			const struct ast_frame *f = &pl->frames.v[i];

			if (f->length.num == 0) {
				diag_report(&k->diags, DIAG_SCHED_OVERRUN,
					    &f->length.loc,
					    "a minor frame of zero length");
				continue;
			}
			if (major != 0 && f->length.num > major - t &&
			    t <= major) {
				diag_report(
				    &k->diags, DIAG_SCHED_OVERRUN, &f->loc,
				    "cpu %u: this frame ends at %llu "
				    "us, past the %llu us major frame",
				    cpu,
				    (unsigned long long)((t + f->length.num) /
							 1000),
				    (unsigned long long)(major / 1000));
				diag_note(&k->diags, &s->major.loc,
					  "major frame set here");
				t = major + 1;
				if (f->domain.s != NULL &&
				    f->dom_idx != KSH_IDX_NONE)
					time[f->dom_idx] += f->length.num;
				continue;
			}
			t += f->length.num;
			if (f->domain.s == NULL || f->dom_idx == KSH_IDX_NONE)
				continue;
			time[f->dom_idx] += f->length.num;
			if (!(A->domains.v[f->dom_idx].affinity_mask >> cpu &
			      1)) {
				diag_report(&k->diags, DIAG_SCHED_AFFINITY,
					    &f->domain.loc,
					    "\"%s\" is scheduled on cpu %u, "
					    "outside its affinity",
					    f->domain.s, cpu);
				diag_note(
				    &k->diags,
				    &A->domains.v[f->dom_idx].affinity_loc,
				    "affinity set here");
			}
		}
	}
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];

		if (d->affinity.n > 0 && (d->affinity_mask >> ncpu) != 0 &&
		    ncpu < 32)
			diag_report(&k->diags, DIAG_SCHED_AFFINITY,
				    &d->affinity_loc,
				    "affinity of \"%s\" names a cpu the "
				    "platform lacks (cpus %u)",
				    d->name.s, ncpu);
		if (d->n_vcpus > ncpu)
			diag_report(&k->diags, DIAG_SCHED_AFFINITY,
				    &d->vcpus.loc,
				    "\"%s\" has %u vCPUs; the platform has %u "
				    "CPUs",
				    d->name.s, d->n_vcpus, ncpu);
		if (time[i] == 0)
			diag_report(&k->diags, DIAG_SCHED_STARVED, &d->name.loc,
				    "domain \"%s\" has vCPUs but no time in "
				    "the schedule",
				    d->name.s);
		else if (d->budget.set && time[i] < d->budget.num)
			diag_report(
			    &k->diags, DIAG_SCHED_BUDGET, &d->budget.loc,
			    "\"%s\" is scheduled %llu us per major "
			    "frame, less than its %llu us budget",
			    d->name.s, (unsigned long long)(time[i] / 1000),
			    (unsigned long long)(d->budget.num / 1000));
	}
}

/* channel-endpoint: the ends of a channel are distinct domains, an
 * explicit window address names one of its ends, a doorbell event goes
 * from the writer to a reader. */
void chk_channels(struct kshc *k)
{
	for (uint32_t i = 0; i < A->channels.n; i++) {
		struct ast_channel *c = &A->channels.v[i];

		for (uint32_t t = 0; t < c->to.n; t++) {
			bool dup = c->to_idx[t] == c->from_idx;
			const struct ksh_name *other = &c->from;

			for (uint32_t u = 0; u < t && !dup; u++)
				if (c->to_idx[u] == c->to_idx[t]) {
					dup = true;
					other = &c->to.v[u];
				}
			if (dup) {
				diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT,
					    &c->to.v[t].loc,
					    "\"%s\" is already an end of "
					    "channel \"%s\"",
					    c->to.v[t].s, c->name.s);
				diag_note(&k->diags, &other->loc,
					  "named here first");
			}
		}
		for (uint32_t a = 0; a < c->at.n; a++) {
			bool end = c->at.v[a].dom_idx == c->from_idx;

			for (uint32_t t = 0; t < c->to.n; t++)
				end |= c->at.v[a].dom_idx == c->to_idx[t];
			if (!end)
				diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT,
					    &c->at.v[a].domain.loc,
					    "\"%s\" is not an end of channel "
					    "\"%s\"",
					    c->at.v[a].domain.s, c->name.s);
		}
		if (c->event_idx != KSH_IDX_NONE) {
			const struct ast_event *e = &A->events.v[c->event_idx];
			bool to_reader = false;

			for (uint32_t t = 0; t < c->to.n; t++)
				to_reader |= e->to_idx == c->to_idx[t];
			if (e->from_idx != c->from_idx || !to_reader) {
				diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT,
					    &c->event.loc,
					    "event \"%s\" does not go from the "
					    "writer of \"%s\" to a reader",
					    e->name.s, c->name.s);
				diag_note(&k->diags, &e->name.loc,
					  "event defined here");
			}
		}
	}
	for (uint32_t i = 0; i < A->events.n; i++)
		if (A->events.v[i].from_idx == A->events.v[i].to_idx &&
		    A->events.v[i].from_idx != KSH_IDX_NONE)
			diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT,
				    &A->events.v[i].to.loc,
				    "event \"%s\" signals its own domain",
				    A->events.v[i].name.s);
}

/* channel-rights: shared-memory rights are r, rw or rx (readable, never
 * writable and executable at once), a domain maps a region once, and a
 * region has at least one mapping. */
void chk_rights(struct kshc *k)
{
	for (uint32_t i = 0; i < A->shared.n; i++) {
		struct ast_shared *s = &A->shared.v[i];

		if (s->maps.n == 0)
			diag_report(&k->diags, DIAG_CHANNEL_RIGHTS,
				    &s->name.loc,
				    "shared region \"%s\" is mapped by no "
				    "domain",
				    s->name.s);
		for (uint32_t m = 0; m < s->maps.n; m++) {
			struct ast_share_map *x = &s->maps.v[m];

			if (!(x->rights & RIGHT_R))
				diag_report(&k->diags, DIAG_CHANNEL_RIGHTS,
					    &x->rights_loc,
					    "a mapping must be readable (r, "
					    "rw, rx)");
			else if ((x->rights & (RIGHT_W | RIGHT_X)) ==
				 (RIGHT_W | RIGHT_X))
				diag_report(&k->diags, DIAG_CHANNEL_RIGHTS,
					    &x->rights_loc,
					    "shared memory is never writable "
					    "and executable at once (W^X)");
			for (uint32_t n = 0; n < m; n++)
				if (s->maps.v[n].dom_idx == x->dom_idx &&
				    x->dom_idx != KSH_IDX_NONE) {
					diag_report(&k->diags,
						    DIAG_CHANNEL_RIGHTS,
						    &x->domain.loc,
						    "\"%s\" maps \"%s\" twice",
						    x->domain.s, s->name.s);
					diag_note(&k->diags,
						  &s->maps.v[n].domain.loc,
						  "first mapped here");
				}
		}
	}
}

/* flow-nondeterministic, flow-unreachable-state. */
void chk_flows(struct kshc *k)
{
	for (uint32_t i = 0; i < A->flows.n; i++) {
		struct ast_flow *f = &A->flows.v[i];
		uint8_t *reach;
		bool grew = true;

		if (f->states.n == 0 || f->trans_from == NULL)
			continue;
		for (uint32_t t = 0; t < f->trans.n; t++)
			for (uint32_t u = 0; u < t; u++)
				if (f->trans_from[t] == f->trans_from[u] &&
				    f->trans_method[t] == f->trans_method[u] &&
				    f->trans_from[t] != KSH_IDX_NONE &&
				    f->trans_method[t] != KSH_IDX_NONE) {
					diag_report(&k->diags, DIAG_FSM_NONDET,
						    &f->trans.v[t].loc,
						    "state \"%s\" already has "
						    "a transition on \"%s\"",
						    f->trans.v[t].from.s,
						    f->trans.v[t].method.s);
					diag_note(&k->diags, &f->trans.v[u].loc,
						  "the first one");
					break;
				}
		reach = arena_alloc(&k->arena, f->states.n);
		reach[f->initial_idx] = 1;
		while (grew) {
			grew = false;
			for (uint32_t t = 0; t < f->trans.n; t++)
				if (f->trans_from[t] != KSH_IDX_NONE &&
				    f->trans_to[t] != KSH_IDX_NONE &&
				    f->trans_method[t] != KSH_IDX_NONE &&
				    reach[f->trans_from[t]] &&
				    !reach[f->trans_to[t]]) {
					reach[f->trans_to[t]] = 1;
					grew = true;
				}
		}
		for (uint32_t s = 0; s < f->states.n; s++)
			if (!reach[s])
				diag_report(&k->diags, DIAG_FSM_UNREACHABLE,
					    &f->states.v[s].loc,
					    "state \"%s\" of flow \"%s\" "
					    "cannot be reached from \"%s\"",
					    f->states.v[s].s, f->name.s,
					    f->states.v[f->initial_idx].s);
	}
}
