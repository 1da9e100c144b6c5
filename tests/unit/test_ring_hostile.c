// SPDX-License-Identifier: MIT
/* The record ring against writers it cannot trust (runtime/ring/ring.c):
 * a corrupt header or record is refused and the reader stays put; a
 * window full of random bytes never makes a read leave the window (ASan
 * watches a window allocated to the byte), return more than the buffer
 * or fail to return; and a real writer thread racing a reader thread
 * over a small ring never hands out a torn record. */
#include <criterion/criterion.h>
#include <ksh/rt/ring.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define LEN (KSH_RING_HDR + 512)

struct setup {
	uint8_t *win;
	struct ksh_ring_hdr *h;
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
};

static void set_up(struct setup *s, int records)
{
	uint8_t in[16] = {0};

	s->win = calloc(1, LEN);
	cr_assert_not_null(s->win);
	s->h = (struct ksh_ring_hdr *)s->win;
	cr_assert_eq(ksh_ring_writer_init(&s->w, s->win, LEN), 0);
	cr_assert_eq(ksh_ring_reader_init(&s->r, s->win, LEN), 0);
	for (int i = 0; i < records; i++)
		cr_assert_eq(ksh_ring_write(&s->w, in, 16), 0);
}

/* A read that must be refused as corrupt, leaving the reader where it
 * was. */
static void expect_corrupt(struct setup *s)
{
	uint8_t out[64];
	uint64_t pos = s->r.pos;

	cr_assert_eq(ksh_ring_read(&s->r, out, sizeof(out)), KSH_RING_ECORRUPT);
	cr_assert_eq(s->r.pos, pos);
}

Test(ring_hostile, wrong_magic)
{
	struct setup s;

	set_up(&s, 1);
	s.h->magic = 0x12345678;
	expect_corrupt(&s);
	free(s.win);
}

Test(ring_hostile, head_moved_backwards)
{
	struct setup s;
	uint8_t out[64];

	set_up(&s, 3);
	cr_assert_eq(ksh_ring_read(&s.r, out, sizeof(out)), 16);
	cr_assert_eq(ksh_ring_read(&s.r, out, sizeof(out)), 16);
	s.h->head = 8;
	expect_corrupt(&s);
	free(s.win);
}

Test(ring_hostile, tail_beyond_head)
{
	struct setup s;

	set_up(&s, 1);
	s.h->head = 1u << 20;
	s.h->tail = (1u << 20) + 8;
	expect_corrupt(&s);
	free(s.win);
}

Test(ring_hostile, unaligned_tail)
{
	struct setup s;

	set_up(&s, 1);
	s.h->head = 1u << 20;
	s.h->tail = (1u << 20) - 100 - 3;
	expect_corrupt(&s);
	free(s.win);
}

Test(ring_hostile, record_longer_than_the_window)
{
	struct setup s;
	struct ksh_ring_rec *rec;

	set_up(&s, 1);
	rec = (struct ksh_ring_rec *)(s.win + KSH_RING_HDR);
	rec->len = 0xFFFFFFF0u;
	expect_corrupt(&s);
	rec->len = LEN; /* longer than the data area */
	expect_corrupt(&s);
	free(s.win);
}

Test(ring_hostile, record_longer_than_what_was_published)
{
	struct setup s;
	struct ksh_ring_rec *rec;

	set_up(&s, 1); /* head = 24: 16 bytes of payload published */
	rec = (struct ksh_ring_rec *)(s.win + KSH_RING_HDR);
	rec->len = 17;
	expect_corrupt(&s);
	free(s.win);
}

Test(ring_hostile, sequence_number_out_of_order)
{
	struct setup s;
	uint8_t out[64];
	struct ksh_ring_rec *rec;

	set_up(&s, 2);
	cr_assert_eq(ksh_ring_read(&s.r, out, sizeof(out)), 16);
	rec = (struct ksh_ring_rec *)(s.win + KSH_RING_HDR + 24);
	rec->seq = 7;
	expect_corrupt(&s);
	free(s.win);
}

Test(ring_hostile, writer_survives_its_own_records_scribbled)
{
	struct setup s;
	uint8_t in[100] = {0}, out[128];
	int64_t n;

	/* the writer's domain overwrites its data area (a bug of its
	 * own): evicting old records must neither hang nor wrap */
	set_up(&s, 20);
	memset(s.win + KSH_RING_HDR, 0xFF, LEN - KSH_RING_HDR);
	for (int i = 0; i < 50; i++)
		cr_assert_eq(ksh_ring_write(&s.w, in, 100), 0);
	cr_assert_leq(s.w.head - s.w.tail, s.w.size);
	/* a reader gets back in step at the oldest intact record */
	n = ksh_ring_read(&s.r, out, sizeof(out));
	cr_assert(n == KSH_RING_OVERRUN, "got %ld", (long)n);
	cr_assert_eq(ksh_ring_read(&s.r, out, sizeof(out)), 100);
	free(s.win);
}

