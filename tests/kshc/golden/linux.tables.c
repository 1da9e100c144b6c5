/* generated — do not edit.
 * kshc 0.1.0 from examples/linux.ksh; the format is include/ksh/tables.h. */
#include <ksh/tables.h>

#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct ksh_label ksh_types[] = {
	/* type of untyped domain "linux" — examples/linux.ksh:27 */
	[0] = {.name = "linux"},
};

static const struct ksh_label ksh_levels[] = {
	/* level "unclassified" (no levels declared) */
	[0] = {.name = "unclassified"},
};

extern const uint8_t ksh_payload_0[];
extern const uint8_t ksh_payload_1[];

static const struct ksh_payload ksh_payloads[] = {
	/* payload of "linux" — examples/linux.ksh:29 */
	[0] = {
		.name = "vmlinuz",
		.kind = KSH_PAYLOAD_LINUX_KERNEL,
		.domain = 0, /* linux */
		.size = 4096ULL,
		.sha256 = {0x4b, 0x6a, 0x75, 0x65, 0x30, 0x12, 0x08, 0xd8,
			0xba, 0x4b, 0xb6, 0x1a, 0xee, 0x41, 0x96, 0xd0,
			0x67, 0xe0, 0x89, 0x2e, 0xaa, 0x66, 0xee, 0xa3,
			0xa0, 0x7e, 0xfe, 0x94, 0x86, 0xdf, 0xd3, 0x47},
		.data = ksh_payload_0,
	},
	/* payload of "linux" — examples/linux.ksh:30 */
	[1] = {
		.name = "initramfs.cpio.gz",
		.kind = KSH_PAYLOAD_INITRD,
		.domain = 0, /* linux */
		.size = 122ULL,
		.sha256 = {0xd4, 0x5f, 0xed, 0x41, 0xc9, 0x00, 0x64, 0x00,
			0x42, 0xd1, 0x8f, 0x64, 0xf4, 0x6f, 0xef, 0x4b,
			0x02, 0x7f, 0xd4, 0xc0, 0x99, 0xda, 0xf6, 0x9d,
			0x95, 0xad, 0x0c, 0x4e, 0x7a, 0x92, 0x0c, 0x82},
		.data = ksh_payload_1,
	},
};

static const struct ksh_domain ksh_domains[] = {
	/* domain "linux" — examples/linux.ksh:27 */
	[0] = {
		.name = "linux",
		.kind = KSH_DOMAIN_LINUX,
		.flags = 0,
		.ram_size = 0x8000000ULL,
		.vcpus = 1,
		.cpu_affinity = 0x1u,
		.type = 0, /* linux */
		.level = 0, /* unclassified */
		.categories = 0x0ULL,
		.kernel = 0,
		.initrd = 1,
		.cmdline = "console=ttyS0 nolapic noapic acpi=off ksh.run=uname%20-a ksh.run=echo%20%24%28%286%2A7%29%29 ksh.run=grep%20-woE%20%27apic%7Cx2apic%7Cmtrr%7Cmonitor%7Csvm%7Cvmx%27%20/proc/cpuinfo ksh.run=reboot%20-f",
		.first_mapping = 0,
		.n_mappings = 1,
		.first_vdev = 0,
		.n_vdevs = 5,
		.first_endpoint = 0,
		.n_endpoints = 0,
		.first_passthru = 0,
		.n_passthru = 0,
	},
};

static const struct ksh_memobj ksh_memobjs[] = {
	/* RAM of "linux" — examples/linux.ksh:27 */
	[0] = {
		.name = "linux.ram",
		.kind = KSH_MEMOBJ_RAM,
		.owner = 0, /* linux */
		.size = 0x8000000ULL,
		.align = 0x200000ULL,
	},
};

static const struct ksh_mapping ksh_mappings[] = {
	/* RAM of "linux" — examples/linux.ksh:27 */
	[0] = {
		.domain = 0, /* linux */
		.memobj = 0, /* linux.ram */
		.offset = 0x0ULL,
		.gpa = 0x0ULL,
		.size = 0x8000000ULL,
		.rights = KSH_R | KSH_W | KSH_X,
	},
};

static const struct ksh_vdev ksh_vdevs[] = {
	/* device "pic0" of "linux" — examples/linux.ksh:35 */
	[0] = {
		.name = "pic0",
		.domain = 0, /* linux */
		.model = KSH_VDEV_PIC,
		.port_base = 0x20,
		.port_count = 2,
		.irq = KSH_NONE,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "pit0" of "linux" — examples/linux.ksh:36 */
	[1] = {
		.name = "pit0",
		.domain = 0, /* linux */
		.model = KSH_VDEV_PIT,
		.port_base = 0x40,
		.port_count = 4,
		.irq = 0,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "rtc0" of "linux" — examples/linux.ksh:37 */
	[2] = {
		.name = "rtc0",
		.domain = 0, /* linux */
		.model = KSH_VDEV_RTC,
		.port_base = 0x70,
		.port_count = 2,
		.irq = 8,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "pci0" of "linux" — examples/linux.ksh:38 */
	[3] = {
		.name = "pci0",
		.domain = 0, /* linux */
		.model = KSH_VDEV_PCI_HOST,
		.port_base = 0xcf8,
		.port_count = 8,
		.irq = KSH_NONE,
		.pci_bdf = 0x0000, /* 00:00.0 */
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
	/* device "com1" of "linux" — examples/linux.ksh:39 */
	[4] = {
		.name = "com1",
		.domain = 0, /* linux */
		.model = KSH_VDEV_UART,
		.port_base = 0x3f8,
		.port_count = 8,
		.irq = 4,
		.pci_bdf = KSH_NONE,
		.network = KSH_NONE,
		.channel = KSH_NONE,
		.payload = KSH_NONE,
	},
};

static const struct ksh_minor_frame ksh_frames[] = {
	/* cpu 0: linux — examples/linux.ksh:22 */
	[0] = {
		.cpu = 0,
		.domain = 0, /* linux */
		.start_ns = 0ULL,
		.length_ns = 10000000ULL,
	},
};

const struct ksh_tables ksh_tables = {
	.magic = KSH_TABLES_MAGIC,
	.version = KSH_TABLES_VERSION,
	.platform_flags = 0,
	.system_name = "linux",
	.cpus = 1,
	.platform_memory = 0x20000000ULL,
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
	.vdevs = ksh_vdevs,
	.n_vdevs = ARRAY_SIZE(ksh_vdevs),
	.passthru = NULL,
	.n_passthru = 0,
	.frames = ksh_frames,
	.n_frames = ARRAY_SIZE(ksh_frames),
	.channels = NULL,
	.n_channels = 0,
	.methods = NULL,
	.n_methods = 0,
	.endpoints = NULL,
	.n_endpoints = 0,
	.channel_endpoints = NULL,
	.n_channel_endpoints = 0,
	.decisions = NULL,
	.n_decisions = 0,
	.fsms = NULL,
	.n_fsms = 0,
	.fsm_states = NULL,
	.n_fsm_states = 0,
	.fsm_next = NULL,
	.n_fsm_next = 0,
	.rules = NULL,
	.n_rules = 0,
	.events = NULL,
	.n_events = 0,
	.networks = NULL,
	.n_networks = 0,
	.filter_rules = NULL,
	.n_filter_rules = 0,
};
