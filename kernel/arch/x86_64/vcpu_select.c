// SPDX-License-Identifier: MIT
/*
 * The one place the virtualization vendor is chosen (arch/vcpu.h): by the
 * CPUID vendor string, then the backend's own feature probe.
 */
#include <arch/vcpu.h>
#include <arch/x86.h>
#include <ksh/kprintf.h>

/* A backend not linked into this image resolves to NULL (weak): the image
 * then refuses that vendor by name instead of failing to link. */
#pragma weak svm_ops
#pragma weak vmx_ops

const struct vcpu_ops *vcpu_select(const char **why)
{
	static const char *missing;
	struct cpuid_regs r = cpuid(0, 0);
	const struct vcpu_ops *ops;
	static char msg[128];

	/* "AuthenticAMD" / "GenuineIntel" in EBX, EDX, ECX. */
	if (r.ebx == 0x68747541 && r.edx == 0x69746E65 && r.ecx == 0x444D4163)
		ops = &svm_ops;
	else if (r.ebx == 0x756E6547 && r.edx == 0x49656E69 &&
		 r.ecx == 0x6C65746E)
		ops = &vmx_ops;
	else {
		*why = "CPU vendor is neither AMD nor Intel";
		return NULL;
	}
	if (ops == NULL) {
		*why = "this image has no backend for this CPU vendor";
		return NULL;
	}
	if (!ops->probe(&missing)) {
		ksnprintf(msg, sizeof(msg), "%s: CPU lacks %s", ops->name,
			  missing);
		*why = msg;
		return NULL;
	}
	return ops;
}
