// SPDX-License-Identifier: MIT
/*
 * chan_bpong: the echoing side of tests/boot/chan_bench.ksh. Handles:
 * 0 = ping (receiver), 1 = pong (sender), 2 = win (reader of the memory
 * channel at BENCH_WINDOW, mapped read-only here by nested paging).
 * Answers each ping with a one-byte pong. On the "W" ping it measures
 * 256 KiB copies window -> private against private -> private (best of
 * 16 each, same domain, same run) and checks the window holds what
 * chan_bping wrote (the checksum in the ping), then answers and exits.
 *
 * Serial lines:
 *   BENCH read private_MBps=<p> channel_MBps=<c> ratio_pct=<100c/p>
 *   PASS window-sum (or FAIL)
 *   BENCH PONG DONE failures=<n>
 */
#include "chan_bench.h"
#include "guest_paging.h"

static uint8_t src[BENCH_BLOCK], dst[BENCH_BLOCK];

int main(const struct ksh_native_info *info)
{
	const uint8_t *win = (const uint8_t *)(uintptr_t)BENCH_WINDOW;
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
	for (int idle = 0; idle < 5000;) {
		int64_t n = ksh_hc_chan_recv(0, msg, sizeof(msg), &m);
		uint64_t tpu, priv, chan, want, sum = 0;

		if (n == -KSH_EAGAIN) {
			idle++;
			ksh_hc_yield();
			continue;
		}
		idle = 0;
		if (n != 9 || msg[0] != 'W') {
			ksh_hc_chan_send(1, 0, "q", 1);
			continue;
		}
		tpu = bench_tsc_per_us();
		ksh_memset(src, 1, sizeof(src));
		ksh_memset(dst, 0, sizeof(dst));
		priv = bench_copy(dst, src);
		chan = bench_copy(dst, win);
		ksh_printf(
		    "BENCH read private_MBps=%llu channel_MBps=%llu "
		    "ratio_pct=%llu\n",
		    (unsigned long long)bench_mbps(priv, tpu),
		    (unsigned long long)bench_mbps(chan, tpu),
		    (unsigned long long)(priv * 100 / (chan ? chan : 1)));
		ksh_memcpy(&want, msg + 1, sizeof(want));
		for (uint32_t i = 0; i < BENCH_BLOCK; i++)
			sum += dst[i] * (uint64_t)(i + 1);
		KSH_EXPECT_EQ("window-sum", sum, want);
		ksh_hc_chan_send(1, 0, "q", 1);
		break;
	}
	ksh_printf("BENCH PONG DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
