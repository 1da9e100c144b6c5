/* SPDX-License-Identifier: MIT */
/*
 * The stack protector in native domains. Code built with GCC's
 * -fstack-protector* reads its canary at %fs:0x28 (the SysV x86-64 TLS
 * layout; GCC's default -mstack-protector-guard=tls) and calls
 * __stack_chk_fail when a function's copy no longer matches on return.
 * The kernel starts a native domain with FS base 0 (ksh/native.h), where
 * 0x28 is plain RAM holding 0: a canary an overflow can forge by writing
 * zeros. So ksh_rt_start() points FS at a TLS block of the domain's own
 * (.bss, one per domain image) holding a canary drawn at start-up:
 *  - from RDRAND when CPUID.1:ECX[30] says it exists (Intel SDM vol. 2B
 *    RDRAND; up to 10 tries, as the Intel DRNG guide advises, since a
 *    read may fail with CF = 0),
 *  - else from RDTSC readings around a CPUID (an exit under the
 *    hypervisor, whose time varies), mixed with the domain id and the
 *    stack and info addresses (ksh_rt_canary_mix). Weaker: an attacker
 *    who can predict the domain's start time and id can guess it.
 * The low byte is zero, as glibc does, so a string overflow copying up to
 * a terminator cannot reproduce the canary. __stack_chk_fail prints
 * "ksh-rt: stack smashing detected" and stops the domain with status
 * KSH_RT_STATUS_STACK_SMASH (a program may define its own instead).
 */
#ifndef KSH_RT_STACK_GUARD_H
#define KSH_RT_STACK_GUARD_H

#include <stdint.h>

#define KSH_RT_STATUS_STACK_SMASH 125

/* Where the canary came from: "rdrand" or "rdtsc". */
extern const char *ksh_rt_canary_source;

/* Draws the canary and loads FS base (WRMSR IA32_FS_BASE, which the
 * kernel passes through: its guest copy is switched by VMLOAD/VMSAVE and
 * the VMCS). Called by ksh_rt_start before main. */
void ksh_rt_stack_guard_init(uint64_t domain_id, uint64_t info_addr);

/* The canary the compiler's checks compare against (%fs:0x28). */
static inline uint64_t ksh_rt_stack_guard(void)
{
	uint64_t v;

	__asm__ volatile("movq %%fs:0x28, %0" : "=r"(v));
	return v;
}

/* Pure: a canary from entropy words (splitmix64's finalizer over their
 * combination); never 0, low byte always 0. Unit-tested. */
uint64_t ksh_rt_canary_mix(uint64_t a, uint64_t b, uint64_t c);

__attribute__((noreturn)) void __stack_chk_fail(void);

#endif /* KSH_RT_STACK_GUARD_H */
