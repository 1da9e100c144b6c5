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
/* Scrub the x87 error pointers between owners (ksh/spec_ctrl.h). */
static bool fpu_ptr_scrub;

void fpu_set_ptr_scrub(bool on)
{
	fpu_ptr_scrub = on;
}

void fpu_switch_to(struct vcpu *v)
{
	if (v == fpu_owner)
		return;
	if (fpu_owner != NULL)
		arch_fpu_save(&fpu_owner->fpu);
	/* AMD FXRSTOR keeps the live FIP/FDP/FOP when v's image has no
	 * exception pending: make them the kernel's, not the last
	 * owner's, first. */
	if (fpu_ptr_scrub)
		arch_fpu_scrub_ptrs();
	arch_fpu_load(&v->fpu);
	fpu_owner = v;
}