/* xorshift64: a fixed, reproducible stream of hostile bytes */
static uint64_t rnd(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

Test(ring_hostile, random_windows_never_escape)
{
	uint64_t x = 0x9E3779B97F4A7C15ull;

	for (int round = 0; round < 3000; round++) {
		uint64_t len = KSH_RING_HDR + 16 + rnd(&x) % 600;
		uint8_t *win = malloc(len), out[128];
		struct ksh_ring_hdr *h = (struct ksh_ring_hdr *)win;
		struct ksh_ring_reader r;

		cr_assert_not_null(win);
		for (uint64_t i = 0; i < len; i++)
			win[i] = (uint8_t)rnd(&x);
		h->magic = KSH_RING_MAGIC;
		/* plausible-looking positions half of the time */
		if (round & 1) {
			h->head = rnd(&x) % 2048;
			h->tail = h->head - rnd(&x) % 700;
		}
		cr_assert_eq(ksh_ring_reader_init(&r, win, len), 0);
		for (int i = 0; i < 8; i++) {
			int64_t n = ksh_ring_read(&r, out, sizeof(out));

			cr_assert(n <= (int64_t)sizeof(out));
			cr_assert(n >= 0 || n == KSH_RING_EMPTY ||
				  n == KSH_RING_OVERRUN ||
				  n == KSH_RING_TOOBIG ||
				  n == KSH_RING_ECORRUPT);
			/* scribble on the window between reads too */
			win[rnd(&x) % len] = (uint8_t)rnd(&x);
		}
		free(win);
	}
}

/* ---- torn records: a writer thread laps a reader thread ------------ */

#define RACE_RECORDS 400000u
#define RACE_LEN     (KSH_RING_HDR + 1024)

struct race {
	uint8_t *win;
	volatile int done;
};

/* Record k: 8 to 400 bytes, each byte a function of k and its index. */
static uint32_t race_len(uint32_t k)
{
	return 8 + (k * 13u) % 393u;
}

static uint8_t race_byte(uint32_t k, uint32_t i)
{
	return (uint8_t)(k ^ (i * 29u) ^ (k >> 8));
}

static void *race_writer(void *arg)
{
	struct race *rc = arg;
	struct ksh_ring_writer w;
	uint8_t buf[512];

	ksh_ring_writer_init(&w, rc->win, RACE_LEN);
	for (uint32_t k = 0; k < RACE_RECORDS; k++) {
		uint32_t n = race_len(k);

		/* a varying pause, so the writer sometimes keeps pace with
		 * the reader and sometimes laps it in the middle of a copy */
		for (volatile uint32_t d = 0; d < (k * 7u) % 200u; d++)
			;
		memcpy(buf, &k, 4);
		for (uint32_t i = 4; i < n; i++)
			buf[i] = race_byte(k, i);
		ksh_ring_write(&w, buf, n);
	}
	rc->done = 1;
	return NULL;
}

Test(ring_hostile, racing_writer_never_yields_a_torn_record, .timeout = 60)
{
	struct race rc = {calloc(1, RACE_LEN), 0};
	struct ksh_ring_reader r;
	pthread_t t;
	uint64_t good = 0, last = 0;
	int started = 0;

	cr_assert_not_null(rc.win);
	cr_assert_eq(ksh_ring_reader_init(&r, rc.win, RACE_LEN), 0);
	cr_assert_eq(pthread_create(&t, NULL, race_writer, &rc), 0);
	for (;;) {
		uint8_t out[512];
		int64_t n = ksh_ring_read(&r, out, sizeof(out));
		uint32_t k;

		if (n == KSH_RING_EMPTY) {
			if (rc.done && ksh_ring_read(&r, out, sizeof(out)) ==
					   KSH_RING_EMPTY)
				break;
			continue;
		}
		if (n == KSH_RING_OVERRUN)
			continue;
		cr_assert(n >= 8, "read %ld", (long)n);
		memcpy(&k, out, 4);
		cr_assert_eq((uint32_t)n, race_len(k), "record %u torn", k);
		for (uint32_t i = 4; i < n; i++)
			cr_assert_eq(out[i], race_byte(k, i),
				     "record %u byte %u torn", k, i);
		cr_assert(!started || k > last, "record %u after %lu", k,
			  (unsigned long)last);
		/* what the reader counted as lost is exactly the gap */
		started = 1;
		last = k;
		good++;
	}
	pthread_join(t, NULL);
	cr_assert_eq(last, RACE_RECORDS - 1);
	cr_assert_eq(good + r.lost, RACE_RECORDS);
	cr_log_info("race: %lu records read, %lu lost in %lu overruns",
		    (unsigned long)good, (unsigned long)r.lost,
		    (unsigned long)r.overruns);
	free(rc.win);
}
