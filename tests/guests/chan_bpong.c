// SPDX-License-Identifier: MIT
/*
 * chan_bpong: the echoing side of tests/boot/chan_bench.ksh. Handles:
 * 0 = ping (receiver), 1 = pong (sender), 2 = win (reader of the memory
 * channel at BENCH_WINDOW, mapped read-only here by nested paging).
 * Blocks for each ping (CHAN_RECV with KSH_RECV_WAIT) and answers it with
 * a one-byte pong. On the "W" ping it measures 256 KiB copies window ->
 * private against private -> private (best of 16 each, same domain, same
 * run) and checks the window holds what chan_bping wrote (the checksum
 * in the ping). On "R" it reads the ring chan_bping filled with
 * ksh_ring_read (a fresh reader each time, best of 16) against memcpy of
 * the same bytes out of the window, and checks the records' checksum.
 * "Q" ends it.
 *
 * Serial lines:
 *   BENCH read private_MBps=<p> channel_MBps=<c> ratio_pct=<100p/c>
 *   BENCH ring_read memcpy_MBps=<p> ring_MBps=<r> ratio_pct=<100p/r>
 *   PASS window-sum, PASS ring-sum (or FAIL)
 *   BENCH PONG DONE failures=<n>
 */
#include "chan_bench.h"
#include "guest_paging.h"

static uint8_t src[BENCH_BLOCK], dst[BENCH_BLOCK];

static void window_read(const uint8_t *win, uint64_t want, uint64_t tpu)
{
	uint64_t priv, chan;

	ksh_memset(src, 1, sizeof(src));
	ksh_memset(dst, 0, sizeof(dst));
	priv = bench_copy(dst, src);
	chan = bench_copy(dst, win);
	ksh_printf("BENCH read private_MBps=%llu channel_MBps=%llu "
		   "ratio_pct=%llu\n",
		   (unsigned long long)bench_mbps(priv, tpu),
		   (unsigned long long)bench_mbps(chan, tpu),
		   (unsigned long long)(priv * 100 / (chan ? chan : 1)));
	KSH_EXPECT_EQ("window-sum", bench_sum(dst), want);
}

static void ring_read(const uint8_t *win, uint64_t want, uint64_t tpu)
{
	uint64_t best = ~0ull, copy = ~0ull;
	int bad = 0;

	/* memcpy of the same bytes just before each ring pass, so both
	 * see the same host load */
	for (int i = 0; i < BENCH_REPS; i++) {
		struct ksh_ring_reader r;
		uint64_t c0 = ksh_rdtsc_ordered(), c;

		ksh_memcpy(dst, win + KSH_RING_HDR, BENCH_BLOCK);
		c = ksh_rdtsc_ordered() - c0;
		if (c < copy)
			copy = c;
		ksh_memset(dst, 0, sizeof(dst));
		ksh_ring_reader_init(&r, win, BENCH_RING_LEN);
		c0 = ksh_rdtsc_ordered();
		for (uint32_t off = 0; off < BENCH_BLOCK; off += BENCH_RECORD)
			bad |= ksh_ring_read(&r, dst + off, BENCH_RECORD) !=
			       BENCH_RECORD;
		c = ksh_rdtsc_ordered() - c0;
		if (c < best)
			best = c;
	}
	ksh_printf("BENCH ring_read memcpy_MBps=%llu ring_MBps=%llu "
		   "ratio_pct=%llu\n",
		   (unsigned long long)bench_mbps(copy, tpu),
		   (unsigned long long)bench_mbps(best, tpu),
		   (unsigned long long)(copy * 100 / (best ? best : 1)));
	KSH_EXPECT_EQ("ring-records", bad, 0);
	KSH_EXPECT_EQ("ring-sum", bench_sum(dst), want);
}

int main(const struct ksh_native_info *info)
{
	const uint8_t *win = (const uint8_t *)(uintptr_t)BENCH_WINDOW;
	uint64_t tpu = 0;
	char msg[64];
	uint32_t m;

	/* The loader's tables map RAM only: add the window. */
	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_range(BENCH_WINDOW, BENCH_WINDOW + BENCH_WINDOW_LEN, 0) !=
		0) {
		ksh_puts("BENCH FAIL page tables");
		return 1;
	}
	gpt_activate();
	for (;;) {
		int64_t n = ksh_hc_chan_recv_wait(0, msg, sizeof(msg), &m);
		uint64_t want;

		if (n < 1) {
			KSH_EXPECT_EQ("ping", n, 1);
			break;
		}
		if (msg[0] == 'Q')
			break;
		if (n == 9 && (msg[0] == 'W' || msg[0] == 'R')) {
			if (tpu == 0)
				tpu = bench_tsc_per_us();
			ksh_memcpy(&want, msg + 1, sizeof(want));
			if (msg[0] == 'W')
				window_read(win, want, tpu);
			else
				ring_read(win, want, tpu);
		}
		ksh_hc_chan_send(1, 0, "q", 1);
	}
	ksh_printf("BENCH PONG DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
