/* generated — do not edit.
 * kshc 0.1.0 from examples/hello.ksh; the format is include/ksh/tables.h. */
#include <ksh/tables.h>

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct ksh_label ksh_types[] = {
	/* type "hello_t" — examples/hello.ksh:23 */
	[0] = {.name = "hello_t"},
};

static const struct ksh_label ksh_levels[] = {
	/* level "low" — examples/hello.ksh:22 */
	[0] = {.name = "low"},
};

extern const uint8_t ksh_payload_0[];
extern const uint8_t ksh_payload_1[];

static const struct ksh_payload ksh_payloads[] = {
	/* payload of "hello_a" — examples/hello.ksh:25 */
	[0] = {
		.name = "hello.elf",
		.kind = KSH_PAYLOAD_NATIVE_ELF,
		.domain = 0, /* hello_a */
		.size = 8632ULL,
		.sha256 = {0x0c, 0xf9, 0xde, 0x36, 0x85, 0x7c, 0x70, 0x1e,
			0xbf, 0xa8, 0x3d, 0x69, 0x07, 0x94, 0xba, 0xe6,
			0xc5, 0x60, 0x87, 0xc3, 0x92, 0x6b, 0xe9, 0x25,
			0x7b, 0x38, 0x66, 0xb7, 0x13, 0xf1, 0x74, 0x7d},
		.data = ksh_payload_0,
	},
	/* payload of "hello_b" — examples/hello.ksh:32 */
	[1] = {
		.name = "hello.elf",
		.kind = KSH_PAYLOAD_NATIVE_ELF,
		.domain = 1, /* hello_b */
		.size = 8632ULL,
		.sha256 = {0x0c, 0xf9, 0xde, 0x36, 0x85, 0x7c, 0x70, 0x1e,
			0xbf, 0xa8, 0x3d, 0x69, 0x07, 0x94, 0xba, 0xe6,
			0xc5, 0x60, 0x87, 0xc3, 0x92, 0x6b, 0xe9, 0x25,
			0x7b, 0x38, 0x66, 0xb7, 0x13, 0xf1, 0x74, 0x7d},
		.data = ksh_payload_1,
	},
};

static const struct ksh_domain ksh_domains[] = {
	/* domain "hello_a" — examples/hello.ksh:25 */
	[0] = {
		.name = "hello_a",
		.kind = KSH_DOMAIN_NATIVE,
		.flags = 0,
		.ram_size = 0x200000ULL,
		.vcpus = 1,
		.cpu_affinity = 0x1u,
		.type = 0, /* hello_t */
		.level = 0, /* low */
		.categories = 0x0ULL,
		.kernel = 0,
		.initrd = KSH_NONE,
		.cmdline = NULL,
		.first_mapping = 0,
		.n_mappings = 1,
		.first_vdev = 0,
		.n_vdevs = 0,
		.first_endpoint = 0,
		.n_endpoints = 1,
		.first_passthru = 0,
		.n_passthru = 0,
	},
	/* domain "hello_b" — examples/hello.ksh:32 */
	[1] = {
		.name = "hello_b",
		.kind = KSH_DOMAIN_NATIVE,
		.flags = 0,
		.ram_size = 0x200000ULL,
		.vcpus = 1,
		.cpu_affinity = 0x1u,
		.type = 0, /* hello_t */
		.level = 0, /* low */
		.categories = 0x0ULL,
		.kernel = 1,
		.initrd = KSH_NONE,
		.cmdline = NULL,
		.first_mapping = 1,
		.n_mappings = 1,
		.first_vdev = 0,
		.n_vdevs = 0,
		.first_endpoint = 1,
		.n_endpoints = 1,
		.first_passthru = 0,
		.n_passthru = 0,
	},
};

static const struct ksh_memobj ksh_memobjs[] = {
	/* RAM of "hello_a" — examples/hello.ksh:25 */
	[0] = {
		.name = "hello_a.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 0, /* hello_a */
		.size = 0x200000ULL,
		.align = 0x200000ULL,
	},
	/* RAM of "hello_b" — examples/hello.ksh:32 */
	[1] = {
		.name = "hello_b.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 1, /* hello_b */
		.size = 0x200000ULL,
		.align = 0x200000ULL,
	},
	/* queue of channel "greet" — examples/hello.ksh:39 */
	[2] = {
		.name = "greet.queue",
		.kind = KSH_MEMOBJ_QUEUE,
		.owner = KSH_NONE,
		.size = 0x2000ULL,
		.align = 0x1000ULL,
	},
};

