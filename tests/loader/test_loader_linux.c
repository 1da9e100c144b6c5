// SPDX-License-Identifier: MIT
/* Unit tests for loader_linux (kernel/loader/linux.c) against the real
 * Debian bzImage that `make linux-image` builds (build/images/linux/
 * vmlinuz; the test fails when it is missing). Checks boot_params field by
 * field (Documentation/arch/x86/boot.rst, zero-page.rst), the e820 map,
 * command line, kernel and initrd placement, the 64-bit entry state and its
 * identity map; then corrupted headers and impossible placements, each
 * refused with RAM untouched. */
#include "../unit/loader_test_util.h"

#define MIB	 0x100000ULL
#define RAM_SIZE (512 * MIB)
#define VMLINUZ	 "images/linux/vmlinuz"
#define CMDLINE	 "console=ttyS0 ksh.run=uname%20-r"

static struct lt_file kz;
static uint8_t *initrd;
static const size_t initrd_len = 3 * MIB + 123;

static void setup(void)
{
	kz = lt_read(VMLINUZ);
	initrd = malloc(initrd_len);
	cr_assert_not_null(initrd);
	for (size_t i = 0; i < initrd_len; i++)
		initrd[i] = (uint8_t)(i * 7 + 3);
}

static void teardown(void)
{
	free(kz.data);
	free(initrd);
}

TestSuite(loader_linux, .init = setup, .fini = teardown);

static uint8_t rd8(const uint8_t *b, uint64_t o)
{
	return b[o];
}
static uint16_t rd16(const uint8_t *b, uint64_t o)
{
	uint16_t v;
	memcpy(&v, b + o, 2);
	return v;
}
static uint32_t rd32(const uint8_t *b, uint64_t o)
{
	uint32_t v;
	memcpy(&v, b + o, 4);
	return v;
}
static uint64_t rd64(const uint8_t *b, uint64_t o)
{
	uint64_t v;
	memcpy(&v, b + o, 8);
	return v;
}

static uint64_t setup_size(void)
{
	uint8_t s = kz.data[0x1f1];
	return ((uint64_t)(s ? s : 4) + 1) * 512;
}

static int boot(struct guest_ram *r, struct vcpu_start *st, const char **why)
{
	*why = NULL;
	return loader_linux(r, kz.data, kz.len, initrd, initrd_len, CMDLINE, st,
			    why);
}

Test(loader_linux, fixture_is_a_64bit_capable_bzimage)
{
	cr_assert_eq(rd32(kz.data, 0x202), 0x53726448, "HdrS");
	cr_assert_geq(rd16(kz.data, 0x206), 0x020c);
	cr_assert(rd16(kz.data, 0x236) & 1, "XLF_KERNEL_64");
	cr_assert(rd8(kz.data, 0x234), "relocatable");
}

Test(loader_linux, boot_params_header_and_fields)
{
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;

	cr_assert_eq(boot(&r, &st, &why), 0, "%s", why);
	const uint8_t *bp = r.base + st.rsi;
	size_t hdr_end = 0x202 + kz.data[0x201];
	/* Outside the header, the zero page is zero except what we set. */
	cr_assert(lt_all(&r, st.rsi, 0x0c0, 0));
	cr_assert_eq(bp[0x1ef], 0, "sentinel must stay 0");
	/* Header copied from the image, then our fields. */
	cr_assert_eq(rd32(bp, 0x202), 0x53726448);
	cr_assert_eq(rd16(bp, 0x206), rd16(kz.data, 0x206));
	cr_assert_eq(rd8(bp, 0x1f1), rd8(kz.data, 0x1f1));
	cr_assert_eq(rd32(bp, 0x260), rd32(kz.data, 0x260), "init_size");
	cr_assert_eq(rd8(bp, 0x210), 0xff, "type_of_loader");
	cr_assert_eq(rd8(bp, 0x211) & 1, 1, "LOADED_HIGH kept");
	cr_assert_eq(rd64(bp, 0x250), 0, "no setup_data");
	cr_assert(lt_all(&r, st.rsi + hdr_end, 0x2d0 - hdr_end, 0));
	/* Kernel at pref_address (16 MiB here), 2 MiB aligned. */
	uint64_t load = rd32(bp, 0x214);
	cr_assert_eq(load, rd64(kz.data, 0x258));
	cr_assert_eq(load % rd32(kz.data, 0x230), 0);
	cr_assert_eq(memcmp(r.base + load, kz.data + setup_size(),
			    kz.len - setup_size()),
		     0, "protected-mode kernel bytes");
	/* Command line. */
	uint64_t cl = rd32(bp, 0x228) | ((uint64_t)rd32(bp, 0x0c8) << 32);
	cr_assert_str_eq((const char *)r.base + cl, CMDLINE);
	cr_assert_lt(cl, 0xA0000);
	lt_ram_free(&r);
}

