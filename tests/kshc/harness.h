/* SPDX-License-Identifier: MIT */
/* Shared by the kshc Criterion tests (tests/unit/test_kshc_*.c): run the
 * pipeline on a source string, diagnostics captured in kh_diags. */
#ifndef KSHC_TEST_HARNESS_H
#define KSHC_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ksh/features.h>

#include "checks.h"
#include "kshc.h"

static char *kh_diags;
static size_t kh_len;

/* A runtime that enforced every feature of the format: for tests of the
 * passes behind constructs today's runtime refuses (multi-CPU layout). */
static const struct ksh_contract kh_contract_all = {
    .version = "test-all",
    .table_format = KSH_TABLES_VERSION,
    .enforced = KSH_FEATURES_KNOWN,
    .origin = "test",
};

/* Parse, resolve, check, lay out and compile @src as "t.ksh" against
 * @contract; returns the error count. Payloads come from
 * tests/kshc/payloads. */
static inline int kh_compile_for(struct kshc *k, const char *src,
				 const struct ksh_contract *contract)
{
	static const char *libs[] = {"tests/kshc/payloads"};

	kshc_init(k);
	k->contract = contract;
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

/* The same against the contract kshc was built with. */
static inline int kh_compile(struct kshc *k, const char *src)
{
	return kh_compile_for(k, src, &ksh_contract_builtin);
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
