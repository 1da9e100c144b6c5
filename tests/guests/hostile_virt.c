// SPDX-License-Identifier: MIT
/*
 * hostile_virt: runs the SVM or VMX instructions a guest must never
 * execute for real, RDPMC, and MONITOR/MWAIT. The guest's EFER in the VMCB keeps SVME set (VMRUN
 * requires it, APM vol. 2 15.5.1), so without an intercept VMLOAD/VMSAVE
 * would load or store FS/GS/TR/LDTR and the syscall MSRs at a physical
 * address the guest picks, STGI/CLGI would toggle the global interrupt
 * flag, VMRUN would nest, SKINIT would reinitialise the CPU, and INVLPGA
 * would flush TLB entries of another ASID (APM vol. 2 15.5, 15.17, 15.27,
 * 15.28; vol. 3 for each instruction). RDPMC would read the host's
 * performance counters (a side channel; the filtered CPUID shows none).
 * Each is intercepted (svm_vcpu.c) and the domain stopped at the first.
 * XSETBV would load XCR0, which VMRUN and VM entry leave as the host set
 * it (x87|SSE, kernel/arch/x86_64/fpu.c): a guest that widened it would
 * hold register state the kernel's FXSAVE switch does not save. The
 * guest is never granted CR4.OSXSAVE (ksh/cr4_policy.h), so the CPU
 * raises #UD before any intercept is looked at (SDM vol. 2D XSETBV; #UD
 * has priority over VM exits, SDM vol. 3C 26.1.1; AMD APM vol. 2 15.7:
 * intercepts are checked after simple exceptions such as #UD). The
 * intercept (SVM) and the unconditional exit (VMX, SDM vol. 3C 26.1.2)
 * stay as a second wall. So for xsetbv, and only for it, a #UD is the
 * right outcome:
 *   HOSTILE-VIRT xsetbv #UD, XCR0 unchanged        (exit status 0)
 *
 * Under VMX, VMXON, VMPTRLD, VMLAUNCH and INVEPT always exit (SDM vol. 3C
 * 26.1.2; the guest's real CR4.VMXE is 1, a fixed bit, so VMXON exits
 * rather than raising #UD); RDPMC, MONITOR and MWAIT exit through their
 * processor-based controls (vmx_caps.c). Each stops the domain.
 *
 * The attempt comes from a keyword in the domain name: vmrun, vmload,
 * vmsave, stgi, clgi, skinit, invlpga, rdpmc, vmxon, vmptrld, vmlaunch,
 * invept, monitor, mwait, xsetbv (default: vmrun).
 *
 * Lines:
 *   HOSTILE-VIRT attempt <name>
 * and nothing after; if it came back:
 *   HOSTILE-VIRT FAIL survived <name> (vector <v>)   (exit status 1)
 */
#include "guest_trap.h"

#include <ksh/rt/rt.h>

/* A page inside the domain's RAM for the instructions' RAX operand. */
#define OPERAND_GPA 0x80000ull

static void do_vmrun(void)
{
	__asm__ volatile("vmrun" ::"a"(OPERAND_GPA) : "memory");
}
static void do_vmload(void)
{
	__asm__ volatile("vmload" ::"a"(OPERAND_GPA) : "memory");
}
static void do_vmsave(void)
{
	__asm__ volatile("vmsave" ::"a"(OPERAND_GPA) : "memory");
}
static void do_stgi(void)
{
	__asm__ volatile("stgi" ::: "memory");
}
static void do_clgi(void)
{
	__asm__ volatile("clgi" ::: "memory");
}
static void do_skinit(void)
{
	__asm__ volatile("skinit" ::"a"((uint32_t)OPERAND_GPA) : "memory");
}
static void do_invlpga(void)
{
	/* ASID 1: the first domain's (svm_vcpu.c gives domain i ASID i + 1). */
	__asm__ volatile("invlpga" ::"a"(OPERAND_GPA), "c"(1) : "memory");
}
static void do_rdpmc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdpmc" : "=a"(lo), "=d"(hi) : "c"(0));
	(void)lo;
	(void)hi;
}

static void do_vmxon(void)
{
	uint64_t region = OPERAND_GPA;

	__asm__ volatile("vmxon %0" ::"m"(region) : "memory", "cc");
}
static void do_vmptrld(void)
{
	uint64_t vmcs = OPERAND_GPA;

	__asm__ volatile("vmptrld %0" ::"m"(vmcs) : "memory", "cc");
}
static void do_vmlaunch(void)
{
	__asm__ volatile("vmlaunch" ::: "memory", "cc");
}
static void do_invept(void)
{
	/* All-context invalidation (type 2), SDM vol. 3C 30.3 INVEPT. */
	struct {
		uint64_t eptp, zero;
	} desc = {0, 0};

	__asm__ volatile("invept %0, %1" ::"m"(desc), "r"(2ull)
			 : "memory", "cc");
}
static void do_monitor(void)
{
	__asm__ volatile("monitor" ::"a"(OPERAND_GPA), "c"(0), "d"(0)
			 : "memory");
}
static void do_mwait(void)
{
	__asm__ volatile("mwait" ::"a"(0), "c"(0) : "memory");
}

static void do_xsetbv(void)
{
	/* XCR0 = x87 | SSE | AVX (SDM vol. 1 13.3). */
	__asm__ volatile("xsetbv" ::"a"(7u), "d"(0u), "c"(0u) : "memory");
}

struct virt_attempt {
	const char *name;
	void (*run)(void);
};

static const struct virt_attempt attempts[] = {
    {"vmrun", do_vmrun},     {"vmload", do_vmload},	{"vmsave", do_vmsave},
    {"stgi", do_stgi},	     {"clgi", do_clgi},		{"skinit", do_skinit},
    {"invlpga", do_invlpga}, {"rdpmc", do_rdpmc},	{"vmxon", do_vmxon},
    {"vmptrld", do_vmptrld}, {"vmlaunch", do_vmlaunch}, {"invept", do_invept},
    {"monitor", do_monitor}, {"mwait", do_mwait},	{"xsetbv", do_xsetbv},
};

int main(const struct ksh_native_info *info)
{
	char name[sizeof(info->name) + 1];
	size_t len = ksh_strnlen(info->name, sizeof(info->name));
	const struct virt_attempt *a = &attempts[0];
	uint64_t vec;

	ksh_memcpy(name, info->name, len);
	name[len] = '\0';
	for (unsigned i = 0; i < sizeof(attempts) / sizeof(attempts[0]); i++)
		if (ksh_strstr(name, attempts[i].name))
			a = &attempts[i];
	/* A fault the CPU raises itself (#UD, #GP) comes back here too, and
	 * is a failure: the kernel must see the instruction first. */
	guest_trap_setup();
	ksh_printf("HOSTILE-VIRT attempt %s\n", a->name);
	vec = guest_try(a->run);
	if (a->run == do_xsetbv && vec == GUEST_TRAP_UD) {
		ksh_puts("HOSTILE-VIRT xsetbv #UD, XCR0 unchanged");
		return 0;
	}
	ksh_printf("HOSTILE-VIRT FAIL survived %s (vector %llu)\n", a->name,
		   (unsigned long long)vec);
	return 1;
}
