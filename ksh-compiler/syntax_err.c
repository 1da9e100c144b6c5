// SPDX-License-Identifier: MIT
/* Wording of syntax errors; see syntax_err.h. */
#include "syntax_err.h"

#include "kshc.h"
#include "suggest.h"
#include "tokfilter.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Lists longer than this are cut: "..., or 12 more". Every statement
 * keyword of the biggest block fits. */
#define SHOW_MAX 18

/* Words that are never names anywhere (dsl/reference.md, "Reserved
 * words"): each starts a statement inside a block whose other
 * statements start with a name, so the grammar cannot take it as one. */
static const char *const hard_reserved[] = {"idle", "in", "states", "initial"};

/* Bison's token classes that are not words the user can type as such. */
static const char *const classes[] = {
    "identifier",   "string",	   "number",	    "PCI address",
    "IPv4 address", "end of file", "invalid token", "error",
};

/* Append @s to the string in @buf (of @n bytes), cutting at the end. */
static void append(char *buf, size_t n, const char *s)
{
	size_t used = strlen(buf), k = strlen(s);

	if (used + 1 >= n)
		return;
	if (k > n - 1 - used)
		k = n - 1 - used;
	memcpy(buf + used, s, k);
	buf[used + k] = '\0';
}

/* Bison's name without its quotes: "\"domain\"" -> domain, "';'" -> ;. */
static void unquote(const char *name, char *buf, size_t n)
{
	size_t len = strlen(name);

	buf[0] = '\0';
	if (len >= 2 && (name[0] == '"' || name[0] == '\'') &&
	    name[len - 1] == name[0]) {
		if (len - 2 < n) {
			memcpy(buf, name + 1, len - 2);
			buf[len - 2] = '\0';
		}
	} else {
		append(buf, n, name);
	}
}

static bool in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return true;
	return false;
}

static bool is_class(const char *w)
{
	return in_list(w, classes, sizeof(classes) / sizeof(classes[0]));
}

