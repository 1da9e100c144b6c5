/* SPDX-License-Identifier: MIT */
/*
 * The table format: the contract between kshc, which generates these
 * tables from a .ksh description, and the kernel, which enforces them.
 *
 * kshc writes one C file of designated initializers against this header;
 * the kernel finds it through the single symbol `ksh_tables` and refuses to
 * boot unless magic, format version and every cross-reference check out
 * (ksh_tables_validate(), kernel/core/tables_check.c, also run by kshc's
 * tests on what it emits).
 *
 * Design rules:
 *  - Everything is an array of plain structs, referenced by 32-bit index,
 *    so that the dump mode, the JSON emitter and the kernel all walk the same
 *    shape. KSH_NONE marks "no reference".
 *  - Arrays owned by a parent (a domain's mappings, a channel's methods) are
 *    contiguous slices given as (first, count) so a lookup is O(1).
 *  - Nothing is decided at run time that was decidable at build time: the
 *    decision table says, per channel endpoint and method, whether the call
 *    is allowed, in which flow states, and whether it is audited.
 *  - Sizes grow with what the system declares (endpoints x methods, states x
 *    methods), never with domains x channels.
 *
 * Bump KSH_TABLES_VERSION on any change to a struct below.
 */
#ifndef KSH_TABLES_H
#define KSH_TABLES_H

#include <stdint.h>

#define KSH_TABLES_MAGIC   0x314C4254484B5355ULL /* "USKHTBL1" little-endian */
#define KSH_TABLES_VERSION 1u

#define KSH_NONE 0xFFFFFFFFu /* an absent 32-bit index */

#define KSH_NAME_MAX 63 /* longest identifier kshc accepts */

typedef uint64_t ksh_gpa_t; /* guest-physical address */

/* ------------------------------------------------------------------ */
/* Labels: type enforcement types, MLS levels, categories              */
/* ------------------------------------------------------------------ */

/* Levels are emitted in lattice order: index 0 is the lowest level. */
struct ksh_label {
	const char *name;
};

#define KSH_MAX_CATEGORIES 64 /* categories are a bitmask in a domain */
#define KSH_MAX_FSM_STATES 64 /* flow states are a bitmask in a decision */

/* ------------------------------------------------------------------ */
/* Payloads: files embedded in the image, measured at build time       */
/* ------------------------------------------------------------------ */

enum ksh_payload_kind {
	KSH_PAYLOAD_NATIVE_ELF = 1,    /* 64-bit native domain, native.h */
	KSH_PAYLOAD_MULTIBOOT_ELF = 2, /* Multiboot v1 or v2 kernel */
	KSH_PAYLOAD_LINUX_KERNEL = 3,  /* bzImage, x86 boot protocol */
	KSH_PAYLOAD_INITRD = 4,
	KSH_PAYLOAD_BLOB = 5, /* raw data file (keys, disk images) */
};

struct ksh_payload {
	const char *name;    /* path as written in the .ksh */
	uint32_t kind;	     /* enum ksh_payload_kind */
	uint32_t domain;     /* owning domain index */
	uint64_t size;	     /* bytes */
	uint8_t sha256[32];  /* checked by the kernel before loading */
	const uint8_t *data; /* embedded bytes (linked in by kshc) */
};

/* ------------------------------------------------------------------ */
/* Memory: objects the kernel allocates, and their mappings            */
/* ------------------------------------------------------------------ */

enum ksh_memobj_kind {
	KSH_MEMOBJ_RAM = 1,	/* a domain's private RAM */
	KSH_MEMOBJ_SHARED = 2,	/* a declared shared-memory region */
	KSH_MEMOBJ_CHANNEL = 3, /* a memory channel's window */
	KSH_MEMOBJ_QUEUE = 4,	/* kernel-private message queue storage */
};

/* One contiguous block of host memory, zeroed at boot, 4 KiB aligned. */
struct ksh_memobj {
	const char *name;
	uint32_t kind;	/* enum ksh_memobj_kind */
	uint32_t owner; /* domain index for RAM, KSH_NONE otherwise */
	uint64_t size;	/* multiple of 4 KiB */
	uint64_t align; /* host alignment: 4 KiB or 2 MiB (for large pages) */
};

