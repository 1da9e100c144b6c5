/* SPDX-License-Identifier: MIT */
/* Shared by the kshc Criterion tests (tests/unit/test_kshc_*.c): run the
 * pipeline on a source string, diagnostics captured in kh_diags. */
#ifndef KSHC_TEST_HARNESS_H
#define KSHC_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "kshc.h"

static char *kh_diags;
static size_t kh_len;

/* Parse, resolve, check, lay out and compile @src as "t.ksh"; returns the
 * error count. Payloads come from tests/kshc/payloads. */
static inline int kh_compile(struct kshc *k, const char *src)
{
	static const char *libs[] = {"tests/kshc/payloads"};

	kshc_init(k);
	k->diags.out = open_memstream(&kh_diags, &kh_len);
	k->lib_dirs = libs;
	k->n_lib_dirs = 1;
	ksh_parse_memory(k, "t.ksh", src, strlen(src));
	if (k->diags.errors == 0)
		ksh_resolve(k);
	if (k->diags.errors == 0) {
		ksh_payloads(k);
		ksh_run_checks(k);
	}
	if (k->diags.errors == 0) {
		ksh_layout(k);
		ksh_policy(k);
		ksh_finish_tables(k);
		ksh_run_post_checks(k);
	}
	fclose(k->diags.out);
	return k->diags.errors;
}

static inline void kh_done(struct kshc *k)
{
	kshc_fini(k);
	free(kh_diags);
	kh_diags = NULL;
}

/* A valid two-domain prefix: system with a schedule, domains a and b. */
#define KH_SYS                                                                 \
	"system \"t\" { platform { cpus 1; } schedule { major 10ms; "          \
	"cpu 0 { a 5ms; b 5ms; } } }\n"                                        \
	"domain a : native \"hello.elf\" { memory 2M; }\n"                     \
	"domain b : native \"hello.elf\" { memory 2M; }\n"

#endif /* KSHC_TEST_HARNESS_H */
