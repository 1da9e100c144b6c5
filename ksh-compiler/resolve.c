// SPDX-License-Identifier: MIT
/*
 * Resolve: every name to the index of what it names (or undefined-name /
 * wrong-kind), every constant into the numbers that use it (checking
 * units), and the defaults the language documents (dsl/reference.md):
 * one vCPU, affinity to every CPU, the lowest level, a type named after
 * an untyped domain.
 */
#include "kshc.h"
#include "resolve.h"
#include "suggest.h"

#include <string.h>

#define A (&k->ast)

const struct ast_symbol *res_near(struct kshc *k, const char *word,
				  uint32_t mask)
{
	const struct ast_symbol *best = NULL;
	struct suggest sg;

	suggest_init(&sg, word);
	/* The table is walked in slot order, which depends only on the names
	 * declared: the same file always gets the same suggestion. */
	for (uint32_t i = 0; i < A->cap_syms; i++) {
		const struct ast_symbol *s = &A->syms[i];
		const char *before = sg.best;

		if (s->name == NULL || (mask & (1u << s->kind)) == 0)
			continue;
		suggest_offer(&sg, s->name);
		if (sg.best != before)
			best = s;
	}
	return best;
}

/* A symbol of one of the kinds in @mask (bit per SYM_*), or an error. */
const struct ast_symbol *res_name(struct kshc *k, const struct ksh_name *n,
				  uint32_t mask, const char *want)
{
	const struct ast_symbol *s = ast_lookup(A, n->s);

	if (s == NULL) {
		const struct ast_symbol *near = res_near(k, n->s, mask);

		if (near == NULL) {
			diag_report(&k->diags, DIAG_UNDEFINED, &n->loc,
				    "%s \"%s\" is not defined", want, n->s);
			return NULL;
		}
		diag_report(&k->diags, DIAG_UNDEFINED, &n->loc,
			    "%s \"%s\" is not defined; did you mean \"%s\"?",
			    want, n->s, near->name);
		diag_note(&k->diags, &near->loc, "%s \"%s\" is defined here",
			  ast_sym_kind_name(near->kind), near->name);
		return NULL;
	}
	if ((mask & (1u << s->kind)) == 0) {
		diag_report(&k->diags, DIAG_WRONG_KIND, &n->loc,
			    "\"%s\" is a %s, not a %s", n->s,
			    ast_sym_kind_name(s->kind), want);
		diag_note(&k->diags, &s->loc, "\"%s\" is defined here", n->s);
		return NULL;
	}
	return s;
}

static void mark_used(struct kshc *k, const struct ast_symbol *s)
{
	switch (s->kind) {
	case SYM_CONST:
		A->consts.v[s->index].used = true;
		break;
	case SYM_LEVEL:
		A->levels.v[s->index].used = true;
		break;
	case SYM_CATEGORY:
		A->categories.v[s->index].used = true;
		break;
	case SYM_TYPE:
		A->types.v[s->index].used = true;
		break;
	case SYM_ATTRIBUTE:
		A->attributes.v[s->index].used = true;
		break;
	case SYM_DOMAIN:
		A->domains.v[s->index].used = true;
		break;
	case SYM_SHARED:
		A->shared.v[s->index].used = true;
		break;
	case SYM_CHANNEL:
		A->channels.v[s->index].used = true;
		break;
	case SYM_EVENT:
		A->events.v[s->index].used = true;
		break;
	case SYM_NETWORK:
		A->networks.v[s->index].used = true;
		break;
	case SYM_FLOW:
		A->flows.v[s->index].used = true;
		break;
	default:
		break;
	}
}

uint32_t res_index(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		   const char *want)
{
	const struct ast_symbol *s = res_name(k, n, 1u << kind, want);

	if (s == NULL)
		return KSH_IDX_NONE;
	mark_used(k, s);
	return s->index;
}

static const char *unit_name(uint32_t unit)
{
	return unit == UNIT_SIZE   ? "a size"
	       : unit == UNIT_TIME ? "a time"
				   : "a plain number";
}

/* Substitute a constant (recursively, refusing cycles). A constant that
 * cannot be resolved is marked bad and reported once. */
