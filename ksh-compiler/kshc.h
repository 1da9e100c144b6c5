/* SPDX-License-Identifier: MIT */
/*
 * The compilation context and the passes. One struct kshc holds every bit
 * of state of one compilation (no globals), so the lexer and parser are
 * reentrant and the fuzzer can run compilations back to back.
 *
 * Pipeline (main.c):
 *   ksh_parse_file   lexer.l + parser.y -> AST           (parse.c)
 *   ksh_resolve      names -> indices, constants, units   (resolve.c)
 *   ksh_payloads     find payload files, SHA-256          (payload.c)
 *   ksh_run_checks   the declared check table            (checks.c)
 *   ksh_layout       memory objects, mappings, schedule   (layout.c)
 *   ksh_policy       endpoints, decision tables, flows    (policy.c)
 *   emitters         emit_c.c, emit_json.c, dump.c, dot.c, depfile.c
 */
#ifndef KSHC_KSHC_H
#define KSHC_KSHC_H

#include <stdbool.h>
#include <stdint.h>

#include <ksh/tables.h>

#include "arena.h"
#include "ast.h"
#include "contract.h"
#include "diag.h"
#include "srcpos.h"

#define KSHC_MAX_INCLUDE_DEPTH 16
#define KSHC_MAX_NESTING       64 /* nested blocks/parenthesised lists */

/* Generated tables: a mutable mirror of struct ksh_tables, with one note
 * (its source) per entry for the emitters' comments. */
#define KSH_OUT_ARRAY(T, name)                                                 \
	KSH_VEC(T) name;                                                       \
	KSH_VEC(const char *) name##_note

struct ksh_out {
	KSH_OUT_ARRAY(struct ksh_label, types);
	KSH_OUT_ARRAY(struct ksh_label, levels);
	KSH_OUT_ARRAY(struct ksh_label, categories);
	KSH_OUT_ARRAY(struct ksh_domain, domains);
	KSH_OUT_ARRAY(struct ksh_payload, payloads);
	KSH_OUT_ARRAY(struct ksh_memobj, memobjs);
	KSH_OUT_ARRAY(struct ksh_mapping, mappings);
	KSH_OUT_ARRAY(struct ksh_vdev, vdevs);
	KSH_OUT_ARRAY(struct ksh_passthru, passthru);
	KSH_OUT_ARRAY(struct ksh_minor_frame, frames);
	KSH_OUT_ARRAY(struct ksh_channel, channels);
	KSH_OUT_ARRAY(struct ksh_method, methods);
	KSH_OUT_ARRAY(struct ksh_endpoint, endpoints);
	KSH_OUT_ARRAY(uint32_t, channel_endpoints);
	KSH_OUT_ARRAY(struct ksh_decision, decisions);
	KSH_OUT_ARRAY(struct ksh_fsm, fsms);
	KSH_OUT_ARRAY(struct ksh_label, fsm_states);
	KSH_OUT_ARRAY(uint32_t, fsm_next);
	KSH_OUT_ARRAY(struct ksh_rule, rules);
	KSH_OUT_ARRAY(struct ksh_event, events);
	KSH_OUT_ARRAY(struct ksh_network, networks);
	KSH_OUT_ARRAY(struct ksh_filter_rule, filter_rules);
	KSH_VEC(const uint8_t *) payload_bytes; /* contents, per payload */
	KSH_VEC(const char *) payload_abs;	/* absolute path, per payload */
	KSH_VEC(const struct ksh_loc *) mappings_loc; /* what placed it */
	struct ksh_tables t; /* points into the vectors above */
};

struct flow_graph;

struct kshc {
	struct arena arena;
	struct ksh_diags diags;
	struct ast ast;
	/* payload search path: the .ksh file's directory, then each -L */
	const char **lib_dirs;
	uint32_t n_lib_dirs;
	/* every file read, in order (for -M) */
	KSH_VEC(const struct ksh_src *) sources;
	KSH_VEC(const char *) payload_files;
	const struct ksh_src *main_src;
	struct ksh_out out;
	struct flow_graph *flows; /* built by the first check that needs it */
	/* what the target runtime enforces: built-in, or -o's runtime's */
	const struct ksh_contract *contract;
};

/* kshc_init / kshc_fini - set up and release a context. */
void kshc_init(struct kshc *k);
void kshc_fini(struct kshc *k);

/* ksh_parse_file - parse @path (the main file) into k->ast.
 * Returns false when the file cannot be read (already reported). */
bool ksh_parse_file(struct kshc *k, const char *path);

/* ksh_parse_memory - parse @len bytes as a file named @name. */
void ksh_parse_memory(struct kshc *k, const char *name, const char *text,
		      size_t len);

/* ksh_parse_include - parse an included file (called by the grammar). */
void ksh_parse_include(struct kshc *k, const struct ksh_src *from,
		       const char *path, const struct ksh_loc *loc);

/* The passes; each reports through k->diags and returns nothing: the
 * driver looks at the error count between passes. */
void ksh_resolve(struct kshc *k);
void ksh_payloads(struct kshc *k);
void ksh_run_checks(struct kshc *k);

/* payload_not_found - report @f as not found, naming the directories
 * searched and a near-miss file name in them (payload_hint.c). */
void payload_not_found(struct kshc *k, const struct ksh_file *f);
void ksh_run_post_checks(struct kshc *k);
void ksh_layout(struct kshc *k);
void ksh_policy(struct kshc *k);
void ksh_finish_tables(struct kshc *k);

/* Emitters; each returns 0 or reports the failure and returns -1. */
int ksh_emit_c(struct kshc *k, const char *dir);
int ksh_emit_json(struct kshc *k, const char *path);
int ksh_dump(struct kshc *k, const char *path);
int ksh_emit_dot(struct kshc *k, const char *path);
int ksh_emit_deps(struct kshc *k, const char *path, const char *target);

#endif /* KSHC_KSHC_H */
