/* SPDX-License-Identifier: MIT */
/* State the reentrant scanner carries (its extra-type) and the helpers the
 * lexer actions call. */
#ifndef KSHC_LEXER_H
#define KSHC_LEXER_H

#include <stdbool.h>

#include "ast.h"
#include "srcpos.h"

struct kshc;
struct tokf;

struct ksh_lex_extra {
	struct kshc *k;
	const struct ksh_src *src;
	int line, col;	    /* position of the next character */
	int depth;	    /* open braces */
	bool deep_reported; /* nesting-too-deep said once per file */
	struct ksh_loc comment_start;
	bool keyword;	 /* the last token was a reserved word */
	struct tokf *tf; /* the token filter over this scanner */
};

/* lex_number - convert a number token ("64K", "0x3f8", "10ms") into
 * @out: bytes for sizes, nanoseconds for times. Reports bad-number or
 * unknown-unit and returns false on a malformed token. */
bool lex_number(struct kshc *k, const char *text, const struct ksh_loc *loc,
		struct ksh_value *out);

/* lex_string - the value of a quoted string token with its escapes
 * replaced; reports bad escapes. */
char *lex_string(struct kshc *k, const char *text, size_t len,
		 const struct ksh_loc *loc);

/* lex_ipv4 - "a.b.c.d[/p]" into an address in host order and a prefix
 * length (32 when absent). */
bool lex_ipv4(struct kshc *k, const char *text, const struct ksh_loc *loc,
	      uint32_t *addr, uint32_t *prefix);

/* lex_bdf - "bb:dd.f" into bus << 8 | dev << 3 | fn. */
bool lex_bdf(struct kshc *k, const char *text, const struct ksh_loc *loc,
	     uint32_t *bdf);

#endif /* KSHC_LEXER_H */
