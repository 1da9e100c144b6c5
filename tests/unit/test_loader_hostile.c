// SPDX-License-Identifier: MIT
/* Hostile payloads for every loader: thousands of corrupted variants of the
 * real fixtures (seeded, so reproducible), each byte flip or field smash
 * landing in the headers the loaders parse. Every call must return 0 or a
 * -LOADER_E* code with a message, never crash (the suite runs under ASan
 * and UBSan), and a refusal must leave RAM untouched. */
#include <ksh/native.h>

#include "loader_test_util.h"

#define MIB 0x100000ULL

/* xorshift64: a fixed seed keeps failures reproducible. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* The parts of a fixture the loaders parse, where corruptions land. */
struct span {
	size_t off, len;
};

/* One corruption within [0, span): a random byte, a bit flip, or a 32-bit
 * field set to an edge value. */
static void corrupt(uint8_t *d, size_t span)
{
	static const uint32_t edges[] = {0,	     1,		 0x7fffffff,
					 0x80000000, 0xffffffff, 0xfffffff0,
					 0x100000,   0x1000};
	size_t at = rng() % span;
	switch (rng() % 3) {
	case 0:
		d[at] = (uint8_t)rng();
		break;
	case 1:
		d[at] ^= (uint8_t)(1u << (rng() % 8));
		break;
	default:
		at &= ~(size_t)3;
		if (at + 4 <= span) {
			uint32_t v = edges[rng() % 8];
			memcpy(d + at, &v, 4);
		}
		break;
	}
}

typedef int (*load_fn)(struct guest_ram *r, const uint8_t *img, size_t len,
		       struct vcpu_start *st, const char **why);

static int ld_native(struct guest_ram *r, const uint8_t *img, size_t len,
		     struct vcpu_start *st, const char **why)
{
	return loader_native(r, img, len, 1, "fuzz", NULL, 0, st, why);
}

static int ld_mb(struct guest_ram *r, const uint8_t *img, size_t len,
		 struct vcpu_start *st, const char **why)
{
	return loader_multiboot(r, img, len, "fuzz", st, why);
}

/* Runs n corrupted variants of a fixture, each hit 1-4 times inside the
 * given spans (its headers) and one in eight also truncated. */
static void sweep(const char *fixture, load_fn fn, const struct span *sp,
		  int nspans, int n, uint64_t ram_size)
{
	struct lt_file f = lt_read(fixture);
	uint8_t *work = malloc(f.len);
	struct guest_ram r = lt_ram(ram_size, 0xAA);
	int accepted = 0, refused = 0;

	cr_assert_not_null(work);
	for (int i = 0; i < nspans; i++)
		cr_assert_leq(sp[i].off + sp[i].len, f.len);
	for (int i = 0; i < n; i++) {
		struct vcpu_start st;
		const char *why = NULL;
		size_t len = f.len;

		memcpy(work, f.data, f.len);
		for (int k = 0, m = 1 + (int)(rng() % 4); k < m; k++) {
			const struct span *p = &sp[rng() % (uint64_t)nspans];
			corrupt(work + p->off, p->len);
		}
		if (rng() % 8 == 0)
			len = rng() % (f.len + 1);
		int rc = fn(&r, work, len, &st, &why);
		if (rc == 0) {
			accepted++;
			/* Reset RAM for the next refusal check. */
			memset(r.base, 0xAA, r.size);
			continue;
		}
		refused++;
		cr_assert(rc == -LOADER_EFORMAT || rc == -LOADER_ERANGE ||
			      rc == -LOADER_EUNSUPPORTED ||
			      rc == -LOADER_ESPACE,
			  "variant %d: rc %d", i, rc);
		cr_assert_not_null(why, "variant %d: no message", i);
		cr_assert(lt_all(&r, 0, r.size, 0xAA),
			  "variant %d refused (%s) but wrote RAM", i, why);
	}
	cr_log_info("%s: %d accepted, %d refused", fixture, accepted, refused);
	cr_assert_gt(refused, n / 4, "corruptions should mostly be caught");
	lt_ram_free(&r);
	free(work);
	free(f.data);
}

/* RAM sizes just above what each fixture needs keep the untouched-RAM
 * check cheap. */
#define SMALL_RAM (3 * MIB)

Test(loader_hostile, native_corrupted_headers)
{
	/* ELF header and the program header table. */
	static const struct span sp[] = {{0, 64}, {64, 4 * 56}};
	sweep("fixtures/loader/native.elf", ld_native, sp, 2, 2000, SMALL_RAM);
}

Test(loader_hostile, multiboot_v1_elf_corrupted_headers)
{
	/* ELF32 header, program headers, Multiboot header at 0x1000. */
	static const struct span sp[] = {{0, 52}, {52, 2 * 32}, {0x1000, 12}};
	sweep("fixtures/loader/mb1_elf.elf", ld_mb, sp, 3, 2000, SMALL_RAM);
}

Test(loader_hostile, multiboot_aout_corrupted_address_fields)
{
	static const struct span v1[] = {{8, 32}};
	static const struct span v2[] = {{0, 0x40}};
	sweep("fixtures/loader/mb1_aout.bin", ld_mb, v1, 1, 2000, SMALL_RAM);
	sweep("fixtures/loader/mb2_aout.bin", ld_mb, v2, 1, 2000, SMALL_RAM);
}

Test(loader_hostile, multiboot_v2_corrupted_tags)
{
	static const struct span sp[] = {{0, 52}, {52, 32}, {0x1000, 0x48}};
	sweep("fixtures/loader/mb2_elf.elf", ld_mb, sp, 3, 2000, SMALL_RAM);
}
