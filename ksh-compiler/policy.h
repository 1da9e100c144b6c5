/* SPDX-License-Identifier: MIT */
/* Policy helpers shared by policy.c and the checks that look at the
 * compiled decisions (neverallow, neverflow, shadowed rules). */
#ifndef KSHC_POLICY_H
#define KSHC_POLICY_H

#include "kshc.h"

/* pol_match - whether domain @d is in the set @m names. */
bool pol_match(const struct kshc *k, const struct ast_match *m,
	       const struct ast_domain *d);

/* pol_rule_covers - whether rule @r speaks about method @method (index in
 * channel @c) sent from @sender to @receiver. */
bool pol_rule_covers(const struct kshc *k, const struct ast_rule *r,
		     const struct ast_channel *c, uint32_t method,
		     const struct ast_domain *sender,
		     const struct ast_domain *receiver);

/* pol_rule_text - the normalized text of a rule ("allow a b : c { m }"). */
const char *pol_rule_text(struct kshc *k, const struct ast_rule *r);

#endif /* KSHC_POLICY_H */
