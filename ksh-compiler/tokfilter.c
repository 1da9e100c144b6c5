// SPDX-License-Identifier: MIT
/* The token stream between lexer and parser; see tokfilter.h. */
#include "tokfilter.h"

#include "kshc.h"
#include "lexer.h"
#include "parser.h"

#include <stdio.h>
#include <string.h>

/* Flex's reentrant API (lexer.c). */
struct ksh_lex_extra *kshyyget_extra(void *scanner);

struct tok {
	int kind;
	KSHYYSTYPE val;
	struct ksh_loc loc;
	bool keyword;	/* a reserved word (the lexer's KW()) */
	bool lex_error; /* the lexer reported an error on this token */
};

/* Tokens read ahead: at most two beyond the one being looked at. */
#define TOKF_QUEUE 4
/* What a block is called in messages: its statement's first words. */
#define TOKF_WHAT 80

struct tokf_block {
	struct ksh_loc open;
	char what[TOKF_WHAT];
};

enum tokf_skip {
	SKIP_NONE,
	SKIP_STATEMENT, /* to ';' or over a { block } at skip_depth */
	SKIP_BLOCK,	/* to the '}' that returns to skip_depth */
};

struct tokf {
	struct kshc *k;
	struct tok q[TOKF_QUEUE];
	int nq;
	int inject;		 /* '}' still to supply before q[0] */
	struct tok last, before; /* the last two tokens given */
	int n_given;
	int depth; /* blocks open */
	struct tokf_block blocks[KSHC_MAX_NESTING + 1];
	struct tok stmt[3]; /* first words of this statement */
	int n_stmt;
	bool stmt_named;     /* its name is complete */
	bool stmt_lex_error; /* this statement had a lexical error */
	enum tokf_skip skip;
	int skip_depth;
};

struct tokf *tokf_new(struct kshc *k)
{
	struct tokf *t = arena_alloc(&k->arena, sizeof(*t));

	t->k = k;
	return t;
}

static struct tokf *tf_of(void *scanner)
{
	return kshyyget_extra(scanner)->tf;
}

/* Read one token from the lexer into the queue. */
static struct tok *read_one(struct tokf *t, void *scanner)
{
	struct ksh_lex_extra *x = kshyyget_extra(scanner);
	struct tok *o = &t->q[t->nq++];
	int errors = t->k->diags.errors;

	memset(o, 0, sizeof(*o));
	x->keyword = false;
	o->kind = kshyylex(&o->val, &o->loc, scanner);
	o->keyword = x->keyword;
	o->lex_error = t->k->diags.errors != errors;
	return o;
}

/* The @i-th token ahead (0: the next one), reading as needed. */
static const struct tok *peek(struct tokf *t, void *scanner, int i)
{
	while (t->nq <= i) {
		if (t->nq > 0 && t->q[t->nq - 1].kind == KSHYYEOF)
			return &t->q[t->nq - 1];
		read_one(t, scanner);
	}
	return &t->q[i];
}

static void pop_front(struct tokf *t)
{
	memmove(&t->q[0], &t->q[1], sizeof(t->q[0]) * (size_t)(t->nq - 1));
	t->nq--;
}

static bool is_word(const struct tok *o)
{
	return o->kind == IDENT || o->keyword;
}

/* A new block opens: name it after its statement's first words. */
static void open_block(struct tokf *t, const struct tok *brace)
{
	struct tokf_block *b;
	size_t used = 0;

	t->depth++;
	if (t->depth > KSHC_MAX_NESTING)
		return; /* reported by the lexer; not tracked */
	b = &t->blocks[t->depth];
	b->open = brace->loc;
	b->what[0] = '\0';
	for (int i = 0; i < t->n_stmt; i++) {
		char word[TOKF_WHAT];
		size_t k;

		src_text(&t->k->arena, &t->stmt[i].loc, word, sizeof(word));
		k = strlen(word);
		if (k == 0 || used + k + 2 > TOKF_WHAT)
			break;
		if (used > 0)
			b->what[used++] = ' ';
		memcpy(b->what + used, word, k + 1);
		used += k;
	}
}

/* Book-keeping for every token that passes, given or skipped. */
static void track(struct tokf *t, const struct tok *o)
{
	bool starts = t->n_given == 0 || t->last.kind == ';' ||
		      t->last.kind == '{' || t->last.kind == '}';

	if (starts) {
		t->n_stmt = 0;
		t->stmt_named = false;
		t->stmt_lex_error = false;
	}
	if (o->lex_error)
		t->stmt_lex_error = true;
	if (o->kind == '{')
		open_block(t, o);
	else if (o->kind == '}' && t->depth > 0)
		t->depth--;
	else if (!t->stmt_named && t->n_stmt < 3 &&
		 (is_word(o) || o->kind == NUMBER || o->kind == STRING))
		t->stmt[t->n_stmt++] = *o;
	else
		t->stmt_named = true; /* "domain x :" is named "domain x" */
	t->before = t->last;
	t->last = *o;
	t->n_given++;
}

/*
 * Does the next token start a declaration that only exists at the top
 * level? Decided from up to three tokens, so that the same words used as
 * names or as block statements ("channel c;" in a device, a domain
 * called "policy" in a schedule) are not taken for one.
 */
