/* generated — do not edit.
 * kshc 0.1.0 from examples/keystore_linux.ksh; the format is include/ksh/tables.h. */
#include <ksh/tables.h>

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct ksh_label ksh_types[] = {
	/* type "client_t" — examples/keystore_linux.ksh:37 */
	[0] = {.name = "client_t"},
	/* type "keystore_t" — examples/keystore_linux.ksh:37 */
	[1] = {.name = "keystore_t"},
	/* type "untrusted_t" — examples/keystore_linux.ksh:37 */
	[2] = {.name = "untrusted_t"},
};

static const struct ksh_label ksh_levels[] = {
	/* level "public" — examples/keystore_linux.ksh:36 */
	[0] = {.name = "public"},
	/* level "secret" — examples/keystore_linux.ksh:36 */
	[1] = {.name = "secret"},
};

extern const uint8_t ksh_payload_0[];
extern const uint8_t ksh_payload_1[];
extern const uint8_t ksh_payload_2[];
extern const uint8_t ksh_payload_3[];

static const struct ksh_payload ksh_payloads[] = {
	/* payload of "client" — examples/keystore_linux.ksh:41 */
	[0] = {
		.name = "vmlinuz",
		.kind = KSH_PAYLOAD_LINUX_KERNEL,
		.domain = 0, /* client */
		.size = 4096ULL,
		.sha256 = {0x4b, 0x6a, 0x75, 0x65, 0x30, 0x12, 0x08, 0xd8,
			0xba, 0x4b, 0xb6, 0x1a, 0xee, 0x41, 0x96, 0xd0,
			0x67, 0xe0, 0x89, 0x2e, 0xaa, 0x66, 0xee, 0xa3,
			0xa0, 0x7e, 0xfe, 0x94, 0x86, 0xdf, 0xd3, 0x47},
		.data = ksh_payload_0,
	},
	/* payload of "client" — examples/keystore_linux.ksh:42 */
	[1] = {
		.name = "initramfs.cpio.gz",
		.kind = KSH_PAYLOAD_INITRD,
		.domain = 0, /* client */
		.size = 122ULL,
		.sha256 = {0xd4, 0x5f, 0xed, 0x41, 0xc9, 0x00, 0x64, 0x00,
			0x42, 0xd1, 0x8f, 0x64, 0xf4, 0x6f, 0xef, 0x4b,
			0x02, 0x7f, 0xd4, 0xc0, 0x99, 0xda, 0xf6, 0x9d,
			0x95, 0xad, 0x0c, 0x4e, 0x7a, 0x92, 0x0c, 0x82},
		.data = ksh_payload_1,
	},
	/* payload of "keystore" — examples/keystore_linux.ksh:53 */
	[2] = {
		.name = "ks_keystore.elf",
		.kind = KSH_PAYLOAD_NATIVE_ELF,
		.domain = 1, /* keystore */
		.size = 30152ULL,
		.sha256 = {0xdc, 0x78, 0xc9, 0x65, 0x0d, 0xd4, 0xb7, 0x0f,
			0x66, 0xa8, 0xa4, 0xa7, 0x89, 0x4f, 0x95, 0x95,
			0x81, 0xb4, 0x4c, 0x18, 0xa4, 0xcf, 0xed, 0x7c,
			0x47, 0x3d, 0xe5, 0x1d, 0xee, 0x74, 0xcc, 0x0e},
		.data = ksh_payload_2,
	},
	/* payload of "intruder" — examples/keystore_linux.ksh:58 */
	[3] = {
		.name = "ks_intruder.elf",
		.kind = KSH_PAYLOAD_NATIVE_ELF,
		.domain = 2, /* intruder */
		.size = 7408ULL,
		.sha256 = {0x69, 0x17, 0x81, 0xec, 0x69, 0x02, 0x62, 0x39,
			0xd5, 0xaa, 0xe0, 0xe0, 0xa1, 0x1a, 0x8a, 0x58,
			0xc5, 0x65, 0x04, 0xe0, 0x5d, 0xfb, 0x98, 0x57,
			0x14, 0x1e, 0x1e, 0xcb, 0x35, 0xfe, 0x27, 0x70},
		.data = ksh_payload_3,
	},
};

