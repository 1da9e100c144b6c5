// SPDX-License-Identifier: MIT
/*
 * Test driver for kshc's image stage: runs image_build_output() with the
 * generated files taken from a directory instead of the compiler front
 * end, so the build, signing, clean-up and dependency logic is tested on
 * its own with the same options kshc accepts.
 *
 *   image-build-driver GEN_DIR SOURCE [image options]
 *
 * GEN_DIR holds tables.c, payloads.S and optionally tables.h; SOURCE is
 * the name reported as the first dependency. An emit failure is simulated
 * when GEN_DIR holds a file named FAIL (exit status 1, like a .ksh error).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image_cli.h"

static int copy_file(const char *from_dir, const char *to_dir, const char *name,
		     int optional)
{
	char from[4096], to[4096], buf[65536];
	FILE *in, *out;
	size_t n;

	snprintf(from, sizeof(from), "%s/%s", from_dir, name);
	snprintf(to, sizeof(to), "%s/%s", to_dir, name);
	in = fopen(from, "rb");
	if (!in)
		return optional ? 0 : -1;
	out = fopen(to, "wb");
	if (!out) {
		fclose(in);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	return fclose(out) == 0 ? 0 : -1;
}

static int emit(void *ctx, const char *dir)
{
	const char *gen = ctx;
	char fail[4096];

	snprintf(fail, sizeof(fail), "%s/FAIL", gen);
	if (access(fail, F_OK) == 0) {
		fprintf(stderr, "driver: simulated front-end error\n");
		return 1;
	}
	if (copy_file(gen, dir, "tables.c", 0) < 0 ||
	    copy_file(gen, dir, "payloads.S", 0) < 0 ||
	    copy_file(gen, dir, "tables.h", 1) < 0) {
		fprintf(stderr, "driver: cannot copy from %s\n", gen);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct image_opts o = {0};
	int opt;

	while ((opt = getopt_long(argc, argv, IMAGE_CLI_SHORTOPTS,
				  image_cli_longopts, NULL)) != -1) {
		if (!image_cli_option(&o, opt, optarg)) {
			fputs(image_cli_help, stderr);
			return 2;
		}
	}
	if (argc - optind != 2 || !o.output) {
		fputs("usage: image-build-driver GEN_DIR SOURCE -o OUT ...\n",
		      stderr);
		return 2;
	}
	o.source = argv[optind + 1];
	return image_build_output(&o, emit, argv[optind]);
}