static bool res_const(struct kshc *k, struct ksh_value *v)
{
	const struct ast_symbol *s;
	struct ast_const *c;
	bool ok;

	if (v->ref == NULL)
		return true;
	s = res_name(k, &(struct ksh_name){v->ref, v->loc}, 1u << SYM_CONST,
		     "constant");
	if (s == NULL)
		return false;
	c = &A->consts.v[s->index];
	c->used = true;
	if (c->bad)
		return false;
	if (c->resolving) {
		diag_report(&k->diags, DIAG_UNDEFINED, &v->loc,
			    "constant \"%s\" is defined in terms of itself",
			    v->ref);
		c->bad = true;
		return false;
	}
	c->resolving = true;
	ok = res_const(k, &c->val);
	c->resolving = false;
	if (!ok) {
		c->bad = true;
		return false;
	}
	v->num = c->val.num;
	v->unit = c->val.unit;
	v->ref = NULL;
	return true;
}

bool res_value(struct kshc *k, struct ksh_value *v, uint32_t unit,
	       const char *what)
{
	if (!v->set)
		return false;
	if (!res_const(k, v))
		return false;
	/* A size may be written as a plain byte count. */
	if (v->unit == unit || (unit == UNIT_SIZE && v->unit == UNIT_NONE))
		return true;
	diag_report(&k->diags, DIAG_UNIT_MISMATCH, &v->loc,
		    "%s must be %s, not %s", what, unit_name(unit),
		    unit_name(v->unit));
	return false;
}

/* A value that must fit 32 bits and lie in [lo, hi]. */
bool res_u32(struct kshc *k, struct ksh_value *v, uint64_t lo, uint64_t hi,
	     const char *what, uint32_t *out)
{
	if (!res_value(k, v, UNIT_NONE, what))
		return false;
	if (v->num < lo || v->num > hi) {
		diag_report(&k->diags, DIAG_VALUE_RANGE, &v->loc,
			    "%s %llu is outside %llu..%llu", what,
			    (unsigned long long)v->num, (unsigned long long)lo,
			    (unsigned long long)hi);
		return false;
	}
	*out = (uint32_t)v->num;
	return true;
}

static void res_system(struct kshc *k)
{
	struct ast_system *s = &A->sys;
	uint32_t cpus = 1;

	if (!s->set && A->n_syms == 0 && !A->has_levels && A->rules.n == 0) {
		/* Line 0: the whole file, with no line to quote. */
		struct ksh_loc whole = {k->main_src, 0, 0, 0, 0};

		diag_report(&k->diags, DIAG_MISSING, &whole,
			    "the file declares nothing: a system needs at "
			    "least a system \"name\" { platform { ... } "
			    "schedule { ... } } block and a domain");
		return;
	}
	if (!s->set) {
		struct ksh_loc top = {k->main_src, 1, 1, 1, 1};

		diag_report(&k->diags, DIAG_MISSING, &top,
			    "no system \"name\" { platform { ... } schedule "
			    "{ ... } } block");
		return;
	}
	if (s->cpus.set)
		res_u32(k, &s->cpus, 1, 64, "platform cpus", &cpus);
	s->cpus.num = cpus;
	if (s->memory.set)
		res_value(k, &s->memory, UNIT_SIZE, "platform memory");
	if (s->major.set)
		res_value(k, &s->major, UNIT_TIME, "major frame");
	for (uint32_t i = 0; i < s->plans.n; i++) {
		struct ast_cpu_plan *p = &s->plans.v[i];
		uint32_t cpu;

		if (res_u32(k, &p->cpu, 0, 63, "cpu", &cpu))
			p->cpu.num = cpu;
		for (uint32_t f = 0; f < p->frames.n; f++) {
			struct ast_frame *fr = &p->frames.v[f];

			res_value(k, &fr->length, UNIT_TIME, "frame length");
			if (fr->domain.s != NULL)
				fr->dom_idx = res_index(k, &fr->domain,
							SYM_DOMAIN, "domain");
		}
	}
}

static void res_attributes(struct kshc *k)
{
	for (uint32_t i = 0; i < A->attributes.n; i++) {
		struct ast_attribute *at = &A->attributes.v[i];

		at->types = arena_alloc(&k->arena, A->types.n + 1);
		for (uint32_t m = 0; m < at->members.n; m++) {
			uint32_t t =
			    res_index(k, &at->members.v[m], SYM_TYPE, "type");

			if (t != KSH_IDX_NONE)
				at->types[t] = 1;
		}
	}
}