/* Access rights of a mapping (nested-paging permissions). */
#define KSH_R 0x1u
#define KSH_W 0x2u
#define KSH_X 0x4u

/* Places [offset, offset+size) of a memory object at gpa in one domain. */
struct ksh_mapping {
	uint32_t domain;
	uint32_t memobj;
	uint64_t offset; /* into the object, 4 KiB aligned */
	ksh_gpa_t gpa;	 /* 4 KiB aligned */
	uint64_t size;	 /* 4 KiB multiple */
	uint32_t rights; /* KSH_R | KSH_W | KSH_X */
	uint32_t reserved;
};

/* ------------------------------------------------------------------ */
/* Domains                                                             */
/* ------------------------------------------------------------------ */

enum ksh_domain_kind {
	KSH_DOMAIN_NATIVE = 1,
	KSH_DOMAIN_LINUX = 2,
	KSH_DOMAIN_MULTIBOOT = 3,
};

/* Domain flags. */
#define KSH_DOMF_FAULT_ON_VIOLATION 0x1u /* inject a fault, do not stop */
#define KSH_DOMF_USER_HYPERCALLS    0x2u /* hypercalls from CPL 3 allowed */
#define KSH_DOMF_AUDIT_READER	    0x4u /* may read the audit ring */

struct ksh_domain {
	const char *name;
	uint32_t kind;	   /* enum ksh_domain_kind */
	uint32_t flags;	   /* KSH_DOMF_* */
	uint64_t ram_size; /* bytes of RAM at guest-physical 0 */
	uint32_t vcpus;
	uint32_t cpu_affinity; /* bit n: may run on CPU n */
	uint32_t type;	       /* index into ksh_types */
	uint32_t level;	       /* index into ksh_levels */
	uint64_t categories;   /* bit n: ksh_categories[n] */
	uint32_t kernel;       /* payload index: ELF or bzImage */
	uint32_t initrd;       /* payload index or KSH_NONE */
	const char *cmdline;   /* Linux/Multiboot command line, or NULL */
	uint32_t first_mapping, n_mappings; /* slice of ksh_mappings */
	uint32_t first_vdev, n_vdevs;	    /* slice of ksh_vdevs */
	uint32_t first_endpoint,
	    n_endpoints;		     /* ksh_endpoints; handles 0..n-1 */
	uint32_t first_passthru, n_passthru; /* slice of ksh_passthru */
};

/* ------------------------------------------------------------------ */
/* Devices                                                             */
/* ------------------------------------------------------------------ */

enum ksh_vdev_model {
	KSH_VDEV_UART = 1,     /* 16550A */
	KSH_VDEV_PIC = 2,      /* 8259A pair */
	KSH_VDEV_PIT = 3,      /* 8254 */
	KSH_VDEV_RTC = 4,      /* MC146818 CMOS/RTC */
	KSH_VDEV_PCI_HOST = 5, /* host bridge, configuration mechanism #1 */
	KSH_VDEV_NE2000 = 6,   /* NE2000 on PCI */
	KSH_VDEV_IDE = 7,
	KSH_VDEV_AHCI = 8,
	KSH_VDEV_CHANNEL = 9, /* the ksh channel PCI device */
};

/* An emulated device in one domain. */
struct ksh_vdev {
	const char *name;
	uint32_t domain;
	uint32_t model;			/* enum ksh_vdev_model */
	uint16_t port_base, port_count; /* I/O ports it decodes, 0 if none */
	uint32_t irq;			/* guest IRQ line, KSH_NONE if none */
	uint32_t pci_bdf; /* bus<<8 | dev<<3 | fn, KSH_NONE if not on PCI */
	uint32_t network; /* NIC: index into ksh_networks, else KSH_NONE */
	uint32_t channel; /* channel device: channel index, else KSH_NONE */
	uint32_t payload; /* disk: backing payload, else KSH_NONE */
	uint32_t flags;	  /* KSH_VDEVF_* */
};

/* This UART receives the bytes typed on the platform's serial console
 * (kernel/core/console_in.c). At most one device in the tables has it,
 * and only a UART. */
#define KSH_VDEVF_CONSOLE_IN 0x1u

