// SPDX-License-Identifier: MIT
/*
 * kprintf and panic over the architecture's serial console, and the
 * queues that keep console output from starving domains
 * (ksh/console_out.h says who pays for the drain).
 *
 * Until the schedule starts, output is written at once: only the kernel
 * runs. From the first frame on (console_frame), every line goes to a
 * queue: the queue of the domain whose frame is running (its "[name]"
 * lines and the kernel lines its actions cause, so their order is kept),
 * or the kernel's own queue in the plan's idle frames. The queues drain
 * in their owner's frames and in idle frames, and are flushed, bounded,
 * when the machine stops (console_flush, from arch_stop_machine).
 */
#include <arch/arch.h>
#include <ksh/console_out.h>
#include <ksh/domain.h>
#include <ksh/kprintf.h>

/* The final flush: 64 KiB of queues at 115200 baud take about 5.7 s. */
#define CON_FLUSH_NS 8000000000ull

static bool queued; /* the schedule runs: lines are queued */
static struct con_frame frame = {.owner = CON_NO_OWNER};
static struct con_out kernel_out = {.name = "ksh"}; /* no domain's */
static uint32_t idle_next; /* round robin of idle frames */

static bool uart_tx_empty(void *ctx)
{
	(void)ctx;
	return arch_serial_tx_empty();
}

static void uart_tx(void *ctx, uint8_t b)
{
	(void)ctx;
	arch_serial_tx((char)b);
}

static uint64_t uart_now(void *ctx)
{
	(void)ctx;
	return arch_time_ns();
}

static struct con_uart com1 = {uart_tx_empty, uart_tx, uart_now, NULL, NULL};

static void console_put(char c, void *ctx)
{
	(void)ctx;
	if (c == '\n')
		arch_serial_putc('\r');
	arch_serial_putc(c);
}

static struct domain *owner(void)
{
	return frame.owner < n_domains ? &domains[frame.owner] : NULL;
}

static struct con_out *queue_of(struct domain *d)
{
	if (d == NULL)
		return &kernel_out;
	d->con_out.name = d->desc->name;
	return &d->con_out;
}

/* Queues one piece of output (LF becomes CR LF, as console_put does)
 * for d (NULL: the kernel), all or nothing, then lets d's frame send
 * what it may. */
static void queue_text(struct domain *d, const char *s, uint32_t n)
{
	char buf[2 * CON_LINE_MAX];
	struct con_out *o = queue_of(d);
	uint32_t len = 0;

	for (uint32_t i = 0; i < n && len + 2 <= sizeof(buf); i++) {
		if (s[i] == '\n')
			buf[len++] = '\r';
		buf[len++] = s[i];
	}
	con_out_report_drops(o, d != NULL ? d->desc->name : "kernel");
	con_out_put(o, buf, len);
	if (d != NULL && d == owner())
		con_frame_after_write(&frame, o, &com1);
	else if (d == NULL)
		con_out_drain(&kernel_out, &com1, UINT64_MAX, 0, UINT32_MAX);
}

