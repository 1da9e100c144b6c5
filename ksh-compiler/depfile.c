// SPDX-License-Identifier: MIT
/*
 * -M / -MF FILE: a make rule naming every input of the compilation (the
 * .ksh file, every include, every payload) as a prerequisite of the
 * outputs, plus an empty rule per input so a deleted include does not
 * break the build (like gcc -MP).
 */
#include "kshc.h"
#include "outfile.h"

/* Make treats blanks, '#', '$' and ':' specially in a rule. */
static void dep_name(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '#' || *s == ':' ||
		    *s == '\\')
			fputc('\\', f);
		if (*s == '$')
			fputc('$', f);
		fputc(*s, f);
	}
}

int ksh_emit_deps(struct kshc *k, const char *path, const char *target)
{
	struct outfile o;
	FILE *f;

	if (out_open(k, &o, path) != 0)
		return -1;
	f = o.f;
	fputs(target, f);
	fputc(':', f);
	for (uint32_t i = 0; i < k->sources.n; i++) {
		fputs(" \\\n  ", f);
		dep_name(f, k->sources.v[i]->path);
	}
	for (uint32_t i = 0; i < k->payload_files.n; i++) {
		fputs(" \\\n  ", f);
		dep_name(f, k->payload_files.v[i]);
	}
	fputc('\n', f);
	for (uint32_t i = 1; i < k->sources.n; i++) {
		fputc('\n', f);
		dep_name(f, k->sources.v[i]->path);
		fputs(":\n", f);
	}
	for (uint32_t i = 0; i < k->payload_files.n; i++) {
		fputc('\n', f);
		dep_name(f, k->payload_files.v[i]);
		fputs(":\n", f);
	}
	return out_close(k, &o);
}
