// SPDX-License-Identifier: MIT
/*
 * Generic exit handling. The vendor code has already translated the exit
 * into struct vm_exit and computed the next RIP; this file decides, by
 * the tables, and tells the vendor what to apply (advance RIP, inject an
 * event) through vcpu_ops. Default is deny: an exit that is not an
 * explicitly handled case stops the domain with a logged reason (or, with
 * KSH_DOMF_FAULT_ON_VIOLATION, injects #GP(0) into it instead).
 */
#include <arch/arch.h>
#include <ksh/chan_dev.h>
#include <ksh/cpuid_filter.h>
#include <ksh/cr4_policy.h>
#include <ksh/domain.h>
#include <ksh/exit.h>
#include <ksh/kprintf.h>
#include <ksh/vdom.h>

#define VEC_UD		6
#define VEC_GP		13
#define EVENT_EXCEPTION 3

static void advance(struct vcpu *v, const struct vm_exit *e)
{
	vcpu_ops->set_rip(v, e->next_rip);
}

/* A policy violation: logged; the domain is stopped unless its policy asks
 * for a fault instead. */
static enum exit_action violation(struct vcpu *v, const struct vm_exit *e,
				  const char *what)
{
	struct domain *d = v->dom;

	if (d->desc->flags & KSH_DOMF_FAULT_ON_VIOLATION) {
		dom_log(d,
			"ksh: domain %s violation: %s at rip %lx: #GP "
			"injected\n",
			d->desc->name, what, e->rip);
		vcpu_ops->inject(v, VEC_GP, EVENT_EXCEPTION, true, 0);
		return EXIT_RESUME;
	}
	dom_stop(d, "violation: %s at rip %lx", what, e->rip);
	return EXIT_STOP;
}

static uint32_t vdev_for_port(const struct domain *d, uint16_t port)
{
	for (uint32_t i = 0; i < d->desc->n_vdevs; i++) {
		const struct ksh_vdev *vd =
		    &tables->vdevs[d->desc->first_vdev + i];

		if (vd->port_count != 0 && port >= vd->port_base &&
		    port - vd->port_base < vd->port_count)
			return d->desc->first_vdev + i;
	}
	return KSH_NONE;
}

static enum exit_action exit_io(struct vcpu *v, struct vm_exit *e)
{
	char what[96];
	uint32_t vd = vdev_for_port(v->dom, e->u.io.port);

	if (vd != KSH_NONE) {
		if (vdev_port_io(v->dom, vd, v, e) == 0) {
			advance(v, e);
			return EXIT_RESUME;
		}
		ksnprintf(what, sizeof(what),
			  "port %x claimed by device %s but no device model "
			  "is linked",
			  e->u.io.port, tables->vdevs[vd].name);
		return violation(v, e, what);
	}
	ksnprintf(what, sizeof(what),
		  "forbidden port I/O: %s%s port %x size %u",
		  e->u.io.in ? "in" : "out", e->u.io.string ? "s" : "",
		  e->u.io.port, e->u.io.size);
	return violation(v, e, what);
}

static enum exit_action exit_hypercall(struct vcpu *v, struct vm_exit *e)
{
	struct hc_call call = {
	    .nr = v->regs.rax,
	    .arg = {v->regs.rdi, v->regs.rsi, v->regs.rdx, v->regs.r10},
	    .cpl = e->cpl,
	};
	int64_t ret;
	enum hc_result r = hc_handle(v, &call, &ret);

	if (r == HC_STOP)
		return EXIT_STOP;
	v->regs.rax = (uint64_t)ret;
	advance(v, e);
	return r == HC_YIELD ? EXIT_YIELD : EXIT_RESUME;
}

static enum exit_action exit_cpuid(struct vcpu *v, struct vm_exit *e)
{
	uint32_t leaf = (uint32_t)v->regs.rax, sub = (uint32_t)v->regs.rcx;
	uint32_t r[4];

	arch_cpuid(leaf, sub, r);
	cpuid_filter(leaf, sub, r);
	if (v->dom->vdom != NULL)
		vdom_cpuid(leaf, sub, r);
	v->regs.rax = r[0];
	v->regs.rbx = r[1];
	v->regs.rcx = r[2];
	v->regs.rdx = r[3];
	advance(v, e);
	return EXIT_RESUME;
}

/* MOV to CR4: what the guest was not offered, or what the CPU itself
 * would refuse, gets #GP(0) as on a CPU without the feature (SDM vol. 2B
 * MOV CR, protected-mode exceptions). The guest goes on either way. */
