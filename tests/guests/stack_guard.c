// SPDX-License-Identifier: MIT
/*
 * stack_guard: built with -fstack-protector-all (tests/harden.mk), checks
 * that the runtime gave it a real canary (ksh/rt/stack_guard.h) and that
 * overrunning a stack buffer is caught by it.
 *
 * Lines:
 *   STACK-GUARD canary non-zero, low byte 0 (source rdrand|rdtsc)
 *   STACK-GUARD FAIL canary is 0            (FS base not set: the canary
 *                                            at guest address 0x28)
 * then, unless the domain name contains "intact":
 *   STACK-GUARD smashing <n> bytes into a 16-byte buffer
 *   ksh-rt: stack smashing detected: stopping the domain   (the runtime,
 *                                            exit status 125)
 *   STACK-GUARD FAIL survived the overrun    (if not caught; exit 1)
 * and with "intact":
 *   STACK-GUARD intact DONE                  (exit 0)
 */
#include <ksh/rt/rt.h>
#include <ksh/rt/stack_guard.h>

#define SMASH_BYTES 40 /* past the buffer, over the canary just above it */

/* Writes n bytes into a 16-byte stack buffer through a volatile pointer,
 * so the compiler neither proves the overrun nor drops the stores. */
static __attribute__((noinline)) void overrun(size_t n)
{
	char buf[16];
	volatile char *p = buf;

	for (size_t i = 0; i < n; i++)
		p[i] = 'A';
}

int main(const struct ksh_native_info *info)
{
	uint64_t canary = ksh_rt_stack_guard();
	char name[sizeof(info->name) + 1];
	size_t len = ksh_strnlen(info->name, sizeof(info->name));

	ksh_memcpy(name, info->name, len);
	name[len] = '\0';
	if (canary == 0) {
		ksh_puts("STACK-GUARD FAIL canary is 0");
		return 2;
	}
	ksh_printf("STACK-GUARD canary non-zero, low byte %u (source %s)\n",
		   (unsigned)(canary & 0xFF),
		   ksh_rt_canary_source ? ksh_rt_canary_source : "none");
	overrun(8); /* within bounds: must return normally */
	if (ksh_strstr(name, "intact")) {
		ksh_puts("STACK-GUARD intact DONE");
		return 0;
	}
	ksh_printf("STACK-GUARD smashing %d bytes into a 16-byte buffer\n",
		   SMASH_BYTES);
	overrun(SMASH_BYTES);
	ksh_puts("STACK-GUARD FAIL survived the overrun");
	return 1;
}
