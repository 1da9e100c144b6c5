// SPDX-License-Identifier: MIT
/*
 * spinner: prints one line, turns interrupts off and spins forever. The
 * kernel must still take the CPU back when its minor frame ends (the host
 * timer interrupt causes a #VMEXIT whatever the guest's RFLAGS.IF: AMD APM
 * vol. 2 15.21.1, physical INTR intercept; Intel SDM vol. 3C 25.2,
 * external-interrupt exiting), so the other domains keep running, and
 * must give it back in its next frame: a spinning domain is preempted,
 * not stopped.
 *
 * It sees its own preemptions as jumps of the time-stamp counter between
 * two reads of the loop (the TSC runs on while another domain has the
 * CPU; a frame of another domain is many times GAP_CYCLES). Every
 * REPORT_EVERY jumps it says so: a domain that was stopped says nothing
 * more, and one that never lost the CPU never jumps. The report is a
 * hypercall, which returns to the same frame (kernel/core/sched.c
 * run_frame): it gives no other domain the CPU.
 *
 * Serial lines:
 *   SPIN start
 *   SPIN preempted <n> times, interrupts still off     (n = 8, 16, ...)
 * and never "SPIN escaped", which would mean the loop ended.
 */
#include <ksh/rt/rt.h>

/* About 2 ms at 2 GHz; under emulation far less than a 20 ms frame. */
#define GAP_CYCLES   4000000ull
#define REPORT_EVERY 8u

int main(const struct ksh_native_info *info)
{
	uint64_t last;
	unsigned int gaps = 0;

	(void)info;
	ksh_puts("SPIN start");
	ksh_cli();
	last = ksh_rdtsc();
	for (;;) {
		uint64_t now = ksh_rdtsc();

		if (now - last > GAP_CYCLES && ++gaps % REPORT_EVERY == 0) {
			ksh_printf("SPIN preempted %u times, interrupts still "
				   "off\n",
				   gaps);
			now = ksh_rdtsc();
		}
		last = now;
	}
	ksh_puts("SPIN escaped");
	return 1;
}
