// SPDX-License-Identifier: MIT
/* Host unit tests of the CPU probe the UEFI entry runs before
 * ExitBootServices: the host's own needs and the vendor choice
 * (vcpu_select_from) and the SVM backend's capability check
 * (svm_caps_check), decided from CPUID and MSR values only. */
#include <criterion/criterion.h>
#include <string.h>

#include <arch/vcpu.h>

#include "../../kernel/arch/x86_64/svm/svm.h"

/* CPUID values of an AMD CPU like the boot tests' (QEMU qemu64 +svm,+npt):
 * AuthenticAMD, FXSR and APIC in leaf 1, NX in 8000_0001h. */
static struct cpu_ident amd_ident(void)
{
	struct cpu_ident c = {
	    .vendor = {0x68747541, 0x69746E65, 0x444D4163},
	    .l1_edx = 0x078bfbfd,
	    .max_ext = 0x8000000a,
	    .e1_edx = 0x2193fbfd,
	};
	return c;
}

static struct cpu_ident intel_ident(void)
{
	struct cpu_ident c = amd_ident();

	c.vendor[0] = 0x756E6547; /* GenuineIntel */
	c.vendor[1] = 0x49656E69;
	c.vendor[2] = 0x6C65746E;
	return c;
}

/* Fake backends: the probe answers what the test says and counts calls. */
static int probes;
static const char *probe_missing;

static bool fake_probe(const char **missing)
{
	probes++;
	if (probe_missing == NULL)
		return true;
	*missing = probe_missing;
	return false;
}

static const struct vcpu_ops fake_svm = {.name = "svm", .probe = fake_probe};
static const struct vcpu_ops fake_vmx = {.name = "vmx", .probe = fake_probe};

static const struct vcpu_ops *pick(const struct cpu_ident *c, const char **why)
{
	static char msg[128];

	*why = NULL;
	return vcpu_select_from(c, &fake_svm, &fake_vmx, msg, sizeof(msg), why);
}

Test(cpu_probe, vendor_picks_its_backend)
{
	struct cpu_ident c = amd_ident();
	const char *why;

	probe_missing = NULL;
	cr_assert_eq(pick(&c, &why), &fake_svm);
	c = intel_ident();
	cr_assert_eq(pick(&c, &why), &fake_vmx);
	cr_assert_null(why);
}

Test(cpu_probe, other_vendor_is_refused_without_probing)
{
	struct cpu_ident c = amd_ident();
	const char *why;

	c.vendor[2] = 0x736c7561; /* "CentaurHauls"-like: not ours */
	probes = 0;
	cr_assert_null(pick(&c, &why));
	cr_assert_str_eq(why, "CPU vendor is neither AMD nor Intel");
	cr_assert_eq(probes, 0);
}

Test(cpu_probe, missing_backend_is_named)
{
	struct cpu_ident c = intel_ident();
	const char *why = NULL;
	char msg[64];

	cr_assert_null(
	    vcpu_select_from(&c, &fake_svm, NULL, msg, sizeof(msg), &why));
	cr_assert_str_eq(why, "this image has no backend for this CPU vendor");
}

Test(cpu_probe, backend_refusal_names_backend_and_feature)
{
	struct cpu_ident c = amd_ident();
	const char *why;

	probe_missing = "NPT (nested paging, CPUID Fn8000_000A:EDX[0])";
	cr_assert_null(pick(&c, &why));
	cr_assert_str_eq(why, "svm: CPU lacks NPT (nested paging, CPUID "
			      "Fn8000_000A:EDX[0])");
	c = intel_ident();
	probe_missing = "EPT";
	cr_assert_null(pick(&c, &why));
	cr_assert_str_eq(why, "vmx: CPU lacks EPT");
	probe_missing = NULL;
}

/* What arch_init relies on is refused first, whatever the vendor, and
 * before any backend probe reads MSRs. */
