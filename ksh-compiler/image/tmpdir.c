// SPDX-License-Identifier: MIT
/* Private temporary directories: see tmpdir.h. */
#include "tmpdir.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int tmpdir_create(char *path, size_t size, char *err, size_t errsz)
{
	const char *base = getenv("TMPDIR");
	int n;

	if (!base || !*base)
		base = "/tmp";
	n = snprintf(path, size, "%s/kshc.XXXXXX", base);
	if (n < 0 || (size_t)n >= size) {
		snprintf(err, errsz, "TMPDIR is too long");
		return -1;
	}
	/* mkdtemp creates the directory with mode 0700 (POSIX). */
	if (!mkdtemp(path)) {
		snprintf(err, errsz,
			 "cannot create a temporary directory in %s: %s", base,
			 strerror(errno));
		return -1;
	}
	return 0;
}

static int remove_entry(const char *path, const struct stat *sb, int flag,
			struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path) < 0 ? -1 : 0;
}

int tmpdir_remove(const char *path)
{
	/* Depth first, without following symbolic links out of the tree. */
	return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
