// SPDX-License-Identifier: MIT
/* Unit tests for the guest-memory accessors device models get
 * (kernel/core/gmap.c gmap_read/gmap_write behind vdev_env_ops mem_read and
 * mem_write of Linux domains): a copy goes through only when every byte is
 * mapped with the right its direction needs; a refused copy touches
 * neither the guest nor the model's buffer. The memory objects here are
 * host buffers, so the copies are real. */
#include <criterion/criterion.h>
#include <ksh/gmap.h>
#include <ksh/hypercall.h>

#include <string.h>

#define PG 0x1000u

static uint8_t ram[2 * PG], window[PG], ram2[PG], top[PG];

static const struct ksh_memobj objs[] = {
    {.name = "ram", .kind = KSH_MEMOBJ_RAM, .size = 2 * PG, .align = PG},
    {.name = "win",
     .kind = KSH_MEMOBJ_SHARED,
     .owner = KSH_NONE,
     .size = PG,
     .align = PG},
    {.name = "ram2", .kind = KSH_MEMOBJ_RAM, .owner = 1, .size = PG},
    {.name = "top", .kind = KSH_MEMOBJ_RAM, .size = PG, .align = PG},
};
/* Domain 0 ("reader"): RAM at 0..8K read-write, then a memory channel's
 * window right after it read-only (a reader's end), a hole, and a page
 * at the very top of the address space. Domain 1 (the writer): the same
 * window read-write at its own address, and its own RAM. */
#define WIN_GPA0 (2 * PG)
#define WIN_GPA1 0x10000u
#define TOP_GPA	 (UINT64_MAX - PG + 1)
static const struct ksh_mapping maps[] = {
    {.domain = 0,
     .memobj = 0,
     .gpa = 0,
     .size = 2 * PG,
     .rights = KSH_R | KSH_W},
    {.domain = 0, .memobj = 1, .gpa = WIN_GPA0, .size = PG, .rights = KSH_R},
    {.domain = 0,
     .memobj = 3,
     .gpa = TOP_GPA,
     .size = PG,
     .rights = KSH_R | KSH_W},
    {.domain = 1, .memobj = 2, .gpa = 0, .size = PG, .rights = KSH_R | KSH_W},
    {.domain = 1,
     .memobj = 1,
     .gpa = WIN_GPA1,
     .size = PG,
     .rights = KSH_R | KSH_W},
};
static const struct ksh_domain doms[] = {
    {.name = "reader", .first_mapping = 0, .n_mappings = 3},
    {.name = "writer", .first_mapping = 3, .n_mappings = 2},
};
static const struct ksh_tables t = {
    .domains = doms,
    .n_domains = 2,
    .memobjs = objs,
    .n_memobjs = 4,
    .mappings = maps,
    .n_mappings = 5,
};
static uint64_t hpa[4];

static void setup(void)
{
	hpa[0] = (uint64_t)(uintptr_t)ram;
	hpa[1] = (uint64_t)(uintptr_t)window;
	hpa[2] = (uint64_t)(uintptr_t)ram2;
	hpa[3] = (uint64_t)(uintptr_t)top;
	memset(ram, 0x11, sizeof(ram));
	memset(window, 0x22, sizeof(window));
	memset(ram2, 0x33, sizeof(ram2));
	memset(top, 0x44, sizeof(top));
}

TestSuite(gmap_access, .init = setup);

Test(gmap_access, read_and_write_own_ram)
{
	uint8_t buf[16], pat[16];

	memset(pat, 0xA5, sizeof(pat));
	cr_assert_eq(gmap_write(&t, hpa, 0, 0x100, pat, sizeof(pat)), 0);
	cr_assert_eq(memcmp(ram + 0x100, pat, sizeof(pat)), 0);
	cr_assert_eq(ram[0xFF], 0x11);
	cr_assert_eq(ram[0x110], 0x11);
	memset(buf, 0, sizeof(buf));
	cr_assert_eq(gmap_read(&t, hpa, 0, 0x100, buf, sizeof(buf)), 0);
	cr_assert_eq(memcmp(buf, pat, sizeof(pat)), 0);
	/* The other domain's gpa 0x100 is its own RAM. */
	cr_assert_eq(gmap_read(&t, hpa, 1, 0x100, buf, 1), 0);
	cr_assert_eq(buf[0], 0x33);
}