static const struct {
	const char *name;
	uint32_t bit;
} res_flags[] = {
    {"fault_on_violation", KSH_DOMF_FAULT_ON_VIOLATION},
    {"user_hypercalls", KSH_DOMF_USER_HYPERCALLS},
    {"audit_reader", KSH_DOMF_AUDIT_READER},
};

static void res_domain(struct kshc *k, struct ast_domain *d)
{
	uint32_t ncpu = (uint32_t)A->sys.cpus.num;

	if (!d->memory.set)
		diag_report(&k->diags, DIAG_MISSING, &d->name.loc,
			    "domain \"%s\" has no memory size", d->name.s);
	else if (res_value(k, &d->memory, UNIT_SIZE, "memory"))
		d->ram_size = d->memory.num;
	d->n_vcpus = 1;
	if (d->vcpus.set)
		res_u32(k, &d->vcpus, 1, 64, "vcpus", &d->n_vcpus);
	if (d->budget.set)
		res_value(k, &d->budget, UNIT_TIME, "budget");
	d->affinity_mask = ncpu >= 32 ? 0xFFFFFFFFu : (1u << ncpu) - 1;
	if (d->affinity.n > 0) {
		d->affinity_mask = 0;
		for (uint32_t i = 0; i < d->affinity.n; i++) {
			uint32_t c;

			if (res_u32(k, &d->affinity.v[i], 0, 31, "cpu", &c))
				d->affinity_mask |= 1u << c;
		}
	}
	if (!d->kernel.set)
		diag_report(&k->diags, DIAG_MISSING, &d->name.loc,
			    "domain \"%s\" has no %s", d->name.s,
			    d->kind == DOM_LINUX ? "kernel" : "payload ELF");
	if (d->initrd.set && d->kind != DOM_LINUX)
		diag_report(&k->diags, DIAG_DEVICE, &d->initrd.loc,
			    "only linux domains take an initrd");
	d->type_idx = d->level_idx = KSH_IDX_NONE;
	if (d->type.s != NULL)
		d->type_idx = res_index(k, &d->type, SYM_TYPE, "type");
	if (d->level.s != NULL)
		d->level_idx = res_index(k, &d->level, SYM_LEVEL, "level");
	else
		d->level_idx = 0;
	for (uint32_t i = 0; i < d->categories.n; i++) {
		uint32_t c =
		    res_index(k, &d->categories.v[i], SYM_CATEGORY, "category");

		if (c != KSH_IDX_NONE && c < 64)
			d->cats |= 1ull << c;
	}
	for (uint32_t i = 0; i < d->flags.n; i++) {
		uint32_t bit = 0;

		for (size_t f = 0; f < sizeof(res_flags) / sizeof(res_flags[0]);
		     f++)
			if (strcmp(res_flags[f].name, d->flags.v[i].s) == 0)
				bit = res_flags[f].bit;
		if (bit == 0)
			diag_report(&k->diags, DIAG_UNDEFINED,
				    &d->flags.v[i].loc,
				    "unknown domain flag \"%s\" (known: "
				    "fault_on_violation, user_hypercalls, "
				    "audit_reader)",
				    d->flags.v[i].s);
		d->flag_bits |= bit;
	}
	for (uint32_t i = 0; i < d->props.n; i++)
		if (!d->props.v[i].is_string)
			res_value(k, &d->props.v[i].val, d->props.v[i].val.unit,
				  "property");
	for (uint32_t i = 0; i < d->devices.n; i++)
		res_device(k, d, &d->devices.v[i]);
}

static void res_shared(struct kshc *k)
{
	for (uint32_t i = 0; i < A->shared.n; i++) {
		struct ast_shared *s = &A->shared.v[i];

		if (!s->size.set)
			diag_report(&k->diags, DIAG_MISSING, &s->name.loc,
				    "shared region \"%s\" has no size",
				    s->name.s);
		else if (res_value(k, &s->size, UNIT_SIZE, "size"))
			s->size_r = s->size.num;
		for (uint32_t m = 0; m < s->maps.n; m++) {
			struct ast_share_map *mp = &s->maps.v[m];

			mp->dom_idx =
			    res_index(k, &mp->domain, SYM_DOMAIN, "domain");
			if (mp->at.set)
				res_value(k, &mp->at, UNIT_SIZE, "address");
		}
	}
}

