// SPDX-License-Identifier: MIT
/*
 * ev_consumer: the reader of tests/boot/ev_stream.ksh. Handles: 0 = pipe
 * (reader of the 64 KiB memory channel at STREAM_WINDOW, mapped
 * read-only by nested paging), 1 = credit (sender, to ev_producer).
 * Events: it waits on bell (rank 0).
 *
 * Reads the stream with ksh_ring_recv, which blocks in EVENT_WAIT on the
 * doorbell while the ring is empty, checks every byte against
 * stream_byte(), and reports its position on credit every STREAM_CREDIT
 * bytes. Any overrun or corrupt record is a failure (the credits are
 * there so that none happens); a wait of over WAIT_NS is one too.
 *
 * Serial lines:
 *   EVC bytes=<n> records=<n> bad_bytes=<n> waits=<n> lost=<n>
 *   PASS/FAIL <check> ...
 *   EVC DONE failures=<n>
 */
#include "ev_stream.h"
#include "guest_paging.h"

#define H_PIPE	 0
#define H_CREDIT 1
#define WAIT_NS	 2000000000ull /* 2 s: far over any frame */

static uint8_t buf[STREAM_REC_MAX];

int main(const struct ksh_native_info *info)
{
	struct ksh_ring_reader r;
	uint64_t off = 0, bad = 0, waits = 0, sent = 0;
	uint32_t records = 0;

	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_range(STREAM_WINDOW, STREAM_WINDOW + STREAM_WINDOW_LEN,
			  0) != 0) {
		ksh_puts("EVC FAIL page tables");
		return 1;
	}
	gpt_activate();
	KSH_EXPECT_EQ("ring-init",
		      ksh_ring_reader_init(&r, (const void *)STREAM_WINDOW,
					   STREAM_WINDOW_LEN),
		      0);
	while (off < STREAM_BYTES) {
		int64_t n =
		    ksh_ring_recv(&r, buf, sizeof(buf), 1, WAIT_NS, &waits);

		if (n < 0) {
			KSH_EXPECT_EQ("record", n, 0);
			break;
		}
		for (int64_t i = 0; i < n; i++)
			bad += buf[i] != stream_byte(off + (uint64_t)i);
		off += (uint64_t)n;
		records++;
		if (r.pos - sent >= STREAM_CREDIT &&
		    ksh_hc_chan_send(H_CREDIT, 0, &r.pos, sizeof(r.pos)) == 0)
			sent = r.pos;
	}
	ksh_printf("EVC bytes=%llu records=%u bad_bytes=%llu waits=%llu "
		   "lost=%llu\n",
		   (unsigned long long)off, records, (unsigned long long)bad,
		   (unsigned long long)waits, (unsigned long long)r.lost);
	KSH_EXPECT_EQ("all-bytes", off, STREAM_BYTES);
	KSH_EXPECT_EQ("every-byte-right", bad, 0);
	KSH_EXPECT_EQ("nothing-lost", r.lost + r.overruns, 0);
	/* blocked, not spinning: a wait returns only on a doorbell, and
	 * there is one per record */
	KSH_EXPECT_TRUE("waits-bounded", waits <= records);
	ksh_printf("EVC DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
