/* SPDX-License-Identifier: MIT */
/*
 * The `kshchan` tool as a function over an injected backend, so the unit
 * tests run every command against a fake device; main.c binds it to
 * sysfs (kshchan_sysfs.h).
 *
 *   kshchan list
 *   kshchan send [--timeout MS] CHANNEL METHOD [TEXT | -x HEX | -f FILE | -]
 *   kshchan recv [--timeout MS] [-x | -r | -o FILE] CHANNEL
 *   kshchan signal CHANNEL
 *   kshchan wait [--timeout MS] CHANNEL
 *   kshchan read CHANNEL [OFFSET [LENGTH]]
 *   kshchan write CHANNEL OFFSET [TEXT | -x HEX | -f FILE | -]
 *
 * Exit status: 0, or the error code (KSH_E* 1-8, KSHCHAN_E* 16-22,
 * kshchan.h) of the failure, which is also named on stderr;
 * KSHCHAN_EXIT_USAGE for a bad command line.
 */
#ifndef KSHCHAN_CLI_H
#define KSHCHAN_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "kshchan.h"

#define KSHCHAN_EXIT_USAGE 64 /* EX_USAGE of sysexits.h */

/* Called by list for every channel function: ch is NULL and err < 0 when
 * the function at SLOT could not be attached. */
typedef void kshchan_list_fn(void *arg, const char *slot,
			     const struct kshchan *ch, int err);

struct kshchan_backend {
	/* Attaches channel NAME: 0 and *ch, or -error. */
	int (*open)(void *ctx, const char *name, struct kshchan **ch);
	void (*close)(void *ctx, struct kshchan *ch);
	/* Calls each for every channel function, in a stable order;
	 * returns 0 or -error. */
	int (*list)(void *ctx, kshchan_list_fn *each, void *arg);
	void *ctx;
};

struct kshchan_cli_io {
	FILE *in, *out, *err;
};

/* Runs one command line (argv[0] is the program name). Returns the exit
 * status. */
int kshchan_cli_main(int argc, char **argv, const struct kshchan_backend *be,
		     const struct kshchan_cli_io *io);

/* Data helpers (kshchan_data.c). */

/* Decodes hex digits (spaces, tabs, newlines and ':' between byte pairs
 * are ignored) into out: the byte count, or -KSH_EINVAL on a bad digit or
 * an odd count, -KSHCHAN_ETOOBIG past cap. With out NULL it only checks
 * and counts. */
int kshchan_hex_decode(const char *hex, uint8_t *out, size_t cap);

/* Prints LEN bytes as lowercase hex, no separators, then a newline. */
void kshchan_hex_print(FILE *f, const uint8_t *data, size_t len);

/* Reads all of F into out: the byte count, -KSHCHAN_ETOOBIG when F holds
 * more than cap bytes, -KSHCHAN_EIO on a read error. */
int kshchan_read_all(FILE *f, uint8_t *out, size_t cap);

/* Parses a decimal or 0x-hex unsigned number no larger than max: 0 and
 * *out, or -1. */
int kshchan_parse_u64(const char *s, uint64_t max, uint64_t *out);

#endif /* KSHCHAN_CLI_H */
