// SPDX-License-Identifier: MIT
/*
 * The stack protector's failure path (ksh/rt/stack_guard.h). Alone in its
 * file, so a program that defines its own __stack_chk_fail does not pull
 * this one from the archive.
 */
#include <ksh/rt/console.h>
#include <ksh/rt/hypercall.h>
#include <ksh/rt/stack_guard.h>

void __stack_chk_fail(void)
{
	ksh_puts("ksh-rt: stack smashing detected: stopping the domain");
	ksh_hc_exit(KSH_RT_STATUS_STACK_SMASH);
}
