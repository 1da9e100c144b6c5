// SPDX-License-Identifier: MIT
/*
 * ticker: a native domain that keeps running beside others, to show that
 * what happens to them (a Linux domain's panic, say) does not stop it.
 * Every TICK_NS of kernel time (KSH_HC_TIME) it prints one line, and it
 * yields the rest of its frame between checks.
 *
 * Serial lines: "TICK <n> <seconds since boot>" for n = 0, 1, 2, ...
 * forever (harnesses stop the machine).
 */
#include <ksh/rt/rt.h>

#define TICK_NS 2000000000ll

int main(const struct ksh_native_info *info)
{
	int64_t next = ksh_hc_time();

	(void)info;
	for (int n = 0;; n++) {
		while (ksh_hc_time() < next)
			ksh_hc_yield();
		ksh_printf("TICK %d %d\n", n, (int)(next / 1000000000ll));
		next += TICK_NS;
	}
	return 0;
}
