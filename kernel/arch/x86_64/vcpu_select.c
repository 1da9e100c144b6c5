// SPDX-License-Identifier: MIT
/*
 * The one place the virtualization vendor is chosen (arch/vcpu.h): the
 * host's own CPU needs first, then the CPUID vendor string, then the
 * backend's own feature probe. The decision is made from values
 * (vcpu_select_from), so the UEFI entry can make it before
 * ExitBootServices and hand a CPU that will not do back to the firmware,
 * and host unit tests can make it for any CPU.
 */
#include <arch/vcpu.h>
#include <arch/x86.h>
#include <ksh/kprintf.h>

/* A backend not linked into this image resolves to NULL (weak): the image
 * then refuses that vendor by name instead of failing to link. */
#pragma weak svm_ops
#pragma weak vmx_ops

/* CPUID bits the host kernel itself uses (arch_init). */
#define L1_EDX_FXSR (1u << 24) /* FXSAVE/FXRSTOR (SDM vol. 2A, CPUID) */
#define L1_EDX_APIC (1u << 9)  /* local APIC (SDM vol. 2A, CPUID) */
#define E1_EDX_NX   (1u << 20) /* no-execute (APM vol. 3, E.4.2) */

/* "AuthenticAMD" / "GenuineIntel" as CPUID 0 returns them in EBX, EDX,
 * ECX (APM vol. 3 E.3.1; SDM vol. 2A, CPUID leaf 0). */
static const uint32_t vendor_amd[3] = {0x68747541, 0x69746E65, 0x444D4163};
static const uint32_t vendor_intel[3] = {0x756E6547, 0x49656E69, 0x6C65746E};

static bool vendor_is(const struct cpu_ident *c, const uint32_t v[3])
{
	return c->vendor[0] == v[0] && c->vendor[1] == v[1] &&
	       c->vendor[2] == v[2];
}

/* What arch_init will rely on, each named as its check there names it. */
static const char *host_missing(const struct cpu_ident *c)
{
	/* x87/SSE state is switched with FXSAVE/FXRSTOR (fpu.c). */
	if (!(c->l1_edx & L1_EDX_FXSR))
		return "CPU lacks FXSAVE/FXRSTOR (CPUID.1:EDX.FXSR)";
	/* The host's own page tables map data non-executable (W^X, APM
	 * vol. 2 5.6.1): without NX bit 63 is reserved. */
	if (c->max_ext < 0x80000001u || !(c->e1_edx & E1_EDX_NX))
		return "CPU lacks NX (no-execute pages, CPUID Fn8000_0001 "
		       "EDX[20])";
	/* Preemption runs on the local APIC timer (timer.c). */
	if (!(c->l1_edx & L1_EDX_APIC))
		return "CPU lacks a local APIC (CPUID.1:EDX.APIC)";
	return NULL;
}

const struct vcpu_ops *vcpu_select_from(const struct cpu_ident *c,
					const struct vcpu_ops *amd,
					const struct vcpu_ops *intel, char *msg,
					size_t size, const char **why)
{
	const struct vcpu_ops *ops;
	const char *missing = host_missing(c);

	if (missing != NULL) {
		*why = missing;
		return NULL;
	}
	if (vendor_is(c, vendor_amd))
		ops = amd;
	else if (vendor_is(c, vendor_intel))
		ops = intel;
	else {
		*why = "CPU vendor is neither AMD nor Intel";
		return NULL;
	}
	if (ops == NULL) {
		*why = "this image has no backend for this CPU vendor";
		return NULL;
	}
	missing = "?";
	if (!ops->probe(&missing)) {
		ksnprintf(msg, size, "%s: CPU lacks %s", ops->name, missing);
		*why = msg;
		return NULL;
	}
	return ops;
}

const struct vcpu_ops *vcpu_select(const char **why)
{
	static char msg[128];
	struct cpu_ident c = {0};
	struct cpuid_regs r = cpuid(0, 0);

	c.vendor[0] = r.ebx;
	c.vendor[1] = r.edx;
	c.vendor[2] = r.ecx;
	c.l1_edx = cpuid(1, 0).edx;
	c.max_ext = cpuid(0x80000000, 0).eax;
	if (c.max_ext >= 0x80000001u)
		c.e1_edx = cpuid(0x80000001, 0).edx;
	return vcpu_select_from(&c, &svm_ops, &vmx_ops, msg, sizeof(msg), why);
}
