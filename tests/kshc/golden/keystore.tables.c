/* generated — do not edit.
 * kshc 0.1.0 from examples/keystore.ksh; the format is include/ksh/tables.h. */
#include <ksh/tables.h>

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct ksh_label ksh_types[] = {
	/* type "client_t" — examples/keystore.ksh:23 */
	[0] = {.name = "client_t"},
	/* type "keystore_t" — examples/keystore.ksh:23 */
	[1] = {.name = "keystore_t"},
	/* type "untrusted_t" — examples/keystore.ksh:23 */
	[2] = {.name = "untrusted_t"},
};

static const struct ksh_label ksh_levels[] = {
	/* level "public" — examples/keystore.ksh:22 */
	[0] = {.name = "public"},
	/* level "secret" — examples/keystore.ksh:22 */
	[1] = {.name = "secret"},
};

extern const uint8_t ksh_payload_0[];
extern const uint8_t ksh_payload_1[];
extern const uint8_t ksh_payload_2[];

static const struct ksh_payload ksh_payloads[] = {
	/* payload of "client" — examples/keystore.ksh:27 */
	[0] = {
		.name = "ks_client.elf",
		.kind = KSH_PAYLOAD_NATIVE_ELF,
		.domain = 0, /* client */
		.size = 9176ULL,
		.sha256 = {0xaa, 0xa4, 0x0d, 0x99, 0x8b, 0xb5, 0xaa, 0x6a,
			0x33, 0x73, 0xa3, 0xff, 0xef, 0xd0, 0xae, 0x1e,
			0x84, 0x5c, 0x66, 0xdc, 0x3c, 0xc6, 0x38, 0x1a,
			0xf1, 0xc7, 0xd9, 0xad, 0xc4, 0xa6, 0x09, 0x4c},
		.data = ksh_payload_0,
	},
	/* payload of "keystore" — examples/keystore.ksh:31 */
	[1] = {
		.name = "ks_keystore.elf",
		.kind = KSH_PAYLOAD_NATIVE_ELF,
		.domain = 1, /* keystore */
		.size = 30152ULL,
		.sha256 = {0xdc, 0x78, 0xc9, 0x65, 0x0d, 0xd4, 0xb7, 0x0f,
			0x66, 0xa8, 0xa4, 0xa7, 0x89, 0x4f, 0x95, 0x95,
			0x81, 0xb4, 0x4c, 0x18, 0xa4, 0xcf, 0xed, 0x7c,
			0x47, 0x3d, 0xe5, 0x1d, 0xee, 0x74, 0xcc, 0x0e},
		.data = ksh_payload_1,
	},
	/* payload of "intruder" — examples/keystore.ksh:36 */
	[2] = {
		.name = "ks_intruder.elf",
		.kind = KSH_PAYLOAD_NATIVE_ELF,
		.domain = 2, /* intruder */
		.size = 7408ULL,
		.sha256 = {0x69, 0x17, 0x81, 0xec, 0x69, 0x02, 0x62, 0x39,
			0xd5, 0xaa, 0xe0, 0xe0, 0xa1, 0x1a, 0x8a, 0x58,
			0xc5, 0x65, 0x04, 0xe0, 0x5d, 0xfb, 0x98, 0x57,
			0x14, 0x1e, 0x1e, 0xcb, 0x35, 0xfe, 0x27, 0x70},
		.data = ksh_payload_2,
	},
};

