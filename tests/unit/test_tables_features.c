// SPDX-License-Identifier: MIT
/* The kernel's table validator refuses tables that use a feature the
 * kernel does not enforce (ksh/features.h), naming it: one hand-made table
 * set per feature, since tables may come from tools other than kshc. The
 * expected lists below are the contract as written in dsl/checks.md; a
 * feature switched on without its boot test fails here first. */
#include <criterion/criterion.h>
#include <ksh/features.h>
#include <ksh/tables.h>
#include <stdio.h>
#include <string.h>

static const uint8_t blob[16];

static struct ksh_label types[] = {{"t"}};
static struct ksh_label levels[] = {{"low"}};
static struct ksh_payload payloads[] = {
    {.name = "a.elf", .kind = KSH_PAYLOAD_NATIVE_ELF, .size = 16, .data = blob},
};
static struct ksh_memobj memobjs[] = {
    {.name = "a.ram",
     .kind = KSH_MEMOBJ_RAM,
     .size = 0x200000,
     .align = 0x200000},
};
static struct ksh_mapping mappings[] = {
    {.size = 0x200000, .rights = KSH_R | KSH_W | KSH_X},
};
static struct ksh_minor_frame frames[] = {
    {.cpu = 0, .domain = 0, .start_ns = 0, .length_ns = 10000000},
};

#define SLICE(name) .name = name, .n_##name = sizeof(name) / sizeof(name[0])

/* One domain "a" on CPU 0, and room to hang one feature on it. */
static struct ksh_domain dom;
static struct ksh_minor_frame frames2[2];
static struct ksh_vdev vdev;
static struct ksh_passthru pt;
static struct ksh_network net;
static struct ksh_filter_rule rule;
static struct ksh_event ev;
static struct ksh_tables t;

static void setup(void)
{
	dom = (struct ksh_domain){
	    .name = "a",
	    .kind = KSH_DOMAIN_NATIVE,
	    .ram_size = 0x200000,
	    .vcpus = 1,
	    .cpu_affinity = 1,
	    .initrd = KSH_NONE,
	    .n_mappings = 1,
	};
	vdev = (struct ksh_vdev){
	    .name = "dev0",
	    .irq = KSH_NONE,
	    .pci_bdf = KSH_NONE,
	    .network = KSH_NONE,
	    .channel = KSH_NONE,
	    .payload = KSH_NONE,
	};
	t = (struct ksh_tables){
	    .magic = KSH_TABLES_MAGIC,
	    .version = KSH_TABLES_VERSION,
	    .system_name = "features",
	    .cpus = 1,
	    .major_frame_ns = 10000000,
	    SLICE(types),
	    SLICE(levels),
	    SLICE(payloads),
	    SLICE(memobjs),
	    SLICE(mappings),
	    SLICE(frames),
	    .domains = &dom,
	    .n_domains = 1,
	};
}

TestSuite(tables_features, .init = setup);

static void expect_feature_refused(const char *feature)
{
	char want[96];
	const char *err = NULL;

	snprintf(want, sizeof(want), "does not enforce: %s", feature);
	cr_assert_lt(ksh_tables_validate(&t, &err), 0, "accepted %s", feature);
	cr_assert_not_null(err);
	cr_assert(strstr(err, want) != NULL &&
		      strlen(strstr(err, want)) == strlen(want),
		  "error '%s' does not name '%s'", err, feature);
}

static void expect_accepted(void)
{
	const char *err = NULL;

	cr_assert_eq(ksh_tables_validate(&t, &err), 0, "refused: %s", err);
}

Test(tables_features, single_cpu_native_accepted)
{
	expect_accepted();
	cr_assert_eq(ksh_tables_features(&t), 0);
}

Test(tables_features, second_cpu_refused)
{
	t.cpus = 2;
	expect_feature_refused("smp");
}

Test(tables_features, plan_for_cpu1_refused)
{
	frames2[0] = frames[0];
	frames2[1] = (struct ksh_minor_frame){
	    .cpu = 1, .domain = 0, .start_ns = 0, .length_ns = 10000000};
	t.frames = frames2;
	t.n_frames = 2;
	t.cpus = 2;
	expect_feature_refused("smp");
	cr_assert(ksh_tables_features(&t) & KSH_FEAT_BIT(KSH_FEAT_SMP));
}

