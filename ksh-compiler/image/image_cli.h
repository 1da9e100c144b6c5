/* SPDX-License-Identifier: MIT */
/*
 * Command-line options of kshc's image stage, shared by kshc's main and
 * the image test driver so both accept exactly the same spelling:
 *
 *   -o FILE             write the (signed) UEFI image to FILE
 *   -M -MF FILE         write a make dependency file listing every input
 *   --cc CC             C compiler for the tables (default $CC, else cc)
 *   --runtime-dir DIR   the installed runtime (default $KSH_RUNTIME_DIR,
 *                       else ../lib/ksh beside kshc)
 *   --sign-key KEY --sign-cert CERT
 *   --sign-pass-file FILE | --sign-pass-env VAR
 *   --verbose  --keep-temps  --print-digest
 *
 * getopt_long: "-MF FILE" reads as "-M -F FILE", so 'F' takes the file.
 */
#ifndef KSH_IMAGE_CLI_H
#define KSH_IMAGE_CLI_H

#include <getopt.h>

#include "image_build.h"

/* Short options to add to the caller's optstring. */
#define IMAGE_CLI_SHORTOPTS "o:MF:"

/* Values of the long options (above any character getopt returns). */
#define IMAGE_CLI_BASE 0x1100
enum image_cli_opt {
	IMAGE_OPT_CC = IMAGE_CLI_BASE,
	IMAGE_OPT_RUNTIME_DIR,
	IMAGE_OPT_SIGN_KEY,
	IMAGE_OPT_SIGN_CERT,
	IMAGE_OPT_SIGN_PASS_FILE,
	IMAGE_OPT_SIGN_PASS_ENV,
	IMAGE_OPT_VERBOSE,
	IMAGE_OPT_KEEP_TEMPS,
	IMAGE_OPT_PRINT_DIGEST,
};

/*
 * The long options, to put in the caller's struct option table; "o" is
 * there for getopt_long_only (kshc's parser). kshc parses -M, -MF and -MT
 * itself and hands them over in struct image_opts; with plain getopt_long
 * the short options in IMAGE_CLI_SHORTOPTS read "-M -MF FILE".
 */
// clang-format off
#define IMAGE_CLI_LONGOPTS \
	{"o", required_argument, NULL, 'o'}, \
	{"output", required_argument, NULL, 'o'}, \
	{"cc", required_argument, NULL, IMAGE_OPT_CC}, \
	{"runtime-dir", required_argument, NULL, IMAGE_OPT_RUNTIME_DIR}, \
	{"sign-key", required_argument, NULL, IMAGE_OPT_SIGN_KEY}, \
	{"sign-cert", required_argument, NULL, IMAGE_OPT_SIGN_CERT}, \
	{"sign-pass-file", required_argument, NULL, IMAGE_OPT_SIGN_PASS_FILE}, \
	{"sign-pass-env", required_argument, NULL, IMAGE_OPT_SIGN_PASS_ENV}, \
	{"verbose", no_argument, NULL, IMAGE_OPT_VERBOSE}, \
	{"keep-temps", no_argument, NULL, IMAGE_OPT_KEEP_TEMPS}, \
	{"print-digest", no_argument, NULL, IMAGE_OPT_PRINT_DIGEST}
// clang-format on

/* IMAGE_CLI_LONGOPTS alone, NULL-terminated. */
extern const struct option image_cli_longopts[];

/* Help text for these options. */
extern const char image_cli_help[];

/* Applies option opt with argument arg (from getopt_long) to o.
 * Returns 1 when opt is one of ours, 0 when it is not. */
int image_cli_option(struct image_opts *o, int opt, const char *arg);

#endif