static const struct ksh_domain ksh_domains[] = {
	/* domain "client" — examples/keystore.ksh:27 */
	[0] = {
		.name = "client",
		.kind = KSH_DOMAIN_NATIVE,
		.flags = 0,
		.ram_size = 0x200000ULL,
		.vcpus = 1,
		.cpu_affinity = 0x1u,
		.type = 0, /* client_t */
		.level = 1, /* secret */
		.categories = 0x0ULL,
		.kernel = 0,
		.initrd = KSH_NONE,
		.cmdline = NULL,
		.first_mapping = 0,
		.n_mappings = 1,
		.first_vdev = 0,
		.n_vdevs = 0,
		.first_endpoint = 0,
		.n_endpoints = 2,
		.first_passthru = 0,
		.n_passthru = 0,
	},
	/* domain "keystore" — examples/keystore.ksh:31 */
	[1] = {
		.name = "keystore",
		.kind = KSH_DOMAIN_NATIVE,
		.flags = KSH_DOMF_AUDIT_READER,
		.ram_size = 0x400000ULL,
		.vcpus = 1,
		.cpu_affinity = 0x1u,
		.type = 1, /* keystore_t */
		.level = 1, /* secret */
		.categories = 0x0ULL,
		.kernel = 1,
		.initrd = KSH_NONE,
		.cmdline = NULL,
		.first_mapping = 1,
		.n_mappings = 1,
		.first_vdev = 0,
		.n_vdevs = 0,
		.first_endpoint = 2,
		.n_endpoints = 3,
		.first_passthru = 0,
		.n_passthru = 0,
	},
	/* domain "intruder" — examples/keystore.ksh:36 */
	[2] = {
		.name = "intruder",
		.kind = KSH_DOMAIN_NATIVE,
		.flags = 0,
		.ram_size = 0x200000ULL,
		.vcpus = 1,
		.cpu_affinity = 0x1u,
		.type = 2, /* untrusted_t */
		.level = 0, /* public */
		.categories = 0x0ULL,
		.kernel = 2,
		.initrd = KSH_NONE,
		.cmdline = NULL,
		.first_mapping = 2,
		.n_mappings = 1,
		.first_vdev = 0,
		.n_vdevs = 0,
		.first_endpoint = 5,
		.n_endpoints = 1,
		.first_passthru = 0,
		.n_passthru = 0,
	},
};

static const struct ksh_memobj ksh_memobjs[] = {
	/* RAM of "client" — examples/keystore.ksh:27 */
	[0] = {
		.name = "client.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 0, /* client */
		.size = 0x200000ULL,
		.align = 0x200000ULL,
	},
	/* RAM of "keystore" — examples/keystore.ksh:31 */
	[1] = {
		.name = "keystore.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 1, /* keystore */
		.size = 0x400000ULL,
		.align = 0x200000ULL,
	},
	/* RAM of "intruder" — examples/keystore.ksh:36 */
	[2] = {
		.name = "intruder.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 2, /* intruder */
		.size = 0x200000ULL,
		.align = 0x200000ULL,
	},
	/* queue of channel "crypto" — examples/keystore.ksh:41 */
	[3] = {
		.name = "crypto.queue",
		.kind = KSH_MEMOBJ_QUEUE,
		.owner = KSH_NONE,
		.size = 0x5000ULL,
		.align = 0x1000ULL,
	},
	/* queue of channel "reply" — examples/keystore.ksh:48 */
	[4] = {
		.name = "reply.queue",
		.kind = KSH_MEMOBJ_QUEUE,
		.owner = KSH_NONE,
		.size = 0x1000ULL,
		.align = 0x1000ULL,
	},
	/* queue of channel "guest_crypto" — examples/keystore.ksh:55 */
	[5] = {
		.name = "guest_crypto.queue",
		.kind = KSH_MEMOBJ_QUEUE,
		.owner = KSH_NONE,
		.size = 0x11000ULL,
		.align = 0x1000ULL,
	},
};