/* A physical PCI function handed to one domain (VT-d / AMD-Vi). */
struct ksh_passthru {
	uint32_t domain;
	uint32_t bdf; /* bus<<8 | dev<<3 | fn */
};

/* ------------------------------------------------------------------ */
/* Schedule: a fixed cyclic plan                                       */
/* ------------------------------------------------------------------ */

#define KSH_IDLE KSH_NONE /* a minor frame in which the CPU idles */

/* Minor frames are sorted by (cpu, start); per CPU they tile
 * [0, major_frame_ns) without gaps or overlap (kshc checks). */
struct ksh_minor_frame {
	uint32_t cpu;
	uint32_t domain;   /* domain index or KSH_IDLE */
	uint64_t start_ns; /* offset in the major frame */
	uint64_t length_ns;
};

/* ------------------------------------------------------------------ */
/* Channels, endpoints and the decision table                          */
/* ------------------------------------------------------------------ */

enum ksh_channel_kind {
	KSH_CHANNEL_MEMORY = 1,	 /* shared window + doorbell */
	KSH_CHANNEL_MESSAGE = 2, /* kernel-copied bounded messages */
};

struct ksh_channel {
	const char *name;
	uint32_t kind;	 /* enum ksh_channel_kind */
	uint32_t memobj; /* memory: window; message: queue storage */
	uint64_t size;	 /* memory: window bytes; message: max message bytes */
	uint32_t queue_depth; /* message: messages the queue holds */
	uint32_t first_method, n_methods; /* slice of ksh_methods */
	uint32_t fsm;			  /* index into ksh_fsms or KSH_NONE */
	uint32_t first_endpoint,
	    n_endpoints; /* slice of ksh_channel_endpoints */
	uint32_t event;	 /* memory channel doorbell event or KSH_NONE */
};

/* A method of a message channel; memory channels have none. */
struct ksh_method {
	const char *name;
	uint32_t channel;
	uint32_t n_args;
};

enum ksh_endpoint_role {
	KSH_ROLE_WRITER = 1,   /* memory channel */
	KSH_ROLE_READER = 2,   /* memory channel */
	KSH_ROLE_SENDER = 3,   /* message channel */
	KSH_ROLE_RECEIVER = 4, /* message channel */
};

/*
 * An endpoint is a capability: domain D holds channel C in role R. A
 * domain names channels only through its handles, which are the indices
 * 0..n_endpoints-1 of its slice; there is no way to name anything else.
 * ksh_endpoints is sorted by (domain, handle), so a domain's slice indexes
 * it directly; a channel's slice indexes ksh_channel_endpoints, which holds
 * endpoint indices in channel order.
 */
struct ksh_endpoint {
	uint32_t domain;
	uint32_t channel;
	uint32_t role;		 /* enum ksh_endpoint_role */
	uint32_t mapping;	 /* memory channel: index into ksh_mappings */
	uint32_t first_decision; /* slice of ksh_decisions, n_methods long */
};

/* Decision flags. */
#define KSH_DEC_ALLOW 0x1u
#define KSH_DEC_AUDIT 0x2u /* log grants too, not only denials */

/*
 * ksh_decisions[endpoint.first_decision + method_in_channel]: the whole
 * run-time check for "may this endpoint invoke this method now": ALLOW
 * set, and bit (current flow state) set in allowed_states (all ones when
 * the channel has no flow machine). Then the flow machine moves to
 * ksh_fsm_next[fsm.first_next + state * n_methods + method] if that is not
 * KSH_NONE.
 */
struct ksh_decision {
	uint32_t flags; /* KSH_DEC_* */
	uint32_t rule;	/* index into ksh_rules that decided, or KSH_NONE */
	uint64_t allowed_states;
};

/* A flow state machine attached to a channel. */
struct ksh_fsm {
	const char *name;
	uint32_t channel;
	uint32_t n_states;
	uint32_t initial;
	uint32_t first_state; /* slice of ksh_fsm_states (names) */
	uint32_t first_next;  /* slice of ksh_fsm_next, n_states * n_methods */
};

/* A policy rule as written, kept so audit records and dumps name it. */
struct ksh_rule {
	const char *text;   /* normalized rule text */
	const char *source; /* "file:line" */
};

