// SPDX-License-Identifier: MIT
/*
 * Token values: numbers with units, strings with escapes, IPv4 prefixes
 * and PCI addresses. Kept out of lexer.l so they are plain C the unit
 * tests call directly.
 */
#include "kshc.h"
#include "lexer.h"

#include <string.h>

struct unit_def {
	const char *suffix;
	uint8_t kind;
	uint64_t scale;
};

/* Sizes are binary (K = KiB = 1024); times are in nanoseconds. */
static const struct unit_def lex_units[] = {
    {"K", UNIT_SIZE, 1ull << 10},
    {"KiB", UNIT_SIZE, 1ull << 10},
    {"M", UNIT_SIZE, 1ull << 20},
    {"MiB", UNIT_SIZE, 1ull << 20},
    {"G", UNIT_SIZE, 1ull << 30},
    {"GiB", UNIT_SIZE, 1ull << 30},
    {"T", UNIT_SIZE, 1ull << 40},
    {"TiB", UNIT_SIZE, 1ull << 40},
    {"B", UNIT_SIZE, 1},
    {"ns", UNIT_TIME, 1},
    {"us", UNIT_TIME, 1000},
    {"ms", UNIT_TIME, 1000000},
    {"s", UNIT_TIME, 1000000000ull},
};

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool lex_number(struct kshc *k, const char *text, const struct ksh_loc *loc,
		struct ksh_value *out)
{
	const char *p = text;
	uint64_t v = 0, base = 10;
	bool any = false, overflow = false;

	memset(out, 0, sizeof(*out));
	out->loc = *loc;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (;; p++) {
		int d;

		if (*p == '_' && any)
			continue;
		d = base == 16		       ? hexval(*p)
		    : (*p >= '0' && *p <= '9') ? *p - '0'
					       : -1;
		if (d < 0)
			break;
		any = true;
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			overflow = true;
		else
			v = v * base + (uint64_t)d;
	}
	if (!any) {
		diag_report(&k->diags, DIAG_NUMBER, loc, "'%s' is not a number",
			    text);
		return false;
	}
	if (overflow) {
		diag_report(&k->diags, DIAG_NUMBER, loc,
			    "number '%s' does not fit in 64 bits", text);
		return false;
	}
	if (*p != '\0') {
		const struct unit_def *u = NULL;

		for (size_t i = 0; i < sizeof(lex_units) / sizeof(lex_units[0]);
		     i++)
			if (strcmp(p, lex_units[i].suffix) == 0)
				u = &lex_units[i];
		if (u == NULL) {
			diag_report(&k->diags, DIAG_UNIT, loc,
				    "unknown unit '%s' (sizes: K M G T, KiB "
				    "MiB GiB TiB, B; times: ns us ms s)",
				    p);
			return false;
		}
		if (v != 0 && u->scale > UINT64_MAX / v) {
			diag_report(&k->diags, DIAG_NUMBER, loc,
				    "'%s' does not fit in 64 bits", text);
			return false;
		}
		v *= u->scale;
		out->unit = u->kind;
	}
	out->num = v;
	out->set = true;
	return true;
}

char *lex_string(struct kshc *k, const char *text, size_t len,
		 const struct ksh_loc *loc)
{
	char *s = arena_alloc(&k->arena, len + 1), *o = s;

	for (size_t i = 0; i < len; i++) {
		char c = text[i];

		if (c == '\0') {
			diag_report(&k->diags, DIAG_BAD_CHAR, loc,
				    "NUL byte inside a string");
			continue;
		}
		if (c != '\\') {
			*o++ = c;
			continue;
		}
		c = text[++i];
		switch (c) {
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case '\\':
		case '"':
			*o++ = c;
			break;
		default:
			diag_report(&k->diags, DIAG_BAD_CHAR, loc,
				    "unknown escape '\\%c' in a string "
				    "(known: \\n \\t \\\\ \\\")",
				    c >= 0x20 && c < 0x7f ? c : '?');
		}
	}
	*o = '\0';
	return s;
}

/* A decimal field of at most @max; false on overflow. */
static bool dec_field(const char **p, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;
	int n = 0;

	while (**p >= '0' && **p <= '9') {
		v = v * 10 + (uint64_t)(**p - '0');
		if (v > max || ++n > 10)
			return false;
		(*p)++;
	}
	*out = (uint32_t)v;
	return n > 0;
}

bool lex_ipv4(struct kshc *k, const char *text, const struct ksh_loc *loc,
	      uint32_t *addr, uint32_t *prefix)
{
	const char *p = text;
	uint32_t a = 0, f;

	*prefix = 32;
	for (int i = 0; i < 4; i++) {
		if (!dec_field(&p, 255, &f))
			goto bad;
		a = a << 8 | f;
		if (i < 3 && *p++ != '.')
			goto bad;
	}
	if (*p == '/') {
		p++;
		if (!dec_field(&p, 32, prefix))
			goto bad;
	}
	if (*p != '\0')
		goto bad;
	*addr = a;
	return true;
bad:
	diag_report(&k->diags, DIAG_NUMBER, loc,
		    "'%s' is not an IPv4 address or prefix", text);
	return false;
}

bool lex_bdf(struct kshc *k, const char *text, const struct ksh_loc *loc,
	     uint32_t *bdf)
{
	/* The lexer's pattern guarantees "hh:hh.d". */
	uint32_t bus = (uint32_t)(hexval(text[0]) << 4 | hexval(text[1]));
	uint32_t dev = (uint32_t)(hexval(text[3]) << 4 | hexval(text[4]));
	uint32_t fn = (uint32_t)(text[6] - '0');

	/* PCI Local Bus Spec 3.0, 3.2.2.3.2: 32 devices, 8 functions. */
	if (dev > 31 || fn > 7) {
		diag_report(&k->diags, DIAG_NUMBER, loc,
			    "'%s' is not a PCI address (device 00-1f, "
			    "function 0-7)",
			    text);
		return false;
	}
	*bdf = bus << 8 | dev << 3 | fn;
	return true;
}
