/* SPDX-License-Identifier: MIT */
/*
 * Hypercall wrappers for native domains (ABI: include/ksh/hypercall.h).
 * RAX = call number, arguments in RDI, RSI, RDX, R10, result in RAX; the
 * kernel changes no other register, so the only clobber is memory (the
 * kernel may write guest memory, e.g. KSH_HC_DOMAIN_INFO).
 *
 * Which instruction: the kernel accepts both VMMCALL (AMD APM vol. 3) and
 * VMCALL (Intel SDM vol. 2B) on both vendors. Natively each vendor's CPU
 * only knows its own, and a guest that uses the other one relies on the
 * hypervisor intercepting #UD, so the runtime picks the native one: at
 * start-up (ksh_rt_hc_init, called once by the entry code before main) it
 * reads the CPUID vendor string and uses VMCALL on "GenuineIntel",
 * VMMCALL everywhere else. Building with -DKSH_RT_HC_INSN=KSH_RT_HC_VMMCALL
 * or =KSH_RT_HC_VMCALL fixes the choice at build time and removes the test
 * (make variable RT_HC_INSN=vmmcall|vmcall, see runtime/native/build.mk).
 *
 * Pointers: native domains run with guest-virtual == guest-physical, so a
 * pointer is passed as the guest-physical address the ABI wants.
 */
#ifndef KSH_RT_HYPERCALL_H
#define KSH_RT_HYPERCALL_H

#include <stdint.h>
#include <ksh/hypercall.h>

#define KSH_RT_HC_AUTO	  0
#define KSH_RT_HC_VMMCALL 1
#define KSH_RT_HC_VMCALL  2
#ifndef KSH_RT_HC_INSN
#define KSH_RT_HC_INSN KSH_RT_HC_AUTO
#endif

/* Nonzero: issue VMCALL. Written once by ksh_rt_hc_init. */
extern unsigned char ksh_rt_hc_vmcall;

/* Chooses the hypercall instruction from the CPUID vendor string. */
void ksh_rt_hc_init(void);

static inline int ksh_rt_hc_uses_vmcall(void)
{
#if KSH_RT_HC_INSN == KSH_RT_HC_VMCALL
	return 1;
#elif KSH_RT_HC_INSN == KSH_RT_HC_VMMCALL
	return 0;
#else
	return ksh_rt_hc_vmcall;
#endif
}

/* Raw hypercall with four arguments; the others are wrappers around it.
 * Exposed so tests can pass numbers and arguments no wrapper would. */
static inline int64_t ksh_hypercall(uint64_t nr, uint64_t a0, uint64_t a1,
				    uint64_t a2, uint64_t a3)
{
	register uint64_t r10 __asm__("r10") = a3;
	uint64_t ret = nr;

	if (ksh_rt_hc_uses_vmcall())
		__asm__ volatile("vmcall"
				 : "+a"(ret)
				 : "D"(a0), "S"(a1), "d"(a2), "r"(r10)
				 : "memory");
	else
		__asm__ volatile("vmmcall"
				 : "+a"(ret)
				 : "D"(a0), "S"(a1), "d"(a2), "r"(r10)
				 : "memory");
	return (int64_t)ret;
}

static inline uint64_t ksh_rt_gpa(const volatile void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* -> bytes written, or -KSH_EFAULT. */
static inline int64_t ksh_hc_console_write(const void *buf, uint64_t len)
{
	return ksh_hypercall(KSH_HC_CONSOLE_WRITE, ksh_rt_gpa(buf), len, 0, 0);
}

/* Gives up the rest of this minor frame. */
static inline int64_t ksh_hc_yield(void)
{
	return ksh_hypercall(KSH_HC_YIELD, 0, 0, 0, 0);
}

/* Fills *out (len bytes available there). */
static inline int64_t ksh_hc_domain_info(struct ksh_domain_info *out,
					 uint64_t len)
{
	return ksh_hypercall(KSH_HC_DOMAIN_INFO, ksh_rt_gpa(out), len, 0, 0);
}

static inline int64_t ksh_hc_chan_send(uint32_t handle, uint32_t method,
				       const void *buf, uint64_t len)
{
	return ksh_hypercall(KSH_HC_CHAN_SEND, handle, method, ksh_rt_gpa(buf),
			     len);
}

/* -> message length; the method number is stored in *method. */
static inline int64_t ksh_hc_chan_recv(uint32_t handle, void *buf, uint64_t len,
				       uint32_t *method)
{
	return ksh_hypercall(KSH_HC_CHAN_RECV, handle, ksh_rt_gpa(buf), len,
			     ksh_rt_gpa(method));
}

static inline int64_t ksh_hc_event_signal(uint32_t event)
{
	return ksh_hypercall(KSH_HC_EVENT_SIGNAL, event, 0, 0, 0);
}

/* -> the set of fired events among mask (-KSH_EAGAIN: none; no wait). */
static inline int64_t ksh_hc_event_wait(uint64_t mask)
{
	return ksh_hypercall(KSH_HC_EVENT_WAIT, mask, 0, 0, 0);
}

/* Blocks until an event in mask fires (-> the fired set) or timeout_ns
 * pass (-> -KSH_EAGAIN); KSH_WAIT_FOREVER: no timeout. */
static inline int64_t ksh_hc_event_wait_for(uint64_t mask, uint64_t timeout_ns)
{
	return ksh_hypercall(KSH_HC_EVENT_WAIT, mask, timeout_ns, 0, 0);
}

/* ksh_hc_chan_recv that blocks on an empty queue until a message comes. */
static inline int64_t ksh_hc_chan_recv_wait(uint32_t handle, void *buf,
					    uint64_t len, uint32_t *method)
{
	return ksh_hypercall(KSH_HC_CHAN_RECV, handle | KSH_RECV_WAIT,
			     ksh_rt_gpa(buf), len, ksh_rt_gpa(method));
}

/* Reserved (ksh/hypercall.h): returns -KSH_ENOSYS in this version. */
static inline int64_t ksh_hc_mem_protect(uint64_t gpa, uint64_t len,
					 uint32_t flags)
{
	return ksh_hypercall(KSH_HC_MEM_PROTECT, gpa, len, flags, 0);
}

/* -> number of audit records copied into buf. */
static inline int64_t ksh_hc_audit_read(void *buf, uint64_t len)
{
	return ksh_hypercall(KSH_HC_AUDIT_READ, ksh_rt_gpa(buf), len, 0, 0);
}

/* -> nanoseconds since boot. */
static inline int64_t ksh_hc_time(void)
{
	return ksh_hypercall(KSH_HC_TIME, 0, 0, 0, 0);
}

/* Stops the domain with status; does not return. Should the call come back
 * anyway (a kernel bug), the vCPU halts in a loop rather than run on. */
static inline __attribute__((noreturn)) void ksh_hc_exit(int status)
{
	ksh_hypercall(KSH_HC_EXIT, (uint64_t)(int64_t)status, 0, 0, 0);
	for (;;)
		__asm__ volatile("hlt");
}

#endif /* KSH_RT_HYPERCALL_H */