Test(loader_linux, initrd_placement)
{
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;

	cr_assert_eq(boot(&r, &st, &why), 0, "%s", why);
	const uint8_t *bp = r.base + st.rsi;
	uint64_t at = rd32(bp, 0x218) | ((uint64_t)rd32(bp, 0x0c0) << 32);
	uint64_t sz = rd32(bp, 0x21c) | ((uint64_t)rd32(bp, 0x0c4) << 32);
	uint64_t load = rd32(bp, 0x214);
	cr_assert_eq(sz, initrd_len);
	cr_assert_eq(at % 4096, 0, "page aligned");
	cr_assert_leq(at + sz, RAM_SIZE);
	cr_assert_leq(at + sz - 1, rd32(kz.data, 0x22c), "initrd_addr_max");
	cr_assert_geq(at, load + rd32(kz.data, 0x260), "above init_size");
	cr_assert_gt(at + sz + 4096, RAM_SIZE, "as high as possible");
	cr_assert_eq(memcmp(r.base + at, initrd, initrd_len), 0);

	/* A low initrd_addr_max moves it down, still page aligned. */
	uint32_t max = 0x0a000000 - 1;
	memcpy(kz.data + 0x22c, &max, 4);
	cr_assert_eq(boot(&r, &st, &why), 0, "%s", why);
	at = rd32(r.base + st.rsi, 0x218);
	cr_assert_leq(at + initrd_len, 0x0a000000);
	cr_assert_gt(at + initrd_len + 4096, 0x0a000000);
	cr_assert_eq(at % 4096, 0);

	/* No initrd: the fields say so. */
	cr_assert_eq(loader_linux(&r, kz.data, kz.len, NULL, 0, "", &st, &why),
		     0, "%s", why);
	cr_assert_eq(rd32(r.base + st.rsi, 0x218), 0);
	cr_assert_eq(rd32(r.base + st.rsi, 0x21c), 0);
	cr_assert_eq(rd8(r.base, rd32(r.base + st.rsi, 0x228)), 0);
	lt_ram_free(&r);
}

Test(loader_linux, e820_map_leaves_legacy_hole_out)
{
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;

	cr_assert_eq(boot(&r, &st, &why), 0, "%s", why);
	const uint8_t *bp = r.base + st.rsi;
	unsigned n = bp[0x1e8];
	uint64_t usable = 0, prev_end = 0;
	cr_assert_geq(n, 2);
	cr_assert_leq(n, 128);
	for (unsigned i = 0; i < n; i++) {
		const uint8_t *e = bp + 0x2d0 + 20 * i;
		uint64_t a = rd64(e, 0), s = rd64(e, 8);
		uint32_t t = rd32(e, 16);
		cr_assert_geq(a, prev_end, "sorted, no overlap");
		cr_assert_gt(s, 0);
		prev_end = a + s;
		if (t == 1) {
			usable += s;
			/* No usable byte in [640 KiB, 1 MiB). */
			cr_assert(a + s <= 0xA0000 || a >= MIB,
				  "entry %u overlaps the legacy hole", i);
		}
	}
	cr_assert_eq(prev_end, RAM_SIZE, "map ends at the end of RAM");
	cr_assert_eq(usable, RAM_SIZE - 0x60000);
	cr_assert_eq(rd32(bp, 0x1e0), (RAM_SIZE - MIB) / 1024, "alt_mem_k");
	lt_ram_free(&r);
}

