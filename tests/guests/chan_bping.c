// SPDX-License-Identifier: MIT
/*
 * chan_bping: the measuring side of tests/boot/chan_bench.ksh. Handles:
 * 0 = ping (sender), 1 = pong (receiver), 2 = win (writer of a 2 MiB
 * memory channel at BENCH_WINDOW).
 *
 *  1. Message round trip, BENCH_RTTS times each way, timed with
 *     KSH_HC_TIME: send a ping, then (a) poll for the pong, yielding
 *     while there is none, or (b) block for it (CHAN_RECV with
 *     KSH_RECV_WAIT). chan_bpong always blocks. The static schedule runs
 *     one domain at a time, so a round trip costs about one major frame
 *     either way; what blocking saves is the hypercalls (counted per
 *     round trip) and the CPU time of the poll loop. The cost of the
 *     send hypercall itself is timed apart (TSC).
 *  2. Memory channel vs memcpy, same domain, same run: 256 KiB copies
 *     private -> private and private -> channel window, best of 16 each.
 *     Then the window is filled with a pattern and its checksum sent in
 *     a "W" ping; chan_bpong measures reading it and checks the sum.
 *  3. The ring library (ksh/rt/ring.h) on the window: 256 KiB as
 *     BENCH_RECORD-byte records through ksh_ring_write, best of 16,
 *     against memcpy of the same bytes; then a fresh ring with 256 KiB
 *     of records and an "R" ping with their checksum, for chan_bpong's
 *     read side. A "Q" ping ends chan_bpong.
 *
 * Serial lines:
 *   BENCH rtt_poll n=<n> min_us=<m> mean_us=<m> max_us=<m> calls_per_rtt=<c>
 *   BENCH rtt_block n=<n> min_us=<m> mean_us=<m> max_us=<m> calls_per_rtt=<c>
 *   BENCH send_ticks=<best send hypercall, TSC> send_ns=<n> tsc_per_us=<t>
 *   BENCH write private_MBps=<p> channel_MBps=<c> ratio_pct=<100p/c>
 *   BENCH ring_write memcpy_MBps=<p> ring_MBps=<r> ratio_pct=<100p/r>
 *   BENCH PING DONE failures=<n>
 */
#include "chan_bench.h"
#include "guest_paging.h"

#define BENCH_RTTS 50

static uint8_t src[BENCH_BLOCK], dst[BENCH_BLOCK];
static uint64_t calls; /* hypercalls spent waiting for pongs */

static int64_t await_pong(bool block)
{
	char buf[64];
	uint32_t m;
	int64_t n;

	if (block) {
		calls++;
		return ksh_hc_chan_recv_wait(1, buf, sizeof(buf), &m);
	}
	for (int i = 0; i < 100000; i++) {
		calls++;
		n = ksh_hc_chan_recv(1, buf, sizeof(buf), &m);
		if (n != -KSH_EAGAIN)
			return n;
		calls++;
		ksh_hc_yield();
	}
	return -KSH_EAGAIN;
}

/* BENCH_RTTS round trips; prints the rtt_<name> line. */
static void round_trips(const char *name, bool block, uint64_t *best_send)
{
	uint64_t min = ~0ull, max = 0, sum = 0;

	calls = 0;
	for (int i = 0; i < BENCH_RTTS; i++) {
		int64_t t0 = ksh_hc_time(), t1;
		uint64_t c0 = ksh_rdtsc_ordered(), c;
		int64_t rc = ksh_hc_chan_send(0, 0, "p", 1);

		c = ksh_rdtsc_ordered() - c0;
		if (c < *best_send)
			*best_send = c;
		/* checked quietly: one line per round trip would time the
		 * console, not the channel */
		if (rc != 0 || await_pong(block) != 1) {
			KSH_EXPECT_EQ(name, i, BENCH_RTTS);
			break;
		}
		t1 = ksh_hc_time() - t0;
		sum += (uint64_t)t1;
		min = (uint64_t)t1 < min ? (uint64_t)t1 : min;
		max = (uint64_t)t1 > max ? (uint64_t)t1 : max;
	}
	ksh_printf("BENCH %s n=%d min_us=%llu mean_us=%llu max_us=%llu "
		   "calls_per_rtt=%llu\n",
		   name, BENCH_RTTS, (unsigned long long)(min / 1000),
		   (unsigned long long)(sum / BENCH_RTTS / 1000),
		   (unsigned long long)(max / 1000),
		   (unsigned long long)(calls / BENCH_RTTS));
}

