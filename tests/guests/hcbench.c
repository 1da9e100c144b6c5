// SPDX-License-Identifier: MIT
/*
 * hcbench: cost of a hypercall round trip and of memory copies, measured
 * inside a domain.
 *
 * A domain shares the CPU with others: a measurement that spans the end of
 * its minor frame includes the other domains' time. So the work is cut into
 * short batches, each timed with the TSC, and the figure is the best batch
 * (the one no preemption fell into); the mean over all batches is printed
 * beside it.
 *
 * Serial lines:
 *   HCBENCH calls=<n> cycles_per_call=<best> mean_cycles_per_call=<mean>
 *       KSH_HC_DOMAIN_INFO round trips (a cheap call that still checks and
 *       writes a guest buffer): HCBENCH_BATCHES batches of HCBENCH_BATCH
 *   HCBENCH tsc_khz=<f> ns_per_call=<best in ns>
 *       TSC rate from KSH_HC_TIME over the whole run, and the best batch
 *       converted with it
 *   MEMCPY bytes=<block> cycles=<best> MBps=<m>
 *       ksh_memcpy of a MEMCPY_BLOCK-byte block (buffers touched first),
 *       best of MEMCPY_REPEAT copies; MB = 10^6 bytes, seconds from the
 *       TSC rate above
 *   HCBENCH DONE
 * If KSH_HC_TIME fails (a negative code), tsc_khz, ns_per_call and MBps
 * print as "unavailable(<code>)"; the cycle counts are still given. Exit
 * status 0, or 1 if a DOMAIN_INFO call failed (then no figure is printed).
 */
#include <ksh/rt/rt.h>

#define HCBENCH_BATCH	100
#define HCBENCH_BATCHES 100
#define MEMCPY_BLOCK	(64u * 1024u)
#define MEMCPY_REPEAT	64u

static uint8_t bench_src[MEMCPY_BLOCK] __attribute__((aligned(4096)));
static uint8_t bench_dst[MEMCPY_BLOCK] __attribute__((aligned(4096)));

struct bench_result {
	uint64_t best; /* cycles of the best batch */
	uint64_t total;
};

static int bench_hypercalls(struct bench_result *res)
{
	struct ksh_domain_info di;

	res->best = ~0ull;
	res->total = 0;
	for (int b = 0; b < HCBENCH_BATCHES; b++) {
		uint64_t c0 = ksh_rdtsc_ordered(), c;

		for (int i = 0; i < HCBENCH_BATCH; i++) {
			int64_t r = ksh_hc_domain_info(&di, sizeof(di));

			if (r != 0) {
				ksh_printf("HCBENCH FAIL domain_info=%lld\n",
					   (long long)r);
				return 1;
			}
		}
		c = ksh_rdtsc_ordered() - c0;
		res->total += c;
		if (c < res->best)
			res->best = c;
	}
	return 0;
}

static uint64_t bench_memcpy(void)
{
	uint64_t best = ~0ull;

	/* Touch both buffers first so no copy pays a first access (nested
	 * page fault, page-table walk). */
	ksh_memset(bench_src, 0x5a, sizeof(bench_src));
	ksh_memset(bench_dst, 0, sizeof(bench_dst));
	for (unsigned int i = 0; i < MEMCPY_REPEAT; i++) {
		uint64_t c0 = ksh_rdtsc_ordered(), c;

		ksh_memcpy(bench_dst, bench_src, sizeof(bench_src));
		c = ksh_rdtsc_ordered() - c0;
		if (c < best)
			best = c;
	}
	return best;
}

int main(const struct ksh_native_info *info)
{
	const uint64_t calls = (uint64_t)HCBENCH_BATCH * HCBENCH_BATCHES;
	struct bench_result hc;
	uint64_t mc, c0, c1, khz = 0;
	int64_t t0, t1;

	(void)info;
	t0 = ksh_hc_time();
	c0 = ksh_rdtsc_ordered();
	if (bench_hypercalls(&hc))
		return 1;
	mc = bench_memcpy();
	c1 = ksh_rdtsc_ordered();
	t1 = ksh_hc_time();

	ksh_printf("HCBENCH calls=%llu cycles_per_call=%llu "
		   "mean_cycles_per_call=%llu\n",
		   (unsigned long long)calls,
		   (unsigned long long)(hc.best / HCBENCH_BATCH),
		   (unsigned long long)(hc.total / calls));
	if (t0 >= 0 && t1 > t0)
		/* cycles per ms = cycles * 10^6 / ns */
		khz = (c1 - c0) * 1000000u / (uint64_t)(t1 - t0);
	if (!khz) {
		int64_t why = t0 < 0 ? t0 : (t1 < 0 ? t1 : 0);

		ksh_printf("HCBENCH tsc_khz=unavailable(%lld) "
			   "ns_per_call=unavailable(%lld)\n",
			   (long long)why, (long long)why);
		ksh_printf(
		    "MEMCPY bytes=%u cycles=%llu MBps=unavailable(%lld)\n",
		    MEMCPY_BLOCK, (unsigned long long)mc, (long long)why);
	} else {
		/* ns = cycles * 10^6 / khz; MB/s = bytes * khz / cycles / 10^3 */
		ksh_printf("HCBENCH tsc_khz=%llu ns_per_call=%llu\n",
			   (unsigned long long)khz,
			   (unsigned long long)(hc.best * 1000000u / khz /
						HCBENCH_BATCH));
		ksh_printf("MEMCPY bytes=%u cycles=%llu MBps=%llu\n",
			   MEMCPY_BLOCK, (unsigned long long)mc,
			   (unsigned long long)((uint64_t)MEMCPY_BLOCK * khz /
						mc / 1000u));
	}
	ksh_puts("HCBENCH DONE");
	return 0;
}
