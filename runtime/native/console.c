// SPDX-License-Identifier: MIT
/* Console output over KSH_HC_CONSOLE_WRITE (see ksh/rt/console.h). */
#include <ksh/rt/console.h>
#include <ksh/rt/format.h>
#include <ksh/rt/hypercall.h>
#include <ksh/rt/string.h>

int64_t ksh_console_write(const char *s, size_t n)
{
	size_t done = 0;

	while (done < n) {
		/* A kernel may refuse long writes as malformed (-KSH_EINVAL;
		 * ours caps them at 4 KiB): send at most one buffer's worth,
		 * the size every ksh_printf call already stays within. */
		size_t chunk =
		    n - done < KSH_CONSOLE_BUF ? n - done : KSH_CONSOLE_BUF;
		int64_t r = ksh_hc_console_write(s + done, chunk);

		if (r < 0)
			return r;
		if (r == 0) /* no progress: do not spin */
			return -KSH_EINVAL;
		done += (size_t)r;
	}
	return (int64_t)n;
}

/* Output buffer of one printf call: flushed when full and at the end. */
struct console_buf {
	char data[KSH_CONSOLE_BUF];
	size_t used;
	int64_t err;
};

static void console_flush(struct console_buf *b)
{
	if (b->used && !b->err) {
		int64_t r = ksh_console_write(b->data, b->used);

		if (r < 0)
			b->err = r;
	}
	b->used = 0;
}

static void console_put(void *ctx, const char *s, size_t n)
{
	struct console_buf *b = ctx;

	while (n) {
		size_t room = sizeof(b->data) - b->used;
		size_t k = n < room ? n : room;

		ksh_memcpy(b->data + b->used, s, k);
		b->used += k;
		s += k;
		n -= k;
		if (b->used == sizeof(b->data))
			console_flush(b);
	}
}

int ksh_vprintf(const char *fmt, va_list ap)
{
	struct console_buf b;
	int n;

	b.used = 0;
	b.err = 0;
	n = ksh_vformat(console_put, &b, fmt, ap);
	console_flush(&b);
	return b.err ? (int)b.err : n;
}

int ksh_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = ksh_vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int ksh_puts(const char *s)
{
	return ksh_printf("%s\n", s);
}
