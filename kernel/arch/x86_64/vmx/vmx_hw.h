/* SPDX-License-Identifier: MIT */
/*
 * VMX instructions and the few privileged reads the backend needs, as
 * inline assembly. Kernel only (never in host unit tests).
 *
 * VMX instructions report through RFLAGS (SDM 31.2): CF=1 VMfailInvalid
 * (no current VMCS), ZF=1 VMfailValid (error number in the VM-instruction
 * error field). The wrappers return 0, or -1 on either failure.
 */
#ifndef KSH_VMX_HW_H
#define KSH_VMX_HW_H

#include <stdint.h>

static inline uint64_t vmx_rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void vmx_wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" ::"c"(msr), "a"((uint32_t)v),
			 "d"((uint32_t)(v >> 32))
			 : "memory");
}

static inline void vmx_cpuid(uint32_t leaf, uint32_t *a, uint32_t *b,
			     uint32_t *c, uint32_t *d)
{
	__asm__ volatile("cpuid"
			 : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			 : "a"(leaf), "c"(0));
}

#define VMX_READ_CR(n)                                                         \
	static inline uint64_t vmx_read_cr##n(void)                            \
	{                                                                      \
		uint64_t v;                                                    \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));              \
		return v;                                                      \
	}
VMX_READ_CR(0)
VMX_READ_CR(2)
VMX_READ_CR(3)
VMX_READ_CR(4)
#undef VMX_READ_CR

static inline void vmx_write_cr0(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr0" ::"r"(v) : "memory");
}
static inline void vmx_write_cr2(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr2" ::"r"(v) : "memory");
}
static inline void vmx_write_cr4(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr4" ::"r"(v) : "memory");
}

struct vmx_dtr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

static inline void vmx_sgdt(struct vmx_dtr *d)
{
	__asm__ volatile("sgdt %0" : "=m"(*d));
}
static inline void vmx_sidt(struct vmx_dtr *d)
{
	__asm__ volatile("sidt %0" : "=m"(*d));
}

#define VMX_READ_SEG(name, insn)                                               \
	static inline uint16_t vmx_read_##name(void)                           \
	{                                                                      \
		uint16_t s;                                                    \
		__asm__ volatile(insn : "=r"(s));                              \
		return s;                                                      \
	}
VMX_READ_SEG(cs, "mov %%cs, %0")
VMX_READ_SEG(ss, "mov %%ss, %0")
VMX_READ_SEG(ds, "mov %%ds, %0")
VMX_READ_SEG(es, "mov %%es, %0")
VMX_READ_SEG(fs, "mov %%fs, %0")
VMX_READ_SEG(gs, "mov %%gs, %0")
VMX_READ_SEG(tr, "str %0")
#undef VMX_READ_SEG

static inline int vmx_on(uint64_t *region_pa)
{
	uint8_t fail;
	__asm__ volatile("vmxon %1; setbe %0"
			 : "=qm"(fail)
			 : "m"(*region_pa)
			 : "cc", "memory");
	return fail ? -1 : 0;
}

static inline int vmx_clear(uint64_t *vmcs_pa)
{
	uint8_t fail;
	__asm__ volatile("vmclear %1; setbe %0"
			 : "=qm"(fail)
			 : "m"(*vmcs_pa)
			 : "cc", "memory");
	return fail ? -1 : 0;
}

static inline int vmx_ptrld(uint64_t *vmcs_pa)
{
	uint8_t fail;
	__asm__ volatile("vmptrld %1; setbe %0"
			 : "=qm"(fail)
			 : "m"(*vmcs_pa)
			 : "cc", "memory");
	return fail ? -1 : 0;
}

static inline int vmx_write(uint64_t field, uint64_t v)
{
	uint8_t fail;
	__asm__ volatile("vmwrite %2, %1; setbe %0"
			 : "=qm"(fail)
			 : "r"(field), "rm"(v)
			 : "cc", "memory");
	return fail ? -1 : 0;
}

static inline uint64_t vmx_read(uint64_t field)
{
	uint64_t v = 0;
	__asm__ volatile("vmread %1, %0" : "=rm"(v) : "r"(field) : "cc");
	return v;
}

/* INVEPT/INVVPID descriptors (SDM 31.3, "INVEPT", "INVVPID"). */
struct vmx_inv_desc {
	uint64_t a, b;
};

static inline int vmx_invept(uint64_t type, uint64_t eptp)
{
	struct vmx_inv_desc d = {eptp, 0};
	uint8_t fail;
	__asm__ volatile("invept %1, %2; setbe %0"
			 : "=qm"(fail)
			 : "m"(d), "r"(type)
			 : "cc", "memory");
	return fail ? -1 : 0;
}

static inline int vmx_invvpid(uint64_t type, uint16_t vpid)
{
	struct vmx_inv_desc d = {vpid, 0};
	uint8_t fail;
	__asm__ volatile("invvpid %1, %2; setbe %0"
			 : "=qm"(fail)
			 : "m"(d), "r"(type)
			 : "cc", "memory");
	return fail ? -1 : 0;
}

#define VMX_INV_SINGLE 1u /* single-context (INVEPT, INVVPID) */
#define VMX_INV_ALL    2u /* all-context */

#endif /* KSH_VMX_HW_H */