Test(gmap_access, reader_reads_its_window_but_cannot_write_it)
{
	uint8_t buf[8], pat[8];

	memset(pat, 0xEE, sizeof(pat));
	cr_assert_eq(gmap_read(&t, hpa, 0, WIN_GPA0 + 8, buf, sizeof(buf)), 0);
	cr_assert_eq(buf[0], 0x22);
	cr_assert_eq(gmap_write(&t, hpa, 0, WIN_GPA0 + 8, pat, sizeof(pat)),
		     -KSH_EFAULT);
	cr_assert_eq(window[8], 0x22, "a refused write changed the window");
	/* The writer's end of the same window takes the write. */
	cr_assert_eq(gmap_write(&t, hpa, 1, WIN_GPA1 + 8, pat, sizeof(pat)), 0);
	cr_assert_eq(window[8], 0xEE);
}

Test(gmap_access, crossing_a_mappings_end)
{
	uint8_t buf[32], pat[32];

	memset(pat, 0x5A, sizeof(pat));
	memset(buf, 0, sizeof(buf));
	/* RAM into the read-only window: readable as one range... */
	cr_assert_eq(gmap_read(&t, hpa, 0, WIN_GPA0 - 16, buf, 32), 0);
	cr_assert_eq(buf[15], 0x11);
	cr_assert_eq(buf[16], 0x22);
	/* ...but not writable, and the RAM half is not written either. */
	cr_assert_eq(gmap_write(&t, hpa, 0, WIN_GPA0 - 16, pat, 32),
		     -KSH_EFAULT);
	cr_assert_eq(ram[WIN_GPA0 - 16], 0x11);
	cr_assert_eq(window[0], 0x22);
	/* The window's end into the hole after it. */
	memset(buf, 0, sizeof(buf));
	cr_assert_eq(gmap_read(&t, hpa, 0, WIN_GPA0 + PG - 16, buf, 32),
		     -KSH_EFAULT);
	cr_assert_eq(buf[0], 0, "a refused read filled the buffer");
	/* The writer's RAM ends at 4K with nothing after it. */
	cr_assert_eq(gmap_write(&t, hpa, 1, PG - 4, pat, 8), -KSH_EFAULT);
	cr_assert_eq(ram2[PG - 4], 0x33);
	/* Wholly outside any mapping. */
	cr_assert_eq(gmap_read(&t, hpa, 0, 0x8000, buf, 1), -KSH_EFAULT);
}

Test(gmap_access, wrap_around)
{
	uint8_t buf[32], pat[32];

	memset(pat, 0x77, sizeof(pat));
	memset(buf, 0, sizeof(buf));
	/* The last page is the domain's, and so is gpa 0: a range from the
	 * top that wraps to 0 would pass a check of its two ends. */
	cr_assert_eq(gmap_read(&t, hpa, 0, UINT64_MAX - 15, buf, 32),
		     -KSH_EFAULT);
	cr_assert_eq(buf[0], 0);
	cr_assert_eq(gmap_write(&t, hpa, 0, UINT64_MAX - 15, pat, 32),
		     -KSH_EFAULT);
	cr_assert_eq(top[PG - 1], 0x44);
	cr_assert_eq(ram[0], 0x11);
	cr_assert_eq(gmap_read(&t, hpa, 0, 1, buf, UINT64_MAX), -KSH_EFAULT);
	/* Up to and including the last byte is fine. */
	cr_assert_eq(gmap_read(&t, hpa, 0, UINT64_MAX - 15, buf, 16), 0);
	cr_assert_eq(buf[15], 0x44);
	cr_assert_eq(gmap_write(&t, hpa, 0, UINT64_MAX, pat, 1), 0);
	cr_assert_eq(top[PG - 1], 0x77);
}

Test(gmap_access, zero_length_touches_nothing)
{
	cr_assert_eq(gmap_read(&t, hpa, 0, 0x8000, NULL, 0), 0);
	cr_assert_eq(gmap_write(&t, hpa, 0, WIN_GPA0, NULL, 0), 0);
	cr_assert_eq(window[0], 0x22);
}
