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
#include <stdint.h>

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

/* Console output queues (ksh/console_out.h, kernel/core/console.c). */
struct domain;
/* One line of domain d's output (n bytes, no newline): queued with its
 * "[name] " prefix for d's frames to send. */
void dom_console_line(struct domain *d, const char *s, uint32_t n);
/* A log line a guest's action caused (a refusal, a fault it provoked):
 * rate-limited per domain (LOG_BURST, LOG_REFILL_NS), a count of what was
 * held back printed once lines pass again. */
void dom_log(struct domain *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Scheduler hooks: frame of domain dom (or KSH_IDLE) ending at end_ns
 * begins; the CPU idles until until_ns. Both send queued output the
 * frame may pay for. */
void console_frame(uint32_t dom, uint64_t end_ns);
void console_idle(uint64_t until_ns);
/* Sends what is queued, bounded in time, and writes at once from then
 * on: for the machine's stop. */
void console_flush(void);
#endif

#endif /* KSH_KPRINTF_H */