Test(loader_linux, entry_state_and_identity_map)
{
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;
	uint64_t pa;

	memset(&st, 0x5A, sizeof(st));
	cr_assert_eq(boot(&r, &st, &why), 0, "%s", why);
	const uint8_t *bp = r.base + st.rsi;
	uint64_t load = rd32(bp, 0x214);
	cr_assert_eq(st.mode, VCPU_START_LINUX64);
	cr_assert_eq(st.rip, load + 0x200, "64-bit entry");
	cr_assert_eq(st.rflags, 0x2, "interrupts off");
	cr_assert_eq(st.rax, 0);
	cr_assert_eq(st.rbx, 0);
	cr_assert_eq(st.rdi, 0);
	cr_assert_eq(rd32(bp, 0x202), 0x53726448, "RSI points at boot_params");
	/* GDT: __BOOT_CS 0x10 64-bit execute/read, __BOOT_DS 0x18 r/w. */
	cr_assert_eq(st.gdt_limit, 31);
	uint64_t cs = rd64(r.base, st.gdt_base + 0x10);
	uint64_t ds = rd64(r.base, st.gdt_base + 0x18);
	cr_assert_eq(LOADER_GDT_CS, 0x10);
	cr_assert_eq(LOADER_GDT_DS, 0x18);
	cr_assert(cs & (1ULL << 53), "L");
	cr_assert(cs & (1ULL << 43), "code");
	cr_assert(cs & (1ULL << 41), "readable");
	cr_assert(cs & (1ULL << 47), "present");
	cr_assert(!(ds & (1ULL << 43)), "data");
	cr_assert(ds & (1ULL << 41), "writable");
	cr_assert_eq((ds >> 48) & 0xf, 0xf, "4 GiB limit");
	cr_assert(ds & (1ULL << 55), "4 GiB limit (G)");
	/* Identity map: kernel + init_size, boot_params, cmdline, GDT, and
	 * in fact all of RAM (every 2 MiB page and the last byte). */
	uint64_t end = load + rd32(bp, 0x260);
	for (uint64_t va = 0; va < RAM_SIZE; va += 0x200000) {
		cr_assert(lt_walk(&r, st.cr3, va, &pa));
		cr_assert_eq(pa, va);
	}
	uint64_t probes[] = {load,	   load + 0x200,    end - 1,
			     st.rsi,	   rd32(bp, 0x228), st.gdt_base,
			     RAM_SIZE - 1, rd32(bp, 0x218)};
	for (unsigned i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		cr_assert(lt_walk(&r, st.cr3, probes[i], &pa));
		cr_assert_eq(pa, probes[i]);
	}
	cr_assert_not(lt_walk(&r, st.cr3, RAM_SIZE, &pa));
	/* Boot structures lie below 640 KiB, clear of kernel and initrd. */
	cr_assert_lt(st.cr3, 0xA0000);
	cr_assert_lt(st.gdt_base, 0xA0000);
	cr_assert_lt(st.rsi + 4096, 0xA0000);
	lt_ram_free(&r);
}

Test(loader_linux, relocatable_kernel_moves_down_in_small_ram)
{
	/* 78 MiB: pref_address (16 MiB) + init_size (~64 MiB) does not fit
	 * with an initrd; the first 2 MiB-aligned address above 1 MiB does. */
	uint64_t size = 78 * MIB;
	struct guest_ram r = lt_ram(size, 0);
	struct vcpu_start st;
	const char *why;

	cr_assert_gt(rd64(kz.data, 0x258) + rd32(kz.data, 0x260), size);
	cr_assert_eq(loader_linux(&r, kz.data, kz.len, initrd, initrd_len,
				  CMDLINE, &st, &why),
		     0, "%s", why);
	uint64_t load = rd32(r.base + st.rsi, 0x214);
	cr_assert_eq(load, 2 * MIB);
	cr_assert_eq(st.rip, load + 0x200);
	lt_ram_free(&r);
}

/* Expects refusal rc and RAM untouched. */
static void refused(const uint8_t *img, size_t len, const void *rd,
		    size_t rdlen, const char *cmd, uint64_t ram_size, int rc)
{
	struct guest_ram r = lt_ram(ram_size, 0xAA);
	struct vcpu_start st;
	const char *why = NULL;
	int got = loader_linux(&r, img, len, rd, rdlen, cmd, &st, &why);

	cr_assert_eq(got, rc, "got %d (%s)", got, why ? why : "-");
	cr_assert_not_null(why);
	cr_assert_gt(strlen(why), 5);
	cr_assert(lt_all(&r, 0, ram_size, 0xAA), "refusal wrote to RAM");
	lt_ram_free(&r);
}

