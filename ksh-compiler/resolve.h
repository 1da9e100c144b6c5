/* SPDX-License-Identifier: MIT */
/* Helpers shared by the resolve pass's files (resolve.c for declarations,
 * resolve_policy.c for devices, networks and policy). */
#ifndef KSHC_RESOLVE_H
#define KSHC_RESOLVE_H

#include "kshc.h"

/* res_near - the declared name of a kind in @mask (bit per SYM_*) that
 * @word is one typo away from, or NULL. */
const struct ast_symbol *res_near(struct kshc *k, const char *word,
				  uint32_t mask);

/* res_name - the symbol @n names if its kind is in @mask (1 << SYM_*);
 * reports undefined-name or wrong-kind and returns NULL otherwise. */
const struct ast_symbol *res_name(struct kshc *k, const struct ksh_name *n,
				  uint32_t mask, const char *want);

/* res_index - the index of the @kind declaration @n names, marking it
 * used; KSH_IDX_NONE (reported) when there is none. */
uint32_t res_index(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		   const char *want);

/* res_value - substitute constants into @v and check its unit. */
bool res_value(struct kshc *k, struct ksh_value *v, uint32_t unit,
	       const char *what);

/* res_u32 - a unitless value in [lo, hi]. */
bool res_u32(struct kshc *k, struct ksh_value *v, uint64_t lo, uint64_t hi,
	     const char *what, uint32_t *out);

void res_device(struct kshc *k, struct ast_domain *d, struct ast_device *v);
void res_networks(struct kshc *k);
void res_policy(struct kshc *k);

#endif /* KSHC_RESOLVE_H */
