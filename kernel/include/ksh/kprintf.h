/* SPDX-License-Identifier: MIT */
/*
 * The kernel's console: a small printf over the serial port. Every line
 * the kernel prints starts with "ksh: " so the boot tests and a reader of
 * the serial log can tell kernel lines from guest output (which the kernel
 * prefixes with "[domain] ").
 */
#ifndef KSH_KPRINTF_H
#define KSH_KPRINTF_H

#include <stdarg.h>
#include <stddef.h>

/* Formats like printf for the subset the kernel uses: %s %c %d %u %x %p
 * %% with optional '0' flag, width and l/ll/z length. Calls put(c, ctx) for
 * each character; returns the number of characters produced. Pure: runs
 * in the host unit tests. */
int kfmt(void (*put)(char c, void *ctx), void *ctx, const char *fmt,
	 va_list ap);

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* snprintf-like: always NUL-terminates when size > 0. */
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#ifdef KSH_KERNEL
/* Prints to the serial console. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "ksh: PANIC: ...", then halts (a broken kernel invariant). */
__attribute__((noreturn)) void panic(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* Writes raw bytes to the console. */
void console_write(const char *s, size_t n);
#endif

#endif /* KSH_KPRINTF_H */
