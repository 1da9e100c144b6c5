// SPDX-License-Identifier: MIT
/* Unit tests for the native runtime's formatter (runtime/native/format.c):
 * every conversion, width and padding rule it documents, compared with
 * what the C library's snprintf gives for the same format, plus the
 * put-callback path and truncation. */
#include <criterion/criterion.h>
#include <ksh/rt/format.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Formats with ours and glibc's and compares text and return value. */
#define SAME(...)                                                              \
	do {                                                                   \
		char ours[256], libc[256];                                     \
		int n1 = ksh_snprintf(ours, sizeof(ours), __VA_ARGS__);        \
		int n2 = snprintf(libc, sizeof(libc), __VA_ARGS__);            \
		cr_expect_str_eq(ours, libc, "format %s", #__VA_ARGS__);       \
		cr_expect_eq(n1, n2, "length of %s", #__VA_ARGS__);            \
	} while (0)

Test(rt_format, integers)
{
	SAME("%d %d %d", 0, 42, -42);
	SAME("%i|%u", INT_MIN, UINT_MAX);
	SAME("%ld %lu", LONG_MIN, ULONG_MAX);
	SAME("%lld %llu", LLONG_MIN, ULLONG_MAX);
	SAME("%zu %zx", (size_t)12345, (size_t)0xabc);
}

Test(rt_format, hex)
{
	SAME("%x %X", 0xdeadbeefu, 0xdeadbeefu);
	SAME("%lx", 0xfedcba9876543210ul);
	SAME("%llx", 0x0123456789abcdefull);
	SAME("%x", 0u);
}

Test(rt_format, width_and_padding)
{
	SAME("[%5d][%-5d][%05d]", 42, 42, 42);
	SAME("[%05d][%5d]", -42, -42);
	SAME("[%08x][%016lx]", 0xbeefu, 0x1234ul);
	SAME("[%2d]", 12345);
	SAME("[%*d][%-*d]", 6, 7, 6, 7);
	SAME("[%*d]", -4, 9);
	SAME("[%8s][%-8s]", "ab", "ab");
	SAME("[%3c][%-3c]", 'x', 'y');
}

Test(rt_format, strings)
{
	SAME("%s and %s", "one", "");
	SAME("%.3s|%.*s|%.10s", "abcdef", 2, "xyz", "short");
	SAME("%c%c%%", 'o', 'k');
}

Test(rt_format, pointer)
{
	char buf[64];

	ksh_snprintf(buf, sizeof(buf), "%p", (void *)0x1000f0);
	cr_expect_str_eq(buf, "0x1000f0");
	ksh_snprintf(buf, sizeof(buf), "%p", (void *)0);
	cr_expect_str_eq(buf, "0x0");
	ksh_snprintf(buf, sizeof(buf), "[%12p]", (void *)0xfee00000);
	cr_expect_str_eq(buf, "[  0xfee00000]");
}

/* The same call without the format attribute, for inputs the compiler's
 * format checks (rightly) refuse to compile. */
static int unchecked_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = ksh_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

Test(rt_format, null_string)
{
	char buf[32];
	const char *nothing = NULL;

	unchecked_format(buf, sizeof(buf), "<%s>", nothing);
	cr_expect_str_eq(buf, "<(null)>");
}

/* An unknown conversion is printed as written, not dropped. */
Test(rt_format, unknown_conversion_is_visible)
{
	char buf[32];
	const char *fmt = "a%qb%";

	int n = unchecked_format(buf, sizeof(buf), fmt);
	cr_expect_str_eq(buf, "a%qb%");
	cr_expect_eq(n, 5);
}

Test(rt_format, truncation)
{
	char buf[8];

	memset(buf, 'Z', sizeof(buf));
	cr_expect_eq(ksh_snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 123),
		     10);
	cr_expect_str_eq(buf, "abcdef-");
	cr_expect_eq(ksh_snprintf(buf, 1, "xyz"), 3);
	cr_expect_eq(buf[0], '\0');
	buf[0] = 'Q';
	cr_expect_eq(ksh_snprintf(buf, 0, "xyz"), 3);
	cr_expect_eq(buf[0], 'Q', "size 0 must write nothing");
}

/* The callback sees every byte exactly once, in order. */
struct collect {
	char text[128];
	size_t len;
	int calls;
};

static void collect_put(void *ctx, const char *s, size_t n)
{
	struct collect *c = ctx;

	cr_assert_leq(c->len + n, sizeof(c->text) - 1);
	memcpy(c->text + c->len, s, n);
	c->len += n;
	c->text[c->len] = '\0';
	c->calls++;
}

static int format_to(struct collect *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = ksh_vformat(collect_put, c, fmt, ap);
	va_end(ap);
	return n;
}

Test(rt_format, callback)
{
	struct collect c = {.len = 0};
	int n = format_to(&c, "hello from %s %d\n", "dom-a", 3);

	cr_expect_str_eq(c.text, "hello from dom-a 3\n");
	cr_expect_eq(n, (int)strlen("hello from dom-a 3\n"));
	cr_expect_gt(c.calls, 0);
}