#define REFUSED(rc)                                                            \
	refused(kz.data, kz.len, initrd, initrd_len, CMDLINE, 128 * MIB, rc)

Test(loader_linux, refuses_bad_magic)
{
	kz.data[0x202] = 'X';
	REFUSED(-LOADER_EFORMAT);
	kz.data[0x202] = 'H';
	kz.data[0x1fe] = 0;
	REFUSED(-LOADER_EFORMAT);
}

Test(loader_linux, refuses_old_protocol_and_missing_64bit_entry)
{
	uint16_t v = 0x020b;
	memcpy(kz.data + 0x206, &v, 2);
	REFUSED(-LOADER_EUNSUPPORTED);
	v = 0x020f;
	memcpy(kz.data + 0x206, &v, 2);
	uint16_t xlf = rd16(kz.data, 0x236) & ~1;
	memcpy(kz.data + 0x236, &xlf, 2);
	REFUSED(-LOADER_EUNSUPPORTED);
	xlf |= 1;
	memcpy(kz.data + 0x236, &xlf, 2);
	kz.data[0x211] &= ~1; /* zImage */
	REFUSED(-LOADER_EUNSUPPORTED);
}

Test(loader_linux, refuses_truncated_images)
{
	refused(kz.data, 0x200, NULL, 0, "", 128 * MIB, -LOADER_EFORMAT);
	refused(kz.data, 0x263, NULL, 0, "", 128 * MIB, -LOADER_EFORMAT);
	/* Setup complete but no kernel; then kernel cut short of syssize. */
	refused(kz.data, setup_size(), NULL, 0, "", 128 * MIB, -LOADER_EFORMAT);
	refused(kz.data, kz.len - 4096, NULL, 0, "", 128 * MIB,
		-LOADER_EFORMAT);
	refused(NULL, kz.len, NULL, 0, "", 128 * MIB, -LOADER_EFORMAT);
}

Test(loader_linux, refuses_inconsistent_header_fields)
{
	kz.data[0x201] = 0xff; /* header would run into edd_mbr_sig_buffer */
	REFUSED(-LOADER_EFORMAT);
	kz.data[0x201] = 0x10; /* header shorter than init_size */
	REFUSED(-LOADER_EFORMAT);
	kz.data[0x201] = 0x6a;
	uint32_t a = 0x300000; /* alignment not a power of two */
	memcpy(kz.data + 0x230, &a, 4);
	REFUSED(-LOADER_EFORMAT);
	a = 0x200000;
	memcpy(kz.data + 0x230, &a, 4);
	uint32_t init = 0x1000; /* init_size below the kernel's size */
	memcpy(kz.data + 0x260, &init, 4);
	REFUSED(-LOADER_EFORMAT);
}

Test(loader_linux, refuses_impossible_placements)
{
	/* RAM below the kernel's init_size. */
	refused(kz.data, kz.len, NULL, 0, "", 48 * MIB, -LOADER_ESPACE);
	/* Non-relocatable kernel whose pref_address is outside RAM. */
	kz.data[0x234] = 0;
	uint64_t pref = 0x40000000;
	memcpy(kz.data + 0x258, &pref, 8);
	REFUSED(-LOADER_ESPACE);
	kz.data[0x234] = 1;
	pref = UINT64_MAX - 0x1000; /* relocatable: aligning overflows */
	memcpy(kz.data + 0x258, &pref, 8);
	struct guest_ram r = lt_ram(128 * MIB, 0);
	struct vcpu_start st;
	const char *why;
	cr_assert_eq(loader_linux(&r, kz.data, kz.len, NULL, 0, "", &st, &why),
		     0, "falls back to 2 MiB: %s", why);
	cr_assert_eq(rd32(r.base + st.rsi, 0x214), 2 * MIB);
	lt_ram_free(&r);
	pref = 0x1000000;
	memcpy(kz.data + 0x258, &pref, 8);
	/* initrd_addr_max below the kernel's end: nowhere to put it. */
	uint32_t max = 0x02000000;
	memcpy(kz.data + 0x22c, &max, 4);
	REFUSED(-LOADER_ESPACE);
	max = 0x7fffffff;
	memcpy(kz.data + 0x22c, &max, 4);
	/* initrd larger than the space above the kernel. */
	refused(kz.data, kz.len, initrd, 100 * MIB, CMDLINE, 128 * MIB,
		-LOADER_ESPACE);
	/* initrd length without data. */
	refused(kz.data, kz.len, NULL, 10, CMDLINE, 128 * MIB, -LOADER_EFORMAT);
}

