// SPDX-License-Identifier: MIT
/*
 * ksh-sign: Authenticode-signs a PE32+ EFI image, deterministically, with
 * the same signer kshc uses for `-o`. Also prints the image digest.
 *
 * Exit status: 0 success, 1 error (bad image, key, certificate or I/O),
 * 2 usage error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "image_sign.h"

#define EXIT_USAGE 2

static void usage(FILE *f)
{
	fputs(
	    "usage: ksh-sign --sign-key KEY --sign-cert CERT\n"
	    "                [--sign-pass-file FILE | --sign-pass-env VAR]\n"
	    "                [-o OUT] [--print-digest] IMAGE.efi\n"
	    "       ksh-sign --print-digest IMAGE.efi\n"
	    "\n"
	    "Signs IMAGE.efi (in place unless -o) with an Authenticode\n"
	    "PKCS#7 signature that has no signing time: the same image and\n"
	    "key always give the same bytes. KEY must be RSA. The passphrase\n"
	    "of an encrypted key is read from FILE or from the environment\n"
	    "variable VAR, never from the command line.\n"
	    "--print-digest prints the Authenticode SHA-256 of the result.\n"
	    "\n"
	    "Exit status: 0 success, 1 error, 2 usage error.\n",
	    f);
}

static unsigned file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666u & ~(unsigned)mask;
}

static void print_digest(const uint8_t d[ACODE_DIGEST_LEN], const char *path)
{
	int i;

	for (i = 0; i < ACODE_DIGEST_LEN; i++)
		printf("%02x", d[i]);
	printf("  %s\n", path);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"sign-key", required_argument, NULL, 'k'},
	    {"sign-cert", required_argument, NULL, 'c'},
	    {"sign-pass-file", required_argument, NULL, 'f'},
	    {"sign-pass-env", required_argument, NULL, 'e'},
	    {"output", required_argument, NULL, 'o'},
	    {"print-digest", no_argument, NULL, 'd'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct sign_opts so = {0};
	struct sign_keys keys = {0};
	struct image_buf img = {0};
	uint8_t digest[ACODE_DIGEST_LEN];
	const char *out = NULL, *in;
	int want_digest = 0, opt, rc = EXIT_FAILURE;
	char err[512];

	while ((opt = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			so.key_path = optarg;
			break;
		case 'c':
			so.cert_path = optarg;
			break;
		case 'f':
			so.pass_file = optarg;
			break;
		case 'e':
			so.pass_env = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'd':
			want_digest = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1 ||
	    (!so.key_path && !so.cert_path && !want_digest)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	in = argv[optind];
	if (!out)
		out = in;

	if (image_read_file(in, &img, err, sizeof(err)) < 0)
		goto fail;
	if ((so.key_path || so.cert_path) &&
	    sign_keys_load(&so, &keys, err, sizeof(err)) < 0)
		goto fail;
	if (keys.key && image_sign(&img, &keys, err, sizeof(err)) < 0)
		goto fail_image;
	if (want_digest && image_digest(&img, digest, err, sizeof(err)) < 0)
		goto fail_image;
	if ((so.key_path || so.cert_path) &&
	    image_write_atomic(out, img.data, img.len, file_mode(), err,
			       sizeof(err)) < 0)
		goto fail;
	if (want_digest)
		print_digest(digest, out);
	rc = 0;
	goto done;
fail_image:
	fprintf(stderr, "ksh-sign: %s: %s\n", in, err);
	goto done;
fail:
	fprintf(stderr, "ksh-sign: %s\n", err);
done:
	sign_keys_free(&keys);
	image_buf_free(&img);
	return rc;
}
