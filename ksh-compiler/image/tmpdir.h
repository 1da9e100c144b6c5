/* SPDX-License-Identifier: MIT */
/* A private temporary directory (mode 0700, under $TMPDIR or /tmp) for the
 * generated C and the intermediate objects of `kshc -o`. */
#ifndef KSH_IMAGE_TMPDIR_H
#define KSH_IMAGE_TMPDIR_H

#include <stddef.h>

/* Creates the directory; path receives its name. Returns 0 or -1. */
int tmpdir_create(char *path, size_t size, char *err, size_t errsz);
/* Removes the directory and everything in it; returns 0 or -1. */
int tmpdir_remove(const char *path);

#endif
