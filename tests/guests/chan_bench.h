/* SPDX-License-Identifier: MIT */
/* Shared by the channel benchmark guests (chan_bping.c, chan_bpong.c;
 * system tests/boot/chan_bench.ksh). */
#ifndef CHAN_BENCH_H
#define CHAN_BENCH_H

#include <ksh/rt/ring.h>
#include <ksh/rt/rt.h>
#include <stdbool.h>

#define BENCH_WINDOW	 0x40000000ull /* "at" address in chan_bench.ksh */
#define BENCH_WINDOW_LEN 0x200000ull
#define BENCH_BLOCK	 0x40000u /* 256 KiB per copy */
#define BENCH_REPS	 16	  /* copies timed; the best counts */
#define BENCH_RECORD	 0x1000u  /* ring record payload: 4 KiB */
/* The ring takes the window's first 1 MiB; the memcpy it is compared
 * with writes the second, so neither disturbs the other. */
#define BENCH_RING_LEN 0x100000ull

/* Best (fewest TSC ticks) of BENCH_REPS copies of BENCH_BLOCK bytes. */
static inline uint64_t bench_copy(void *dst, const void *src)
{
	uint64_t best = ~0ull;

	for (int i = 0; i < BENCH_REPS; i++) {
		uint64_t c0 = ksh_rdtsc_ordered(), c;

		ksh_memcpy(dst, src, BENCH_BLOCK);
		c = ksh_rdtsc_ordered() - c0;
		if (c < best)
			best = c;
	}
	return best;
}

/* TSC ticks per microsecond, from KSH_HC_TIME over a short spin. */
static inline uint64_t bench_tsc_per_us(void)
{
	int64_t t0 = ksh_hc_time(), t1;
	uint64_t c0 = ksh_rdtsc(), c1;

	do
		t1 = ksh_hc_time();
	while (t1 - t0 < 2000000);
	c1 = ksh_rdtsc();
	return (c1 - c0) * 1000 / (uint64_t)(t1 - t0);
}

/* MB/s (10^6 bytes) of BENCH_BLOCK bytes in `ticks`. */
static inline uint64_t bench_mbps(uint64_t ticks, uint64_t tsc_per_us)
{
	return ticks == 0 ? 0 : BENCH_BLOCK * tsc_per_us / ticks;
}

/* Position-weighted checksum of BENCH_BLOCK bytes. */
static inline uint64_t bench_sum(const uint8_t *p)
{
	uint64_t sum = 0;

	for (uint32_t i = 0; i < BENCH_BLOCK; i++)
		sum += p[i] * (uint64_t)(i + 1);
	return sum;
}

#endif /* CHAN_BENCH_H */