Test(tables_features, two_vcpus_refused)
{
	dom.vcpus = 2;
	expect_feature_refused("vcpus");
}

Test(tables_features, affinity_beyond_cpu0_refused)
{
	dom.cpu_affinity = 0x2;
	expect_feature_refused("affinity");
}

Test(tables_features, iommu_required_refused)
{
	t.platform_flags = KSH_PLATF_IOMMU_REQUIRED;
	expect_feature_refused("iommu");
}

Test(tables_features, passthrough_refused)
{
	pt = (struct ksh_passthru){.domain = 0, .bdf = 0xfb};
	dom.n_passthru = 1;
	t.passthru = &pt;
	t.n_passthru = 1;
	expect_feature_refused("passthrough");
}

Test(tables_features, network_refused)
{
	net = (struct ksh_network){.name = "lan"};
	t.networks = &net;
	t.n_networks = 1;
	expect_feature_refused("network");
}

Test(tables_features, network_filter_refused)
{
	rule = (struct ksh_filter_rule){
	    .action = KSH_FILTER_ALLOW,
	    .directions = KSH_DIR_OUT,
	    .proto = KSH_PROTO_TCP,
	    .port_lo = 443,
	    .port_hi = 443,
	};
	t.filter_rules = &rule;
	t.n_filter_rules = 1;
	expect_feature_refused("network-filter");
}

Test(tables_features, event_vector_refused)
{
	ev = (struct ksh_event){.name = "ready", .vector = 0x41};
	t.events = &ev;
	t.n_events = 1;
	expect_feature_refused("event-vector");
	ev.vector = 0; /* EVENT_WAIT only: enforced */
	expect_accepted();
}

/* Each device model in each kind of domain: accepted only where the
 * kernel attaches it (kernel/core/linux_dom.c: Linux domains get the
 * UART, PIC, PIT, RTC, PCI host bridge and channel device). */
static const struct {
	uint32_t kind;
	const char *name;
} kinds[] = {
    {KSH_DOMAIN_NATIVE, "native"},
    {KSH_DOMAIN_LINUX, "linux"},
    {KSH_DOMAIN_MULTIBOOT, "multiboot"},
};
static const struct {
	uint32_t model;
	const char *name;
	int on_linux; /* attached to Linux domains */
} models[] = {
    {KSH_VDEV_UART, "uart", 1},		{KSH_VDEV_PIC, "pic", 1},
    {KSH_VDEV_PIT, "pit", 1},		{KSH_VDEV_RTC, "rtc", 1},
    {KSH_VDEV_PCI_HOST, "pci_host", 1}, {KSH_VDEV_NE2000, "ne2000", 0},
    {KSH_VDEV_IDE, "ide", 0},		{KSH_VDEV_AHCI, "ahci", 0},
    {KSH_VDEV_CHANNEL, "channel", 1},
};

static void one_device(uint32_t kind, uint32_t model)
{
	setup();
	dom.kind = kind;
	dom.n_vdevs = 1;
	vdev.model = model;
	t.vdevs = &vdev;
	t.n_vdevs = 1;
}

Test(tables_features, device_models_by_domain_kind)
{
	char feature[64];

	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (size_t m = 0; m < sizeof(models) / sizeof(models[0]);
		     m++) {
			one_device(kinds[k].kind, models[m].model);
			if (kinds[k].kind == KSH_DOMAIN_LINUX &&
			    models[m].on_linux) {
				expect_accepted();
				continue;
			}
			snprintf(feature, sizeof(feature), "device-%s-%s",
				 models[m].name, kinds[k].name);
			expect_feature_refused(feature);
		}
}

Test(tables_features, enforced_mask_is_the_documented_contract)
{
	uint64_t want = 0;

	for (size_t m = 0; m < sizeof(models) / sizeof(models[0]); m++)
		if (models[m].on_linux)
			want |= KSH_FEAT_BIT(
			    KSH_FEAT_DEV(KSH_DOMAIN_LINUX, models[m].model));
	cr_assert_eq(KSH_FEATURES_ENFORCED, want,
		     "enforced %llx, expected %llx",
		     (unsigned long long)KSH_FEATURES_ENFORCED,
		     (unsigned long long)want);
	for (unsigned b = 0; b < 64; b++)
		cr_assert_eq(ksh_feature_name(b) != NULL,
			     (KSH_FEATURES_KNOWN >> b) & 1, "bit %u", b);
}
