// SPDX-License-Identifier: MIT
/* Unit tests for the record ring (runtime/ring/ring.c, ksh/rt/ring.h):
 * records come out as written, across the wrap; a lapped reader is told
 * once, resyncs to the oldest intact record and counts what it lost; a
 * too-small buffer leaves the record; the writer's room follows a reader
 * position. Hostile writers: tests/unit/test_ring_hostile.c. */
#include <criterion/criterion.h>
#include <ksh/rt/ring.h>
#include <stdlib.h>
#include <string.h>

/* A window of exactly len bytes, so ASan sees any byte read outside. */
static uint8_t *window(uint64_t len)
{
	uint8_t *w = calloc(1, len);

	cr_assert_not_null(w);
	return w;
}

/* Payload of record k: its length and bytes follow from k. */
static uint32_t len_of(uint32_t k)
{
	return (k * 37u) % 301u;
}

static void fill(uint8_t *p, uint32_t k, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		p[i] = (uint8_t)(k * 131u + i * 7u + 1u);
}

static void expect_record(const uint8_t *p, int64_t n, uint32_t k)
{
	uint8_t want[512];

	cr_assert_eq(n, (int64_t)len_of(k), "record %u: length %ld", k,
		     (long)n);
	fill(want, k, len_of(k));
	cr_assert_eq(memcmp(p, want, len_of(k)), 0, "record %u: bytes", k);
}

Test(ring, sizes)
{
	cr_assert_eq(ksh_ring_data_size(KSH_RING_HDR + 15), 0);
	cr_assert_eq(ksh_ring_data_size(KSH_RING_HDR + 16), 16);
	cr_assert_eq(ksh_ring_data_size(KSH_RING_HDR + 4099), 4096);
	cr_assert_eq(ksh_ring_max_payload(KSH_RING_HDR + 4096), 4088);
	cr_assert_eq(ksh_ring_rec_bytes(0), 8);
	cr_assert_eq(ksh_ring_rec_bytes(1), 16);
	cr_assert_eq(ksh_ring_rec_bytes(8), 16);
}

Test(ring, bad_arguments)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	uint8_t *win = window(KSH_RING_HDR + 64), buf[64] = {0};

	cr_assert_eq(ksh_ring_writer_init(&w, win, KSH_RING_HDR + 8),
		     KSH_RING_EINVAL);
	cr_assert_eq(ksh_ring_writer_init(&w, NULL, 4096), KSH_RING_EINVAL);
	cr_assert_eq(ksh_ring_reader_init(&r, win, 100), KSH_RING_EINVAL);
	cr_assert_eq(ksh_ring_writer_init(&w, win, KSH_RING_HDR + 64), 0);
	cr_assert_eq(ksh_ring_write(&w, buf, 57), KSH_RING_EINVAL);
	cr_assert_eq(ksh_ring_write(&w, buf, 56), 0);
	free(win);
}

Test(ring, empty_until_the_writer_starts)
{
	struct ksh_ring_reader r;
	uint8_t *win = window(4096), buf[16];

	cr_assert_eq(ksh_ring_reader_init(&r, win, 4096), 0);
	/* an all-zero window is a ring not set up yet */
	cr_assert_eq(ksh_ring_read(&r, buf, sizeof(buf)), KSH_RING_EMPTY);
	free(win);
}

Test(ring, records_in_order_then_empty)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	uint8_t *win = window(4096), in[512], out[512];

	cr_assert_eq(ksh_ring_writer_init(&w, win, 4096), 0);
	cr_assert_eq(ksh_ring_reader_init(&r, win, 4096), 0);
	for (uint32_t k = 0; k < 5; k++) {
		fill(in, k, len_of(k));
		cr_assert_eq(ksh_ring_write(&w, in, len_of(k)), 0);
	}
	for (uint32_t k = 0; k < 5; k++)
		expect_record(out, ksh_ring_read(&r, out, sizeof(out)), k);
	cr_assert_eq(ksh_ring_read(&r, out, sizeof(out)), KSH_RING_EMPTY);
	cr_assert_eq(r.lost, 0);
	free(win);
}

Test(ring, wraps_many_times_with_every_byte_intact)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	const uint64_t len = KSH_RING_HDR + 1000; /* not a power of two */
	uint8_t *win = window(len), in[512], out[512];

	cr_assert_eq(ksh_ring_writer_init(&w, win, len), 0);
	cr_assert_eq(ksh_ring_reader_init(&r, win, len), 0);
	for (uint32_t k = 0; k < 2000; k++) {
		fill(in, k, len_of(k));
		cr_assert_eq(ksh_ring_write(&w, in, len_of(k)), 0);
		expect_record(out, ksh_ring_read(&r, out, sizeof(out)), k);
	}
	cr_assert_gt(w.head, 100 * w.size); /* it did wrap, often */
	cr_assert_eq(r.lost, 0);
	cr_assert_eq(r.overruns, 0);
	free(win);
}

