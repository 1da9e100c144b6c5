/* SPDX-License-Identifier: MIT */
/*
 * A small system for the channel tests, written out as the tables kshc
 * would emit for it:
 *
 *   domain client   (0): 64 KiB RAM at 0, plus a read-only page at 64 KiB
 *   domain keystore (1): 64 KiB RAM, audit reader
 *   domain intruder (2): 64 KiB RAM, no channel
 *   channel crypto : message client -> keystore { size 64; depth 2;
 *       methods { unlock; sign; lock; } }
 *   channel reply  : message keystore -> client { size 64; depth 4;
 *       methods { data; } }
 *   channel win    : memory client -> keystore
 *   event doorbell : client -> keystore;  event ping : keystore -> client
 *   policy {
 *       allow client keystore : crypto { unlock, sign } ;  // rule 0
 *       deny client keystore : crypto { lock };             // rule 1
 *       allow keystore client : reply { data };             // rule 2
 *       flow session on crypto { states locked, unlocked; initial locked;
 *           locked -unlock-> unlocked; in locked deny sign; }
 *   }
 *   sign is marked audit.
 *
 * Handles: client 0 = crypto (sender), 1 = reply (receiver), 2 = win
 * (writer); keystore 0 = crypto (receiver), 1 = reply (sender), 2 = win
 * (reader).
 */
#ifndef TEST_CHAN_FIXTURE_H
#define TEST_CHAN_FIXTURE_H

#include <ksh/chan.h>
#include <stdio.h>
#include <string.h>

#define FX_RAM	 0x10000u
#define FX_QUEUE 0x1000u

enum { FX_CLIENT, FX_KEYSTORE, FX_INTRUDER };
enum { FX_UNLOCK, FX_SIGN, FX_LOCK };
enum { FX_LOCKED, FX_UNLOCKED };

static const struct ksh_memobj fx_memobjs[] = {
    {.name = "client.ram", .kind = KSH_MEMOBJ_RAM, .owner = 0, .size = FX_RAM},
    {.name = "ro",
     .kind = KSH_MEMOBJ_SHARED,
     .owner = KSH_NONE,
     .size = 0x1000},
    {.name = "keystore.ram",
     .kind = KSH_MEMOBJ_RAM,
     .owner = 1,
     .size = FX_RAM},
    {.name = "intruder.ram",
     .kind = KSH_MEMOBJ_RAM,
     .owner = 2,
     .size = FX_RAM},
    {.name = "crypto.queue",
     .kind = KSH_MEMOBJ_QUEUE,
     .owner = KSH_NONE,
     .size = FX_QUEUE},
    {.name = "reply.queue",
     .kind = KSH_MEMOBJ_QUEUE,
     .owner = KSH_NONE,
     .size = FX_QUEUE},
    {.name = "win",
     .kind = KSH_MEMOBJ_CHANNEL,
     .owner = KSH_NONE,
     .size = 0x1000},
};

static const struct ksh_mapping fx_mappings[] = {
    {.domain = 0,
     .memobj = 0,
     .gpa = 0,
     .size = FX_RAM,
     .rights = KSH_R | KSH_W | KSH_X},
    {.domain = 0, .memobj = 1, .gpa = FX_RAM, .size = 0x1000, .rights = KSH_R},
    {.domain = 0,
     .memobj = 6,
     .gpa = 0x100000,
     .size = 0x1000,
     .rights = KSH_R | KSH_W},
    {.domain = 1,
     .memobj = 2,
     .gpa = 0,
     .size = FX_RAM,
     .rights = KSH_R | KSH_W | KSH_X},
    {.domain = 1,
     .memobj = 6,
     .gpa = 0x100000,
     .size = 0x1000,
     .rights = KSH_R},
    {.domain = 2,
     .memobj = 3,
     .gpa = 0,
     .size = FX_RAM,
     .rights = KSH_R | KSH_W | KSH_X},
};