/* Sends a one-letter ping with a checksum and waits for the pong. */
static void ping_sum(char what, uint64_t sum)
{
	char msg[16];

	msg[0] = what;
	ksh_memcpy(msg + 1, &sum, sizeof(sum));
	KSH_EXPECT_EQ("sum-ping", ksh_hc_chan_send(0, 0, msg, 9), 0);
	KSH_EXPECT_EQ("sum-pong", await_pong(true), 1);
}

/* Best of BENCH_REPS each: BENCH_BLOCK bytes as records through the
 * ring, and one memcpy of them into the window just before, so both see
 * the same host load. */
static uint64_t ring_write_best(struct ksh_ring_writer *w, uint8_t *win,
				uint64_t *copy)
{
	uint64_t best = ~0ull;

	*copy = ~0ull;
	for (int i = 0; i < BENCH_REPS; i++) {
		uint64_t c0 = ksh_rdtsc_ordered(), c;

		ksh_memcpy(win + BENCH_RING_LEN, src, BENCH_BLOCK);
		c = ksh_rdtsc_ordered() - c0;
		if (c < *copy)
			*copy = c;
		c0 = ksh_rdtsc_ordered();
		for (uint32_t off = 0; off < BENCH_BLOCK; off += BENCH_RECORD)
			ksh_ring_write(w, src + off, BENCH_RECORD);
		c = ksh_rdtsc_ordered() - c0;
		if (c < best)
			best = c;
	}
	return best;
}

int main(const struct ksh_native_info *info)
{
	uint64_t tpu = bench_tsc_per_us(), best_send = ~0ull, sumw = 0;
	uint8_t *win = (uint8_t *)(uintptr_t)BENCH_WINDOW;
	struct ksh_ring_writer w;
	uint64_t priv, chan, ring;

	/* The loader's tables map RAM only: add the window. */
	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_range(BENCH_WINDOW, BENCH_WINDOW + BENCH_WINDOW_LEN,
			  GPT_WRITE) != 0) {
		ksh_puts("BENCH FAIL page tables");
		return 1;
	}
	gpt_activate();
	round_trips("rtt_poll", false, &best_send);
	round_trips("rtt_block", true, &best_send);
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
	ping_sum('W', sumw);

	/* The ring: writes, against memcpy into the same window. */
	KSH_EXPECT_EQ("ring-init",
		      ksh_ring_writer_init(&w, win, BENCH_RING_LEN), 0);
	ring = ring_write_best(&w, win, &chan);
	ksh_printf("BENCH ring_write memcpy_MBps=%llu ring_MBps=%llu "
		   "ratio_pct=%llu\n",
		   (unsigned long long)bench_mbps(chan, tpu),
		   (unsigned long long)bench_mbps(ring, tpu),
		   (unsigned long long)(chan * 100 / (ring ? ring : 1)));
	/* A fresh ring holding BENCH_BLOCK bytes of records for the read
	 * side, and their checksum. */
	ksh_ring_writer_init(&w, win, BENCH_RING_LEN);
	for (uint32_t off = 0; off < BENCH_BLOCK; off += BENCH_RECORD)
		ksh_ring_write(&w, src + off, BENCH_RECORD);
	ping_sum('R', bench_sum(src));
	KSH_EXPECT_EQ("quit", ksh_hc_chan_send(0, 0, "Q", 1), 0);
	ksh_printf("BENCH PING DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
