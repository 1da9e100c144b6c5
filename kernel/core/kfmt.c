// SPDX-License-Identifier: MIT
/*
 * kfmt: the formatter under kprintf. Kept apart from the console so it is
 * pure C the host unit tests can run.
 */
#include <ksh/kprintf.h>

#include <stdint.h>

static int put_num(void (*put)(char, void *), void *ctx, uint64_t v,
		   unsigned base, int neg, int width, char pad)
{
	char tmp[24];
	int n = 0, out = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v != 0);
	if (neg)
		width--;
	if (neg && pad == '0') {
		put('-', ctx);
		out++;
	}
	for (; width > n; width--, out++)
		put(pad, ctx);
	if (neg && pad != '0') {
		put('-', ctx);
		out++;
	}
	while (n > 0) {
		put(tmp[--n], ctx);
		out++;
	}
	return out;
}

int kfmt(void (*put)(char c, void *ctx), void *ctx, const char *fmt, va_list ap)
{
	int out = 0;

	for (; *fmt != '\0'; fmt++) {
		char pad = ' ';
		int width = 0, lng = 0;

		if (*fmt != '%') {
			put(*fmt, ctx);
			out++;
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			int len = 0;

			if (s == NULL)
				s = "(null)";
			while (s[len] != '\0')
				len++;
			for (; width > len; width--, out++)
				put(' ', ctx);
			for (; *s != '\0'; s++, out++)
				put(*s, ctx);
			break;
		}
		case 'c':
			put((char)va_arg(ap, int), ctx);
			out++;
			break;
		case 'd': {
			int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
			uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

			out += put_num(put, ctx, mag, 10, v < 0, width, pad);
			break;
		}
		case 'u':
		case 'x': {
			uint64_t v = lng ? va_arg(ap, uint64_t)
					 : va_arg(ap, unsigned int);

			out += put_num(put, ctx, v, *fmt == 'u' ? 10 : 16, 0,
				       width, pad);
			break;
		}
		case 'p':
			put('0', ctx);
			put('x', ctx);
			out +=
			    2 + put_num(put, ctx,
					(uint64_t)(uintptr_t)va_arg(ap, void *),
					16, 0, width, pad);
			break;
		case '%':
			put('%', ctx);
			out++;
			break;
		case '\0':
			return out;
		default:
			put('%', ctx);
			put(*fmt, ctx);
			out += 2;
			break;
		}
	}
	return out;
}

struct buf_sink {
	char *buf;
	size_t size, used;
};

static void buf_put(char c, void *ctx)
{
	struct buf_sink *b = ctx;

	if (b->used + 1 < b->size)
		b->buf[b->used] = c;
	b->used++;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_sink b = {buf, size, 0};
	int n = kfmt(buf_put, &b, fmt, ap);

	if (size > 0)
		buf[b.used < size ? b.used : size - 1] = '\0';
	return n;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
