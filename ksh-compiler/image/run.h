/* SPDX-License-Identifier: MIT */
/*
 * Running the build tools (C compiler, linker, objcopy) for `kshc -o`:
 * argv arrays, no shell, so no quoting problem with odd file names. The
 * tools' own diagnostics go straight to our stderr.
 */
#ifndef KSH_IMAGE_RUN_H
#define KSH_IMAGE_RUN_H

#include <stddef.h>
#include <stdio.h>

/* A growable NULL-terminated argv. */
struct run_argv {
	char **v;
	size_t n;
	size_t cap;
	int failed; /* out of memory: checked by run_command */
};

void run_argv_add(struct run_argv *a, const char *s);
/* Adds the words of a space-separated list (for CC="ccache cc"). */
void run_argv_add_words(struct run_argv *a, const char *s);
void run_argv_free(struct run_argv *a);

/* Prints argv as one shell-quoted line (for --verbose). */
void run_print(FILE *f, const struct run_argv *a, const char *cwd);

/*
 * run_command - runs argv in directory cwd and waits. Returns 0 when it
 * exited with status 0; otherwise -1 with err saying how it failed
 * (not found, exit status, signal).
 */
int run_command(const struct run_argv *a, const char *cwd, int verbose,
		char *err, size_t errsz);

/*
 * While the image stage runs, SIGINT, SIGTERM and SIGHUP are caught: passed
 * on to the tool running at the time and remembered, so the stage stops at
 * the next step, removes its temporary directory, and then dies of the
 * same signal (run_signals_release).
 */
void run_signals_catch(void);
/* The signal caught since run_signals_catch, or 0. */
int run_signals_caught(void);
/* Restores the previous handlers; re-raises a caught signal. */
void run_signals_release(void);

#endif