Test(loader_linux, refuses_long_cmdline_and_bad_ram)
{
	uint32_t limit = rd32(kz.data, 0x238);
	char *c = malloc(limit + 2);
	memset(c, 'x', limit + 1);
	c[limit + 1] = 0;
	refused(kz.data, kz.len, NULL, 0, c, 128 * MIB, -LOADER_ESPACE);
	c[limit] = 0; /* exactly cmdline_size: accepted */
	struct guest_ram r = lt_ram(128 * MIB, 0);
	struct vcpu_start st;
	const char *why;
	cr_assert_eq(loader_linux(&r, kz.data, kz.len, NULL, 0, c, &st, &why),
		     0, "%s", why);
	lt_ram_free(&r);
	free(c);
	refused(kz.data, kz.len, NULL, 0, "", 128 * MIB + 12, -LOADER_ESPACE);
	refused(kz.data, kz.len, NULL, 0, "", MIB, -LOADER_ESPACE);
	uint8_t small[64];
	struct guest_ram huge = {small, 1ULL << 40};
	cr_assert_eq(
	    loader_linux(&huge, kz.data, kz.len, NULL, 0, "", &st, &why),
	    -LOADER_EUNSUPPORTED);
}

/* Seeded corruptions of the setup header (0x1f1 .. 0x290) and truncations:
 * each call returns 0 or a LOADER_E* code with a message, never crashes
 * (ASan/UBSan), and a refusal leaves RAM untouched (checked on the low
 * boot area, the kernel's first 2 MiB and the top 16 MiB, where the
 * loader writes). */
Test(loader_linux, hostile_setup_headers)
{
	uint64_t s = 0x243F6A8885A308D3ULL;
	uint8_t *orig = malloc(0x400);
	struct guest_ram r = lt_ram(128 * MIB, 0xAA);
	int refused_n = 0;

	memcpy(orig, kz.data, 0x400);
	for (int i = 0; i < 800; i++) {
		struct vcpu_start st;
		const char *why = NULL;
		size_t len = kz.len;

		memcpy(kz.data, orig, 0x400);
		for (int k = 0; k < 1 + i % 3; k++) {
			s ^= s << 13, s ^= s >> 7, s ^= s << 17;
			size_t at = 0x1f1 + s % (0x290 - 0x1f1);
			kz.data[at] = (s >> 32) & 1
					  ? (uint8_t)(s >> 40)
					  : kz.data[at] ^ (1u << (s >> 48) % 8);
		}
		if (i % 10 == 0)
			len = (size_t)(s >> 20) % kz.len;
		int rc = loader_linux(&r, kz.data, len, initrd, initrd_len,
				      CMDLINE, &st, &why);
		if (rc == 0) {
			memset(r.base, 0xAA, 0xA0000);
			memset(r.base + 16 * MIB, 0xAA, 2 * MIB);
			memset(r.base + 2 * MIB, 0xAA, 2 * MIB);
			memset(r.base + 112 * MIB, 0xAA, 16 * MIB);
			continue;
		}
		refused_n++;
		cr_assert(rc >= -LOADER_ESPACE && rc <= -LOADER_EFORMAT,
			  "variant %d: rc %d", i, rc);
		cr_assert_not_null(why);
		cr_assert(lt_all(&r, 0, 0xA0000, 0xAA) &&
			      lt_all(&r, 2 * MIB, 2 * MIB, 0xAA) &&
			      lt_all(&r, 16 * MIB, 2 * MIB, 0xAA) &&
			      lt_all(&r, 112 * MIB, 16 * MIB, 0xAA),
			  "variant %d refused (%s) but wrote RAM", i, why);
	}
	cr_assert_gt(refused_n, 100);
	lt_ram_free(&r);
	free(orig);
}
