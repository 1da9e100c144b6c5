/* SPDX-License-Identifier: MIT */
/*
 * The AST of a .ksh system. Grammar actions only call the ast_* builders
 * below; later passes fill the "resolved" fields (indices, numbers with
 * constants substituted) in place, so each declaration is one struct from
 * parse to emission.
 */
#ifndef KSHC_AST_H
#define KSHC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "srcpos.h"

#define KSH_IDX_NONE 0xFFFFFFFFu

struct kshc;

struct ksh_name {
	const char *s; /* NULL when absent */
	struct ksh_loc loc;
};

typedef KSH_VEC(struct ksh_name) ksh_names;

enum ksh_unit {
	UNIT_NONE = 0, /* a plain number */
	UNIT_SIZE = 1, /* bytes, written with K/M/G/T (KiB..) */
	UNIT_TIME = 2, /* nanoseconds, written with ns/us/ms/s */
};

/* A number as written: a literal (already scaled by its unit) or the name
 * of a constant, substituted by resolve. */
struct ksh_value {
	bool set;
	uint8_t unit; /* enum ksh_unit */
	uint64_t num;
	const char *ref; /* constant name, or NULL */
	struct ksh_loc loc;
};

/* A file the image embeds, as written and as found. */
struct ksh_file {
	bool set;
	const char *path; /* as written */
	struct ksh_loc loc;
	const char *sha256; /* expected digest (hex) or NULL */
	struct ksh_loc sha_loc;
	/* resolved (payload.c) */
	const char *found; /* path it was found at */
	const char *abs;   /* absolute path, for .incbin */
	uint64_t size;
	uint8_t digest[32];
	const uint8_t *bytes; /* contents (in the arena) */
	uint32_t payload;     /* index in the payload table */
};

enum ksh_sym_kind {
	SYM_CONST = 1,
	SYM_LEVEL,
	SYM_CATEGORY,
	SYM_TYPE,
	SYM_ATTRIBUTE,
	SYM_DOMAIN,
	SYM_SHARED,
	SYM_CHANNEL,
	SYM_EVENT,
	SYM_NETWORK,
	SYM_FLOW,
};

struct ast_const {
	struct ksh_name name;
	struct ksh_value val;
	bool used, resolving;
	bool bad; /* part of a cycle or undefined: reported once */
};

struct ast_label {
	struct ksh_name name;
	bool used;
	bool synth; /* made up by resolve, not written in the source */
};

struct ast_attribute {
	struct ksh_name name;
	ksh_names members;
	bool used;
	uint8_t *types; /* resolved: types[t] != 0 for a member type */
};

enum ksh_vdev_kind {
	VDEV_UART = 1,
	VDEV_PIC,
	VDEV_PIT,
	VDEV_RTC,
	VDEV_PCI_HOST,
	VDEV_NE2000,
	VDEV_IDE,
	VDEV_AHCI,
	VDEV_CHANNEL,
};

struct ast_device {
	struct ksh_name model_name;
	uint32_t model; /* enum ksh_vdev_kind, 0 if unknown */
	struct ksh_name name;
	struct ksh_loc loc;
	struct ksh_value port, port_count, irq;
	bool has_pci;
	uint32_t pci_bdf;
	struct ksh_loc pci_loc;
	struct ksh_name network, channel;
	struct ksh_file disk;
	bool console; /* receives the platform console's input */
	struct ksh_loc console_loc;
	/* resolved */
	uint32_t port_base_r, port_count_r, irq_r;
	uint32_t network_idx, channel_idx;
};

struct ast_passthru {
	uint32_t bdf;
	struct ksh_loc loc;
};

struct ast_property {
	struct ksh_name key;
	bool is_string;
	const char *str;
	struct ksh_value val;
};

enum ksh_dom_kind { DOM_NATIVE = 1, DOM_LINUX = 2, DOM_MULTIBOOT = 3 };

