/* SPDX-License-Identifier: MIT */
/*
 * Source files and positions. Every file kshc reads (the main .ksh, each
 * include) is loaded whole into a struct ksh_src; every AST node carries a
 * struct ksh_loc into one, which is what diagnostics quote and what the
 * generated tables cite ("file:line").
 */
#ifndef KSHC_SRCPOS_H
#define KSHC_SRCPOS_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct ksh_loc;

struct ksh_src {
	const char *name; /* path as shown to the user */
	const char *path; /* path used to open the file */
	const char *dir;  /* its directory, for relative includes/payloads */
	const char *text; /* the contents, NUL terminated */
	size_t len;
	const struct ksh_src *parent;	   /* the file that included it */
	const struct ksh_loc *include_loc; /* the include in parent */
	int depth;	 /* include depth, 0 for the main file */
	uint32_t *lines; /* offsets of line starts, built on demand */
	uint32_t n_lines;
};

/* A span in a source: first and last character, 1-based lines and columns
 * (the layout Bison's default location type has, plus the file). */
struct ksh_loc {
	const struct ksh_src *src;
	int first_line, first_column;
	int last_line, last_column;
};

/* src_load - read @path into a new source named @name.
 * Returns NULL and sets errno when the file cannot be read. */
struct ksh_src *src_load(struct arena *a, const char *path, const char *name);

/* src_from_memory - a source over @len bytes (the fuzzer's input). */
struct ksh_src *src_from_memory(struct arena *a, const char *name,
				const char *text, size_t len);

/* src_line - the text of line @line (1-based) and its length, without the
 * newline; NULL past the end. The first call indexes the lines (into the
 * arena), so quoting many diagnostics of a large file stays linear. */
const char *src_line(struct arena *a, const struct ksh_src *s, int line,
		     size_t *len);

/* src_text - the source text under a one-line location, into @buf (empty
 * when the location spans lines or lies outside the file). */
void src_text(struct arena *a, const struct ksh_loc *loc, char *buf, size_t n);

/* src_dirname - the directory part of @path ("." when it has none). */
char *src_dirname(struct arena *a, const char *path);

/* src_join - @dir/@rel, or @rel alone when it is absolute or dir is ".". */
char *src_join(struct arena *a, const char *dir, const char *rel);

/* loc_str - "file:line" of a location (for table comments and rules). */
const char *loc_str(struct arena *a, const struct ksh_loc *l);

#endif /* KSHC_SRCPOS_H */
