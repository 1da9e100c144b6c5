// SPDX-License-Identifier: MIT
/*
 * Replays fuzz inputs through LLVMFuzzerTestOneInput without libFuzzer, so
 * `make check` (gcc, ASan+UBSan) runs the kept corpus and every crash the
 * fuzzer ever found as regression cases. Prints TAP: one line per file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	printf("1..%d\n", argc - 1);
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t len = 0, cap = 0, got;

		if (f == NULL) {
			printf("not ok %d - %s: cannot open\n", i, argv[i]);
			continue;
		}
		do {
			if (len == cap) {
				cap = cap ? cap * 2 : 4096;
				buf = realloc(buf, cap);
				if (buf == NULL)
					return 2;
			}
			got = fread(buf + len, 1, cap - len, f);
			len += got;
		} while (got > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		printf("ok %d - %s\n", i, argv[i]);
		fflush(stdout);
	}
	return 0;
}
