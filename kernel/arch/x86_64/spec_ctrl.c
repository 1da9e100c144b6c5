// SPDX-License-Identifier: MIT
/*
 * The hardware side of the mitigations between domains (ksh/spec_ctrl.h):
 * reads CPUID and IA32_ARCH_CAPABILITIES, lets spec_plan_decide choose,
 * prints the choice and applies it. MSR numbers and bits: Intel SDM
 * vol. 4 Table 2-2 (IA32_SPEC_CTRL 0x48, IA32_PRED_CMD 0x49,
 * IA32_ARCH_CAPABILITIES 0x10A, IA32_FLUSH_CMD 0x10B, IA32_TSX_CTRL
 * 0x122); AMD APM vol. 2 3.1.7 (EFER.AIBRSE) and the AMD "Indirect
 * Branch Control Extension" white paper (PRED_CMD is the same MSR).
 */
#include "x86_64.h"

#include <ksh/domain.h>
#include <ksh/fpu.h>
#include <ksh/kprintf.h>
#include <ksh/npt.h>
#include <ksh/spec_ctrl.h>

#define MSR_SPEC_CTRL	      0x48u
#define SPEC_CTRL_IBRS	      (1ull << 0)
#define MSR_PRED_CMD	      0x49u
#define PRED_CMD_IBPB	      (1ull << 0)
#define MSR_ARCH_CAPABILITIES 0x10Au
#define MSR_FLUSH_CMD	      0x10Bu
#define FLUSH_CMD_L1D	      (1ull << 0)
#define MSR_TSX_CTRL	      0x122u
#define TSX_CTRL_RTM_DISABLE  (1ull << 0)
#define TSX_CTRL_CPUID_CLEAR  (1ull << 1)
#define EFER_AIBRSE	      (1ull << 21)

static struct spec_plan plan;
static bool planned;
/* The domain whose state the predictors and buffers may hold. */
static const struct domain *last_domain;

/* Four characters of a CPUID vendor string as the register holds them
 * (little-endian). */
static uint32_t vendor_word(const char *s)
{
	return (uint32_t)(uint8_t)s[0] | (uint32_t)(uint8_t)s[1] << 8 |
	       (uint32_t)(uint8_t)s[2] << 16 | (uint32_t)(uint8_t)s[3] << 24;
}

/* CPUID leaf 0: the vendor string in EBX, EDX, ECX order. */
static bool vendor_is(const struct cpuid_regs *r, const char *s)
{
	return r->ebx == vendor_word(s) && r->edx == vendor_word(s + 4) &&
	       r->ecx == vendor_word(s + 8);
}

static void read_cpu(struct spec_cpu *c)
{
	struct cpuid_regs r = cpuid(0, 0);
	uint32_t max = r.eax, emax;

	*c = (struct spec_cpu){0};
	c->intel = vendor_is(&r, "GenuineIntel");
	c->amd = vendor_is(&r, "AuthenticAMD") || vendor_is(&r, "HygonGenuine");
	if (max >= 7) {
		r = cpuid(7, 0);
		c->l7_ebx = r.ebx;
		c->l7_edx = r.edx;
	}
	emax = cpuid(0x80000000u, 0).eax;
	if (emax >= 0x80000008u)
		c->e8_ebx = cpuid(0x80000008u, 0).ebx;
	if (emax >= 0x80000021u)
		c->e21_eax = cpuid(0x80000021u, 0).eax;
	/* RDMSR of an MSR CPUID does not announce raises #GP. */
	if (c->l7_edx & SPEC_L7_EDX_ARCH_CAPS)
		c->arch_caps = rdmsr(MSR_ARCH_CAPABILITIES);
}

const struct spec_plan *arch_spec_plan(void)
{
	struct spec_cpu cpu;

	if (!planned) {
		read_cpu(&cpu);
		spec_plan_decide(&cpu, &plan);
		/* Before any nested table is sized or built. */
		npt_set_exec_2m(plan.exec_2m_ok);
		planned = true;
	}
	return &plan;
}

void arch_spec_init(void)
{
	const struct spec_plan *p = arch_spec_plan();
	char line[160];

	if (p->bti == SPEC_BTI_EIBRS)
		wrmsr(MSR_SPEC_CTRL, rdmsr(MSR_SPEC_CTRL) | SPEC_CTRL_IBRS);
	else if (p->bti == SPEC_BTI_AUTOIBRS)
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_AIBRSE);
	if (p->tsx_disable)
		wrmsr(MSR_TSX_CTRL, rdmsr(MSR_TSX_CTRL) | TSX_CTRL_RTM_DISABLE |
					TSX_CTRL_CPUID_CLEAR);
	fpu_set_ptr_scrub(p->fpu_ptr_scrub);
	spec_plan_format(p, line, sizeof(line));
	kprintf("ksh: mitigations: %s\n", line);
}

/* VERW with a memory operand naming a writable data segment overwrites
 * the store, fill and load-port buffers on CPUs with MD_CLEAR (Intel MDS
 * analysis, "Software sequences to overwrite buffers"). */
static void clear_cpu_buffers(void)
{
	static const uint16_t ds = GDT_KDATA;

	__asm__ volatile("verw %0" : : "m"(ds) : "cc", "memory");
}

void arch_spec_switch(const struct domain *d)
{
	if (d == last_domain)
		return;
	last_domain = d;
	/* Branch targets the last domain trained must not steer this one's
	 * indirect branches, nor the kernel's on its behalf. */
	if (plan.ibpb)
		wrmsr(MSR_PRED_CMD, PRED_CMD_IBPB);
	if (plan.clear == SPEC_CLEAR_L1D)
		wrmsr(MSR_FLUSH_CMD, FLUSH_CMD_L1D);
	else if (plan.clear == SPEC_CLEAR_VERW)
		clear_cpu_buffers();
}
