/* SPDX-License-Identifier: MIT */
/*
 * The semantic checks, as a declared table (dtc style): each has a stable
 * name (its diagnostic, diag_ids.h), the phase it runs in and a function.
 * PRE checks look at the resolved AST; POST checks look at the laid-out
 * tables and the compiled policy. Every check runs even when an earlier
 * one failed, so one run reports every problem.
 */
#ifndef KSHC_CHECKS_H
#define KSHC_CHECKS_H

#include "kshc.h"

enum check_phase { CHECK_PRE, CHECK_POST };

struct ksh_check {
	enum ksh_diag_id id; /* name and severity */
	enum check_phase phase;
	void (*fn)(struct kshc *k);
};

extern const struct ksh_check ksh_checks[];
extern const unsigned ksh_n_checks;

/* ksh_run_checks_phase - run every check of @phase. */
void ksh_run_checks_phase(struct kshc *k, enum check_phase phase);

/* Check functions, grouped by file. */
void chk_sizes(struct kshc *k);
void chk_memory_budget(struct kshc *k);
void chk_gpa_overlap(struct kshc *k);
void chk_devices(struct kshc *k);
void chk_console_input(struct kshc *k);
void chk_passthru(struct kshc *k);
void chk_schedule(struct kshc *k);
void chk_channels(struct kshc *k);
void chk_rights(struct kshc *k);
void chk_limits(struct kshc *k);
void chk_mls(struct kshc *k);
void chk_neverallow(struct kshc *k);
void chk_neverflow(struct kshc *k);
void chk_flows(struct kshc *k);
void chk_rules(struct kshc *k);
void chk_unused(struct kshc *k);
void chk_contract(struct kshc *k);

#endif /* KSHC_CHECKS_H */
