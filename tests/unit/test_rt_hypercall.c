// SPDX-License-Identifier: MIT
/* The runtime's choice of hypercall instruction (runtime/native/hypercall.c)
 * follows the CPUID vendor of the machine it runs on: VMCALL exactly when
 * the vendor string is "GenuineIntel". Checked on the build machine against
 * the vendor read independently through <cpuid.h>. */
#include <cpuid.h>
#include <criterion/criterion.h>
#include <ksh/rt/hypercall.h>
#include <string.h>

Test(rt_hypercall, instruction_follows_cpuid_vendor)
{
	unsigned int a = 0, b = 0, c = 0, d = 0;
	char vendor[13];

	cr_assert(__get_cpuid(0, &a, &b, &c, &d));
	memcpy(vendor, &b, 4);
	memcpy(vendor + 4, &d, 4);
	memcpy(vendor + 8, &c, 4);
	vendor[12] = '\0';

	ksh_rt_hc_vmcall = 0xff;
	ksh_rt_hc_init();
	cr_expect_eq(ksh_rt_hc_vmcall, strcmp(vendor, "GenuineIntel") == 0,
		     "vendor %s", vendor);
	cr_expect_eq(ksh_rt_hc_uses_vmcall(), ksh_rt_hc_vmcall);
}