static bool toplevel_only(struct tokf *t, void *scanner)
{
	const struct tok *a = peek(t, scanner, 0), *b, *c;

	if (!a->keyword)
		return false;
	b = peek(t, scanner, 1);
	switch (a->kind) {
	case SYSTEM:
		return b->kind == STRING;
	case POLICY:
		return b->kind == '{';
	case DOMAIN:
	case CHANNEL:
	case EVENT:
	case SHARED:
	case NETWORK:
		if (!is_word(b))
			return false;
		c = peek(t, scanner, 2);
		if (a->kind == SHARED || a->kind == NETWORK)
			return c->kind == '{';
		return c->kind == ':';
	default:
		return false;
	}
}

/* Report the '}' that is missing before @at (NULL: the end of the file)
 * and supply every one still open. */
static void close_all(struct tokf *t, const struct tok *at)
{
	const struct tokf_block *b =
	    &t->blocks[t->depth <= KSHC_MAX_NESTING ? t->depth
						    : KSHC_MAX_NESTING];
	struct ksh_loc where = t->last.loc;
	char word[TOKF_WHAT];

	/* Point just past the last token given: that is where the '}'
	 * belongs (like a missing ';'). */
	where.first_line = where.last_line;
	where.first_column = where.last_column + 1;
	where.last_column = where.first_column;
	t->inject = t->depth;
	if (t->stmt_lex_error)
		return; /* the lexer's error explains it */
	if (b->what[0] == '\0') {
		diag_report(&t->k->diags, DIAG_SYNTAX, &where,
			    "expected '}' %s: a block is not closed",
			    at != NULL ? "here" : "at the end of the file");
		diag_note(&t->k->diags, &b->open, "the block opens here");
		return;
	}
	if (at != NULL) {
		src_text(&t->k->arena, &at->loc, word, sizeof(word));
		diag_report(&t->k->diags, DIAG_SYNTAX, &where,
			    "expected '}' before '%s': the block of '%s' is "
			    "not closed",
			    word, b->what);
	} else {
		diag_report(&t->k->diags, DIAG_SYNTAX, &where,
			    "expected '}' at the end of the file: the block "
			    "of '%s' is not closed",
			    b->what);
	}
	diag_note(&t->k->diags, &b->open, "the block of '%s' opens here",
		  b->what);
}

/* Is @o (already tracked) the end of the statement being skipped? */
static bool skip_ends(struct tokf *t, const struct tok *o)
{
	switch (t->skip) {
	case SKIP_STATEMENT:
		if (o->kind == ';' && t->depth == t->skip_depth)
			return true;
		/* A statement with a block ends with the block. */
		return o->kind == '}' && t->depth == t->skip_depth;
	case SKIP_BLOCK:
		return o->kind == '}' && t->depth == t->skip_depth;
	default:
		return true;
	}
}

/* The parser threw away the last token given: drop what is left of its
 * statement. */
static void skip_rest(struct tokf *t)
{
	switch (t->last.kind) {
	case ';':
	case '}':
	case KSHYYEOF:
		return; /* the statement already ended */
	case '{':
		/* track() opened it: skip to its '}'. */
		t->skip = SKIP_BLOCK;
		t->skip_depth = t->depth - 1;
		return;
	default:
		t->skip = SKIP_STATEMENT;
		t->skip_depth = t->depth;
		return;
	}
}

int tokf_next(union KSHYYSTYPE *lval, struct ksh_loc *lloc, void *scanner,
	      bool discarded)
{
	struct tokf *t = tf_of(scanner);
	struct tok o;

	if (discarded)
		skip_rest(t);

	for (;;) {
		const struct tok *n;

		if (t->inject > 0) {
			memset(&o, 0, sizeof(o));
			o.kind = '}';
			o.loc = t->last.loc;
			t->inject--;
			break;
		}
		n = peek(t, scanner, 0);
		if (t->skip != SKIP_NONE) {
			/* A '}' that closes the block around the skipped
			 * statement is the parser's, not the statement's. */
			if (n->kind == KSHYYEOF) {
				/* The blocks the broken statement opened end
				 * with the file: that was reported as its
				 * syntax error already. */
				t->skip = SKIP_NONE;
				t->inject = t->depth;
				continue;
			}
			if (n->kind == '}' && t->skip == SKIP_STATEMENT &&
			    t->depth == t->skip_depth) {
				t->skip = SKIP_NONE;
				continue;
			}
			o = *n;
			pop_front(t);
			track(t, &o);
			if (skip_ends(t, &o))
				t->skip = SKIP_NONE;
			continue;
		}
		if (n->kind == KSHYYEOF && t->depth > 0) {
			close_all(t, NULL);
			continue;
		}
		if (t->depth > 0 &&
		    (t->last.kind == ';' || t->last.kind == '{' ||
		     t->last.kind == '}') &&
		    toplevel_only(t, scanner)) {
			close_all(t, peek(t, scanner, 0));
			continue;
		}
		o = *n;
		pop_front(t);
		break;
	}
	track(t, &o);
	*lval = o.val;
	*lloc = o.loc;
	return o.kind;
}

bool tokf_syntax_error_wanted(void *scanner)
{
	return !tf_of(scanner)->stmt_lex_error;
}

bool tokf_before_last(void *scanner, struct ksh_loc *loc)
{
	struct tokf *t = tf_of(scanner);

	if (t->n_given < 2)
		return false;
	*loc = t->before.loc;
	return true;
}

bool tokf_block(void *scanner, const char **what, struct ksh_loc *open)
{
	struct tokf *t = tf_of(scanner);
	int d = t->depth <= KSHC_MAX_NESTING ? t->depth : KSHC_MAX_NESTING;

	if (d == 0)
		return false;
	*what = t->blocks[d].what;
	*open = t->blocks[d].open;
	return true;
}
