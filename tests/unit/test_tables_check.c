// SPDX-License-Identifier: MIT
/* Unit tests for ksh_tables_validate (kernel/core/tables_check.c): a
 * well-formed two-domain table set passes, and each kind of corruption the
 * kernel must refuse is refused with its own message. */
#include <criterion/criterion.h>
#include <ksh/tables.h>
#include <string.h>

static const uint8_t blob[16];

static struct ksh_label types[] = {{"native_t"}};
static struct ksh_label levels[] = {{"low"}, {"high"}};
static struct ksh_payload payloads[] = {
    {.name = "a.elf",
     .kind = KSH_PAYLOAD_NATIVE_ELF,
     .domain = 0,
     .size = 16,
     .data = blob},
    {.name = "b.elf",
     .kind = KSH_PAYLOAD_NATIVE_ELF,
     .domain = 1,
     .size = 16,
     .data = blob},
};
static struct ksh_memobj memobjs[] = {
    {.name = "a.ram",
     .kind = KSH_MEMOBJ_RAM,
     .owner = 0,
     .size = 0x200000,
     .align = 0x200000},
    {.name = "b.ram",
     .kind = KSH_MEMOBJ_RAM,
     .owner = 1,
     .size = 0x200000,
     .align = 0x200000},
    {.name = "pipe",
     .kind = KSH_MEMOBJ_CHANNEL,
     .owner = KSH_NONE,
     .size = 0x1000,
     .align = 0x1000},
};
static struct ksh_mapping mappings[] = {
    {.domain = 0,
     .memobj = 0,
     .gpa = 0,
     .size = 0x200000,
     .rights = KSH_R | KSH_W | KSH_X},
    {.domain = 0,
     .memobj = 2,
     .gpa = 0x40000000,
     .size = 0x1000,
     .rights = KSH_R | KSH_W},
    {.domain = 1,
     .memobj = 1,
     .gpa = 0,
     .size = 0x200000,
     .rights = KSH_R | KSH_W | KSH_X},
    {.domain = 1,
     .memobj = 2,
     .gpa = 0x40000000,
     .size = 0x1000,
     .rights = KSH_R},
};
static struct ksh_domain domains[] = {
    {.name = "a",
     .kind = KSH_DOMAIN_NATIVE,
     .ram_size = 0x200000,
     .vcpus = 1,
     .level = 0,
     .kernel = 0,
     .initrd = KSH_NONE,
     .first_mapping = 0,
     .n_mappings = 2,
     .first_endpoint = 0,
     .n_endpoints = 1},
    {.name = "b",
     .kind = KSH_DOMAIN_NATIVE,
     .ram_size = 0x200000,
     .vcpus = 1,
     .level = 1,
     .kernel = 1,
     .initrd = KSH_NONE,
     .first_mapping = 2,
     .n_mappings = 2,
     .first_endpoint = 1,
     .n_endpoints = 1},
};
static struct ksh_minor_frame frames[] = {
    {.cpu = 0, .domain = 0, .start_ns = 0, .length_ns = 5000000},
    {.cpu = 0, .domain = 1, .start_ns = 5000000, .length_ns = 5000000},
};
static struct ksh_channel channels[] = {
    {.name = "pipe",
     .kind = KSH_CHANNEL_MEMORY,
     .memobj = 2,
     .size = 0x1000,
     .fsm = KSH_NONE,
     .first_endpoint = 0,
     .n_endpoints = 2,
     .event = KSH_NONE},
};
static struct ksh_endpoint endpoints[] = {
    {.domain = 0, .channel = 0, .role = KSH_ROLE_WRITER, .mapping = 1},
    {.domain = 1, .channel = 0, .role = KSH_ROLE_READER, .mapping = 3},
};
static uint32_t channel_endpoints[] = {0, 1};

#define SLICE(name) .name = name, .n_##name = sizeof(name) / sizeof(name[0])

static struct ksh_tables good;

static void setup(void)
{
	good = (struct ksh_tables){
	    .magic = KSH_TABLES_MAGIC,
	    .version = KSH_TABLES_VERSION,
	    .system_name = "unit",
	    .cpus = 1,
	    .platform_memory = 64 << 20,
	    .major_frame_ns = 10000000,
	    SLICE(types),
	    SLICE(levels),
	    SLICE(payloads),
	    SLICE(memobjs),
	    SLICE(mappings),
	    SLICE(domains),
	    SLICE(frames),
	    SLICE(channels),
	    SLICE(endpoints),
	    SLICE(channel_endpoints),
	};
}

TestSuite(tables_check, .init = setup);

static void expect_refused(const struct ksh_tables *t, const char *needle)
{
	const char *err = NULL;

	cr_assert_lt(ksh_tables_validate(t, &err), 0);
	cr_assert_not_null(err);
	cr_assert(strstr(err, needle) != NULL, "error '%s' lacks '%s'", err,
		  needle);
}

Test(tables_check, accepts_well_formed)
{
	const char *err = "unset";

	cr_assert_eq(ksh_tables_validate(&good, &err), 0, "refused: %s", err);
	cr_assert_null(err);
}

