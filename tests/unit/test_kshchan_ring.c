// SPDX-License-Identifier: MIT
/* libkshchan's record ring (kshchan_ring.c over runtime/ring/ring.c) on
 * fake memory channel devices sharing one window: records written with
 * the doorbell, read back in order, waiting bounded by the timeout,
 * refusals; and the tool's ring-write / ring-read. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ksh/tables.h>

#include "kshchan_cli.h"
#include "kshchan_fake.h"

static struct fake_dev wdev, rdev;
static struct kshchan wch, rch;

/* A writer and a reader end of one memory channel: the reader's window
 * is the writer's. */
static void setup(void)
{
	fake_init_memory(&wdev, KSH_ROLE_WRITER, 4096);
	fake_init_memory(&rdev, KSH_ROLE_READER, 4096);
	cr_assert_eq(fake_attach(&wdev, &wch), 0);
	cr_assert_eq(kshchan_attach(&rch, &fake_ops, &rdev, rdev.bar1,
				    sizeof(rdev.bar1), wdev.window, 4096),
		     0);
}

TestSuite(kshchan_ring, .init = setup);

Test(kshchan_ring, records_in_order_each_with_a_doorbell)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	char out[64];

	cr_assert_eq(kshchan_ring_writer(&wch, &w), 0);
	cr_assert_eq(kshchan_ring_reader(&rch, &r), 0);
	cr_assert_eq(kshchan_ring_put(&wch, &w, "one", 3), 0);
	cr_assert_eq(kshchan_ring_put(&wch, &w, "three", 5), 0);
	cr_assert_eq(wdev.n_signals, 2);
	cr_assert_eq(kshchan_ring_get(&rch, &r, out, sizeof(out), 0), 3);
	cr_assert_arr_eq(out, "one", 3);
	cr_assert_eq(kshchan_ring_get(&rch, &r, out, sizeof(out), 0), 5);
	cr_assert_arr_eq(out, "three", 5);
	cr_assert_eq(kshchan_ring_get(&rch, &r, out, sizeof(out), 0),
		     KSH_RING_EMPTY);
}

Test(kshchan_ring, empty_ring_waits_on_the_doorbell_until_the_deadline)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	char out[16];

	cr_assert_eq(kshchan_ring_writer(&wch, &w), 0);
	cr_assert_eq(kshchan_ring_reader(&rch, &r), 0);
	cr_assert_eq(kshchan_ring_get(&rch, &r, out, sizeof(out), 40),
		     -KSHCHAN_ETIMEDOUT);
	cr_assert_eq(rdev.now, 1040);
	/* A doorbell without a new record: woken, reads empty, waits on. */
	rdev.latched = KSH_CHANDEV_ST_EVENT;
	cr_assert_eq(kshchan_ring_get(&rch, &r, out, sizeof(out), 10),
		     -KSHCHAN_ETIMEDOUT);
	cr_assert_eq(rdev.latched, 0);
}

Test(kshchan_ring, refusals)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	static char big[4096];
	static const char *const m[] = {"a"};
	struct fake_dev msg;
	struct kshchan mch;

	/* Only the writer sets up a ring; a message channel has none. */
	cr_assert_eq(kshchan_ring_writer(&rch, &w), -KSHCHAN_EKIND);
	fake_init_message(&msg, KSH_ROLE_SENDER, m, 1, 64);
	cr_assert_eq(fake_attach(&msg, &mch), 0);
	cr_assert_eq(kshchan_ring_reader(&mch, &r), -KSHCHAN_EKIND);
	/* A record larger than the window can carry; no doorbell. */
	cr_assert_eq(kshchan_ring_writer(&wch, &w), 0);
	cr_assert_eq(kshchan_ring_put(&wch, &w, big, sizeof(big)),
		     -KSHCHAN_ETOOBIG);
	cr_assert_eq(wdev.n_signals, 0);
	cr_assert_str_eq(kshchan_errname(KSH_RING_OVERRUN), "KSH_RING_OVERRUN");
}

/* The tool, over a backend that gives the writer's end. */
static int be_open(void *ctx, const char *name, struct kshchan **ch)
{
	(void)ctx;
	if (strcmp(name, "frames") != 0)
		return -KSHCHAN_ENOCHAN;
	*ch = &wch;
	return 0;
}

static void be_close(void *ctx, struct kshchan *ch)
{
	(void)ctx;
	(void)ch;
}

static int be_list(void *ctx, kshchan_list_fn *each, void *arg)
{
	(void)ctx;
	(void)each;
	(void)arg;
	return 0;
}

static const struct kshchan_backend be = {be_open, be_close, be_list, NULL};
static char *out_text, *err_text;
static size_t out_len, err_len;

static int run_input(const char *in_text, ...)
{
	static char prog[] = "kshchan";
	char *argv[16] = {prog};
	int argc = 1, r;
	va_list ap;
	FILE *in, *out, *err;

	va_start(ap, in_text);
	for (const char *a; (a = va_arg(ap, const char *));)
		argv[argc++] = (char *)(uintptr_t)a;
	va_end(ap);
	free(out_text);
	free(err_text);
	/* fmemopen wants a size > 0; the tests that read stdin give text. */
	in = fmemopen((void *)(uintptr_t)in_text,
		      strlen(in_text) ? strlen(in_text) : 1, "r");
	out = open_memstream(&out_text, &out_len);
	err = open_memstream(&err_text, &err_len);
	struct kshchan_cli_io io = {.in = in, .out = out, .err = err};
	r = kshchan_cli_main(argc, argv, &be, &io);
	fclose(in);
	fclose(out);
	fclose(err);
	return r;
}

Test(kshchan_ring, tool_writes_lines_and_reads_them_back)
{
	cr_assert_eq(run_input("", "ring-write", "frames", "solo", NULL), 0);
	cr_assert_eq(run_input("", "ring-read", "frames", NULL), 0);
	cr_assert_str_eq(out_text, "solo\n");
	cr_assert_eq(run_input("alpha\nbeta\n", "ring-write", "frames", NULL),
		     0);
	cr_assert_eq(wdev.n_signals, 1 + 2);
	cr_assert_eq(run_input("", "ring-read", "-x", "frames", "1", NULL), 0);
	cr_assert_str_eq(out_text, "616c706861\n");
	/* COUNT more than there are: the wait for the third times out. */
	cr_assert_eq(
	    run_input("", "ring-read", "--timeout", "30", "frames", "3", NULL),
	    KSHCHAN_ETIMEDOUT);
	cr_assert_str_eq(out_text, "alpha\nbeta\n");
	cr_assert(strstr(err_text, "KSHCHAN_ETIMEDOUT"));
	cr_assert_eq(run_input("", "ring-read", "frames", "x", NULL),
		     KSHCHAN_EXIT_USAGE);
}