void console_write(const char *s, size_t n)
{
	if (queued) {
		queue_text(owner(), s, (uint32_t)n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		console_put(s[i], NULL);
}

static void vqueue(struct domain *d, const char *fmt, va_list ap)
{
	char line[CON_LINE_MAX];
	int n = kvsnprintf(line, sizeof(line), fmt, ap);

	if (n < 0)
		return;
	if ((uint32_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	queue_text(d, line, (uint32_t)n);
}

static void queue_fmt(struct domain *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void queue_fmt(struct domain *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vqueue(d, fmt, ap);
	va_end(ap);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (queued)
		vqueue(owner(), fmt, ap);
	else
		kfmt(console_put, NULL, fmt, ap);
	va_end(ap);
}

void dom_console_line(struct domain *d, const char *s, uint32_t n)
{
	char line[CON_LINE_MAX];
	int len = ksnprintf(line, sizeof(line), "[%s] ", d->desc->name);

	if (len < 0 || (uint32_t)len >= sizeof(line))
		len = 0;
	for (uint32_t i = 0; i < n && (uint32_t)len + 2 < sizeof(line); i++)
		line[len++] = s[i];
	line[len++] = '\n';
	if (queued) {
		queue_text(d, line, (uint32_t)len);
		return;
	}
	for (int i = 0; i < len; i++)
		console_put(line[i], NULL);
}

static void say_suppressed(struct domain *d, uint64_t held)
{
	queue_fmt(d, "ksh: [%s] %lu log lines suppressed\n", d->desc->name,
		  (unsigned long)held);
}

void dom_log(struct domain *d, const char *fmt, ...)
{
	int64_t held = log_limit_admit(&d->log_limit, arch_time_ns());
	va_list ap;

	if (held < 0)
		return;
	if (held > 0)
		say_suppressed(d, (uint64_t)held);
	va_start(ap, fmt);
	if (queued)
		vqueue(d, fmt, ap);
	else
		kfmt(console_put, NULL, fmt, ap);
	va_end(ap);
}

void console_frame(uint32_t dom, uint64_t end_ns)
{
	struct domain *d;
	uint64_t held;

	queued = true;
	con_frame_begin(&frame, dom < n_domains ? dom : CON_NO_OWNER,
			arch_time_ns(), end_ns);
	d = owner();
	con_out_drain(&kernel_out, &com1, end_ns, 0, UINT32_MAX);
	if (d == NULL)
		return;
	/* Counts held back while this domain was quiet, reported in its
	 * own frame once the limit lets a line through again. */
	held = log_limit_resume(&d->log_limit, arch_time_ns());
	if (held != 0)
		say_suppressed(d, held);
	con_out_report_drops(&d->con_out, d->desc->name);
	con_frame_after_write(&frame, &d->con_out, &com1);
}

void console_idle(uint64_t until_ns)
{
	struct domain *d = owner();

	if (!queued)
		return;
	con_frame_idle(&frame, &kernel_out, &com1, until_ns);
	if (d != NULL) {
		con_frame_idle(&frame, &d->con_out, &com1, until_ns);
		return;
	}
	/* An idle frame of the plan is no domain's time: every queue may
	 * use it, in turn. */
	for (uint32_t k = 0; k < n_domains; k++) {
		struct domain *x = &domains[(idle_next + k) % n_domains];

		if (x->con_out.count == 0)
			continue;
		idle_next = (x->id + 1) % n_domains;
		con_frame_idle(&frame, &x->con_out, &com1, until_ns);
		if (x->con_out.count != 0)
			return;
	}
}

void console_flush(void)
{
	uint64_t end = arch_time_ns() + CON_FLUSH_NS;
	struct domain *last = owner();

	if (!queued)
		return;
	queued = false; /* what is printed from here on goes out at once */
	/* The running frame's queue last: it holds the newest line (the
	 * reason the machine stops). */
	for (uint32_t i = 0; i < n_domains; i++)
		if (&domains[i] != last)
			con_out_drain(&domains[i].con_out, &com1, end, end,
				      UINT32_MAX);
	con_out_drain(&kernel_out, &com1, end, end, UINT32_MAX);
	if (last != NULL)
		con_out_drain(&last->con_out, &com1, end, end, UINT32_MAX);
	for (uint32_t i = 0; i < n_domains; i++)
		if (domains[i].con_out.count != 0 ||
		    domains[i].con_out.dropped != domains[i].con_out.told)
			kprintf("ksh: [%s] console: %lu bytes dropped, %u "
				"not flushed at the stop\n",
				domains[i].desc->name,
				(unsigned long)(domains[i].con_out.dropped -
						domains[i].con_out.told),
				domains[i].con_out.count);
}

void panic(const char *fmt, ...)
{
	va_list ap;

	console_flush();
	kprintf("ksh: PANIC: ");
	va_start(ap, fmt);
	kfmt(console_put, NULL, fmt, ap);
	va_end(ap);
	kprintf("\n");
	arch_stop_machine(0x7F);
}
