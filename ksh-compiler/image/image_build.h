/* SPDX-License-Identifier: MIT */
/*
 * `kshc -o image.efi`: from the generated tables to one (signed) UEFI
 * image. The compiler front end writes tables.c, tables.h and payloads.S
 * into a private temporary directory; this module compiles them with the
 * configured C compiler, links them with the installed fixed runtime
 * (kernel library, GNU-EFI start files and linker script), converts the
 * result to PE32+, signs it, and renames it into place.
 *
 * Exit status contract of kshc for this stage (also in kshc --help):
 *   0  image written
 *   3  build failed: runtime not found, C compiler, linker or objcopy
 *      failed, a payload unreadable, bad SOURCE_DATE_EPOCH
 *   4  signing failed: key, certificate or passphrase problem
 *   5  cannot write the output or the dependency file
 * (1 and 2 are the front end's: errors in the .ksh, usage.)
 */
#ifndef KSH_IMAGE_BUILD_H
#define KSH_IMAGE_BUILD_H

#include "keys.h"

#define IMAGE_EXIT_OK	  0
#define IMAGE_EXIT_BUILD  3
#define IMAGE_EXIT_SIGN	  4
#define IMAGE_EXIT_OUTPUT 5

/* The environment variable that points kshc at a runtime directory. */
#define IMAGE_RUNTIME_ENV "KSH_RUNTIME_DIR"

struct image_opts {
	const char *output;	 /* -o FILE */
	const char *source;	 /* the .ksh file: first dependency */
	const char *cc;		 /* --cc; else $CC; else "cc" */
	const char *runtime_dir; /* --runtime-dir; else $KSH_RUNTIME_DIR;
				    else ../lib/ksh beside the executable */
	const char *depfile;	 /* -MF FILE (with -M); "-": stdout */
	const char *dep_target;	 /* -MT: the rule's target; default output */
	int deps;		 /* -M: write a make dependency rule */
	/* The front end's inputs (.ksh files, payloads) for the rule; when
	 * NULL, source and the files payloads.S embeds. */
	const char *const *inputs;
	size_t n_inputs;
	int verbose;	       /* --verbose: print the commands run */
	int keep_temps;	       /* --keep-temps: keep the temporary dir */
	int print_digest;      /* --print-digest */
	struct sign_opts sign; /* key_path NULL: leave unsigned */
};

/* Called with the temporary directory: writes tables.c, tables.h and
 * payloads.S there. Returns 0, or the exit status to give up with. */
typedef int (*image_emit_fn)(void *ctx, const char *dir);

/*
 * image_build_output - builds o->output; diagnostics go to stderr as
 * "kshc: error: ...". The output file is either fully written or left
 * untouched; the temporary directory is removed on success and failure
 * unless keep_temps, also when SIGINT, SIGTERM or SIGHUP arrives (the
 * process then dies of that signal). Returns an exit status (see above).
 */
int image_build_output(const struct image_opts *o, image_emit_fn emit,
		       void *ctx);

/*
 * image_runtime_dir - the runtime directory -o links against, resolved to
 * an absolute path in @out (PATH_MAX bytes); @how (may be NULL) says where
 * it came from. kshc reads the runtime's contract there before it checks
 * the system. Returns 0, or IMAGE_EXIT_BUILD after reporting.
 */
int image_runtime_dir(const struct image_opts *o, char *out, const char **how);

#endif
