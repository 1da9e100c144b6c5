// SPDX-License-Identifier: MIT
/* PE32+ parser: a well-formed image parses, every malformation named in
 * pe_parse is refused with a message, and truncations never read out of
 * bounds (this binary runs under ASan). */
#include <criterion/criterion.h>
#include <string.h>

#include "pe.h"

#define PE_OFF	 0x80
#define OPT_OFF	 (PE_OFF + 24)
#define OPT_LEN	 240 /* 112 + 16 data directories */
#define SEC_OFF	 (OPT_OFF + OPT_LEN)
#define HDRS_LEN 0x200
#define IMG_LEN	 0x800

static uint8_t img[IMG_LEN + 64];

/* Headers, two sections of 0x200 bytes at 0x200 and 0x400 (listed in
 * reverse file order), 0x200 bytes of trailing data. */
static size_t build(void)
{
	uint8_t *s;

	memset(img, 0, sizeof(img));
	img[0] = 'M';
	img[1] = 'Z';
	pe_wr32(img + 0x3c, PE_OFF);
	memcpy(img + PE_OFF, "PE\0\0", 4);
	pe_wr16(img + PE_OFF + 4, 0x8664);
	pe_wr16(img + PE_OFF + 6, 2);
	pe_wr16(img + PE_OFF + 20, OPT_LEN);
	pe_wr16(img + OPT_OFF, 0x20b);
	pe_wr32(img + OPT_OFF + 60, HDRS_LEN);
	pe_wr32(img + OPT_OFF + 108, 16);
	s = img + SEC_OFF;
	memcpy(s, ".data", 5);
	pe_wr32(s + 16, 0x200);
	pe_wr32(s + 20, 0x400);
	s += 40;
	memcpy(s, ".text", 5);
	pe_wr32(s + 16, 0x200);
	pe_wr32(s + 20, 0x200);
	return IMG_LEN;
}

static int parse(size_t len, struct pe_image *pe, char *err)
{
	return pe_parse(img, len, pe, err, 256);
}

Test(pe, parses_well_formed_image)
{
	struct pe_image pe;
	char err[256] = "";

	cr_assert_eq(parse(build(), &pe, err), 0, "%s", err);
	cr_expect_eq(pe.machine, 0x8664);
	cr_expect_eq(pe.checksum_off, OPT_OFF + 64);
	cr_expect_eq(pe.secdir_off, OPT_OFF + 112 + 32);
	cr_expect_eq(pe.n_raw, 2);
	cr_expect_eq(pe.sections[0].off, 0x200, "sorted by file offset");
	cr_expect_eq(pe.sections_end, 0x600);
	cr_expect_eq(pe.cert_len, 0);
}

Test(pe, hash_ranges_skip_checksum_and_cert_entry)
{
	struct pe_image pe;
	struct pe_range r[8];
	char err[256];
	unsigned n;

	cr_assert_eq(parse(build(), &pe, err), 0);
	n = pe_hash_ranges(&pe, r, 8);
	cr_assert_eq(n, 6);
	cr_expect_eq(r[0].off, 0);
	cr_expect_eq(r[0].len, OPT_OFF + 64);
	cr_expect_eq(r[1].off, OPT_OFF + 68);
	cr_expect_eq(r[1].off + r[1].len, OPT_OFF + 144);
	cr_expect_eq(r[2].off, OPT_OFF + 152);
	cr_expect_eq(r[2].off + r[2].len, HDRS_LEN);
	cr_expect_eq(r[3].off, 0x200);
	cr_expect_eq(r[4].off, 0x400);
	cr_expect_eq(r[5].off, 0x600, "trailing data is hashed");
	cr_expect_eq(r[5].len, 0x200);
}

Test(pe, trailing_data_stops_at_certificate_table)
{
	struct pe_image pe;
	struct pe_range r[8];
	char err[256];
	unsigned n;

	build();
	pe_wr32(img + OPT_OFF + 144, 0x700);
	pe_wr32(img + OPT_OFF + 148, 0x100);
	cr_assert_eq(parse(IMG_LEN, &pe, err), 0, "%s", err);
	n = pe_hash_ranges(&pe, r, 8);
	cr_assert_eq(n, 6);
	cr_expect_eq(r[5].off + r[5].len, 0x700);
}

