// SPDX-License-Identifier: MIT
/* Image-stage options: see image_cli.h. */
#include "image_cli.h"

#include <stddef.h>

const struct option image_cli_longopts[] = {
    IMAGE_CLI_LONGOPTS,
    {NULL, 0, NULL, 0},
};

const char image_cli_help[] =
    "\nImage options:\n"
    "  -o FILE               write the UEFI image (PE32+) to FILE\n"
    "  -M -MF FILE           also write a make rule listing every input\n"
    "  --cc CC               C compiler for the tables (default: $CC, cc)\n"
    "  --runtime-dir DIR     kernel runtime to link (default:\n"
    "                        $KSH_RUNTIME_DIR, else ../lib/ksh beside kshc)\n"
    "  --sign-key KEY.pem --sign-cert CERT.pem\n"
    "                        Authenticode-sign the image (RSA key)\n"
    "  --sign-pass-file FILE passphrase of an encrypted key, from FILE\n"
    "  --sign-pass-env VAR   ... or from the environment variable VAR\n"
    "  --verbose             print the commands run\n"
    "  --keep-temps          keep the generated C and objects\n"
    "  --print-digest        print the image and payload SHA-256 digests\n"
    "  (also LD, OBJCOPY, TMPDIR and SOURCE_DATE_EPOCH from the\n"
    "  environment)\n"
    "Exit status: 0 image written, 3 build failed, 4 signing failed,\n"
    "  5 cannot write the output.\n";

int image_cli_option(struct image_opts *o, int opt, const char *arg)
{
	switch (opt) {
	case 'o':
		o->output = arg;
		return 1;
	case 'M':
		o->deps = 1;
		return 1;
	case 'F':
		o->deps = 1;
		o->depfile = arg;
		return 1;
	case IMAGE_OPT_CC:
		o->cc = arg;
		return 1;
	case IMAGE_OPT_RUNTIME_DIR:
		o->runtime_dir = arg;
		return 1;
	case IMAGE_OPT_SIGN_KEY:
		o->sign.key_path = arg;
		return 1;
	case IMAGE_OPT_SIGN_CERT:
		o->sign.cert_path = arg;
		return 1;
	case IMAGE_OPT_SIGN_PASS_FILE:
		o->sign.pass_file = arg;
		return 1;
	case IMAGE_OPT_SIGN_PASS_ENV:
		o->sign.pass_env = arg;
		return 1;
	case IMAGE_OPT_VERBOSE:
		o->verbose = 1;
		return 1;
	case IMAGE_OPT_KEEP_TEMPS:
		o->keep_temps = 1;
		return 1;
	case IMAGE_OPT_PRINT_DIGEST:
		o->print_digest = 1;
		return 1;
	default:
		return 0;
	}
}