static const struct ksh_domain ksh_domains[] = {
	/* domain "client" — examples/keystore_linux.ksh:39 */
	[0] = {
		.name = "client",
		.kind = KSH_DOMAIN_LINUX,
		.flags = 0,
		.ram_size = 0x8000000ULL,
		.vcpus = 1,
		.cpu_affinity = 0x1u,
		.type = 0, /* client_t */
		.level = 1, /* secret */
		.categories = 0x0ULL,
		.kernel = 0,
		.initrd = 1,
		.cmdline = "console=ttyS0 nolapic noapic acpi=off ksh.run=kshchan%20list ksh.run=kshchan%20send%20crypto%20sign%20early ksh.run=kshchan%20send%20crypto%20unlock%201234%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply ksh.run=kshchan%20send%20crypto%20sign%20ksh-linux-client-signs-this%20%26%26%20kshchan%20recv%20--timeout%2020000%20-x%20reply ksh.run=kshchan%20send%20crypto%20lock%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply ksh.run=for%20p%20in%201111%202222%203333%201234%3B%20do%20kshchan%20send%20crypto%20unlock%20%24p%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply%3B%20done ksh.run=kshchan%20send%20crypto%20sign%20too-late%20%26%26%20kshchan%20recv%20--timeout%2020000%20reply ksh.run=reboot%20-f",
		.first_mapping = 0,
		.n_mappings = 1,
		.first_vdev = 0,
		.n_vdevs = 7,
		.first_endpoint = 0,
		.n_endpoints = 2,
		.first_passthru = 0,
		.n_passthru = 0,
	},
	/* domain "keystore" — examples/keystore_linux.ksh:53 */
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
		.kernel = 2,
		.initrd = KSH_NONE,
		.cmdline = NULL,
		.first_mapping = 1,
		.n_mappings = 1,
		.first_vdev = 7,
		.n_vdevs = 0,
		.first_endpoint = 2,
		.n_endpoints = 3,
		.first_passthru = 0,
		.n_passthru = 0,
	},
	/* domain "intruder" — examples/keystore_linux.ksh:58 */
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
		.kernel = 3,
		.initrd = KSH_NONE,
		.cmdline = NULL,
		.first_mapping = 2,
		.n_mappings = 1,
		.first_vdev = 7,
		.n_vdevs = 0,
		.first_endpoint = 5,
		.n_endpoints = 1,
		.first_passthru = 0,
		.n_passthru = 0,
	},
};

static const struct ksh_memobj ksh_memobjs[] = {
	/* RAM of "client" — examples/keystore_linux.ksh:39 */
	[0] = {
		.name = "client.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 0, /* client */
		.size = 0x8000000ULL,
		.align = 0x200000ULL,
	},
	/* RAM of "keystore" — examples/keystore_linux.ksh:53 */
	[1] = {
		.name = "keystore.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 1, /* keystore */
		.size = 0x400000ULL,
		.align = 0x200000ULL,
	},
	/* RAM of "intruder" — examples/keystore_linux.ksh:58 */
	[2] = {
		.name = "intruder.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 2, /* intruder */
		.size = 0x200000ULL,
		.align = 0x200000ULL,
	},
	/* queue of channel "crypto" — examples/keystore_linux.ksh:64 */
	[3] = {
		.name = "crypto.queue",
		.kind = KSH_MEMOBJ_QUEUE,
		.owner = KSH_NONE,
		.size = 0x5000ULL,
		.align = 0x1000ULL,
	},
	/* queue of channel "reply" — examples/keystore_linux.ksh:70 */
	[4] = {
		.name = "reply.queue",
		.kind = KSH_MEMOBJ_QUEUE,
		.owner = KSH_NONE,
		.size = 0x1000ULL,
		.align = 0x1000ULL,
	},
	/* queue of channel "guest_crypto" — examples/keystore_linux.ksh:76 */
	[5] = {
		.name = "guest_crypto.queue",
		.kind = KSH_MEMOBJ_QUEUE,
		.owner = KSH_NONE,
		.size = 0x11000ULL,
		.align = 0x1000ULL,
	},
};