static const struct ksh_mapping ksh_mappings[] = {
	/* RAM of "client" — examples/keystore.ksh:27 */
	[0] = {
		.domain = 0, /* client */
		.memobj = 0, /* client.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x200000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
	/* RAM of "keystore" — examples/keystore.ksh:31 */
	[1] = {
		.domain = 1, /* keystore */
		.memobj = 1, /* keystore.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x400000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
	/* RAM of "intruder" — examples/keystore.ksh:36 */
	[2] = {
		.domain = 2, /* intruder */
		.memobj = 2, /* intruder.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x200000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
};

static const struct ksh_minor_frame ksh_frames[] = {
	/* cpu 0: client — examples/keystore.ksh:18 */
	[0] = {
		.cpu = 0,
		.domain = 0, /* client */
		.start_ns = 0ULL,
		.length_ns = 2000000ULL,
	},
	/* cpu 0: keystore — examples/keystore.ksh:18 */
	[1] = {
		.cpu = 0,
		.domain = 1, /* keystore */
		.start_ns = 2000000ULL,
		.length_ns = 2000000ULL,
	},
	/* cpu 0: intruder — examples/keystore.ksh:18 */
	[2] = {
		.cpu = 0,
		.domain = 2, /* intruder */
		.start_ns = 4000000ULL,
		.length_ns = 2000000ULL,
	},
};

static const struct ksh_channel ksh_channels[] = {
	/* channel "crypto" — examples/keystore.ksh:41 */
	[0] = {
		.name = "crypto",
		.kind = KSH_CHANNEL_MESSAGE,
		.memobj = 3, /* crypto.queue */
		.size = 0x1000ULL,
		.queue_depth = 4,
		.first_method = 0,
		.n_methods = 3,
		.fsm = 0,
		.first_endpoint = 0,
		.n_endpoints = 2,
		.event = KSH_NONE,
	},
	/* channel "reply" — examples/keystore.ksh:48 */
	[1] = {
		.name = "reply",
		.kind = KSH_CHANNEL_MESSAGE,
		.memobj = 4, /* reply.queue */
		.size = 0x100ULL,
		.queue_depth = 4,
		.first_method = 3,
		.n_methods = 2,
		.fsm = KSH_NONE,
		.first_endpoint = 2,
		.n_endpoints = 2,
		.event = KSH_NONE,
	},
	/* channel "guest_crypto" — examples/keystore.ksh:55 */
	[2] = {
		.name = "guest_crypto",
		.kind = KSH_CHANNEL_MESSAGE,
		.memobj = 5, /* guest_crypto.queue */
		.size = 0x1000ULL,
		.queue_depth = 16,
		.first_method = 5,
		.n_methods = 1,
		.fsm = KSH_NONE,
		.first_endpoint = 4,
		.n_endpoints = 2,
		.event = KSH_NONE,
	},
};

static const struct ksh_method ksh_methods[] = {
	/* crypto.unlock — examples/keystore.ksh:44 */
	[0] = {
		.name = "unlock",
		.channel = 0,
		.n_args = 1,
	},
	/* crypto.sign — examples/keystore.ksh:44 */
	[1] = {
		.name = "sign",
		.channel = 0,
		.n_args = 1,
	},
	/* crypto.lock — examples/keystore.ksh:44 */
	[2] = {
		.name = "lock",
		.channel = 0,
		.n_args = 0,
	},
	/* reply.status — examples/keystore.ksh:51 */
	[3] = {
		.name = "status",
		.channel = 1,
		.n_args = 1,
	},
	/* reply.signature — examples/keystore.ksh:51 */
	[4] = {
		.name = "signature",
		.channel = 1,
		.n_args = 1,
	},
	/* guest_crypto.sign — examples/keystore.ksh:57 */
	[5] = {
		.name = "sign",
		.channel = 2,
		.n_args = 1,
	},
};

static const struct ksh_endpoint ksh_endpoints[] = {
	/* "client" handle 0: sender of "crypto" — examples/keystore.ksh:41 */
	[0] = {
		.domain = 0, /* client */
		.channel = 0, /* crypto */
		.role = KSH_ROLE_SENDER,
		.mapping = KSH_NONE,
		.first_decision = 0,
	},
	/* "client" handle 1: receiver of "reply" — examples/keystore.ksh:48 */
	[1] = {
		.domain = 0, /* client */
		.channel = 1, /* reply */
		.role = KSH_ROLE_RECEIVER,
		.mapping = KSH_NONE,
		.first_decision = 3,
	},
	/* "keystore" handle 0: receiver of "crypto" — examples/keystore.ksh:41 */
	[2] = {
		.domain = 1, /* keystore */
		.channel = 0, /* crypto */
		.role = KSH_ROLE_RECEIVER,
		.mapping = KSH_NONE,
		.first_decision = 5,
	},
	/* "keystore" handle 1: sender of "reply" — examples/keystore.ksh:48 */
	[3] = {
		.domain = 1, /* keystore */
		.channel = 1, /* reply */
		.role = KSH_ROLE_SENDER,
		.mapping = KSH_NONE,
		.first_decision = 8,
	},
	/* "keystore" handle 2: receiver of "guest_crypto" — examples/keystore.ksh:55 */
	[4] = {
		.domain = 1, /* keystore */
		.channel = 2, /* guest_crypto */
		.role = KSH_ROLE_RECEIVER,
		.mapping = KSH_NONE,
		.first_decision = 10,
	},
	/* "intruder" handle 0: sender of "guest_crypto" — examples/keystore.ksh:55 */
	[5] = {
		.domain = 2, /* intruder */
		.channel = 2, /* guest_crypto */
		.role = KSH_ROLE_SENDER,
		.mapping = KSH_NONE,
		.first_decision = 11,
	},
};

static const uint32_t ksh_channel_endpoints[] = {
	/* "crypto" end 0 — examples/keystore.ksh:41 */
	[0] = 0,
	/* "crypto" end 1 — examples/keystore.ksh:41 */
	[1] = 2,
	/* "reply" end 0 — examples/keystore.ksh:48 */
	[2] = 3,
	/* "reply" end 1 — examples/keystore.ksh:48 */
	[3] = 1,
	/* "guest_crypto" end 0 — examples/keystore.ksh:55 */
	[4] = 5,
	/* "guest_crypto" end 1 — examples/keystore.ksh:55 */
	[5] = 4,
};

static const struct ksh_decision ksh_decisions[] = {
	/* crypto.unlock for "client" — examples/keystore.ksh:44 */
	[0] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* crypto.sign for "client" — examples/keystore.ksh:44 */
	[1] = {
		.flags = KSH_DEC_ALLOW | KSH_DEC_AUDIT,
		.rule = 0,
		.allowed_states = 0x2ULL,
	},
	/* crypto.lock for "client" — examples/keystore.ksh:44 */
	[2] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* reply.status for "client" — examples/keystore.ksh:51 */
	[3] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* reply.signature for "client" — examples/keystore.ksh:51 */
	[4] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* crypto.unlock for "keystore" — examples/keystore.ksh:44 */
	[5] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* crypto.sign for "keystore" — examples/keystore.ksh:44 */
	[6] = {
		.flags = KSH_DEC_ALLOW | KSH_DEC_AUDIT,
		.rule = 0,
		.allowed_states = 0x2ULL,
	},
	/* crypto.lock for "keystore" — examples/keystore.ksh:44 */
	[7] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* reply.status for "keystore" — examples/keystore.ksh:51 */
	[8] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* reply.signature for "keystore" — examples/keystore.ksh:51 */
	[9] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* guest_crypto.sign for "keystore" — examples/keystore.ksh:57 */
	[10] = {
		.flags = 0,
		.rule = KSH_NONE,
		.allowed_states = 0x0ULL,
	},
	/* guest_crypto.sign for "intruder" — examples/keystore.ksh:57 */
	[11] = {
		.flags = 0,
		.rule = KSH_NONE,
		.allowed_states = 0x0ULL,
	},
};

static const struct ksh_fsm ksh_fsms[] = {
	/* flow "session" — examples/keystore.ksh:65 */
	[0] = {
		.name = "session",
		.channel = 0,
		.n_states = 2,
		.initial = 0,
		.first_state = 0,
		.first_next = 0,
	},
};

static const struct ksh_label ksh_fsm_states[] = {
	/* state locked of "session" — examples/keystore.ksh:66 */
	[0] = {.name = "locked"},
	/* state unlocked of "session" — examples/keystore.ksh:66 */
	[1] = {.name = "unlocked"},
};

static const uint32_t ksh_fsm_next[] = {
	/* session: locked -unlock-> */
	[0] = 1,
	/* session: locked -sign-> */
	[1] = KSH_NONE,
	/* session: locked -lock-> */
	[2] = KSH_NONE,
	/* session: unlocked -unlock-> */
	[3] = KSH_NONE,
	/* session: unlocked -sign-> */
	[4] = KSH_NONE,
	/* session: unlocked -lock-> */
	[5] = 0,
};

static const struct ksh_rule ksh_rules[] = {
	/* rule 0 — examples/keystore.ksh:62 */
	[0] = {
		.text = "allow client_t keystore_t : crypto { sign } audit",
		.source = "examples/keystore.ksh:62",
	},
	/* rule 1 — examples/keystore.ksh:63 */
	[1] = {
		.text = "allow client_t keystore_t : crypto { unlock, lock }",
		.source = "examples/keystore.ksh:63",
	},
	/* rule 2 — examples/keystore.ksh:64 */
	[2] = {
		.text = "allow keystore_t client_t : reply { status, signature }",
		.source = "examples/keystore.ksh:64",
	},
};

const struct ksh_tables ksh_tables = {
	.magic = KSH_TABLES_MAGIC,
	.version = KSH_TABLES_VERSION,
	.platform_flags = 0,
	.system_name = "keystore",
	.cpus = 1,
	.platform_memory = 0x4000000ULL,
	.major_frame_ns = 6000000ULL,
	.types = ksh_types,
	.n_types = ARRAY_SIZE(ksh_types),
	.levels = ksh_levels,
	.n_levels = ARRAY_SIZE(ksh_levels),
	.categories = NULL,
	.n_categories = 0,
	.domains = ksh_domains,
	.n_domains = ARRAY_SIZE(ksh_domains),
	.payloads = ksh_payloads,
	.n_payloads = ARRAY_SIZE(ksh_payloads),
	.memobjs = ksh_memobjs,
	.n_memobjs = ARRAY_SIZE(ksh_memobjs),
	.mappings = ksh_mappings,
	.n_mappings = ARRAY_SIZE(ksh_mappings),
	.vdevs = NULL,
	.n_vdevs = 0,
	.passthru = NULL,
	.n_passthru = 0,
	.frames = ksh_frames,
	.n_frames = ARRAY_SIZE(ksh_frames),
	.channels = ksh_channels,
	.n_channels = ARRAY_SIZE(ksh_channels),
	.methods = ksh_methods,
	.n_methods = ARRAY_SIZE(ksh_methods),
	.endpoints = ksh_endpoints,
	.n_endpoints = ARRAY_SIZE(ksh_endpoints),
	.channel_endpoints = ksh_channel_endpoints,
	.n_channel_endpoints = ARRAY_SIZE(ksh_channel_endpoints),
	.decisions = ksh_decisions,
	.n_decisions = ARRAY_SIZE(ksh_decisions),
	.fsms = ksh_fsms,
	.n_fsms = ARRAY_SIZE(ksh_fsms),
	.fsm_states = ksh_fsm_states,
	.n_fsm_states = ARRAY_SIZE(ksh_fsm_states),
	.fsm_next = ksh_fsm_next,
	.n_fsm_next = ARRAY_SIZE(ksh_fsm_next),
	.rules = ksh_rules,
	.n_rules = ARRAY_SIZE(ksh_rules),
	.events = NULL,
	.n_events = 0,
	.networks = NULL,
	.n_networks = 0,
	.filter_rules = NULL,
	.n_filter_rules = 0,
};
