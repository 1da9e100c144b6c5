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

/* Long options (values IMAGE_CLI_BASE and up), NULL-terminated. */
#define IMAGE_CLI_BASE 0x1100
extern const struct option image_cli_longopts[];
#define IMAGE_CLI_N_LONGOPTS 10

/* Help text for these options. */
extern const char image_cli_help[];

/* Applies option opt with argument arg (from getopt_long) to o.
 * Returns 1 when opt is one of ours, 0 when it is not. */
int image_cli_option(struct image_opts *o, int opt, const char *arg);

#endif
