// SPDX-License-Identifier: MIT
/*
 * Replays fuzz inputs through LLVMFuzzerTestOneInput without libFuzzer, so
 * `make check` (gcc, ASan+UBSan) runs the kept corpus and every crash the
 * fuzzer ever found as regression cases. What can fail is a sanitizer
 * report or a trap in the target (tests/fuzz/kshc_fuzz.c), and both end
 * the process: so this prints no verdict per input (it would be "ok"
 * whatever happened) but names each input on stderr before running it,
 * so the last name before a crash is the culprit, and on stdout the
 * number of inputs run once all of them came back. The caller
 * (tests/kshc/fuzz-replay.sh) makes one TAP line per corpus out of that.
 * Exit status: 0 when every input ran, 2 when one could not be read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads PATH whole into *BUF (caller frees); 0 or -1. */
static int read_input(const char *path, uint8_t **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 0, got;

	*buf = NULL;
	*len = 0;
	if (f == NULL)
		return -1;
	do {
		if (*len == cap) {
			uint8_t *n = realloc(*buf, cap = cap ? cap * 2 : 4096);

			if (n == NULL) {
				fclose(f);
				return -1;
			}
			*buf = n;
		}
		got = fread(*buf + *len, 1, cap - *len, f);
		*len += got;
	} while (got > 0);
	if (ferror(f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		uint8_t *buf;
		size_t len;

		if (read_input(argv[i], &buf, &len) != 0) {
			fprintf(stderr, "replay: %s: cannot read\n", argv[i]);
			free(buf);
			return 2;
		}
		fprintf(stderr, "replay: %s\n", argv[i]);
		fflush(stderr);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
	}
	printf("%d inputs\n", argc - 1);
	return 0;
}