/* ------------------------------------------------------------------ */
/* Events                                                              */
/* ------------------------------------------------------------------ */

struct ksh_event {
	const char *name;
	uint32_t signaller; /* domain allowed to signal */
	uint32_t waiter;    /* domain that receives it */
	uint32_t vector;    /* virtual interrupt vector in the waiter, or 0 */
};

/* ------------------------------------------------------------------ */
/* Networks and their filters                                          */
/* ------------------------------------------------------------------ */

enum ksh_filter_action { KSH_FILTER_DENY = 0, KSH_FILTER_ALLOW = 1 };

#define KSH_DIR_IN  0x1u /* towards the domain */
#define KSH_DIR_OUT 0x2u /* from the domain */

enum ksh_proto {
	KSH_PROTO_ANY = 0,
	KSH_PROTO_ICMP = 1,
	KSH_PROTO_TCP = 6,
	KSH_PROTO_UDP = 17,
};

struct ksh_network {
	const char *name;
	uint32_t first_rule, n_rules; /* slice of ksh_filter_rules */
	uint32_t default_action;      /* enum ksh_filter_action */
};

/* First match wins; addresses in host byte order. */
struct ksh_filter_rule {
	uint32_t action;	   /* enum ksh_filter_action */
	uint32_t directions;	   /* KSH_DIR_* */
	uint32_t proto;		   /* enum ksh_proto */
	uint32_t addr, prefix_len; /* IPv4 peer address/prefix */
	uint16_t port_lo, port_hi; /* inclusive; 0..65535 = any */
	const char *source;	   /* "file:line" */
};

/* ------------------------------------------------------------------ */
/* The root                                                            */
/* ------------------------------------------------------------------ */

#define KSH_PLATF_IOMMU_REQUIRED 0x1u

#define KSH_SLICE(type, name)                                                  \
	const type *name;                                                      \
	uint32_t n_##name

struct ksh_tables {
	uint64_t magic;		 /* KSH_TABLES_MAGIC */
	uint32_t version;	 /* KSH_TABLES_VERSION */
	uint32_t platform_flags; /* KSH_PLATF_* */
	const char *system_name;
	uint32_t cpus; /* CPUs the platform must have */
	uint32_t reserved;
	uint64_t platform_memory; /* bytes the platform must have */
	uint64_t major_frame_ns;
	KSH_SLICE(struct ksh_label, types);
	KSH_SLICE(struct ksh_label, levels);
	KSH_SLICE(struct ksh_label, categories);
	KSH_SLICE(struct ksh_domain, domains);
	KSH_SLICE(struct ksh_payload, payloads);
	KSH_SLICE(struct ksh_memobj, memobjs);
	KSH_SLICE(struct ksh_mapping, mappings);
	KSH_SLICE(struct ksh_vdev, vdevs);
	KSH_SLICE(struct ksh_passthru, passthru);
	KSH_SLICE(struct ksh_minor_frame, frames);
	KSH_SLICE(struct ksh_channel, channels);
	KSH_SLICE(struct ksh_method, methods);
	KSH_SLICE(struct ksh_endpoint, endpoints);
	KSH_SLICE(uint32_t, channel_endpoints);
	KSH_SLICE(struct ksh_decision, decisions);
	KSH_SLICE(struct ksh_fsm, fsms);
	KSH_SLICE(struct ksh_label, fsm_states);
	KSH_SLICE(uint32_t, fsm_next);
	KSH_SLICE(struct ksh_rule, rules);
	KSH_SLICE(struct ksh_event, events);
	KSH_SLICE(struct ksh_network, networks);
	KSH_SLICE(struct ksh_filter_rule, filter_rules);
};

/* The one symbol the generated tables.c defines. */
extern const struct ksh_tables ksh_tables;

/*
 * ksh_tables_validate - check magic, version and every index and slice.
 * @t:   the tables
 * @err: on failure, a static string naming the first problem found
 *
 * Returns 0 when the tables are self-consistent, or a negative number.
 * Used by the kernel before trusting anything, and by kshc's tests.
 */
int ksh_tables_validate(const struct ksh_tables *t, const char **err);

#endif /* KSH_TABLES_H */
