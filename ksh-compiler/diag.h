/* SPDX-License-Identifier: MIT */
/*
 * Diagnostics in the one format kshc prints:
 *
 *   file:line:col: error[check-name]: message
 *      12 | the source line
 *         |     ^~~~
 *   file:line:col: note: related location
 *
 * Errors are counted, never fatal: every pass runs to the end so a run
 * reports everything it can find.
 */
#ifndef KSHC_DIAG_H
#define KSHC_DIAG_H

#include <stdio.h>

#include "srcpos.h"

enum ksh_severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

enum ksh_diag_id {
#define DIAG(id, name, sev) id,
#include "diag_ids.h"
#undef DIAG
	DIAG_COUNT
};

struct ksh_diag_info {
	const char *name;
	enum ksh_severity severity;
};

/* The table of every diagnostic (diag_ids.h). */
extern const struct ksh_diag_info ksh_diag_table[DIAG_COUNT];

/* Stop printing (not counting) after this many errors: a binary file can
 * produce one per byte. */
#define DIAG_PRINT_MAX 200

struct arena;

struct ksh_diags {
	FILE *out;	     /* stderr, or a memory stream in tests */
	struct arena *arena; /* for the line index of quoted files */
	int werror;	     /* promote warnings to errors */
	int errors;	     /* errors so far */
	int warnings;	     /* warnings so far (not promoted) */
	int printed;	     /* diagnostics printed */
	int suppressed;	     /* diagnostics not printed (over the cap) */
	int last_shown;	     /* whether the last error/warning was printed */
	struct ksh_loc last_quoted; /* a note there needs no second quote */
};

/* diag_report - report @id at @loc (NULL: no location).
 * Returns 1 when it counted as an error. */
int diag_report(struct ksh_diags *d, enum ksh_diag_id id,
		const struct ksh_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* diag_report_as - the same with a severity other than the default
 * (an MLS check in "mls warn" mode). */
int diag_report_as(struct ksh_diags *d, enum ksh_diag_id id,
		   enum ksh_severity sev, const struct ksh_loc *loc,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* diag_note - a note attached to the previous diagnostic. */
void diag_note(struct ksh_diags *d, const struct ksh_loc *loc, const char *fmt,
	       ...) __attribute__((format(printf, 3, 4)));

/* diag_finish - print the "N more not shown" line if needed. */
void diag_finish(struct ksh_diags *d);

/* diag_by_name - the id of a check name, or -1. */
int diag_by_name(const char *name);

#endif /* KSHC_DIAG_H */
