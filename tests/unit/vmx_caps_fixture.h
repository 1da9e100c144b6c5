/* SPDX-License-Identifier: MIT */
/*
 * Capability MSR values of a Skylake-class CPU with EPT, VPID and
 * unrestricted guest (IA32_VMX_BASIC as Bochs's corei7_skylake_x reports
 * it; the others as such CPUs report them), shared by the unit tests of
 * the VMX capability check.
 */
#ifndef KSH_TEST_VMX_CAPS_FIXTURE_H
#define KSH_TEST_VMX_CAPS_FIXTURE_H

#include "../../kernel/arch/x86_64/vmx/vmx.h"

static inline struct vmx_caps skylake(void)
{
	struct vmx_caps c = {
	    .cpuid_vmx = true,
	    .feature_control = 0,
	    .basic = 0x00d810000000002bull,
	    .pin = 0x0000007f00000016ull,
	    .proc = 0xfff9fffe04006172ull,
	    .exit = 0x01ffffff00036dfbull,
	    .entry = 0x0003ffff000011fbull,
	    .proc2 = 0x00553cfe00000000ull,
	    .ept_vpid = 0x00000f0106734141ull,
	    .cr0_fixed0 = 0x80000021ull,
	    .cr0_fixed1 = 0xffffffffull,
	    .cr4_fixed0 = 0x2000ull,
	    .cr4_fixed1 = 0x3767ffull,
	};
	return c;
}

#endif /* KSH_TEST_VMX_CAPS_FIXTURE_H */
