// SPDX-License-Identifier: MIT
/*
 * The symbol table: every top-level name (constants, labels, domains,
 * channels, ...) shares one namespace, so a rule's subject can name a
 * type, an attribute or a domain without ambiguity. Open addressing with
 * FNV-1a; lookups are O(1) so resolving a 100,000-rule policy stays linear.
 */
#include "kshc.h"

#include <string.h>

static uint32_t sym_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 16777619u;
	return h;
}

static struct ast_symbol *sym_slot(struct ast_symbol *tab, uint32_t cap,
				   const char *s)
{
	uint32_t i = sym_hash(s) & (cap - 1);

	while (tab[i].name != NULL && strcmp(tab[i].name, s) != 0)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

const struct ast_symbol *ast_lookup(const struct ast *a, const char *s)
{
	const struct ast_symbol *e;

	if (a->cap_syms == 0 || s == NULL)
		return NULL;
	e = sym_slot(a->syms, a->cap_syms, s);
	return e->name != NULL ? e : NULL;
}

const char *ast_sym_kind_name(uint32_t kind)
{
	static const char *const names[] = {
	    [SYM_CONST] = "constant",
	    [SYM_LEVEL] = "level",
	    [SYM_CATEGORY] = "category",
	    [SYM_TYPE] = "type",
	    [SYM_ATTRIBUTE] = "attribute",
	    [SYM_DOMAIN] = "domain",
	    [SYM_SHARED] = "shared region",
	    [SYM_CHANNEL] = "channel",
	    [SYM_EVENT] = "event",
	    [SYM_NETWORK] = "network",
	    [SYM_FLOW] = "flow",
	};

	return kind < sizeof(names) / sizeof(names[0]) && names[kind]
		   ? names[kind]
		   : "name";
}

bool ast_declare(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		 uint32_t index)
{
	struct ast *a = &k->ast;
	struct ast_symbol *e;

	if (a->n_syms + 1 > a->cap_syms / 2) {
		uint32_t ncap = a->cap_syms ? a->cap_syms * 2 : 256;
		struct ast_symbol *nt =
		    arena_alloc(&k->arena, (size_t)ncap * sizeof(*nt));

		for (uint32_t i = 0; i < a->cap_syms; i++)
			if (a->syms[i].name != NULL)
				*sym_slot(nt, ncap, a->syms[i].name) =
				    a->syms[i];
		a->syms = nt;
		a->cap_syms = ncap;
	}
	e = sym_slot(a->syms, a->cap_syms, n->s);
	if (e->name != NULL) {
		diag_report(&k->diags, DIAG_DUPLICATE, &n->loc,
			    "\"%s\" is already defined as a %s", n->s,
			    ast_sym_kind_name(e->kind));
		diag_note(&k->diags, &e->loc, "first defined here");
		return false;
	}
	e->name = n->s;
	e->kind = kind;
	e->index = index;
	e->loc = n->loc;
	a->n_syms++;
	return true;
}