Test(tables_check, refuses_null_and_bad_header)
{
	struct ksh_tables t = good;

	expect_refused(NULL, "no tables");
	t.magic ^= 1;
	expect_refused(&t, "magic");
	t = good;
	t.version = KSH_TABLES_VERSION + 1;
	expect_refused(&t, "version");
}

Test(tables_check, refuses_count_without_array)
{
	struct ksh_tables t = good;

	t.rules = NULL;
	t.n_rules = 3;
	expect_refused(&t, "no data");
}

Test(tables_check, refuses_mapping_past_object)
{
	struct ksh_mapping m[4];
	struct ksh_tables t = good;

	memcpy(m, mappings, sizeof(m));
	m[1].size = 0x2000; /* the channel window is only 4 KiB */
	t.mappings = m;
	expect_refused(&t, "past the end");
}

Test(tables_check, refuses_unaligned_and_wrapping_mappings)
{
	struct ksh_mapping m[4];
	struct ksh_tables t = good;

	memcpy(m, mappings, sizeof(m));
	t.mappings = m;
	m[0].gpa = 0x800;
	expect_refused(&t, "aligned");
	memcpy(m, mappings, sizeof(m));
	m[1].gpa = 0xFFFFFFFFFFFFF000ull;
	expect_refused(&t, "wraps");
}

Test(tables_check, refuses_foreign_slice_entries)
{
	struct ksh_domain d[2];
	struct ksh_tables t = good;

	memcpy(d, domains, sizeof(d));
	d[0].n_mappings = 3; /* would reach into domain b's mappings */
	t.domains = d;
	expect_refused(&t, "another domain's mapping");
}

Test(tables_check, refuses_slice_beyond_array)
{
	struct ksh_domain d[2];
	struct ksh_tables t = good;

	memcpy(d, domains, sizeof(d));
	d[1].first_mapping = 0xFFFFFFF0u;
	d[1].n_mappings = 0x20;
	t.domains = d;
	expect_refused(&t, "slice out of range");
}

Test(tables_check, refuses_overlapping_frames)
{
	struct ksh_minor_frame f[2];
	struct ksh_tables t = good;

	memcpy(f, frames, sizeof(f));
	f[1].start_ns = 4000000;
	t.frames = f;
	expect_refused(&t, "overlap");
	memcpy(f, frames, sizeof(f));
	f[1].length_ns = 6000000; /* ends after the major frame */
	expect_refused(&t, "outside the major frame");
}

Test(tables_check, refuses_payload_of_other_domain)
{
	struct ksh_domain d[2];
	struct ksh_tables t = good;

	memcpy(d, domains, sizeof(d));
	d[0].kernel = 1;
	t.domains = d;
	expect_refused(&t, "owned by another domain");
}

Test(tables_check, refuses_foreign_channel_endpoint)
{
	struct ksh_endpoint e[2];
	struct ksh_tables t = good;

	memcpy(e, endpoints, sizeof(e));
	e[1].mapping = 1; /* domain a's mapping, claimed by b's endpoint */
	t.endpoints = e;
	expect_refused(&t, "mapping belongs to another domain");
}

/* Console input (KSH_VDEVF_CONSOLE_IN): one UART may have it; a second
 * device, a device other than a UART, or an unknown flag is refused. */
Test(tables_check, console_input_flag)
{
	struct ksh_vdev v[2] = {
	    {.name = "com1",
	     .domain = 0,
	     .model = KSH_VDEV_UART,
	     .port_base = 0x3F8,
	     .port_count = 8,
	     .irq = 4,
	     .pci_bdf = KSH_NONE,
	     .network = KSH_NONE,
	     .channel = KSH_NONE,
	     .payload = KSH_NONE,
	     .flags = KSH_VDEVF_CONSOLE_IN},
	    {.name = "com1",
	     .domain = 1,
	     .model = KSH_VDEV_UART,
	     .port_base = 0x3F8,
	     .port_count = 8,
	     .irq = 4,
	     .pci_bdf = KSH_NONE,
	     .network = KSH_NONE,
	     .channel = KSH_NONE,
	     .payload = KSH_NONE},
	};
	struct ksh_domain d[2];
	struct ksh_tables t = good;
	const char *err = NULL;

	memcpy(d, domains, sizeof(d));
	d[0].kind = d[1].kind = KSH_DOMAIN_LINUX;
	d[0].first_vdev = 0;
	d[0].n_vdevs = 1;
	d[1].first_vdev = 1;
	d[1].n_vdevs = 1;
	t.domains = d;
	t.vdevs = v;
	t.n_vdevs = 2;
	cr_assert_eq(ksh_tables_validate(&t, &err), 0, "refused: %s", err);
	v[1].flags = KSH_VDEVF_CONSOLE_IN;
	expect_refused(&t, "console input");
	v[1].flags = 0;
	v[0].model = KSH_VDEV_PIT;
	expect_refused(&t, "console input not on one UART");
	v[0].model = KSH_VDEV_UART;
	d[0].kind = KSH_DOMAIN_NATIVE;
	expect_refused(&t, "of a Linux domain");
	d[0].kind = KSH_DOMAIN_LINUX;
	cr_assert_eq(ksh_tables_validate(&t, &err), 0, "refused: %s", err);
	v[0].flags = 0x2;
	expect_refused(&t, "device flags unknown");
}
