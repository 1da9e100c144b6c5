// SPDX-License-Identifier: MIT
/* DER writer: encodings checked against X.690 examples and the OIDs the
 * Authenticode signature uses. */
#include <criterion/criterion.h>
#include <string.h>

#include "der.h"

static void expect_bytes(const struct der_buf *b, const uint8_t *want, size_t n)
{
	cr_assert_eq(b->failed, 0);
	cr_assert_eq(b->len, n, "length %zu, want %zu", b->len, n);
	cr_expect_eq(memcmp(b->data, want, n), 0);
}

Test(der, oid_sha256)
{
	static const uint8_t want[] = {0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
				       0x65, 0x03, 0x04, 0x02, 0x01};
	struct der_buf b = {0};

	der_put_oid(&b, "2.16.840.1.101.3.4.2.1");
	expect_bytes(&b, want, sizeof(want));
	der_free(&b);
}

Test(der, oid_spc_indirect_data)
{
	static const uint8_t want[] = {0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04,
				       0x01, 0x82, 0x37, 0x02, 0x01, 0x04};
	struct der_buf b = {0};

	der_put_oid(&b, "1.3.6.1.4.1.311.2.1.4");
	expect_bytes(&b, want, sizeof(want));
	der_free(&b);
}

Test(der, malformed_oids_fail)
{
	static const char *bad[] = {"",	   "1",	   "1.",    ".1.2",  "1..2",
				    "3.1", "1.40", "1.2.x", "1.2.3 "};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct der_buf b = {0};

		der_put_oid(&b, bad[i]);
		cr_expect_eq(b.failed, 1, "'%s' accepted", bad[i]);
		der_free(&b);
	}
}

Test(der, length_forms)
{
	static uint8_t body[300];
	struct der_buf b = {0};

	der_put_tlv(&b, DER_OCTET_STRING, body, 127);
	cr_expect_eq(b.data[1], 127, "short form up to 127");
	cr_expect_eq(der_header_len(b.data, b.len), 2);
	der_free(&b);
	der_put_tlv(&b, DER_OCTET_STRING, body, 128);
	cr_expect_eq(b.data[1], 0x81);
	cr_expect_eq(b.data[2], 128);
	cr_expect_eq(der_header_len(b.data, b.len), 3);
	der_free(&b);
	der_put_tlv(&b, DER_OCTET_STRING, body, 300);
	cr_expect_eq(b.data[1], 0x82);
	cr_expect_eq(b.data[2], 0x01);
	cr_expect_eq(b.data[3], 0x2c);
	cr_expect_eq(b.len, 304);
	der_free(&b);
}

Test(der, set_of_is_sorted)
{
	static const uint8_t want[] = {0x31, 0x09, 0x02, 0x01, 0x01, 0x02,
				       0x01, 0x05, 0x04, 0x01, 0x00};
	struct der_buf e[3] = {{0}}, b = {0};
	static const uint8_t v0 = 0, v1 = 1, v5 = 5;

	der_put_tlv(&e[0], DER_OCTET_STRING, &v0, 1);
	der_put_tlv(&e[1], DER_INTEGER, &v5, 1);
	der_put_tlv(&e[2], DER_INTEGER, &v1, 1);
	der_put_set_of(&b, DER_SET, e, 3);
	expect_bytes(&b, want, sizeof(want));
	der_free(&b);
	der_free(&e[0]);
	der_free(&e[1]);
	der_free(&e[2]);
}

Test(der, failure_propagates_through_wrap)
{
	struct der_buf inner = {0}, outer = {0};

	der_put_oid(&inner, "bogus");
	der_wrap(&outer, DER_SEQUENCE, &inner);
	cr_expect_eq(outer.failed, 1);
	der_free(&inner);
	der_free(&outer);
}