struct ast_domain {
	struct ksh_name name;
	uint32_t kind; /* enum ksh_dom_kind */
	struct ksh_loc loc;
	struct ksh_value memory, vcpus, budget;
	KSH_VEC(struct ksh_value) affinity;
	struct ksh_loc affinity_loc;
	struct ksh_file kernel, initrd;
	const char *cmdline;
	struct ksh_loc cmdline_loc;
	struct ksh_name type, level;
	ksh_names categories;
	ksh_names flags;
	KSH_VEC(struct ast_device) devices;
	KSH_VEC(struct ast_passthru) passthru;
	KSH_VEC(struct ast_property) props;
	bool used;
	/* resolved */
	uint32_t index;
	uint32_t type_idx, level_idx;
	uint64_t cats;
	uint32_t flag_bits;
	uint64_t ram_size;
	uint32_t n_vcpus;
	uint32_t affinity_mask; /* all platform CPUs when not given */
};

enum ksh_rights { RIGHT_R = 1, RIGHT_W = 2, RIGHT_X = 4 };

/* One domain's view of a shared region or memory-channel window. */
struct ast_share_map {
	struct ksh_name domain;
	uint32_t rights;
	struct ksh_loc rights_loc;
	struct ksh_value at;
	uint32_t dom_idx;
	/* layout */
	uint64_t gpa;
	uint32_t mapping; /* index in the mapping table */
};

struct ast_shared {
	struct ksh_name name;
	struct ksh_value size;
	KSH_VEC(struct ast_share_map) maps;
	bool used;
	uint64_t size_r;
	uint32_t memobj;
};

struct ast_method {
	struct ksh_name name;
	ksh_names args;
	bool used;
};

enum ksh_chan_kind { CHAN_MEMORY = 1, CHAN_MESSAGE = 2 };

struct ast_channel {
	struct ksh_name name;
	uint32_t kind;
	struct ksh_loc loc;
	struct ksh_name from;	      /* writer or sender */
	ksh_names to;		      /* readers or the receiver */
	struct ksh_value size, depth; /* window / max message; queue depth */
	KSH_VEC(struct ast_method) methods;
	struct ksh_name event;
	KSH_VEC(struct ast_share_map) at; /* explicit window placements */
	bool used;
	/* resolved */
	uint32_t index;
	uint32_t from_idx;
	uint32_t *to_idx;
	uint64_t size_r;
	uint32_t depth_r;
	uint32_t event_idx;
	uint32_t fsm_idx;
	uint32_t memobj;
	KSH_VEC(struct ast_share_map) maps; /* layout: one per endpoint */
};

struct ast_event {
	struct ksh_name name;
	struct ksh_name from, to;
	struct ksh_value vector;
	bool used;
	uint32_t from_idx, to_idx;
	uint32_t vector_r;
};

enum ksh_proto_kind {
	PROTO_ANY = 0,
	PROTO_ICMP = 1,
	PROTO_TCP = 6,
	PROTO_UDP = 17,
};

struct ast_filter {
	struct ksh_loc loc;
	bool allow;
	bool all; /* "allow all" / "deny all": the default action */
	uint32_t dirs;
	uint32_t proto;
	uint32_t addr, prefix_len;
	struct ksh_value port_lo, port_hi;
};

struct ast_network {
	struct ksh_name name;
	KSH_VEC(struct ast_filter) filters;
	bool used;
	uint32_t index;
};

/* What a rule's subject or target (or a neverflow end) names: a set of
 * domains given by one of their labels. */
struct ast_match {
	uint32_t kind; /* SYM_TYPE, SYM_ATTRIBUTE, SYM_DOMAIN, SYM_LEVEL,
			 * SYM_CATEGORY, or 0 for "*" */
	uint32_t index;
};

enum ksh_rule_kind { RULE_ALLOW = 1, RULE_DENY, RULE_NEVERALLOW };

/* allow SUBJECT TARGET : CHANNEL { methods } (audit);
 * a subject/target/channel of NULL name means "*". */
