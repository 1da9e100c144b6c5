/* SPDX-License-Identifier: MIT */
/*
 * Thin wrappers around the x86 instructions the kernel needs, and the
 * architectural MSR and register bit numbers they take (Intel SDM vol. 3
 * and AMD APM vol. 2 name them the same way).
 */
#ifndef KSH_ARCH_X86_H
#define KSH_ARCH_X86_H

#include <stdint.h>

/* MSRs (AMD APM vol. 2 appendix A; Intel SDM vol. 4). */
#define MSR_APIC_BASE	   0x0000001Bu
#define MSR_EFER	   0xC0000080u
#define MSR_STAR	   0xC0000081u
#define MSR_LSTAR	   0xC0000082u
#define MSR_CSTAR	   0xC0000083u
#define MSR_SFMASK	   0xC0000084u
#define MSR_FS_BASE	   0xC0000100u
#define MSR_GS_BASE	   0xC0000101u
#define MSR_KERNEL_GS_BASE 0xC0000102u
#define MSR_TSC_AUX	   0xC0000103u
#define MSR_SYSENTER_CS	   0x00000174u
#define MSR_SYSENTER_ESP   0x00000175u
#define MSR_SYSENTER_EIP   0x00000176u
#define MSR_PAT		   0x00000277u
#define MSR_VM_CR	   0xC0010114u /* APM 15.30.1 */
#define MSR_VM_HSAVE_PA	   0xC0010117u /* APM 15.30.4 */

/* EFER bits (APM vol. 2 3.1.7). */
#define EFER_SCE  (1ull << 0)
#define EFER_LME  (1ull << 8)
#define EFER_LMA  (1ull << 10)
#define EFER_NXE  (1ull << 11)
#define EFER_SVME (1ull << 12)

/* VM_CR.SVMDIS: firmware disabled SVM (APM 15.4). */
#define VM_CR_SVMDIS (1ull << 4)

#define CR0_PE	(1ull << 0)
#define CR0_MP	(1ull << 1)
#define CR0_ET	(1ull << 4)
#define CR0_NE	(1ull << 5)
#define CR0_WP	(1ull << 16)
#define CR0_PG	(1ull << 31)
#define CR4_PAE (1ull << 5)
#define CR4_PGE (1ull << 7)

#define RFLAGS_IF (1ull << 9)

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr"
			 :
			 : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32))
			 : "memory");
}

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_regs r;

	__asm__ volatile("cpuid"
			 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(subleaf));
	return r;
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#define DEFINE_CR(n)                                                           \
	static inline uint64_t read_cr##n(void)                                \
	{                                                                      \
		uint64_t v;                                                    \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));              \
		return v;                                                      \
	}                                                                      \
	static inline void write_cr##n(uint64_t v)                             \
	{                                                                      \
		__asm__ volatile("mov %0, %%cr" #n : : "r"(v) : "memory");     \
	}
DEFINE_CR(0)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void cpu_relax(void)
{
	__asm__ volatile("pause");
}

/* Halts forever with interrupts off: the end of a fatal path. */
static inline __attribute__((noreturn)) void cpu_halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

#endif /* KSH_ARCH_X86_H */