Test(ring, lapped_reader_resyncs_and_counts_losses)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	uint8_t *win = window(KSH_RING_HDR + 256), in[64], out[64];
	uint32_t k;

	cr_assert_eq(ksh_ring_writer_init(&w, win, KSH_RING_HDR + 256), 0);
	cr_assert_eq(ksh_ring_reader_init(&r, win, KSH_RING_HDR + 256), 0);
	/* 40 records of 24 bytes + 8 header: 8 fit in 256 bytes */
	for (k = 0; k < 40; k++) {
		memset(in, (int)k, 24);
		cr_assert_eq(ksh_ring_write(&w, in, 24), 0);
	}
	cr_assert_eq(ksh_ring_read(&r, out, sizeof(out)), KSH_RING_OVERRUN);
	cr_assert_eq(r.overruns, 1);
	/* the oldest intact record is number 32 */
	cr_assert_eq(ksh_ring_read(&r, out, sizeof(out)), 24);
	cr_assert_eq(out[0], 32);
	cr_assert_eq(r.lost, 32);
	for (k = 33; k < 40; k++) {
		cr_assert_eq(ksh_ring_read(&r, out, sizeof(out)), 24);
		cr_assert_eq(out[23], k);
	}
	cr_assert_eq(ksh_ring_read(&r, out, sizeof(out)), KSH_RING_EMPTY);
	free(win);
}

Test(ring, too_small_buffer_leaves_the_record)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	uint8_t *win = window(4096), in[100], out[100];

	cr_assert_eq(ksh_ring_writer_init(&w, win, 4096), 0);
	cr_assert_eq(ksh_ring_reader_init(&r, win, 4096), 0);
	fill(in, 3, 100);
	cr_assert_eq(ksh_ring_write(&w, in, 100), 0);
	cr_assert_eq(ksh_ring_read(&r, out, 99), KSH_RING_TOOBIG);
	cr_assert_eq(ksh_ring_read(&r, out, 100), 100);
	cr_assert_eq(memcmp(in, out, 100), 0);
	free(win);
}

Test(ring, zero_length_records)
{
	struct ksh_ring_writer w;
	struct ksh_ring_reader r;
	uint8_t *win = window(4096), out[1];

	cr_assert_eq(ksh_ring_writer_init(&w, win, 4096), 0);
	cr_assert_eq(ksh_ring_reader_init(&r, win, 4096), 0);
	cr_assert_eq(ksh_ring_write(&w, NULL, 0), 0);
	cr_assert_eq(ksh_ring_read(&r, out, 0), 0);
	cr_assert_eq(ksh_ring_read(&r, out, 0), KSH_RING_EMPTY);
	free(win);
}

Test(ring, room_follows_the_reported_reader_position)
{
	struct ksh_ring_writer w;
	uint8_t *win = window(KSH_RING_HDR + 256), in[24] = {0};

	cr_assert_eq(ksh_ring_writer_init(&w, win, KSH_RING_HDR + 256), 0);
	cr_assert_eq(ksh_ring_room(&w, 0), 256);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(ksh_ring_write(&w, in, 24), 0);
	cr_assert_eq(ksh_ring_room(&w, 0), 128);
	cr_assert_eq(ksh_ring_room(&w, 64), 192);
	cr_assert_eq(ksh_ring_room(&w, 128), 256);
	/* a position the writer never reached is no progress */
	cr_assert_eq(ksh_ring_room(&w, 1000), 128);
	free(win);
}

Test(ring, header_says_what_a_tool_needs)
{
	struct ksh_ring_writer w;
	uint8_t *win = window(4096), in[8] = {0};
	const struct ksh_ring_hdr *h = (const void *)win;

	cr_assert_eq(ksh_ring_writer_init(&w, win, 4096), 0);
	cr_assert_eq(ksh_ring_write(&w, in, 8), 0);
	cr_assert_eq(h->magic, KSH_RING_MAGIC);
	cr_assert_eq(h->version, KSH_RING_VERSION);
	cr_assert_eq(h->size, 4096 - KSH_RING_HDR);
	cr_assert_eq(h->head, 16);
	cr_assert_eq(h->tail, 0);
	free(win);
}
