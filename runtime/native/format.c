// SPDX-License-Identifier: MIT
/* printf-style formatter (see ksh/rt/format.h). Pure: no hypercalls, no
 * globals, so it is linked unchanged into the host unit tests. */
#include <ksh/rt/format.h>
#include <ksh/rt/string.h>
#include <stdint.h>

struct fmt_spec {
	int left;  /* '-' */
	int zero;  /* '0' */
	int width; /* minimum field width */
	int prec;  /* %s: maximum bytes, -1 = none */
	int lmod;  /* 0 int, 1 long, 2 long long, 3 size_t */
};

struct fmt_out {
	ksh_fmt_put_fn put;
	void *ctx;
	int count;
};

static void fmt_emit(struct fmt_out *o, const char *s, size_t n)
{
	if (n) {
		o->put(o->ctx, s, n);
		o->count += (int)n;
	}
}

static void fmt_fill(struct fmt_out *o, char c, int n)
{
	char pad[16];

	ksh_memset(pad, c, sizeof(pad));
	while (n > 0) {
		int k = n < (int)sizeof(pad) ? n : (int)sizeof(pad);

		fmt_emit(o, pad, (size_t)k);
		n -= k;
	}
}

/* Emits prefix (sign or "0x") and body in a field of spec->width: spaces
 * before the prefix, or zeros between prefix and body ('0'), or spaces
 * after ('-'). */
static void fmt_field(struct fmt_out *o, const struct fmt_spec *spec,
		      const char *prefix, size_t plen, const char *body,
		      size_t blen, int numeric)
{
	int pad = spec->width - (int)(plen + blen);

	if (pad < 0)
		pad = 0;
	if (!spec->left && !(spec->zero && numeric))
		fmt_fill(o, ' ', pad);
	fmt_emit(o, prefix, plen);
	if (!spec->left && spec->zero && numeric)
		fmt_fill(o, '0', pad);
	fmt_emit(o, body, blen);
	if (spec->left)
		fmt_fill(o, ' ', pad);
}

/* Digits of v in base 10 or 16, written backwards from end; returns the
 * first digit. */
static char *fmt_digits(char *end, unsigned long long v, unsigned int base,
			int upper)
{
	const char *d = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;

	do {
		*--p = d[v % base];
		v /= base;
	} while (v);
	return p;
}

static unsigned long long fmt_arg_unsigned(va_list *ap, int lmod)
{
	switch (lmod) {
	case 1:
		return va_arg(*ap, unsigned long);
	case 2:
		return va_arg(*ap, unsigned long long);
	case 3:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static long long fmt_arg_signed(va_list *ap, int lmod)
{
	switch (lmod) {
	case 1:
		return va_arg(*ap, long);
	case 2:
		return va_arg(*ap, long long);
	case 3:
		return (long long)va_arg(*ap, size_t);
	default:
		return va_arg(*ap, int);
	}
}

/* Parses flags, width, precision and length after '%'; returns the
 * pointer to the conversion character. */
static const char *fmt_parse(const char *f, struct fmt_spec *spec, va_list *ap)
{
	spec->left = spec->zero = spec->width = spec->lmod = 0;
	spec->prec = -1;
	for (;; f++) {
		if (*f == '-')
			spec->left = 1;
		else if (*f == '0')
			spec->zero = 1;
		else
			break;
	}
	if (*f == '*') {
		spec->width = va_arg(*ap, int);
		if (spec->width < 0) {
			spec->left = 1;
			spec->width = -spec->width;
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9' && spec->width < 100000)
			spec->width = spec->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		spec->prec = 0;
		if (*f == '*') {
			spec->prec = va_arg(*ap, int);
			f++;
		} else {
			while (*f >= '0' && *f <= '9' && spec->prec < 100000)
				spec->prec = spec->prec * 10 + (*f++ - '0');
		}
	}
	if (*f == 'l') {
		spec->lmod = 1;
		if (*++f == 'l') {
			spec->lmod = 2;
			f++;
		}
	} else if (*f == 'z') {
		spec->lmod = 3;
		f++;
	}
	return f;
}

int ksh_vformat(ksh_fmt_put_fn put, void *ctx, const char *fmt, va_list ap)
{
	struct fmt_out o = {put, ctx, 0};
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		const char *start = fmt;
		struct fmt_spec spec;
		char num[24], *end = num + sizeof(num), *p;
		const char *str;
		unsigned long long u;
		long long s;
		char c;

		while (*fmt && *fmt != '%')
			fmt++;
		fmt_emit(&o, start, (size_t)(fmt - start));
		if (!*fmt)
			break;
		start = fmt;
		fmt = fmt_parse(fmt + 1, &spec, &args);
		switch (*fmt) {
		case 'd':
		case 'i':
			s = fmt_arg_signed(&args, spec.lmod);
			/* negate in unsigned so LLONG_MIN is not overflow */
			u = s < 0 ? 0ULL - (unsigned long long)s
				  : (unsigned long long)s;
			p = fmt_digits(end, u, 10, 0);
			fmt_field(&o, &spec, "-", s < 0, p, (size_t)(end - p),
				  1);
			break;
		case 'u':
		case 'x':
		case 'X':
			u = fmt_arg_unsigned(&args, spec.lmod);
			p = fmt_digits(end, u, *fmt == 'u' ? 10 : 16,
				       *fmt == 'X');
			fmt_field(&o, &spec, "", 0, p, (size_t)(end - p), 1);
			break;
		case 'p':
			u = (uintptr_t)va_arg(args, void *);
			p = fmt_digits(end, u, 16, 0);
			fmt_field(&o, &spec, "0x", 2, p, (size_t)(end - p), 1);
			break;
		case 'c':
			c = (char)va_arg(args, int);
			fmt_field(&o, &spec, "", 0, &c, 1, 0);
			break;
		case 's':
			str = va_arg(args, const char *);
			if (!str)
				str = "(null)";
			fmt_field(&o, &spec, "", 0, str,
				  spec.prec >= 0
				      ? ksh_strnlen(str, (size_t)spec.prec)
				      : ksh_strlen(str),
				  0);
			break;
		case '%':
			fmt_emit(&o, "%", 1);
			break;
		default:
			/* unknown or truncated: show what was written */
			if (*fmt)
				fmt++;
			fmt_emit(&o, start, (size_t)(fmt - start));
			continue;
		}
		fmt++;
	}
	va_end(args);
	return o.count;
}

struct fmt_buf {
	char *buf;
	size_t size; /* room for bytes, the NUL excluded */
	size_t used;
};

static void fmt_buf_put(void *ctx, const char *s, size_t n)
{
	struct fmt_buf *b = ctx;

	if (b->used < b->size) {
		size_t room = b->size - b->used;

		ksh_memcpy(b->buf + b->used, s, n < room ? n : room);
	}
	b->used += n;
}

int ksh_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_buf b = {buf, size ? size - 1 : 0, 0};
	int n = ksh_vformat(fmt_buf_put, &b, fmt, ap);

	if (size)
		buf[b.used < b.size ? b.used : b.size] = '\0';
	return n;
}

int ksh_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = ksh_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
