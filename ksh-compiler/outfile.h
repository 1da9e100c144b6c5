/* SPDX-License-Identifier: MIT */
/* Output files written whole or not at all: each emitter writes to a
 * temporary file next to the target and renames it when complete, so a
 * failed run never leaves a half-written tables.c for make to trust. */
#ifndef KSHC_OUTFILE_H
#define KSHC_OUTFILE_H

#include <stdio.h>

struct kshc;

struct outfile {
	FILE *f;
	char *path, *tmp;
	int direct; /* not a regular file: written in place */
};

/* out_open - start writing @path ("-" is stdout). Returns 0 or reports
 * and returns -1. */
int out_open(struct kshc *k, struct outfile *o, const char *path);

/* out_close - finish: flush, check for write errors, rename into place.
 * Returns 0 or reports and returns -1. */
int out_close(struct kshc *k, struct outfile *o);

/* out_mkdir - create @dir and its parents if missing. */
int out_mkdir(struct kshc *k, const char *dir);

/* out_c_string - write @s as a C string literal (escaped). */
void out_c_string(FILE *f, const char *s);

#endif /* KSHC_OUTFILE_H */
