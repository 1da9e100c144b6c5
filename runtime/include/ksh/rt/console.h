/* SPDX-License-Identifier: MIT */
/*
 * Console output over KSH_HC_CONSOLE_WRITE. One ksh_printf call of up to
 * KSH_CONSOLE_BUF bytes is one hypercall, so a line printed with one call
 * reaches the serial log whole, never interleaved with another domain's.
 */
#ifndef KSH_RT_CONSOLE_H
#define KSH_RT_CONSOLE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define KSH_CONSOLE_BUF 256

/* Writes all n bytes, KSH_CONSOLE_BUF at a time (several hypercalls also
 * if the kernel writes fewer);
 * returns n or the first negative KSH_E* code. */
int64_t ksh_console_write(const char *s, size_t n);

/* Formats as ksh/rt/format.h describes; returns the bytes produced, or a
 * negative KSH_E* code if the console refused them. */
int ksh_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int ksh_vprintf(const char *fmt, va_list ap);

/* s followed by a newline, in one hypercall when it fits the buffer. */
int ksh_puts(const char *s);

#endif /* KSH_RT_CONSOLE_H */
