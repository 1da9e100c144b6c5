// SPDX-License-Identifier: MIT
/*
 * Stopping a domain, and its console output.
 */
#include <ksh/domain.h>
#include <ksh/kprintf.h>

void dom_stop(struct domain *d, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	kvsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (d->line_len != 0)
		dom_console(d, "\n", 1);
	d->state = DOM_STOPPED;
	kprintf("ksh: domain %s stopped: %s\n", d->desc->name, msg);
}

static void flush_line(struct domain *d)
{
	kprintf("[%s] ", d->desc->name);
	console_write(d->line, d->line_len);
	console_write("\n", 1);
	d->line_len = 0;
}

void dom_console(struct domain *d, const char *s, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n') {
			flush_line(d);
			continue;
		}
		/* Keep the log readable and free of terminal controls. */
		if ((c < 0x20 && c != '\t') || c == 0x7F)
			c = '?';
		d->line[d->line_len++] = c;
		if (d->line_len == DOM_LINE_MAX)
			flush_line(d);
	}
}
