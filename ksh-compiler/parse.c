// SPDX-License-Identifier: MIT
/*
 * Reading files: the main .ksh and its includes. Each file gets its own
 * scanner and parser instance (both reentrant); an include is parsed when
 * the parser reduces the include statement, into the same AST, so
 * declarations keep source order across files.
 */
#include "kshc.h"
#include "lexer.h"
#include "parser.h"
#include "tokfilter.h"

#include <errno.h>
#include <string.h>

/* Flex's reentrant API (lexer.c); not in a header of its own because
 * the generated header would need the same prefix games. */
typedef void *yyscan_t;
int kshyylex_init_extra(struct ksh_lex_extra *extra, yyscan_t *scanner);
int kshyylex_destroy(yyscan_t scanner);
struct yy_buffer_state *kshyy_scan_bytes(const char *bytes, int len,
					 yyscan_t scanner);

static void parse_src(struct kshc *k, const struct ksh_src *src)
{
	struct ksh_lex_extra x = {
	    .k = k, .src = src, .line = 1, .col = 1, .tf = tokf_new(k)};
	yyscan_t scanner;

	*VEC_PUSH(&k->arena, k->sources) = src;
	if (src->len > (size_t)INT32_MAX) {
		diag_report(&k->diags, DIAG_LIMIT, NULL, "%s: file too large",
			    src->name);
		return;
	}
	if (kshyylex_init_extra(&x, &scanner) != 0) {
		diag_report(&k->diags, DIAG_LIMIT, NULL,
			    "%s: cannot start the lexer", src->name);
		return;
	}
	kshyy_scan_bytes(src->text, (int)src->len, scanner);
	kshyyparse(scanner, k);
	kshyylex_destroy(scanner);
}

bool ksh_parse_file(struct kshc *k, const char *path)
{
	struct ksh_src *src = src_load(&k->arena, path, path);

	if (src == NULL) {
		fprintf(k->diags.out ? k->diags.out : stderr,
			"kshc: cannot read %s: %s\n", path, strerror(errno));
		k->diags.errors++;
		return false;
	}
	k->main_src = src;
	parse_src(k, src);
	return true;
}

void ksh_parse_memory(struct kshc *k, const char *name, const char *text,
		      size_t len)
{
	struct ksh_src *src = src_from_memory(&k->arena, name, text, len);

	k->main_src = src;
	parse_src(k, src);
}

void ksh_parse_include(struct kshc *k, const struct ksh_src *from,
		       const char *path, const struct ksh_loc *loc)
{
	char *full = src_join(&k->arena, from->dir, path);
	struct ksh_loc *inc;
	struct ksh_src *src;

	/* An include cycle is found by walking the chain of includers; the
	 * depth limit also bounds the C stack (one parser per level). */
	for (const struct ksh_src *s = from; s != NULL; s = s->parent)
		if (strcmp(s->path, full) == 0) {
			diag_report(&k->diags, DIAG_INCLUDE_CYCLE, loc,
				    "include cycle: \"%s\" is already being "
				    "read",
				    full);
			for (const struct ksh_src *t = from; t != s;
			     t = t->parent)
				diag_note(&k->diags, t->include_loc,
					  "%s is included from here", t->name);
			return;
		}
	if (from->depth + 1 > KSHC_MAX_INCLUDE_DEPTH) {
		diag_report(&k->diags, DIAG_NESTING, loc,
			    "includes nested more than %d deep",
			    KSHC_MAX_INCLUDE_DEPTH);
		return;
	}
	src = src_load(&k->arena, full, full);
	if (src == NULL) {
		diag_report(&k->diags, DIAG_INCLUDE, loc,
			    "cannot read \"%s\": %s", full, strerror(errno));
		return;
	}
	src->parent = from;
	inc = arena_alloc(&k->arena, sizeof(*inc));
	*inc = *loc;
	src->include_loc = inc;
	src->depth = from->depth + 1;
	parse_src(k, src);
}
