/* SPDX-License-Identifier: MIT */
/*
 * How the kernel starts a native domain: the contract between the kernel's
 * loader and runtime/native (the freestanding library native domains link
 * against).
 *
 * Image: an ELF64 x86-64 ET_EXEC file. Every PT_LOAD segment is copied to
 * its p_paddr in the domain's RAM (guest-physical 0 .. ram_size) and the
 * rest of p_memsz is zeroed; segments must lie inside
 * [KSH_NATIVE_LOAD_MIN, ram_size - KSH_NATIVE_RESERVED).
 *
 * Entry state, in 64-bit long mode:
 *  - paging on, guest-virtual == guest-physical for the whole RAM, built by
 *    the kernel in the top KSH_NATIVE_RESERVED bytes of RAM, which the
 *    domain must not use for anything else;
 *  - RIP = e_entry, RSP = ram_size - KSH_NATIVE_RESERVED (16-byte aligned,
 *    the stack grows down from there), RDI = guest-physical address of a
 *    struct ksh_native_info at KSH_NATIVE_INFO_GPA;
 *  - RFLAGS = 0x2 (interrupts off), CR0.PE/PG, CR4.PAE, EFER.LME/LMA/NXE;
 *    all other general registers zero; flat 64-bit code and data segments.
 */
#ifndef KSH_NATIVE_H
#define KSH_NATIVE_H

#define KSH_NATIVE_LOAD_MIN   0x100000ULL /* 1 MiB: link native ELFs here */
#define KSH_NATIVE_INFO_GPA   0x1000ULL
#define KSH_NATIVE_RESERVED   0x10000ULL /* top 64 KiB: page tables */
#define KSH_NATIVE_INFO_MAGIC 0x4F464E49484B534BULL /* "KSHKINFO" */

#define KSH_NATIVE_HANDLES_MAX 32 /* handles described in the info page */
#define KSH_NATIVE_CHAN_NAME   48 /* channel name bytes, NUL included */

/*
 * What handle h is: the endpoint the domain holds, as the policy compiled
 * it (the native counterpart of a Linux guest's channel device descriptor
 * page, ksh/chandev_regs.h). Lets one binary serve in either role, and a
 * domain find its channels by name instead of by handle order.
 */
struct ksh_native_handle {
	unsigned int kind;	       /* KSH_CHANNEL_MEMORY / _MESSAGE */
	unsigned int role;	       /* enum ksh_endpoint_role */
	unsigned int n_methods;	       /* message channel: methods declared */
	unsigned int queue_depth;      /* message channel: messages queued */
	unsigned long long size;       /* window bytes, or largest message */
	unsigned long long window_gpa; /* memory channel: where it is mapped */
	char channel[KSH_NATIVE_CHAN_NAME]; /* NUL-terminated, may be cut */
};

struct ksh_native_info {
	unsigned long long magic; /* KSH_NATIVE_INFO_MAGIC */
	unsigned int domain_id;
	unsigned int n_handles; /* handles 0..n_handles-1 */
	unsigned long long ram_size;
	char name[64];
	/* handles[h] for h < n_handle_info = min(n_handles, _MAX) */
	unsigned int n_handle_info;
	unsigned int reserved;
	struct ksh_native_handle handles[KSH_NATIVE_HANDLES_MAX];
};

#endif /* KSH_NATIVE_H */
