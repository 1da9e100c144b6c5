// SPDX-License-Identifier: MIT
/* Source files and locations; see srcpos.h. */
#include "srcpos.h"
#include "arena.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Refuse inputs larger than this: a system description is kilobytes to a
 * few megabytes; anything bigger is a mistake, not a system. */
#define SRC_MAX_BYTES (256u << 20)

static struct ksh_src *src_new(struct arena *a, const char *path,
			       const char *name)
{
	struct ksh_src *s = arena_alloc(a, sizeof(*s));

	s->path = arena_strdup(a, path);
	s->name = arena_strdup(a, name);
	s->dir = src_dirname(a, path);
	return s;
}

struct ksh_src *src_load(struct arena *a, const char *path, const char *name)
{
	struct ksh_src *s;
	struct stat st;
	FILE *f;
	char *buf;
	size_t cap, len = 0;

	f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		errno = EISDIR;
		return NULL;
	}
	cap = (st.st_size > 0 && (size_t)st.st_size < SRC_MAX_BYTES)
		  ? (size_t)st.st_size + 1
		  : 65536;
	buf = arena_alloc(a, cap);
	for (;;) {
		size_t got = fread(buf + len, 1, cap - len - 1, f);

		len += got;
		if (got == 0)
			break;
		if (len + 1 == cap) {
			char *nb;

			if (cap >= SRC_MAX_BYTES) {
				fclose(f);
				errno = EFBIG;
				return NULL;
			}
			nb = arena_alloc(a, cap * 2);
			memcpy(nb, buf, len);
			buf = nb;
			cap *= 2;
		}
	}
	if (ferror(f)) {
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	buf[len] = '\0';
	s = src_new(a, path, name);
	s->text = buf;
	s->len = len;
	return s;
}

struct ksh_src *src_from_memory(struct arena *a, const char *name,
				const char *text, size_t len)
{
	struct ksh_src *s = src_new(a, name, name);

	s->text = arena_strndup(a, text, len);
	s->len = len;
	return s;
}

const char *src_line(struct arena *a, const struct ksh_src *s, int line,
		     size_t *len)
{
	/* The index is a cache: filling it does not change the source. */
	struct ksh_src *w = (struct ksh_src *)(uintptr_t)s;
	const char *p, *e, *end = s->text + s->len;

	if (s->lines == NULL) {
		uint32_t n = 1;

		for (const char *q = s->text; q < end; q++)
			n += *q == '\n';
		w->lines = arena_alloc(a, sizeof(uint32_t) * (n + 1));
		w->lines[0] = 0;
		n = 1;
		for (const char *q = s->text; q < end; q++)
			if (*q == '\n')
				w->lines[n++] = (uint32_t)(q + 1 - s->text);
		w->n_lines = n;
	}
	if (line < 1 || (uint32_t)line > s->n_lines)
		return NULL;
	p = s->text + s->lines[line - 1];
	e = memchr(p, '\n', (size_t)(end - p));
	if (e == NULL)
		e = end;
	if (e > p && e[-1] == '\r')
		e--;
	*len = (size_t)(e - p);
	return p;
}

void src_text(struct arena *a, const struct ksh_loc *loc, char *buf, size_t n)
{
	const char *line;
	size_t len, from, to;

	buf[0] = '\0';
	if (loc->src == NULL || loc->first_line != loc->last_line ||
	    loc->first_column < 1)
		return;
	line = src_line(a, loc->src, loc->first_line, &len);
	if (line == NULL)
		return;
	from = (size_t)loc->first_column - 1;
	to = (size_t)loc->last_column < len ? (size_t)loc->last_column : len;
	if (from < to && n > 0) {
		size_t k = to - from < n - 1 ? to - from : n - 1;

		memcpy(buf, line + from, k);
		buf[k] = '\0';
	}
}

char *src_dirname(struct arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return arena_strdup(a, ".");
	if (slash == path)
		return arena_strdup(a, "/");
	return arena_strndup(a, path, (size_t)(slash - path));
}

char *src_join(struct arena *a, const char *dir, const char *rel)
{
	if (rel[0] == '/' || strcmp(dir, ".") == 0)
		return arena_strdup(a, rel);
	return arena_printf(a, "%s/%s", dir, rel);
}

const char *loc_str(struct arena *a, const struct ksh_loc *l)
{
	if (l->src == NULL)
		return "<built-in>";
	return arena_printf(a, "%s:%d", l->src->name, l->first_line);
}