struct ast_rule {
	uint32_t kind;
	struct ksh_loc loc;
	struct ksh_name subject, target, channel;
	ksh_names methods; /* empty: every method */
	bool audit;
	/* resolved */
	struct ast_match subj, targ;
	uint32_t channel_idx; /* KSH_IDX_NONE for "*" */
	uint32_t *method_idx; /* per methods entry, for a named channel */
	uint32_t table_idx;   /* index in ksh_rules, KSH_IDX_NONE if none */
	bool covered;	      /* spoke about some message that exists */
	bool fired;	      /* decided at least one decision */
	const struct ast_rule *beaten_by; /* a rule that decided instead */
};

struct ast_transition {
	struct ksh_name from, method, to;
	struct ksh_loc loc;
};

struct ast_state_perm {
	struct ksh_name state;
	bool only; /* "in S allow m..." (only these) vs "in S deny m..." */
	ksh_names methods;
	struct ksh_loc loc;
};

struct ast_flow {
	struct ksh_name name;
	struct ksh_name channel;
	ksh_names states;
	struct ksh_name initial;
	KSH_VEC(struct ast_transition) trans;
	KSH_VEC(struct ast_state_perm) perms;
	struct ksh_loc loc;
	uint32_t channel_idx, initial_idx;
	uint32_t *trans_from, *trans_method, *trans_to; /* resolved */
	bool used;
};

struct ast_neverflow {
	struct ksh_name from, to;
	struct ksh_loc loc;
	struct ast_match from_m, to_m;
};

enum ksh_mls_mode { MLS_ENFORCE = 0, MLS_WARN = 1, MLS_OFF = 2 };

struct ast_frame {
	struct ksh_name domain; /* s == NULL: idle */
	struct ksh_value length;
	struct ksh_loc loc;
	uint32_t dom_idx;
};

struct ast_cpu_plan {
	struct ksh_value cpu;
	struct ksh_loc loc;
	KSH_VEC(struct ast_frame) frames;
};

struct ast_system {
	bool set;
	const char *name;
	struct ksh_loc loc;
	struct ksh_value cpus, memory;
	int iommu; /* -1 unset, 0 optional, 1 required */
	struct ksh_loc iommu_loc;
	bool has_platform, has_schedule;
	struct ksh_value major;
	struct ksh_loc sched_loc;
	KSH_VEC(struct ast_cpu_plan) plans;
};

struct ast_symbol {
	const char *name;
	uint32_t kind; /* enum ksh_sym_kind */
	uint32_t index;
	struct ksh_loc loc;
};

/* The whole system, in declaration order. */
struct ast {
	struct ast_system sys;
	KSH_VEC(struct ast_const) consts;
	KSH_VEC(struct ast_label) levels; /* lowest first */
	struct ksh_loc levels_loc;
	bool has_levels;
	KSH_VEC(struct ast_label) categories;
	KSH_VEC(struct ast_label) types;
	KSH_VEC(struct ast_attribute) attributes;
	KSH_VEC(struct ast_domain) domains;
	KSH_VEC(struct ast_shared) shared;
	KSH_VEC(struct ast_channel) channels;
	KSH_VEC(struct ast_event) events;
	KSH_VEC(struct ast_network) networks;
	KSH_VEC(struct ast_rule) rules;
	KSH_VEC(struct ast_flow) flows;
	KSH_VEC(struct ast_neverflow) neverflows;
	uint32_t mls_mode;
	struct ksh_loc mls_loc;
	bool has_mls;
	/* parse state: the declaration whose body is being read */
	uint32_t cur_dom, cur_shared, cur_chan, cur_net, cur_flow, cur_plan;
	/* symbol table: open addressing over every top-level name */
	struct ast_symbol *syms;
	uint32_t n_syms, cap_syms;
};

/* ast_declare - enter a top-level name; reports duplicate-name (with a
 * note at the first definition) and returns false when it is taken. */
bool ast_declare(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		 uint32_t index);

/* ast_lookup - the symbol named @s, or NULL. */
const struct ast_symbol *ast_lookup(const struct ast *a, const char *s);

/* ast_sym_kind_name - "domain", "type", ... for messages. */
const char *ast_sym_kind_name(uint32_t kind);

#endif /* KSHC_AST_H */