static const struct ksh_domain fx_domains[] = {
    {.name = "client",
     .kind = KSH_DOMAIN_NATIVE,
     .ram_size = FX_RAM,
     .first_mapping = 0,
     .n_mappings = 3,
     .first_endpoint = 0,
     .n_endpoints = 3},
    {.name = "keystore",
     .kind = KSH_DOMAIN_NATIVE,
     .ram_size = FX_RAM,
     .flags = KSH_DOMF_AUDIT_READER,
     .first_mapping = 3,
     .n_mappings = 2,
     .first_endpoint = 3,
     .n_endpoints = 3},
    {.name = "intruder",
     .kind = KSH_DOMAIN_NATIVE,
     .ram_size = FX_RAM,
     .first_mapping = 5,
     .n_mappings = 1,
     .first_endpoint = 6,
     .n_endpoints = 0},
};

static const struct ksh_channel fx_channels[] = {
    {.name = "crypto",
     .kind = KSH_CHANNEL_MESSAGE,
     .memobj = 4,
     .size = 64,
     .queue_depth = 2,
     .first_method = 0,
     .n_methods = 3,
     .fsm = 0,
     .first_endpoint = 0,
     .n_endpoints = 2,
     .event = KSH_NONE},
    {.name = "reply",
     .kind = KSH_CHANNEL_MESSAGE,
     .memobj = 5,
     .size = 64,
     .queue_depth = 4,
     .first_method = 3,
     .n_methods = 1,
     .fsm = KSH_NONE,
     .first_endpoint = 2,
     .n_endpoints = 2,
     .event = KSH_NONE},
    {.name = "win",
     .kind = KSH_CHANNEL_MEMORY,
     .memobj = 6,
     .size = 0x1000,
     .first_method = 4,
     .n_methods = 0,
     .fsm = KSH_NONE,
     .first_endpoint = 4,
     .n_endpoints = 2,
     .event = 0},
};

static const struct ksh_method fx_methods[] = {
    {.name = "unlock", .channel = 0, .n_args = 1},
    {.name = "sign", .channel = 0, .n_args = 2},
    {.name = "lock", .channel = 0, .n_args = 0},
    {.name = "data", .channel = 1, .n_args = 1},
};

static const struct ksh_endpoint fx_endpoints[] = {
    {.domain = 0,
     .channel = 0,
     .role = KSH_ROLE_SENDER,
     .mapping = KSH_NONE,
     .first_decision = 0},
    {.domain = 0,
     .channel = 1,
     .role = KSH_ROLE_RECEIVER,
     .mapping = KSH_NONE,
     .first_decision = 3},
    {.domain = 0,
     .channel = 2,
     .role = KSH_ROLE_WRITER,
     .mapping = 2,
     .first_decision = 4},
    {.domain = 1,
     .channel = 0,
     .role = KSH_ROLE_RECEIVER,
     .mapping = KSH_NONE,
     .first_decision = 4},
    {.domain = 1,
     .channel = 1,
     .role = KSH_ROLE_SENDER,
     .mapping = KSH_NONE,
     .first_decision = 7},
    {.domain = 1,
     .channel = 2,
     .role = KSH_ROLE_READER,
     .mapping = 4,
     .first_decision = 8},
};

#define FX_ALL_STATES 0xFFFFFFFFFFFFFFFFull
static const struct ksh_decision fx_decisions[] = {
    /* client's crypto: unlock, sign (audited, unlocked only), lock */
    {.flags = KSH_DEC_ALLOW, .rule = 0, .allowed_states = FX_ALL_STATES},
    {.flags = KSH_DEC_ALLOW | KSH_DEC_AUDIT,
     .rule = 0,
     .allowed_states = 1ull << FX_UNLOCKED},
    {.flags = 0, .rule = 1, .allowed_states = 0},
    /* client's reply */
    {.flags = KSH_DEC_ALLOW, .rule = 2, .allowed_states = FX_ALL_STATES},
    /* keystore's crypto (the same message decisions) */
    {.flags = KSH_DEC_ALLOW, .rule = 0, .allowed_states = FX_ALL_STATES},
    {.flags = KSH_DEC_ALLOW | KSH_DEC_AUDIT,
     .rule = 0,
     .allowed_states = 1ull << FX_UNLOCKED},
    {.flags = 0, .rule = 1, .allowed_states = 0},
    /* keystore's reply */
    {.flags = KSH_DEC_ALLOW, .rule = 2, .allowed_states = FX_ALL_STATES},
};

