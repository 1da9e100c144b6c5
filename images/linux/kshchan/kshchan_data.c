// SPDX-License-Identifier: MIT
/*
 * kshchan tool data helpers: hex in and out, whole-file reads, numbers.
 */
#include "kshchan_cli.h"

#include <errno.h>
#include <stdlib.h>

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int kshchan_hex_decode(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;
	int hi = -1, d;

	for (const char *p = hex; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == ':') {
			if (hi >= 0) /* a separator inside a byte */
				return -KSH_EINVAL;
			continue;
		}
		d = hex_digit(*p);
		if (d < 0)
			return -KSH_EINVAL;
		if (hi < 0) {
			hi = d;
			continue;
		}
		if (out && n == cap)
			return -KSHCHAN_ETOOBIG;
		if (out)
			out[n] = (uint8_t)(hi << 4 | d);
		n++;
		hi = -1;
	}
	if (hi >= 0)
		return -KSH_EINVAL;
	return n > 0x7fffffff ? -KSHCHAN_ETOOBIG : (int)n;
}

void kshchan_hex_print(FILE *f, const uint8_t *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		fprintf(f, "%02x", data[i]);
	fputc('\n', f);
}

int kshchan_read_all(FILE *f, uint8_t *out, size_t cap)
{
	size_t n = 0, got;
	uint8_t extra;

	while (n < cap && (got = fread(out + n, 1, cap - n, f)) > 0)
		n += got;
	if (ferror(f))
		return -KSHCHAN_EIO;
	/* Full: one more byte means the input does not fit. */
	if (n == cap && fread(&extra, 1, 1, f) == 1)
		return -KSHCHAN_ETOOBIG;
	if (ferror(f))
		return -KSHCHAN_EIO;
	return n > 0x7fffffff ? -KSHCHAN_ETOOBIG : (int)n;
}

int kshchan_parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	int base = 10;
	char *end;

	/* Base 10 or 0x..: a leading 0 is not octal here. */
	if (s && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	}
	/* strtoull would skip spaces and accept a sign: refuse both. */
	if (!s || hex_digit(*s) < 0 || (base == 10 && *s > '9'))
		return -1;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}