static bool is_keyword(const char *w)
{
	if (is_class(w) || !isalpha((unsigned char)w[0]))
		return false;
	for (const char *p = w; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			return false;
	return true;
}

static bool is_hard_reserved(const char *w)
{
	return in_list(w, hard_reserved,
		       sizeof(hard_reserved) / sizeof(hard_reserved[0]));
}

/* How one expected token reads in a message. */
static const char *expected_words(const char *w, char *buf, size_t n)
{
	if (strcmp(w, "identifier") == 0)
		return "a name";
	if (strcmp(w, "string") == 0)
		return "a string";
	if (strcmp(w, "number") == 0)
		return "a number";
	if (strcmp(w, "PCI address") == 0)
		return "a PCI address (bus:device.function)";
	if (strcmp(w, "IPv4 address") == 0)
		return "an IPv4 address";
	if (strcmp(w, "end of file") == 0)
		return "the end of the file";
	buf[0] = '\0';
	append(buf, n, "'");
	append(buf, n, w);
	append(buf, n, "'");
	return buf;
}

/* How the unexpected token reads: its class and its text. */
static void unexpected_words(const char *w, const char *text, char *buf,
			     size_t n)
{
	buf[0] = '\0';
	if (strcmp(w, "end of file") == 0) {
		append(buf, n, "end of the file");
		return;
	}
	if (strcmp(w, "string") == 0) {
		append(buf, n, "string ");
		append(buf, n, text);
		return;
	}
	if (strcmp(w, "identifier") == 0)
		append(buf, n, "name ");
	else if (strcmp(w, "number") == 0 || strcmp(w, "PCI address") == 0 ||
		 strcmp(w, "IPv4 address") == 0) {
		append(buf, n, w);
		append(buf, n, " ");
	}
	append(buf, n, "'");
	append(buf, n, text[0] ? text : w);
	append(buf, n, "'");
}

/* The location just after @l, where a forgotten token belongs. */
static struct ksh_loc after(const struct ksh_loc *l)
{
	struct ksh_loc a = *l;

	a.first_line = a.last_line;
	a.first_column = a.last_column + 1;
	a.last_column = a.first_column;
	return a;
}

void syntax_error_report(struct kshc *k, void *scanner, const char *unexpected,
			 const struct ksh_loc *loc, const char *const *expected,
			 int n)
{
	char word[64], text[96], what[128], list[768], one[80];
	bool want_name = false, want_semi = false, top = false;
	struct ksh_loc prev;
	struct suggest sug;
	int shown = 0, listed = 0;

	/* A lexical error in this statement was reported already, and this
	 * error is most likely its consequence. */
	if (!tokf_syntax_error_wanted(scanner))
		return;
	unquote(unexpected, word, sizeof(word));
	src_text(&k->arena, loc, text, sizeof(text));
	for (int i = 0; i < n; i++) {
		unquote(expected[i], one, sizeof(one));
		want_name |= strcmp(one, "identifier") == 0;
		want_semi |= strcmp(one, ";") == 0;
		top |= strcmp(one, "end of file") == 0;
	}

	/* A ';' forgotten at the end of a line or of a block: say so where
	 * it belongs, not at the start of the next statement. */
	if (want_semi && tokf_before_last(scanner, &prev) &&
	    (loc->first_line > prev.last_line || strcmp(word, "}") == 0)) {
		struct ksh_loc at = after(&prev);
		char ptext[96];

		src_text(&k->arena, &prev, ptext, sizeof(ptext));
		diag_report(&k->diags, DIAG_SYNTAX, &at,
			    "expected ';' after '%s'", ptext);
		return;
	}
	if (want_name && is_keyword(word) && is_hard_reserved(word)) {
		diag_report(&k->diags, DIAG_SYNTAX, loc,
			    "'%s' is a reserved word and cannot be a name "
			    "(reserved everywhere: idle, in, states, initial)",
			    word);
		return;
	}

	/* What was expected, with the keywords that are only names here
	 * folded into "a name", and a keyword the unexpected word is one
	 * typo away from. */
	suggest_init(&sug, text[0] ? text : word);
	list[0] = '\0';
	for (int i = 0; i < n; i++) {
		unquote(expected[i], one, sizeof(one));
		if (top && strcmp(one, "end of file") == 0)
			continue;
		if (is_keyword(one)) {
			if (want_name && !is_hard_reserved(one))
				continue;
			suggest_offer(&sug, expected[i]);
		}
		listed++;
	}
	for (int i = 0; i < n && shown < SHOW_MAX; i++) {
		char buf[96], more[32];
		const char *w;

		unquote(expected[i], one, sizeof(one));
		if (top && strcmp(one, "end of file") == 0)
			continue;
		if (is_keyword(one) && want_name && !is_hard_reserved(one))
			continue;
		w = expected_words(one, buf, sizeof(buf));
		shown++;
		if (shown == SHOW_MAX && listed > SHOW_MAX) {
			snprintf(more, sizeof(more), ", or %d more",
				 listed - shown + 1);
			append(list, sizeof(list), more);
			break;
		}
		if (shown > 1)
			append(list, sizeof(list),
			       shown == listed ? " or " : ", ");
		append(list, sizeof(list), w);
	}
	unexpected_words(word, text, what, sizeof(what));
	if (sug.best != NULL) {
		unquote(sug.best, one, sizeof(one));
		diag_report(&k->diags, DIAG_SYNTAX, loc,
			    "unexpected %s; did you mean '%s'?", what, one);
	} else if (listed > 0 && top) {
		diag_report(&k->diags, DIAG_SYNTAX, loc,
			    "unexpected %s where a declaration should start "
			    "(%s)",
			    what, list);
	} else if (listed > 0) {
		diag_report(&k->diags, DIAG_SYNTAX, loc,
			    "unexpected %s; expected %s", what, list);
	} else {
		diag_report(&k->diags, DIAG_SYNTAX, loc, "unexpected %s", what);
	}
}