Test(pe, every_truncation_is_refused)
{
	struct pe_image pe;
	char err[256];
	size_t len;

	build();
	/* The sections end at 0x600; shorter files cut them off. */
	for (len = 0; len < 0x600; len++) {
		err[0] = '\0';
		cr_assert_eq(parse(len, &pe, err), -1, "length %zu", len);
		cr_assert_neq(err[0], '\0', "no message at length %zu", len);
	}
}

static void expect_error(const char *needle)
{
	struct pe_image pe;
	char err[256] = "";

	cr_assert_eq(parse(IMG_LEN, &pe, err), -1, "accepted, wanted %s",
		     needle);
	cr_expect(strstr(err, needle) != NULL, "message '%s' lacks '%s'", err,
		  needle);
}

Test(pe, refuses_malformed_headers)
{
	build();
	img[0] = 'X';
	expect_error("no MZ header");

	build();
	pe_wr32(img + 0x3c, 0xfffffff0u);
	expect_error("outside the file");

	build();
	img[PE_OFF] = 'X';
	expect_error("no PE signature");

	build();
	pe_wr16(img + OPT_OFF, 0x10b);
	expect_error("only PE32+");

	build();
	pe_wr16(img + OPT_OFF, 0x1234);
	expect_error("magic");

	build();
	pe_wr16(img + PE_OFF + 20, 112);
	expect_error("too short");

	build();
	pe_wr32(img + OPT_OFF + 108, 4);
	expect_error("NumberOfRvaAndSizes");

	build();
	pe_wr32(img + OPT_OFF + 108, 1000);
	expect_error("NumberOfRvaAndSizes");

	build();
	pe_wr16(img + PE_OFF + 6, 0);
	expect_error("section count");

	build();
	pe_wr16(img + PE_OFF + 6, 97);
	expect_error("section count");

	build();
	pe_wr32(img + OPT_OFF + 60, 0x100);
	expect_error("SizeOfHeaders");

	build();
	pe_wr32(img + OPT_OFF + 60, 0x10000);
	expect_error("past the end");
}

Test(pe, refuses_bad_sections_and_cert_table)
{
	build();
	pe_wr32(img + SEC_OFF + 16, 0x10000);
	expect_error("runs past 0x800 (the end of the file)");

	build();
	pe_wr32(img + SEC_OFF + 20, 0x408); /* gap before .data */
	expect_error("not contiguous");

	build();
	pe_wr32(img + SEC_OFF + 20, 0x300); /* overlaps .text */
	expect_error("not contiguous");

	build();
	pe_wr32(img + OPT_OFF + 144, 0x700);
	pe_wr32(img + OPT_OFF + 148, 0x80); /* ends before the file does */
	expect_error("not at the end");

	build();
	pe_wr32(img + OPT_OFF + 144, 0x7fc);
	pe_wr32(img + OPT_OFF + 148, 4);
	expect_error("malformed certificate table");

	build();
	pe_wr32(img + OPT_OFF + 144, 0x500);
	pe_wr32(img + OPT_OFF + 148, 0x300);
	expect_error("(the certificate table)");

	build();
	pe_wr32(img + OPT_OFF + 144, 0xfffffff8u);
	pe_wr32(img + OPT_OFF + 148, 0x808);
	expect_error("not at the end");
}

Test(pe, checksum_matches_reference_values)
{
	/* Sum of 16-bit words with end-around carry, CheckSum bytes read as
	 * zero, plus the length: 0x0201 + 0x0403 + 0x0005 (odd byte padded)
	 * = 0x0609, + 5 bytes. */
	static const uint8_t a[] = {1, 2, 3, 4, 5};
	static const uint8_t b[] = {0xff, 0xff, 0x01, 0x00,
				    0xaa, 0xbb, 0xcc, 0xdd};

	cr_expect_eq(pe_checksum(a, sizeof(a), 100), 0x0609 + 5);
	/* 0xffff + 0x0001 carries to 0x0001; bytes 4..7 are CheckSum. */
	cr_expect_eq(pe_checksum(b, sizeof(b), 4), 0x0001 + 8);
	/* Odd CheckSum offset: bytes 1..4 are skipped. */
	cr_expect_eq(pe_checksum(a, sizeof(a), 1), 0x0001 + 5);
}
