/* SPDX-License-Identifier: MIT */
/*
 * Run-time state of domains and their vCPUs (generic; the vendor keeps
 * its control block behind vcpu->vendor).
 */
#ifndef KSH_DOMAIN_H
#define KSH_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/vcpu.h>
#include <ksh/fpu.h>
#include <ksh/npt.h>
#include <ksh/tables.h>

enum dom_state {
	DOM_RUNNABLE = 1,
	DOM_STOPPED = 2, /* stopped by the kernel: violation or error */
	DOM_EXITED = 3,	 /* the domain asked to stop (KSH_HC_EXIT) */
	DOM_REFUSED = 4, /* never started: payload or setup refused */
};

struct domain;
struct vdom;

struct vcpu {
	struct domain *dom;
	uint32_t id;
	struct vcpu_regs regs; /* guest GPRs (RAX mirrored by the vendor) */
	void *vendor;	       /* vendor control block (VMCB, VMCS) */
	uint64_t vendor_pa;    /* its host-physical address */
	uint32_t tlb_tag;      /* ASID (AMD) or VPID (Intel) */
	bool tlb_flush;	       /* flush this tag's TLB at the next entry */
	uint64_t exits;	       /* exits handled, for the log */
	uint64_t hypercalls;
	/* #DB and #AC intercepted and handed back to the guest, and
	 * WBINVD/WBNOINVD dropped (exit.c), for the log. */
	uint64_t db_reflected, ac_reflected, wbinvd_dropped;
	/* x87/SSE registers while another vCPU runs (ksh/fpu.h); counted
	 * in the domain array's pool pages. */
	struct fpu_area fpu;
};

#define DOM_LINE_MAX 160 /* console line buffer per domain */

struct domain {
	uint32_t id;
	const struct ksh_domain *desc;
	uint32_t state; /* enum dom_state */
	struct vcpu vcpu;
	struct npt npt;
	uint64_t kmem_pages; /* kernel pool pages spent on this domain */
	struct vdom *vdom;   /* Linux domains: emulated PC (ksh/vdom.h) */
	char line[DOM_LINE_MAX];
	uint32_t line_len;
};

/* Stops a domain and logs why (kernel/core/domain.c). */
void dom_stop(struct domain *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends guest console output, printing whole lines prefixed by
 * "[name] ". */
void dom_console(struct domain *d, const char *s, uint64_t n);

/* All domains and their count (kernel/core/main.c). */
extern struct domain *domains;
extern uint32_t n_domains;
extern const struct vcpu_ops *vcpu_ops;
extern const struct ksh_tables *tables;
extern const uint64_t *memobj_hpa;

#endif /* KSH_DOMAIN_H */
