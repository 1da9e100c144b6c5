/* SPDX-License-Identifier: MIT */
/*
 * The hypercall ABI, shared by the kernel and every guest-side library.
 *
 * A guest issues VMMCALL (AMD) or VMCALL (Intel); both are accepted on
 * both vendors, so one native binary runs everywhere. RAX selects the call,
 * arguments are in RDI, RSI, RDX, R10 (the SysV syscall order), the result
 * comes back in RAX: >= 0 on success, a negative KSH_E* code on failure.
 * No other register is changed.
 *
 * Addresses passed to the kernel are guest-physical. Every (address,
 * length) pair is checked against the caller's mappings with the rights the
 * call needs, including wrap-around, before anything is read or written.
 * Calls from guest CPL 3 are refused with KSH_EPERM unless the domain has
 * KSH_DOMF_USER_HYPERCALLS.
 */
#ifndef KSH_HYPERCALL_H
#define KSH_HYPERCALL_H

enum ksh_hypercall {
	KSH_HC_CONSOLE_WRITE = 1, /* (gpa buf, len) -> bytes written */
	KSH_HC_YIELD = 2, /* () -> 0: give up the rest of the minor frame */
	KSH_HC_DOMAIN_INFO = 3, /* (gpa struct ksh_domain_info *, len) -> 0 */
	KSH_HC_CHAN_SEND = 4,	/* (handle, method, gpa buf, len) -> 0 */
	KSH_HC_CHAN_RECV =
	    5, /* (handle, gpa buf, len, gpa u32 *method) -> len */
	KSH_HC_EVENT_SIGNAL = 6, /* (event) -> 0 */
	KSH_HC_EVENT_WAIT = 7,	 /* (event mask, timeout ns) -> fired events */
	KSH_HC_MEM_PROTECT = 8,	 /* reserved: -KSH_ENOSYS in this version */
	KSH_HC_AUDIT_READ = 9,	 /* (gpa buf, len) -> records copied */
	KSH_HC_TIME = 10,	 /* () -> nanoseconds since boot */
	KSH_HC_EXIT = 11,	 /* (status) -> does not return: domain stops */
};

/* Error codes (returned negated). Stable: guests and tests rely on them. */
enum ksh_errno {
	KSH_ENOSYS = 1,	 /* unknown hypercall number */
	KSH_EFAULT = 2,	 /* address range not mapped with the needed rights */
	KSH_EINVAL = 3,	 /* malformed argument (flags, alignment, range) */
	KSH_EPERM = 4,	 /* refused by policy (logged in the audit ring) */
	KSH_EBADH = 5,	 /* no such channel handle or event in this domain */
	KSH_E2BIG = 6,	 /* message larger than the channel allows */
	KSH_EAGAIN = 7,	 /* queue full (send) or empty (receive) */
	KSH_ELOCKED = 8, /* memory protection locked until reset */
};

/*
 * Blocking (kernel/chan/chan_hcall.c has the full semantics).
 *
 * KSH_HC_EVENT_WAIT(mask, timeout): bit n of mask is the n-th event (table
 * order) the caller waits on. timeout 0 polls: the fired events among
 * mask, cleared, or -KSH_EAGAIN at once (as before timeouts existed, so
 * callers passing 0 are unchanged). Any other timeout blocks the caller
 * until one of them fires or `timeout` nanoseconds of KSH_HC_TIME pass
 * (then -KSH_EAGAIN); KSH_WAIT_FOREVER never times out.
 *
 * KSH_HC_CHAN_RECV(handle | KSH_RECV_WAIT, ...): on an empty queue the
 * caller blocks until a message is queued on that channel, then receives
 * it as a plain CHAN_RECV would (the result is the same). Without the
 * flag an empty queue gives -KSH_EAGAIN as before.
 *
 * Both are checked before they block: a mask naming an event the caller
 * does not wait on, or a handle it does not hold as receiver, is refused
 * (-KSH_EBADH/-KSH_EPERM) and audited, exactly as without blocking. A
 * blocked domain uses no CPU: the rest of its minor frame idles, and it
 * runs again in its own next frame after the wake-up (its frames are
 * never given to another domain: the static schedule stays the only
 * timing a domain can observe). An event or message sent while the
 * waiter runs is latched, so a check-then-wait sequence cannot lose it.
 */
#define KSH_WAIT_FOREVER 0xFFFFFFFFFFFFFFFFull
#define KSH_RECV_WAIT	 0x100000000ull

/* KSH_HC_MEM_PROTECT flags, reserved for the call's planned meaning
 * (rights to remove from [gpa, gpa + len), and whether to lock them until
 * reset): the kernel does not implement the call yet and answers every
 * use with -KSH_ENOSYS, so a guest can detect it. */
#define KSH_PROT_NOWRITE 0x1u
#define KSH_PROT_NOEXEC	 0x2u
#define KSH_PROT_LOCK	 0x80u

/* What KSH_HC_DOMAIN_INFO writes. */
struct ksh_domain_info {
	unsigned int domain_id;
	unsigned int n_domains;
	unsigned int n_handles; /* channel endpoints this domain holds */
	unsigned int vcpus;
	unsigned long long ram_size;
	char name[64];
};

/*
 * What KSH_HC_AUDIT_READ writes, one per audited event: every refused
 * channel, event or audit call, and every grant the policy marks `audit`.
 * Reading consumes: each record is handed out once. The ring is bounded;
 * when a reader falls behind, the oldest unread records are overwritten
 * and counted (a gap in seq, and `lost`), never dropped silently.
 */
struct ksh_audit_record {
	unsigned long long seq;	    /* 0, 1, 2, ... in order of events */
	unsigned long long time_ns; /* KSH_HC_TIME clock at the event */
	unsigned long long lost;    /* records lost before this one, total */
	unsigned int subject;	    /* calling domain (index) */
	unsigned int object;	    /* channel or event index, or ~0u */
	unsigned int method;	    /* method in the channel, or ~0u */
	unsigned int state;	    /* flow state at the call, or ~0u */
	int result;		    /* 0 (audited grant) or -KSH_E* */
	unsigned int rule;	    /* deciding rule (ksh_rules), or ~0u */
	unsigned int call;	    /* hypercall number (enum ksh_hypercall) */
	unsigned int handle; /* handle or event number passed (~0u if wider) */
};

#endif /* KSH_HYPERCALL_H */
