// SPDX-License-Identifier: MIT
/*
 * Switching x87/SSE state between vCPUs (ksh/fpu.h). Lazy in the cheap
 * sense only: the live registers stay with the last vCPU that ran until a
 * different one is entered, so a domain re-entered after an exit or a
 * frame of its own pays nothing.
 */
#include <ksh/domain.h>
#include <ksh/fpu.h>

/* The vCPU whose state the CPU holds; NULL before the first entry (the
 * live registers are then the firmware's and belong to nobody). */
static struct vcpu *fpu_owner;

void fpu_switch_to(struct vcpu *v)
{
	if (v == fpu_owner)
		return;
	if (fpu_owner != NULL)
		arch_fpu_save(&fpu_owner->fpu);
	arch_fpu_load(&v->fpu);
	fpu_owner = v;
}
