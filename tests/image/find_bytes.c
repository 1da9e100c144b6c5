// SPDX-License-Identifier: MIT
/*
 * Test helper: prints the file offset of every occurrence of the contents
 * of NEEDLE (or of its first LEN bytes) in HAYSTACK, one per line. The
 * measurement test uses it to find a payload inside a built image.
 *
 *   find-bytes HAYSTACK NEEDLE [LEN]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	long n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || !(p = malloc((size_t)n + 1)) ||
	    fread(p, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	fclose(f);
	*len = (size_t)n;
	return p;
}

int main(int argc, char **argv)
{
	unsigned char *hay, *needle, *p;
	size_t hlen, nlen, off = 0;
	int found = 0;

	if (argc != 3 && argc != 4) {
		fputs("usage: find-bytes HAYSTACK NEEDLE [LEN]\n", stderr);
		return 2;
	}
	hay = slurp(argv[1], &hlen);
	needle = slurp(argv[2], &nlen);
	if (argc == 4 && strtoul(argv[3], NULL, 0) < nlen)
		nlen = strtoul(argv[3], NULL, 0);
	while (nlen && off + nlen <= hlen &&
	       (p = memmem(hay + off, hlen - off, needle, nlen))) {
		printf("%zu\n", (size_t)(p - hay));
		found = 1;
		off = (size_t)(p - hay) + 1;
	}
	free(hay);
	free(needle);
	return found ? 0 : 1;
}
