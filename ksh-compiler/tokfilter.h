/* SPDX-License-Identifier: MIT */
/*
 * The token stream between the lexer and the parser. It exists so that
 * one mistake gives one error:
 *
 *  - After a syntax error, the parser throws away the token it could not
 *    use; the filter then drops the rest of that statement (to its ';', or
 *    over its whole { block }), so nothing of a broken statement is parsed
 *    in a context it was never written for (a misspelt "domian" used to
 *    turn the domain's "type t;" into a second top-level type).
 *  - A declaration keyword that can only start a top-level statement
 *    ("domain x :", "shared x {", "policy {", ...) seen inside a block
 *    means a '}' is missing: that is reported once, with a note where the
 *    unclosed block was opened, and the missing '}' are supplied so the
 *    rest of the file parses as written. The end of the file inside a
 *    block is handled the same way.
 *  - It remembers whether the statement being read had a lexical error
 *    (an unterminated string, a bad character), so the parser does not
 *    report the syntax error that the broken token causes.
 *
 * All state is per file, in the scanner's extra (lexer.h).
 */
#ifndef KSHC_TOKFILTER_H
#define KSHC_TOKFILTER_H

#include <stdbool.h>

#include "srcpos.h"

struct kshc;
struct tokf;
union KSHYYSTYPE;

/* tokf_new - a filter for one file's scanner (in the compilation's
 * arena). */
struct tokf *tokf_new(struct kshc *k);

/* tokf_next - the parser's yylex: the next token after filtering.
 * @discarded: the parser threw away the token it was given last, while
 *             recovering from a syntax error; drop the rest of the
 *             statement that token belonged to. */
int tokf_next(union KSHYYSTYPE *lval, struct ksh_loc *lloc, void *scanner,
	      bool discarded);

/* tokf_syntax_error_wanted - false when the statement being read already
 * had a lexical error, whose effects should not be reported twice. */
bool tokf_syntax_error_wanted(void *scanner);

/* tokf_before_last - the location of the token given before the parser's
 * current lookahead; false at the start of a file. */
bool tokf_before_last(void *scanner, struct ksh_loc *loc);

/* tokf_block - what the innermost open block is (e.g. "domain hello_a")
 * and where its '{' is; false at the top level. */
bool tokf_block(void *scanner, const char **what, struct ksh_loc *open);

#endif /* KSHC_TOKFILTER_H */
