// SPDX-License-Identifier: MIT
/*
 * chan_bping: the measuring side of tests/boot/chan_bench.ksh. Handles:
 * 0 = ping (sender), 1 = pong (receiver), 2 = win (writer of a 2 MiB
 * memory channel at BENCH_WINDOW).
 *
 *  1. Message round trip: BENCH_RTTS times, send a ping and poll for the
 *     pong (yielding while there is none), timed with KSH_HC_TIME. The
 *     static schedule runs one domain at a time, so a round trip costs
 *     about one major frame; the cost of the send hypercall itself is
 *     timed apart (TSC).
 *  2. Memory channel vs memcpy, same domain, same run: 256 KiB copies
 *     private -> private and private -> channel window, best of 16 each.
 *     Then the window is filled with a pattern and its checksum sent in
 *     a "W" ping; chan_bpong measures reading it and checks the sum.
 *
 * Serial lines:
 *   BENCH rtt n=<n> min_us=<m> mean_us=<m> max_us=<m>
 *   BENCH send_ticks=<best send hypercall, TSC> send_ns=<n> tsc_per_us=<t>
 *   BENCH write private_MBps=<p> channel_MBps=<c> ratio_pct=<100c/p>
 *   BENCH PING DONE failures=<n>
 */
#include "chan_bench.h"
#include "guest_paging.h"

#define BENCH_RTTS 50

static uint8_t src[BENCH_BLOCK], dst[BENCH_BLOCK];

static int64_t await_pong(void)
{
	char buf[64];
	uint32_t m;
	int64_t n;

	for (int i = 0; i < 100000; i++) {
		n = ksh_hc_chan_recv(1, buf, sizeof(buf), &m);
		if (n != -KSH_EAGAIN)
			return n;
		ksh_hc_yield();
	}
	return -KSH_EAGAIN;
}

int main(const struct ksh_native_info *info)
{
	uint64_t tpu = bench_tsc_per_us(), best_send = ~0ull;
	uint64_t min = ~0ull, max = 0, sum = 0, sumw = 0;
	uint8_t *win = (uint8_t *)(uintptr_t)BENCH_WINDOW;
	uint64_t priv, chan;
	char msg[16];

	/* The loader's tables map RAM only: add the window. */
	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_range(BENCH_WINDOW, BENCH_WINDOW + BENCH_WINDOW_LEN,
			  GPT_WRITE) != 0) {
		ksh_puts("BENCH FAIL page tables");
		return 1;
	}
	gpt_activate();
	for (int i = 0; i < BENCH_RTTS; i++) {
		int64_t t0 = ksh_hc_time(), t1;
		uint64_t c0 = ksh_rdtsc_ordered(), c;

		int64_t rc = ksh_hc_chan_send(0, 0, "p", 1);

		c = ksh_rdtsc_ordered() - c0;
		if (c < best_send)
			best_send = c;
		/* checked quietly: one line per round trip would time the
		 * console, not the channel */
		if (rc != 0 || await_pong() != 1) {
			KSH_EXPECT_EQ("round-trip", i, BENCH_RTTS);
			break;
		}
		t1 = ksh_hc_time() - t0;
		sum += (uint64_t)t1;
		min = (uint64_t)t1 < min ? (uint64_t)t1 : min;
		max = (uint64_t)t1 > max ? (uint64_t)t1 : max;
	}
	ksh_printf("BENCH rtt n=%d min_us=%llu mean_us=%llu max_us=%llu\n",
		   BENCH_RTTS, (unsigned long long)(min / 1000),
		   (unsigned long long)(sum / BENCH_RTTS / 1000),
		   (unsigned long long)(max / 1000));
	ksh_printf("BENCH send_ticks=%llu send_ns=%llu tsc_per_us=%llu\n",
		   (unsigned long long)best_send,
		   (unsigned long long)(best_send * 1000 / tpu),
		   (unsigned long long)tpu);
	for (uint32_t i = 0; i < BENCH_BLOCK; i++)
		src[i] = (uint8_t)(i * 7 + 1);
	ksh_memset(dst, 0, sizeof(dst));
	ksh_memset(win, 0, BENCH_BLOCK); /* touch the window first, too */
	priv = bench_copy(dst, src);
	chan = bench_copy(win, src);
	ksh_printf("BENCH write private_MBps=%llu channel_MBps=%llu "
		   "ratio_pct=%llu\n",
		   (unsigned long long)bench_mbps(priv, tpu),
		   (unsigned long long)bench_mbps(chan, tpu),
		   (unsigned long long)(priv * 100 / (chan ? chan : 1)));
	for (uint32_t i = 0; i < BENCH_BLOCK; i++)
		sumw += win[i] * (uint64_t)(i + 1);
	msg[0] = 'W';
	ksh_memcpy(msg + 1, &sumw, sizeof(sumw));
	KSH_EXPECT_EQ("window-ping", ksh_hc_chan_send(0, 0, msg, 9), 0);
	KSH_EXPECT_EQ("window-pong", await_pong(), 1);
	ksh_printf("BENCH PING DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