static enum exit_action exit_cr4(struct vcpu *v, struct vm_exit *e)
{
	struct cr4_write w = {
	    .old = e->u.cr4.old,
	    .value = e->u.cr4.value,
	    .cr3 = e->u.cr4.cr3,
	    .long_mode = e->u.cr4.long_mode,
	    .cpl = e->cpl,
	};
	const char *why = cr4_check(&w, cr4_guest_allowed());

	if (vcpu_ops->set_cr4 == NULL) {
		dom_stop(v->dom, "CR4 write exit without a vendor handler");
		return EXIT_STOP;
	}
	if (why != NULL) {
		dom_log(v->dom,
			"ksh: domain %s: CR4 write %lx refused (%s, "
			"bits %lx) at rip %lx: #GP injected\n",
			v->dom->desc->name, w.value, why,
			w.value & ~cr4_guest_allowed(), e->rip);
		vcpu_ops->inject(v, VEC_GP, EVENT_EXCEPTION, true, 0);
		return EXIT_RESUME;
	}
	vcpu_ops->set_cr4(v, w.value);
	advance(v, e);
	return EXIT_RESUME;
}

static enum exit_action exit_npf(struct vcpu *v, struct vm_exit *e)
{
	char what[112];

	ksnprintf(what, sizeof(what),
		  "memory access outside its grants: %s gpa %lx (%s)",
		  e->u.npf.exec	   ? "execute"
		  : e->u.npf.write ? "write"
				   : "read",
		  e->u.npf.gpa,
		  e->u.npf.present ? "mapped without that right"
				   : "not mapped");
	return violation(v, e, what);
}

enum exit_action exit_handle(struct vcpu *v, struct vm_exit *e)
{
	char what[80];

	v->exits++;
	/* Linux domains: emulated PC devices, HLT waits for their
	 * interrupts, the MSR set of msr_emul.c (ksh/vdom.h). */
	if (v->dom->vdom != NULL) {
		vdom_count_exit(v, e);
		if (e->reason == VMEXIT_IO)
			return vdom_io(v, e);
		if (e->reason == VMEXIT_HLT)
			return vdom_hlt(v, e);
		if (e->reason == VMEXIT_MSR_READ ||
		    e->reason == VMEXIT_MSR_WRITE)
			return vdom_msr(v, e);
		if (e->reason == VMEXIT_DR)
			return vdom_dr(v, e);
		if (e->reason == VMEXIT_NPF && chan_dev_npf(v, e))
			return EXIT_RESUME;
		if (e->reason == VMEXIT_SHUTDOWN)
			return vdom_shutdown(v, e);
	}
	switch (e->reason) {
	case VMEXIT_INTR:
		return EXIT_PREEMPT;
	case VMEXIT_HYPERCALL:
		return exit_hypercall(v, e);
	case VMEXIT_IO:
		return exit_io(v, e);
	case VMEXIT_CPUID:
		return exit_cpuid(v, e);
	case VMEXIT_HLT:
		/* No virtual interrupts are routed to native domains yet, so
		 * HLT waits for the next frame: the rest of this one goes. */
		advance(v, e);
		return EXIT_YIELD;
	case VMEXIT_NPF:
		return exit_npf(v, e);
	case VMEXIT_CR4_WRITE:
		return exit_cr4(v, e);
	case VMEXIT_MSR_READ:
	case VMEXIT_MSR_WRITE:
		ksnprintf(what, sizeof(what), "forbidden MSR %s %x",
			  e->reason == VMEXIT_MSR_READ ? "read" : "write",
			  e->u.msr.index);
		return violation(v, e, what);
	case VMEXIT_EXCEPTION:
		if (e->u.exc.vector == VEC_UD) {
			/* Intercepted only to catch the other vendor's
			 * hypercall instruction; hand the #UD back. */
			vcpu_ops->inject(v, VEC_UD, EVENT_EXCEPTION, false, 0);
			return EXIT_RESUME;
		}
		dom_stop(v->dom,
			 "fatal guest exception %u (error %x) at rip %lx",
			 e->u.exc.vector, e->u.exc.error_code, e->rip);
		return EXIT_STOP;
	case VMEXIT_SHUTDOWN:
		dom_stop(v->dom, "guest shutdown (triple fault) at rip %lx",
			 e->rip);
		return EXIT_STOP;
	case VMEXIT_INVALID:
		dom_stop(v->dom,
			 "invalid guest state, entry refused (exit "
			 "code %lx)",
			 e->raw);
		return EXIT_STOP;
	default:
		dom_stop(v->dom, "unhandled exit %lx at rip %lx", e->raw,
			 e->rip);
		return EXIT_STOP;
	}
}