static const struct ksh_fsm fx_fsms[] = {
    {.name = "session",
     .channel = 0,
     .n_states = 2,
     .initial = FX_LOCKED,
     .first_state = 0,
     .first_next = 0},
};
static const struct ksh_label fx_fsm_states[] = {{"locked"}, {"unlocked"}};
/* [state][method]: locked -unlock-> unlocked, nothing else moves. */
static const uint32_t fx_fsm_next[] = {
    FX_UNLOCKED, KSH_NONE, KSH_NONE, KSH_NONE, KSH_NONE, KSH_NONE,
};
static const struct ksh_rule fx_rules[] = {
    {.text = "allow client keystore : crypto { unlock, sign }",
     .source = "t.ksh:10"},
    {.text = "deny client keystore : crypto { lock }", .source = "t.ksh:11"},
    {.text = "allow keystore client : reply { data }", .source = "t.ksh:12"},
};
static const struct ksh_event fx_events[] = {
    {.name = "doorbell", .signaller = 0, .waiter = 1},
    {.name = "ping", .signaller = 1, .waiter = 0},
};

static const struct ksh_tables fx_tables = {
    .magic = KSH_TABLES_MAGIC,
    .version = KSH_TABLES_VERSION,
    .domains = fx_domains,
    .n_domains = 3,
    .memobjs = fx_memobjs,
    .n_memobjs = 7,
    .mappings = fx_mappings,
    .n_mappings = 6,
    .channels = fx_channels,
    .n_channels = 3,
    .methods = fx_methods,
    .n_methods = 4,
    .endpoints = fx_endpoints,
    .n_endpoints = 6,
    .decisions = fx_decisions,
    .n_decisions = 8,
    .fsms = fx_fsms,
    .n_fsms = 1,
    .fsm_states = fx_fsm_states,
    .n_fsm_states = 2,
    .fsm_next = fx_fsm_next,
    .n_fsm_next = 6,
    .rules = fx_rules,
    .n_rules = 3,
    .events = fx_events,
    .n_events = 2,
};

/* The fixture's memory and run-time state, and the console lines the
 * channel code printed (newest last). */
struct fx {
	uint8_t mem[7][FX_RAM];
	uint64_t hpa[7];
	uint8_t state[256];
	struct audit_ring ring;
	struct chan_sys sys;
	char lines[16][320];
	unsigned n_lines;
};

static inline void fx_log(void *ctx, const char *line)
{
	struct fx *f = ctx;

	snprintf(f->lines[f->n_lines % 16], sizeof(f->lines[0]), "%s", line);
	f->n_lines++;
}

static inline const char *fx_last_line(const struct fx *f)
{
	return f->n_lines == 0 ? "" : f->lines[(f->n_lines - 1) % 16];
}

static inline struct fx *fx_new(void)
{
	static struct fx f;
	uint32_t bad = 0;

	memset(&f, 0, sizeof(f));
	for (int i = 0; i < 7; i++)
		f.hpa[i] = (uint64_t)(uintptr_t)f.mem[i];
	if (chan_state_bytes(&fx_tables) > sizeof(f.state) ||
	    chan_sys_init(&f.sys, &fx_tables, f.hpa, f.state, &f.ring, &bad) !=
		0)
		return NULL;
	f.sys.log = fx_log;
	f.sys.log_ctx = &f;
	return &f;
}

/* A hypercall by domain dom at time 1000 + call count. */
static inline int64_t fx_call(struct fx *f, uint32_t dom, uint64_t nr,
			      uint64_t a0, uint64_t a1, uint64_t a2,
			      uint64_t a3)
{
	static uint64_t now = 1000;
	struct hc_call c = {.nr = nr, .arg = {a0, a1, a2, a3}, .cpl = 0};

	return chan_hcall(&f->sys, dom, &c, now++);
}

/* Guest memory of domain d's RAM at gpa. */
static inline uint8_t *fx_ram(struct fx *f, uint32_t d, uint64_t gpa)
{
	static const int ram_obj[] = {0, 2, 3};

	return &f->mem[ram_obj[d]][gpa];
}

#endif /* TEST_CHAN_FIXTURE_H */
