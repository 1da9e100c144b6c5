// SPDX-License-Identifier: MIT
/*
 * spinner: prints one line, turns interrupts off and spins forever. The
 * kernel must still take the CPU back when its minor frame ends (the host
 * timer interrupt causes a #VMEXIT whatever the guest's RFLAGS.IF: AMD APM
 * vol. 2 15.21.1, physical INTR intercept; Intel SDM vol. 3C 25.2,
 * external-interrupt exiting), so the other domains keep running.
 *
 * Serial lines:
 *   SPIN start
 * and nothing more, ever: a line "SPIN escaped" means the loop ended.
 */
#include <ksh/rt/rt.h>

int main(const struct ksh_native_info *info)
{
	(void)info;
	ksh_puts("SPIN start");
	ksh_cli();
	for (;;)
		__asm__ volatile("" ::: "memory");
	ksh_puts("SPIN escaped");
	return 1;
}
