// SPDX-License-Identifier: MIT
/*
 * A payload that is not found: say where kshc looked (in the order it
 * looked, dsl/reference.md "Payload search") and name a file there whose
 * name is one typo away from the one written.
 */
#include "kshc.h"
#include "suggest.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Files in one search directory that are compared at most: a payload
 * directory of a build tree is small; a huge one is not a typo's home. */
#define HINT_MAX_FILES 4096

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The regular files of @dir, sorted (readdir order is the file system's:
 * sorting keeps the suggestion the same on every machine). */
static uint32_t list_dir(struct kshc *k, const char *dir, const char ***out)
{
	const char **v = arena_alloc(&k->arena, sizeof(*v) * HINT_MAX_FILES);
	uint32_t n = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL && n < HINT_MAX_FILES) {
		struct stat st;
		char *full = src_join(&k->arena, dir, e->d_name);

		if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
			v[n++] = arena_strdup(&k->arena, e->d_name);
	}
	closedir(d);
	qsort(v, n, sizeof(*v), cmp_str);
	*out = v;
	return n;
}

void payload_not_found(struct kshc *k, const struct ksh_file *f)
{
	const char *slash = strrchr(f->path, '/');
	const char *base = slash ? slash + 1 : f->path;
	char *sub =
	    slash ? arena_strndup(&k->arena, f->path, (size_t)(slash - f->path))
		  : NULL;
	const char *self = f->loc.src ? f->loc.src->dir : ".";
	uint32_t n_dirs = f->path[0] == '/' ? 1 : 1 + k->n_lib_dirs;
	const char *best = NULL, *best_dir = NULL;
	char *looked = arena_strdup(&k->arena, "");
	struct suggest sg;

	suggest_init(&sg, base);
	for (uint32_t i = 0; i < n_dirs; i++) {
		const char *dir = f->path[0] == '/' ? "/"
				  : i == 0	    ? self
						    : k->lib_dirs[i - 1];
		const char *in = sub ? src_join(&k->arena, dir, sub) : dir;
		const char **names;
		uint32_t n = list_dir(k, in, &names);

		if (f->path[0] == '/')
			in = sub ? sub : "/";
		looked = arena_printf(&k->arena, "%s%s%s%s", looked,
				      i ? ", " : "", in,
				      f->path[0] == '/' ? ""
				      : i == 0 ? " (next to the .ksh file)"
					       : " (-L)");
		for (uint32_t j = 0; j < n; j++) {
			const char *before = sg.best;

			suggest_offer(&sg, names[j]);
			if (sg.best != before) {
				best = sg.best;
				best_dir = in;
			}
		}
	}
	if (best != NULL)
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "payload \"%s\" not found; did you mean \"%s%s%s\" "
			    "(in %s)?",
			    f->path, sub ? sub : "", sub ? "/" : "", best,
			    best_dir);
	else
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "payload \"%s\" not found", f->path);
	diag_note(&k->diags, &f->loc, "looked in %s", looked);
}
