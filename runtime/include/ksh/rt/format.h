/* SPDX-License-Identifier: MIT */
/*
 * A small printf-style formatter for native domains. It is pure (no
 * hypercalls, no global state): output goes to a caller-supplied put
 * function, so the same code runs in a domain (console.c feeds it to
 * KSH_HC_CONSOLE_WRITE) and in the host unit tests (tests/unit/test_rt_*).
 *
 * Conversions: %d %i %u %x %X %p %c %s %%, with length modifiers l, ll, z
 * (%ld %lu %lx %lld %llu %llx %zu %zx ...), flags '-' (left-justify) and
 * '0' (zero-pad numbers), a field width (digits or '*') and, for %s only, a
 * precision (".N" or ".*": at most N bytes). %p prints 0x followed by the
 * address in lower-case hex. Anything else is printed as it was written, so
 * a mistake shows up in the output instead of being swallowed.
 */
#ifndef KSH_RT_FORMAT_H
#define KSH_RT_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Receives n bytes of output (not NUL-terminated). */
typedef void (*ksh_fmt_put_fn)(void *ctx, const char *s, size_t n);

/* Formats fmt/ap into put(ctx, ...); returns the number of bytes produced. */
int ksh_vformat(ksh_fmt_put_fn put, void *ctx, const char *fmt, va_list ap);

/* snprintf semantics: writes at most size - 1 bytes plus a NUL (when size
 * > 0) and returns the length the full output would have had. */
int ksh_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksh_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* KSH_RT_FORMAT_H */
