/* SPDX-License-Identifier: MIT */
/*
 * Wording of syntax errors. The parser gives the token it could not use
 * and the tokens it would have taken; this says it the way a user thinks
 * of it: the text of the unexpected token, what was expected (names
 * summarised, long lists cut), a keyword that is one typo away, a missing
 * ';' placed after the statement it ends, a reserved word used as a name.
 */
#ifndef KSHC_SYNTAX_ERR_H
#define KSHC_SYNTAX_ERR_H

#include "srcpos.h"

struct kshc;

/*
 * syntax_error_report - report a syntax error at @loc.
 * @unexpected: Bison's name of the unexpected token ("\"identifier\"",
 *              "';'", "\"domain\"", ...)
 * @expected:   Bison's names of the @n tokens the grammar would accept
 */
void syntax_error_report(struct kshc *k, void *scanner, const char *unexpected,
			 const struct ksh_loc *loc, const char *const *expected,
			 int n);

#endif /* KSHC_SYNTAX_ERR_H */
