// SPDX-License-Identifier: MIT
/*
 * kprintf and panic over the architecture's serial console.
 */
#include <arch/arch.h>
#include <ksh/kprintf.h>

static void console_put(char c, void *ctx)
{
	(void)ctx;
	if (c == '\n')
		arch_serial_putc('\r');
	arch_serial_putc(c);
}

void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		console_put(s[i], NULL);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kfmt(console_put, NULL, fmt, ap);
	va_end(ap);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	kprintf("ksh: PANIC: ");
	va_start(ap, fmt);
	kfmt(console_put, NULL, fmt, ap);
	va_end(ap);
	kprintf("\n");
	arch_stop_machine(0x7F);
}
