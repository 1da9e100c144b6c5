// SPDX-License-Identifier: MIT
/*
 * hostile_trap: storms of the exceptions and instructions a guest could
 * use against the whole machine if the kernel let them reach the CPU
 * unintercepted, each of which must come back to this guest as the CPU
 * would deliver it, while the other domains keep their frames:
 *
 *   #DB  TRAP_STEPS single-step traps (RFLAGS.TF), one more stepping over
 *        a CPUID (emulated by the kernel, which must raise the step's
 *        #DB itself, after the CPUID), then, in a domain
 *        whose name contains "icebp", TRAP_ICEBPS INT1 (ICEBP, F1; QEMU
 *        7.2 raises #UD for it): a #DB raised while delivering a #DB
 *        loops in the CPU unless #DB exits (CVE-2015-8104);
 *   #AC  TRAP_ACS misaligned loads at CPL 3 with CR0.AM and RFLAGS.AC set,
 *        error code 0 expected: an #AC raised while pushing an #AC frame
 *        loops in the CPU unless #AC exits (CVE-2015-5307). Emulators that
 *        do not model alignment checks (QEMU TCG) raise none;
 *   WBINVD and WBNOINVD, TRAP_FLUSHES each: must not reach the CPU (a
 *        cache-wide flush is a covert channel and a stall), and the guest
 *        goes on;
 *   RDPRU: must raise #UD (the boot case checks the count), and CPUID
 *        Fn8000_0008 EBX[4] must be clear.
 *
 * The kernel's exit counts (its "reflected #DB .., #AC ..; WBINVD/WBNOINVD
 * dropped .." line when this domain ends) prove the intercepts; this
 * guest proves the reflection.
 *
 * Serial lines:
 *   HOSTILE-TRAP step over cpuid=<n> (expected 1)
 *   HOSTILE-TRAP db=<n> (expected <m>)
 *   HOSTILE-TRAP ac=<n> of <m>, error codes 0x<e>
 *   HOSTILE-TRAP flushes done
 *   HOSTILE-TRAP rdpru cpuid-bit=<b> ud=<n>
 *   HOSTILE-TRAP DONE               (exit status 0)
 * or a line with FAIL and exit status 1.
 */
#include "guest_pick.h"
#include "guest_user.h"
#include <ksh/rt/rt.h>

#define TRAP_STEPS   20000
#define TRAP_ICEBPS  5
#define TRAP_ACS     40
#define TRAP_FLUSHES 16

/* hostile_trap_entry.S */
void trap_db_handler(void);
void trap_ac_handler(void);
void trap_ud_handler(void);
void trap_user_return(void);
void trap_single_step(uint64_t n);
void trap_step_cpuid(void);
void trap_icebp(uint64_t n);
void trap_wbinvd(uint64_t n);
void trap_rdpru(void);
void trap_user_ac(uint64_t n);
extern volatile uint64_t trap_db_count, trap_ac_count, trap_ac_errors,
    trap_ud_count, trap_cpuid_steps;

#define CR0_AM (1ull << 18)

int main(const struct ksh_native_info *info)
{
	static const struct guest_pick pick_icebp[] = {{"icebp", TRAP_ICEBPS}};
	int icebps = guest_pick_first(info, pick_icebp, 1);
	uint32_t a, b, c, d;
	uint64_t cr0;
	int fail = 0;

	if (guest_user_setup(info->ram_size) != 0) {
		ksh_puts("HOSTILE-TRAP FAIL no page tables");
		return 1;
	}
	guest_user_set_gate(1, trap_db_handler, 0);
	guest_user_set_gate(6, trap_ud_handler, 0);
	guest_user_set_gate(17, trap_ac_handler, 0);
	guest_user_set_gate(0x81, trap_user_return, 1);

	trap_single_step(TRAP_STEPS);
	trap_step_cpuid();
	ksh_printf("HOSTILE-TRAP step over cpuid=%llu (expected 1)\n",
		   (unsigned long long)trap_cpuid_steps);
	if (trap_cpuid_steps != 1)
		fail = 1;
	if (icebps != 0)
		trap_icebp((uint64_t)icebps);
	ksh_printf("HOSTILE-TRAP db=%llu (expected %d)\n",
		   (unsigned long long)trap_db_count, TRAP_STEPS + 1 + icebps);
	if (trap_db_count != (uint64_t)(TRAP_STEPS + 1 + icebps))
		fail = 1;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | CR0_AM));
	trap_user_ac(TRAP_ACS);
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	ksh_printf("HOSTILE-TRAP ac=%llu of %d, error codes 0x%llx\n",
		   (unsigned long long)trap_ac_count, TRAP_ACS,
		   (unsigned long long)trap_ac_errors);
	if ((trap_ac_count != 0 && trap_ac_count != TRAP_ACS) ||
	    trap_ac_errors != 0)
		fail = 1;

	trap_wbinvd(TRAP_FLUSHES);
	ksh_puts("HOSTILE-TRAP flushes done");

	trap_rdpru();
	__asm__ volatile("cpuid"
			 : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
			 : "a"(0x80000008u), "c"(0));
	/* The CPUID bit first: every case checks it, the #UD only where
	 * the CPU gives it, and evidence is matched from the line's start. */
	ksh_printf("HOSTILE-TRAP rdpru cpuid-bit=%u ud=%llu\n", (b >> 4) & 1u,
		   (unsigned long long)trap_ud_count);
	/* Whether RDPRU raised its #UD is for the case to check: Bochs 2.7
	 * runs it on its AMD model without honouring the intercept. */
	if (trap_ud_count > 1 || ((b >> 4) & 1u))
		fail = 1;

	if (fail) {
		ksh_puts("HOSTILE-TRAP FAIL");
		return 1;
	}
	ksh_puts("HOSTILE-TRAP DONE");
	return 0;
}