static const struct ksh_mapping ksh_mappings[] = {
	/* RAM of "client" — examples/keystore_linux.ksh:39 */
	[0] = {
		.domain = 0, /* client */
		.memobj = 0, /* client.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x8000000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
	/* RAM of "keystore" — examples/keystore_linux.ksh:53 */
	[1] = {
		.domain = 1, /* keystore */
		.memobj = 1, /* keystore.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x400000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
	/* RAM of "intruder" — examples/keystore_linux.ksh:58 */
	[2] = {
		.domain = 2, /* intruder */
		.memobj = 2, /* intruder.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x200000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
};

static const struct ksh_vdev ksh_vdevs[] = {
	/* device "pic0" of "client" — examples/keystore_linux.ksh:44 */
	[0] = {
		.name = "pic0",
		.domain = 0, /* client */
		.model = KSH_VDEV_PIC,
		.port_base = 0x20,
		.port_count = 2,
		.irq = KSH_NONE,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "pit0" of "client" — examples/keystore_linux.ksh:45 */
	[1] = {
		.name = "pit0",
		.domain = 0, /* client */
		.model = KSH_VDEV_PIT,
		.port_base = 0x40,
		.port_count = 4,
		.irq = 0,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "rtc0" of "client" — examples/keystore_linux.ksh:46 */
	[2] = {
		.name = "rtc0",
		.domain = 0, /* client */
		.model = KSH_VDEV_RTC,
		.port_base = 0x70,
		.port_count = 2,
		.irq = 8,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "pci0" of "client" — examples/keystore_linux.ksh:47 */
	[3] = {
		.name = "pci0",
		.domain = 0, /* client */
		.model = KSH_VDEV_PCI_HOST,
		.port_base = 0xcf8,
		.port_count = 8,
		.irq = KSH_NONE,
		.pci_bdf = 0x0000, /* 00:00.0 */
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "com1" of "client" — examples/keystore_linux.ksh:48 */
	[4] = {
		.name = "com1",
		.domain = 0, /* client */
		.model = KSH_VDEV_UART,
		.port_base = 0x3f8,
		.port_count = 8,
		.irq = 4,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "crypto_dev" of "client" — examples/keystore_linux.ksh:49 */
	[5] = {
		.name = "crypto_dev",
		.domain = 0, /* client */
		.model = KSH_VDEV_CHANNEL,
		.port_base = 0x0,
		.port_count = 0,
		.irq = 10,
		.pci_bdf = 0x0018, /* 00:03.0 */
		.network = KSH_NONE,
		.channel = 0,
		.payload = KSH_NONE,
	},
	/* device "reply_dev" of "client" — examples/keystore_linux.ksh:50 */
	[6] = {
		.name = "reply_dev",
		.domain = 0, /* client */
		.model = KSH_VDEV_CHANNEL,
		.port_base = 0x0,
		.port_count = 0,
		.irq = 11,
		.pci_bdf = 0x0020, /* 00:04.0 */
		.network = KSH_NONE,
		.channel = 1,
		.payload = KSH_NONE,
	},
};

static const struct ksh_minor_frame ksh_frames[] = {
	/* cpu 0: client — examples/keystore_linux.ksh:32 */
	[0] = {
		.cpu = 0,
		.domain = 0, /* client */
		.start_ns = 0ULL,
		.length_ns = 8000000ULL,
	},
	/* cpu 0: keystore — examples/keystore_linux.ksh:32 */
	[1] = {
		.cpu = 0,
		.domain = 1, /* keystore */
		.start_ns = 8000000ULL,
		.length_ns = 2000000ULL,
	},
	/* cpu 0: intruder — examples/keystore_linux.ksh:32 */
	[2] = {
		.cpu = 0,
		.domain = 2, /* intruder */
		.start_ns = 10000000ULL,
		.length_ns = 2000000ULL,
	},
};

static const struct ksh_channel ksh_channels[] = {
	/* channel "crypto" — examples/keystore_linux.ksh:64 */
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
	/* channel "reply" — examples/keystore_linux.ksh:70 */
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
	/* channel "guest_crypto" — examples/keystore_linux.ksh:76 */
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
	/* crypto.unlock — examples/keystore_linux.ksh:67 */
	[0] = {
		.name = "unlock",
		.channel = 0,
		.n_args = 1,
	},
	/* crypto.sign — examples/keystore_linux.ksh:67 */
	[1] = {
		.name = "sign",
		.channel = 0,
		.n_args = 1,
	},
	/* crypto.lock — examples/keystore_linux.ksh:67 */
	[2] = {
		.name = "lock",
		.channel = 0,
		.n_args = 0,
	},
	/* reply.status — examples/keystore_linux.ksh:73 */
	[3] = {
		.name = "status",
		.channel = 1,
		.n_args = 1,
	},
	/* reply.signature — examples/keystore_linux.ksh:73 */
	[4] = {
		.name = "signature",
		.channel = 1,
		.n_args = 1,
	},
	/* guest_crypto.sign — examples/keystore_linux.ksh:78 */
	[5] = {
		.name = "sign",
		.channel = 2,
		.n_args = 1,
	},
};

static const struct ksh_endpoint ksh_endpoints[] = {
	/* "client" handle 0: sender of "crypto" — examples/keystore_linux.ksh:64 */
	[0] = {
		.domain = 0, /* client */
		.channel = 0, /* crypto */
		.role = KSH_ROLE_SENDER,
		.mapping = KSH_NONE,
		.first_decision = 0,
	},
	/* "client" handle 1: receiver of "reply" — examples/keystore_linux.ksh:70 */
	[1] = {
		.domain = 0, /* client */
		.channel = 1, /* reply */
		.role = KSH_ROLE_RECEIVER,
		.mapping = KSH_NONE,
		.first_decision = 3,
	},
	/* "keystore" handle 0: receiver of "crypto" — examples/keystore_linux.ksh:64 */
	[2] = {
		.domain = 1, /* keystore */
		.channel = 0, /* crypto */
		.role = KSH_ROLE_RECEIVER,
		.mapping = KSH_NONE,
		.first_decision = 5,
	},
	/* "keystore" handle 1: sender of "reply" — examples/keystore_linux.ksh:70 */
	[3] = {
		.domain = 1, /* keystore */
		.channel = 1, /* reply */
		.role = KSH_ROLE_SENDER,
		.mapping = KSH_NONE,
		.first_decision = 8,
	},
	/* "keystore" handle 2: receiver of "guest_crypto" — examples/keystore_linux.ksh:76 */
	[4] = {
		.domain = 1, /* keystore */
		.channel = 2, /* guest_crypto */
		.role = KSH_ROLE_RECEIVER,
		.mapping = KSH_NONE,
		.first_decision = 10,
	},
	/* "intruder" handle 0: sender of "guest_crypto" — examples/keystore_linux.ksh:76 */
	[5] = {
		.domain = 2, /* intruder */
		.channel = 2, /* guest_crypto */
		.role = KSH_ROLE_SENDER,
		.mapping = KSH_NONE,
		.first_decision = 11,
	},
};

static const uint32_t ksh_channel_endpoints[] = {
	/* "crypto" end 0 — examples/keystore_linux.ksh:64 */
	[0] = 0,
	/* "crypto" end 1 — examples/keystore_linux.ksh:64 */
	[1] = 2,
	/* "reply" end 0 — examples/keystore_linux.ksh:70 */
	[2] = 3,
	/* "reply" end 1 — examples/keystore_linux.ksh:70 */
	[3] = 1,
	/* "guest_crypto" end 0 — examples/keystore_linux.ksh:76 */
	[4] = 5,
	/* "guest_crypto" end 1 — examples/keystore_linux.ksh:76 */
	[5] = 4,
};

static const struct ksh_decision ksh_decisions[] = {
	/* crypto.unlock for "client" — examples/keystore_linux.ksh:67 */
	[0] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* crypto.sign for "client" — examples/keystore_linux.ksh:67 */
	[1] = {
		.flags = KSH_DEC_ALLOW | KSH_DEC_AUDIT,
		.rule = 0,
		.allowed_states = 0x2ULL,
	},
	/* crypto.lock for "client" — examples/keystore_linux.ksh:67 */
	[2] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* reply.status for "client" — examples/keystore_linux.ksh:73 */
	[3] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* reply.signature for "client" — examples/keystore_linux.ksh:73 */
	[4] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* crypto.unlock for "keystore" — examples/keystore_linux.ksh:67 */
	[5] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* crypto.sign for "keystore" — examples/keystore_linux.ksh:67 */
	[6] = {
		.flags = KSH_DEC_ALLOW | KSH_DEC_AUDIT,
		.rule = 0,
		.allowed_states = 0x2ULL,
	},
	/* crypto.lock for "keystore" — examples/keystore_linux.ksh:67 */
	[7] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 1,
		.allowed_states = 0x3ULL,
	},
	/* reply.status for "keystore" — examples/keystore_linux.ksh:73 */
	[8] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* reply.signature for "keystore" — examples/keystore_linux.ksh:73 */
	[9] = {
		.flags = KSH_DEC_ALLOW,
		.rule = 2,
		.allowed_states = 0xffffffffffffffffULL,
	},
	/* guest_crypto.sign for "keystore" — examples/keystore_linux.ksh:78 */
	[10] = {
		.flags = 0,
		.rule = KSH_NONE,
		.allowed_states = 0x0ULL,
	},
	/* guest_crypto.sign for "intruder" — examples/keystore_linux.ksh:78 */
	[11] = {
		.flags = 0,
		.rule = KSH_NONE,
		.allowed_states = 0x0ULL,
	},
};

static const struct ksh_fsm ksh_fsms[] = {
	/* flow "session" — examples/keystore_linux.ksh:85 */
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
	/* state locked of "session" — examples/keystore_linux.ksh:86 */
	[0] = {.name = "locked"},
	/* state unlocked of "session" — examples/keystore_linux.ksh:86 */
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
	/* rule 0 — examples/keystore_linux.ksh:82 */
	[0] = {
		.text = "allow client_t keystore_t : crypto { sign } audit",
		.source = "examples/keystore_linux.ksh:82",
	},
	/* rule 1 — examples/keystore_linux.ksh:83 */
	[1] = {
		.text = "allow client_t keystore_t : crypto { unlock, lock }",
		.source = "examples/keystore_linux.ksh:83",
	},
	/* rule 2 — examples/keystore_linux.ksh:84 */
	[2] = {
		.text = "allow keystore_t client_t : reply { status, signature }",
		.source = "examples/keystore_linux.ksh:84",
	},
};

const struct ksh_tables ksh_tables = {
	.magic = KSH_TABLES_MAGIC,
	.version = KSH_TABLES_VERSION,
	.platform_flags = 0,
	.system_name = "keystore_linux",
	.cpus = 1,
	.platform_memory = 0x20000000ULL,
	.major_frame_ns = 12000000ULL,
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
	.vdevs = ksh_vdevs,
	.n_vdevs = ARRAY_SIZE(ksh_vdevs),
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
