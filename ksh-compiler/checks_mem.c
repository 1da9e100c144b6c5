// SPDX-License-Identifier: MIT
/*
 * Checks over the laid-out tables: guest-physical overlaps, and unused
 * declarations (dsl/checks.md).
 */
#include "checks.h"
#include "layout.h"

#include <stdlib.h>

#define A (&k->ast)
#define O (&k->out)

/* "RAM" or the memory object's kind and name, for messages. */
static const char *mapping_what(struct kshc *k, uint32_t mi)
{
	const struct ksh_memobj *o = &O->memobjs.v[O->mappings.v[mi].memobj];

	if (o->kind == KSH_MEMOBJ_RAM)
		return "its RAM";
	return arena_printf(&k->arena, "%s \"%s\"",
			    o->kind == KSH_MEMOBJ_SHARED ? "shared region"
							 : "channel window",
			    o->name);
}

/* gpa-overlap: a domain's mappings (sorted by address after RAM) must not
 * overlap each other or leave the 48-bit guest-physical space. Explicit
 * addresses are the only way to cause one. */
void chk_gpa_overlap(struct kshc *k)
{
	for (uint32_t d = 0; d < O->domains.n; d++) {
		const struct ksh_domain *od = &O->domains.v[d];

		for (uint32_t i = 0; i < od->n_mappings; i++) {
			uint32_t mi = od->first_mapping + i;
			const struct ksh_mapping *m = &O->mappings.v[mi];

			if (m->gpa + m->size > KSH_GPA_MAX ||
			    m->gpa + m->size < m->gpa)
				diag_report(&k->diags, DIAG_GPA_OVERLAP,
					    O->mappings_loc.v[mi],
					    "in domain \"%s\", %s ends past "
					    "the 48-bit guest-physical space",
					    od->name, mapping_what(k, mi));
			for (uint32_t j = 0; j < i; j++) {
				uint32_t mj = od->first_mapping + j;
				const struct ksh_mapping *n =
				    &O->mappings.v[mj];

				if (!(m->gpa < n->gpa + n->size &&
				      n->gpa < m->gpa + m->size))
					continue;
				diag_report(
				    &k->diags, DIAG_GPA_OVERLAP,
				    O->mappings_loc.v[mi],
				    "in domain \"%s\", %s at "
				    "0x%llx-0x%llx overlaps %s",
				    od->name, mapping_what(k, mi),
				    (unsigned long long)m->gpa,
				    (unsigned long long)(m->gpa + m->size - 1),
				    mapping_what(k, mj));
				diag_note(&k->diags, O->mappings_loc.v[mj],
					  "%s is placed here",
					  mapping_what(k, mj));
			}
		}
	}
}

/* unused: declared and never referred to. */
void chk_unused(struct kshc *k)
{
	static const struct {
		size_t off;
		const char *what;
	} labels[] = {
	    {offsetof(struct ast, types), "type"},
	    {offsetof(struct ast, categories), "category"},
	};

	for (size_t l = 0; l < sizeof(labels) / sizeof(labels[0]); l++) {
		const KSH_VEC(struct ast_label) *v =
		    (const void *)((const char *)A + labels[l].off);

		for (uint32_t i = 0; i < v->n; i++)
			if (!v->v[i].used)
				diag_report(&k->diags, DIAG_UNUSED,
					    &v->v[i].name.loc,
					    "%s \"%s\" is never used",
					    labels[l].what, v->v[i].name.s);
	}
	for (uint32_t i = 0; i < A->consts.n; i++)
		if (!A->consts.v[i].used)
			diag_report(&k->diags, DIAG_UNUSED,
				    &A->consts.v[i].name.loc,
				    "constant \"%s\" is never used",
				    A->consts.v[i].name.s);
	for (uint32_t i = 0; i < A->attributes.n; i++)
		if (!A->attributes.v[i].used)
			diag_report(&k->diags, DIAG_UNUSED,
				    &A->attributes.v[i].name.loc,
				    "attribute \"%s\" is never used",
				    A->attributes.v[i].name.s);
	for (uint32_t i = 0; i < A->networks.n; i++)
		if (!A->networks.v[i].used)
			diag_report(&k->diags, DIAG_UNUSED,
				    &A->networks.v[i].name.loc,
				    "network \"%s\" has no NIC attached",
				    A->networks.v[i].name.s);
	for (uint32_t i = 0; i < A->channels.n; i++) {
		const struct ast_channel *c = &A->channels.v[i];

		for (uint32_t m = 0; m < c->methods.n; m++)
			if (!c->methods.v[m].used)
				diag_report(&k->diags, DIAG_UNUSED,
					    &c->methods.v[m].name.loc,
					    "method \"%s\" of \"%s\" is named "
					    "by no rule",
					    c->methods.v[m].name.s, c->name.s);
	}
}