static void res_channels(struct kshc *k)
{
	for (uint32_t i = 0; i < A->channels.n; i++) {
		struct ast_channel *c = &A->channels.v[i];

		c->from_idx = res_index(k, &c->from, SYM_DOMAIN, "domain");
		c->to_idx =
		    arena_alloc(&k->arena, sizeof(uint32_t) * (c->to.n + 1));
		for (uint32_t t = 0; t < c->to.n; t++)
			c->to_idx[t] =
			    res_index(k, &c->to.v[t], SYM_DOMAIN, "domain");
		if (c->kind == CHAN_MEMORY) {
			if (!c->size.set)
				diag_report(&k->diags, DIAG_MISSING,
					    &c->name.loc,
					    "memory channel \"%s\" has no size",
					    c->name.s);
			else if (res_value(k, &c->size, UNIT_SIZE, "size"))
				c->size_r = c->size.num;
			if (c->depth.set)
				diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT,
					    &c->depth.loc,
					    "a memory channel has no queue "
					    "depth");
			if (c->methods.n > 0)
				diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT,
					    &c->methods.v[0].name.loc,
					    "a memory channel has no methods");
		} else {
			c->size_r = 4096; /* default maximum message */
			if (c->size.set &&
			    res_value(k, &c->size, UNIT_SIZE, "size"))
				c->size_r = c->size.num;
			c->depth_r = 16;
			if (c->depth.set)
				res_u32(k, &c->depth, 1, 65536, "depth",
					&c->depth_r);
			if (c->methods.n == 0)
				diag_report(&k->diags, DIAG_MISSING,
					    &c->name.loc,
					    "message channel \"%s\" has no "
					    "methods",
					    c->name.s);
			if (c->event.s != NULL)
				diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT,
					    &c->event.loc,
					    "message channels signal their "
					    "receiver themselves; only memory "
					    "channels take an event");
		}
		if (c->event.s != NULL && c->kind == CHAN_MEMORY)
			c->event_idx =
			    res_index(k, &c->event, SYM_EVENT, "event");
		for (uint32_t a = 0; a < c->at.n; a++) {
			struct ast_share_map *m = &c->at.v[a];

			m->dom_idx =
			    res_index(k, &m->domain, SYM_DOMAIN, "domain");
			res_value(k, &m->at, UNIT_SIZE, "address");
		}
	}
}

static void res_events(struct kshc *k)
{
	for (uint32_t i = 0; i < A->events.n; i++) {
		struct ast_event *e = &A->events.v[i];

		e->from_idx = res_index(k, &e->from, SYM_DOMAIN, "domain");
		e->to_idx = res_index(k, &e->to, SYM_DOMAIN, "domain");
		if (e->vector.set)
			res_u32(k, &e->vector, 32, 255, "vector", &e->vector_r);
	}
}

/* Synthesized labels: a type per untyped domain, one level when the
 * system declares none (dsl/reference.md, "Defaults"). */
static void res_defaults(struct kshc *k)
{
	if (A->levels.n == 0) {
		struct ast_label *l = VEC_PUSH(&k->arena, A->levels);

		l->name.s = "unclassified";
		l->used = l->synth = true;
	}
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];
		struct ast_label *l;

		if (d->type.s != NULL)
			continue;
		d->type_idx = A->types.n;
		l = VEC_PUSH(&k->arena, A->types);
		l->name = d->name;
		l->used = l->synth = true;
	}
}

void ksh_resolve(struct kshc *k)
{
	res_system(k);
	for (uint32_t i = 0; i < A->consts.n; i++) {
		struct ast_const *c = &A->consts.v[i];

		if (c->bad)
			continue;
		c->resolving = true;
		if (!res_const(k, &c->val))
			c->bad = true;
		c->resolving = false;
	}
	res_attributes(k);
	for (uint32_t i = 0; i < A->domains.n; i++)
		res_domain(k, &A->domains.v[i]);
	res_shared(k);
	res_channels(k);
	res_events(k);
	res_networks(k);
	res_policy(k);
	res_defaults(k);
}
