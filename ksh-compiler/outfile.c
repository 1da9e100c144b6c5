// SPDX-License-Identifier: MIT
/* Atomic output files; see outfile.h. */
#include "outfile.h"
#include "kshc.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void out_fail(struct kshc *k, const char *what, const char *path)
{
	fprintf(k->diags.out ? k->diags.out : stderr, "kshc: %s %s: %s\n", what,
		path, strerror(errno));
	k->diags.errors++;
}

int out_open(struct kshc *k, struct outfile *o, const char *path)
{
	struct stat st;

	memset(o, 0, sizeof(*o));
	if (strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	/* A device or FIFO (/dev/null, /dev/stdout) is written in place:
	 * renaming a temporary file over it would replace the device. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->f = fopen(path, "w");
		if (o->f == NULL) {
			out_fail(k, "cannot write", path);
			return -1;
		}
		o->direct = 1;
		return 0;
	}
	o->path = arena_strdup(&k->arena, path);
	o->tmp = arena_printf(&k->arena, "%s.tmp%ld", path, (long)getpid());
	o->f = fopen(o->tmp, "w");
	if (o->f == NULL) {
		out_fail(k, "cannot write", o->tmp);
		return -1;
	}
	/* Tables of large systems are tens of megabytes: write in big
	 * blocks. */
	setvbuf(o->f, NULL, _IOFBF, 1u << 20);
	return 0;
}

int out_close(struct kshc *k, struct outfile *o)
{
	int bad;

	if (o->f == stdout)
		return fflush(stdout) == 0 ? 0 : -1;
	bad = ferror(o->f);
	if (o->direct) {
		if (fclose(o->f) != 0 || bad) {
			out_fail(k, "error writing", "output");
			return -1;
		}
		return 0;
	}
	if (fclose(o->f) != 0)
		bad = 1;
	if (bad) {
		out_fail(k, "error writing", o->tmp);
		unlink(o->tmp);
		return -1;
	}
	if (rename(o->tmp, o->path) != 0) {
		out_fail(k, "cannot create", o->path);
		unlink(o->tmp);
		return -1;
	}
	return 0;
}

int out_mkdir(struct kshc *k, const char *dir)
{
	char *p = arena_strdup(&k->arena, dir);
	struct stat st;

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			out_fail(k, "cannot create directory", p);
			return -1;
		}
		*s = '/';
	}
	if (mkdir(p, 0777) != 0 && errno != EEXIST) {
		out_fail(k, "cannot create directory", p);
		return -1;
	}
	if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		out_fail(k, "not a directory:", p);
		return -1;
	}
	return 0;
}

void out_c_string(FILE *f, const char *s)
{
	const char *p = s;

	while ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f &&
	       *p != '"' && *p != '\\')
		p++;
	if (*p == '\0') { /* nothing to escape: the common case */
		fputc('"', f);
		fputs(s, f);
		fputc('"', f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\%03o", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