Test(cpu_probe, host_needs_come_first)
{
	struct cpu_ident c;
	const char *why;

	probe_missing = NULL;
	probes = 0;
	c = amd_ident();
	c.l1_edx &= ~(1u << 24);
	cr_assert_null(pick(&c, &why));
	cr_assert_str_eq(why, "CPU lacks FXSAVE/FXRSTOR (CPUID.1:EDX.FXSR)");

	c = intel_ident();
	c.e1_edx &= ~(1u << 20);
	cr_assert_null(pick(&c, &why));
	cr_assert(strstr(why, "CPU lacks NX") == why, "%s", why);

	/* No extended leaf 8000_0001h at all: no NX either. */
	c = amd_ident();
	c.max_ext = 0x80000000;
	cr_assert_null(pick(&c, &why));
	cr_assert(strstr(why, "CPU lacks NX") == why, "%s", why);

	c = amd_ident();
	c.l1_edx &= ~(1u << 9);
	cr_assert_null(pick(&c, &why));
	cr_assert_str_eq(why, "CPU lacks a local APIC (CPUID.1:EDX.APIC)");

	/* Unknown vendor and no NX: the host need is named. */
	c = amd_ident();
	c.vendor[0] = 0;
	c.e1_edx = 0;
	cr_assert_null(pick(&c, &why));
	cr_assert(strstr(why, "CPU lacks NX") == why, "%s", why);
	cr_assert_eq(probes, 0);
}

/* SVM values as QEMU's qemu64,+svm,+npt reports them: SVM in
 * Fn8000_0001 ECX[2], NP only in Fn8000_000A EDX, 16 ASIDs. */
static struct svm_cpu_regs qemu_svm(void)
{
	struct svm_cpu_regs r = {
	    .max_ext_leaf = 0x8000000a,
	    .ext1_ecx = 0x00000065,
	    .vm_cr = 0,
	    .svm_ebx = 0x10,
	    .svm_edx = 0x1,
	};
	return r;
}

static const char *svm_refusal(const struct svm_cpu_regs *r)
{
	struct svm_caps caps = {.n_asid = 12345};
	const char *why = NULL;

	if (svm_caps_check(r, &caps, &why) == 0)
		return NULL;
	cr_assert_not_null(why);
	cr_assert_eq(caps.n_asid, 12345, "caps untouched on refusal");
	return why;
}

Test(svm_caps, qemu_with_npt_is_accepted)
{
	struct svm_cpu_regs r = qemu_svm();
	struct svm_caps caps;
	const char *why = NULL;

	cr_assert_eq(svm_caps_check(&r, &caps, &why), 0, "refused: %s", why);
	cr_assert_eq(caps.n_asid, 16);
	cr_assert_not(caps.nrip, "QEMU has no next-RIP save");
	cr_assert_not(caps.flush_asid);
	cr_assert_not(caps.decode);

	/* Bochs ryzen: next-RIP save, flush by ASID, decode assists. */
	r.svm_edx = 0x1 | (1u << 3) | (1u << 6) | (1u << 7);
	r.svm_ebx = 0x8000;
	cr_assert_eq(svm_caps_check(&r, &caps, &why), 0);
	cr_assert(caps.nrip && caps.flush_asid && caps.decode);
	cr_assert_eq(caps.n_asid, 0x8000);
}

Test(svm_caps, refusals_name_the_missing_feature)
{
	struct svm_cpu_regs r;

	r = qemu_svm();
	r.ext1_ecx &= ~(1u << 2);
	cr_assert_str_eq(svm_refusal(&r), "SVM (CPUID Fn8000_0001:ECX[2])");

	/* The SVM leaf must exist as well. */
	r = qemu_svm();
	r.max_ext_leaf = 0x80000008;
	cr_assert_str_eq(svm_refusal(&r), "SVM (CPUID Fn8000_0001:ECX[2])");

	r = qemu_svm();
	r.vm_cr = 1u << 4;
	cr_assert_str_eq(svm_refusal(&r),
			 "SVM enabled by firmware (VM_CR.SVMDIS is set)");

	r = qemu_svm();
	r.svm_edx = 0;
	cr_assert_str_eq(svm_refusal(&r),
			 "NPT (nested paging, CPUID Fn8000_000A:EDX[0])");

	r = qemu_svm();
	r.svm_ebx = 1;
	cr_assert_str_eq(svm_refusal(&r),
			 "guest ASIDs (CPUID Fn8000_000A:EBX < 2)");

	/* Other VM_CR bits (LOCK, for instance) do not matter. */
	r = qemu_svm();
	r.vm_cr = 1u << 3;
	cr_assert_null(svm_refusal(&r));
}
