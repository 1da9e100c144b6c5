// SPDX-License-Identifier: MIT
/*
 * Include-rule probe (tests/layout.sh): every public ABI header and the
 * native runtime, as a native guest includes them. Must compile as a guest.
 */
#include <ksh/chandev_regs.h>
#include <ksh/hypercall.h>
#include <ksh/native.h>
#include <ksh/rt/rt.h>
#include <ksh/tables.h>

int layout_probe_public(void);

int layout_probe_public(void)
{
	return (int)sizeof(struct ksh_tables) + KSH_HC_YIELD;
}
