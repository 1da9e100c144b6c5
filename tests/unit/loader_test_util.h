/* SPDX-License-Identifier: MIT */
/* Helpers for the loader unit tests: fixture files built by make under
 * $KSH_BUILD/fixtures/loader/, guest RAM buffers, a page-table walker. */
#ifndef KSH_TESTS_LOADER_TEST_UTIL_H
#define KSH_TESTS_LOADER_TEST_UTIL_H

#include <criterion/criterion.h>
#include <ksh/loader.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct lt_file {
	uint8_t *data;
	size_t len;
};

/* Reads $KSH_BUILD/<rel> (KSH_BUILD defaults to "build"); a missing file
 * fails the test: fixtures are built by make before the tests run. */
static inline struct lt_file lt_read(const char *rel)
{
	const char *b = getenv("KSH_BUILD");
	char path[512];
	struct lt_file f = {0};

	snprintf(path, sizeof(path), "%s/%s", b ? b : "build", rel);
	FILE *fp = fopen(path, "rb");
	cr_assert_not_null(fp, "fixture %s missing (built by make)", path);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	cr_assert_gt(n, 0, "fixture %s empty", path);
	f.len = (size_t)n;
	f.data = malloc(f.len);
	cr_assert_not_null(f.data);
	cr_assert_eq(fread(f.data, 1, f.len, fp), f.len);
	fclose(fp);
	return f;
}

/* Guest RAM from mmap (untouched pages cost nothing, so large sizes are
 * cheap), optionally filled with a pattern so writes are observable. */
static inline struct guest_ram lt_ram(uint64_t size, int fill)
{
	struct guest_ram r;
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	cr_assert_neq(p, MAP_FAILED);
	r.base = p;
	r.size = size;
	if (fill >= 0)
		memset(p, fill, size);
	return r;
}

static inline void lt_ram_free(struct guest_ram *r)
{
	munmap(r->base, r->size);
}

static inline uint64_t lt_rd64(const struct guest_ram *r, uint64_t gpa)
{
	uint64_t v;
	cr_assert_leq(gpa + 8, r->size, "table read at %#llx outside RAM",
		      (unsigned long long)gpa);
	memcpy(&v, r->base + gpa, 8);
	return v;
}

/* Walks 4-level x86-64 tables (Intel SDM vol. 3A 4.5) from cr3 for virtual
 * address va. Returns 1 and the physical address in *pa when mapped
 * present and writable at every level, 0 when not present. */
static inline int lt_walk(const struct guest_ram *r, uint64_t cr3, uint64_t va,
			  uint64_t *pa)
{
	const uint64_t addr = 0x000ffffffffff000ULL;
	uint64_t e = lt_rd64(r, (cr3 & addr) + 8 * ((va >> 39) & 511));
	if (!(e & 1))
		return 0;
	cr_assert(e & 2);
	e = lt_rd64(r, (e & addr) + 8 * ((va >> 30) & 511));
	if (!(e & 1))
		return 0;
	cr_assert(e & 2);
	cr_assert(!(e & 0x80), "no 1 GiB pages expected");
	e = lt_rd64(r, (e & addr) + 8 * ((va >> 21) & 511));
	if (!(e & 1))
		return 0;
	cr_assert(e & 2);
	if (e & 0x80) {
		*pa = (e & 0x000fffffffe00000ULL) | (va & 0x1fffff);
		return 1;
	}
	e = lt_rd64(r, (e & addr) + 8 * ((va >> 12) & 511));
	if (!(e & 1))
		return 0;
	cr_assert(e & 2);
	*pa = (e & addr) | (va & 0xfff);
	return 1;
}

/* True when every byte of [gpa, gpa + n) equals v. */
static inline int lt_all(const struct guest_ram *r, uint64_t gpa, uint64_t n,
			 uint8_t v)
{
	uint8_t ref[4096];

	memset(ref, v, sizeof(ref));
	for (uint64_t i = 0; i < n; i += sizeof(ref)) {
		uint64_t k = n - i < sizeof(ref) ? n - i : sizeof(ref);
		if (memcmp(r->base + gpa + i, ref, k))
			return 0;
	}
	return 1;
}

#endif /* KSH_TESTS_LOADER_TEST_UTIL_H */