static const struct ksh_mapping ksh_mappings[] = {
	/* RAM of "hello_a" — examples/hello.ksh:25 */
	[0] = {
		.domain = 0, /* hello_a */
		.memobj = 0, /* hello_a.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x200000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
	/* RAM of "hello_b" — examples/hello.ksh:32 */
	[1] = {
		.domain = 1, /* hello_b */
		.memobj = 1, /* hello_b.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x200000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
};

static const struct ksh_minor_frame ksh_frames[] = {
	/* cpu 0: hello_a — examples/hello.ksh:16 */
	[0] = {
		.cpu = 0,
		.domain = 0, /* hello_a */
		.start_ns = 0ULL,
		.length_ns = 5000000ULL,
	},
	/* cpu 0: hello_b — examples/hello.ksh:17 */
	[1] = {
		.cpu = 0,
		.domain = 1, /* hello_b */
		.start_ns = 5000000ULL,
		.length_ns = 5000000ULL,
	},
};

static const struct ksh_channel ksh_channels[] = {
	/* channel "greet" — examples/hello.ksh:39 */
	[0] = {
		.name = "greet",
		.kind = KSH_CHANNEL_MESSAGE,
		.memobj = 2, /* greet.queue */
		.size = 0x100ULL,
		.queue_depth = 16,
		.first_method = 0,
		.n_methods = 1,
		.fsm = KSH_NONE,
		.first_endpoint = 0,
		.n_endpoints = 2,
		.event = KSH_NONE,
	},
};

static const struct ksh_method ksh_methods[] = {
	/* greet.hello — examples/hello.ksh:42 */
	[0] = {
		.name = "hello",
		.channel = 0,
		.n_args = 1,
	},
};

static const struct ksh_endpoint ksh_endpoints[] = {
	/* "hello_a" handle 0: sender of "greet" — examples/hello.ksh:39 */
	[0] = {
		.domain = 0, /* hello_a */
		.channel = 0, /* greet */
		.role = KSH_ROLE_SENDER,
		.mapping = KSH_NONE,
		.first_decision = 0,
	},
	/* "hello_b" handle 0: receiver of "greet" — examples/hello.ksh:39 */
	[1] = {
		.domain = 1, /* hello_b */
		.channel = 0, /* greet */
		.role = KSH_ROLE_RECEIVER,
		.mapping = KSH_NONE,
		.first_decision = 1,
	},
};

static const uint32_t ksh_channel_endpoints[] = {
	/* "greet" end 0 — examples/hello.ksh:39 */
	[0] = 0,
	/* "greet" end 1 — examples/hello.ksh:39 */
	[1] = 1,
};

static const struct ksh_decision ksh_decisions[] = {
	/* greet.hello for "hello_a" — examples/hello.ksh:42 */
	[0] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 0,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* greet.hello for "hello_b" — examples/hello.ksh:42 */
	[1] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 0,
		.allowed_states = 0xffffffffffffffffULL,
	},
};

static const struct ksh_rule ksh_rules[] = {
	/* rule 0 — examples/hello.ksh:47 */
	[0] = {
		.text = "allow hello_a hello_b : greet { hello }",
		.source = "examples/hello.ksh:47",
	},
};

const struct ksh_tables ksh_tables = {
	.magic = KSH_TABLES_MAGIC,
	.version = KSH_TABLES_VERSION,
	.platform_flags = 0,
	.system_name = "hello",
	.cpus = 1,
	.platform_memory = 0x4000000ULL,
	.major_frame_ns = 10000000ULL,
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
	.fsms = NULL,
	.n_fsms = 0,
	.fsm_states = NULL,
	.n_fsm_states = 0,
	.fsm_next = NULL,
	.n_fsm_next = 0,
	.rules = ksh_rules,
	.n_rules = ARRAY_SIZE(ksh_rules),
	.events = NULL,
	.n_events = 0,
	.networks = NULL,
	.n_networks = 0,
	.filter_rules = NULL,
	.n_filter_rules = 0,
};
