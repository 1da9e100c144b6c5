// SPDX-License-Identifier: MIT
/* DER writer: see der.h. */
#include "der.h"

#include <stdlib.h>
#include <string.h>

void der_free(struct der_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

static int der_reserve(struct der_buf *b, size_t n)
{
	size_t cap;
	uint8_t *p;

	if (b->failed)
		return -1;
	if (n <= b->cap - b->len)
		return 0;
	if (n > SIZE_MAX / 2 - b->len) {
		b->failed = 1;
		return -1;
	}
	cap = b->cap ? b->cap : 64;
	while (cap - b->len < n)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void der_put_raw(struct der_buf *b, const void *p, size_t n)
{
	if (n == 0 || der_reserve(b, n) < 0)
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

/* Definite length, short form below 128, else long form with the fewest
 * octets (X.690 8.1.3 and 10.1). */
static void der_put_len(struct der_buf *b, size_t n)
{
	uint8_t tmp[1 + sizeof(size_t)];
	size_t k = 0, i;

	if (n < 0x80) {
		tmp[0] = (uint8_t)n;
		der_put_raw(b, tmp, 1);
		return;
	}
	for (i = n; i; i >>= 8)
		k++;
	tmp[0] = (uint8_t)(0x80 | k);
	for (i = 0; i < k; i++)
		tmp[1 + i] = (uint8_t)(n >> (8 * (k - 1 - i)));
	der_put_raw(b, tmp, 1 + k);
}

void der_put_tlv(struct der_buf *b, uint8_t tag, const void *p, size_t n)
{
	der_put_raw(b, &tag, 1);
	der_put_len(b, n);
	der_put_raw(b, p, n);
}

void der_wrap(struct der_buf *b, uint8_t tag, const struct der_buf *inner)
{
	if (inner->failed) {
		b->failed = 1;
		return;
	}
	der_put_tlv(b, tag, inner->data, inner->len);
}

/* One OID arc in base 128, high bit set on all but the last octet
 * (X.690 8.19.2). */
static void der_put_arc(struct der_buf *b, unsigned long v)
{
	uint8_t tmp[10];
	int n = 0, i;

	do {
		tmp[n++] = (uint8_t)(v & 0x7f);
		v >>= 7;
	} while (v);
	for (i = n - 1; i >= 0; i--) {
		uint8_t o = (uint8_t)(tmp[i] | (i ? 0x80 : 0));

		der_put_raw(b, &o, 1);
	}
}

void der_put_oid(struct der_buf *b, const char *dotted)
{
	unsigned long arcs[32];
	struct der_buf body = {0};
	const char *p = dotted;
	size_t n = 0, i;

	while (*p) {
		char *end;

		if (n == 32 || *p < '0' || *p > '9')
			goto bad;
		arcs[n++] = strtoul(p, &end, 10);
		p = end;
		if (*p == '.' && p[1])
			p++;
		else if (*p)
			goto bad;
	}
	/* The first two arcs share one subidentifier (X.690 8.19.4). */
	if (n < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39))
		goto bad;
	der_put_arc(&body, arcs[0] * 40 + arcs[1]);
	for (i = 2; i < n; i++)
		der_put_arc(&body, arcs[i]);
	der_wrap(b, DER_OID, &body);
	der_free(&body);
	return;
bad:
	der_free(&body);
	b->failed = 1;
}

static int der_cmp(const void *a, const void *b)
{
	const struct der_buf *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->data, y->data, n);

	if (c)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

void der_put_set_of(struct der_buf *b, uint8_t tag, struct der_buf *elems,
		    size_t n)
{
	struct der_buf body = {0};
	size_t i;

	for (i = 0; i < n; i++)
		if (elems[i].failed)
			b->failed = 1;
	if (b->failed)
		return;
	qsort(elems, n, sizeof(*elems), der_cmp);
	for (i = 0; i < n; i++)
		der_put_raw(&body, elems[i].data, elems[i].len);
	der_wrap(b, tag, &body);
	der_free(&body);
}

size_t der_header_len(const uint8_t *p, size_t len)
{
	size_t k;

	if (len < 2)
		return 0;
	if (!(p[1] & 0x80))
		return 2;
	k = p[1] & 0x7f;
	if (k == 0 || k > sizeof(size_t) || len < 2 + k)
		return 0;
	return 2 + k;
}
