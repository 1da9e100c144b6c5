// SPDX-License-Identifier: MIT
/*
 * Generic exit handling. The vendor code has already translated the exit
 * into struct vm_exit and computed the next RIP; this file decides, by
 * the tables, and tells the vendor what to apply (advance RIP, inject an
 * event) through vcpu_ops. Default is deny: an exit that is not an
 * explicitly handled case stops the domain with a logged reason (or, with
 * KSH_DOMF_FAULT_ON_VIOLATION, injects #GP(0) into it instead).
 *
 * One exit, from guest instruction to device model and back (a Linux
 * domain writing its emulated UART with OUT):
 *   1. run_frame() (sched.c): vdom_prepare() ticks the domain's device
 *      models and injects a pending PIC vector, fpu_switch_to(), then
 *      vcpu_ops->run().
 *   2. The vendor enters the guest: svm_run() (svm/svm_exit.c; VMRUN in
 *      svm_vmrun, svm_entry.S) or vmx_run() (vmx/vmx_vcpu.c; vmx_enter,
 *      vmx_entry.S). The OUT intercept exits.
 *   3. The vendor turns its exit record into struct vm_exit with the next
 *      RIP: translate() (svm/svm_exit.c) or vmx_exit_decode()
 *      (vmx/vmx_exit.c).
 *   4. exit_handle() below: a Linux domain's port I/O goes to vdom_io()
 *      (kernel/vm/linux_dom.c); a native domain's to exit_io().
 *   5. vdom_io() calls vdev_bus_pio_write() (kernel/devices/vdev_bus.c),
 *      which finds the model claiming the port (uart.c) and runs its
 *      write; vcpu_ops->set_rip() steps past the instruction.
 *   6. EXIT_RESUME goes back to run_frame(), which enters the guest again
 *      (step 1), injecting the interrupt the UART may have raised.
 */
#include <arch/arch.h>
#include <ksh/chan_dev.h>
#include <ksh/cpuid_filter.h>
#include <ksh/cr4_policy.h>
#include <ksh/domain.h>
#include <ksh/exit.h>
#include <ksh/kprintf.h>
#include <ksh/vdom.h>

#define VEC_DB		1
#define VEC_UD		6
#define VEC_GP		13
#define VEC_AC		17
#define EVENT_EXCEPTION 3

#define RFLAGS_TF (1ull << 8)
#define DR6_BS	  (1ull << 14)

/* A guest single-stepping (RFLAGS.TF) expects a #DB after every
 * instruction it executes (SDM vol. 3A 17.3.1.4). An instruction the
 * kernel emulated never completed on the CPU, which therefore raises
 * none (the VM exit came first, SDM 28.3.4; APM 15.7): the kernel does,
 * with DR6.BS, so that a debugger (or a hostile guest counting on it)
 * sees the step. */
void exit_skip(struct vcpu *v, const struct vm_exit *e)
{
	vcpu_ops->set_rip(v, e->next_rip);
	if (!(vcpu_ops->get_rflags(v) & RFLAGS_TF))
		return;
	v->db_reflected++;
	if (v->dom->vdom != NULL)
		vdom_db(v, DR6_BS);
	vcpu_ops->inject(v, VEC_DB, EVENT_EXCEPTION, false, 0);
}

static void advance(struct vcpu *v, const struct vm_exit *e)
{
	exit_skip(v, e);
}

/* A policy violation: logged; the domain is stopped unless its policy asks
 * for a fault instead. */
static enum exit_action violation(struct vcpu *v, const struct vm_exit *e,
				  const char *what)
{
	struct domain *d = v->dom;

	if (d->desc->flags & KSH_DOMF_FAULT_ON_VIOLATION) {
		kprintf("ksh: domain %s violation: %s at rip %lx: #GP "
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
		kprintf("ksh: domain %s: CR4 write %lx refused (%s, "
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

/* #DB and #AC are intercepted only so that delivering one is an exit
 * (svm.c, vmx_vcpu.c: a delivery that raises itself again would
 * otherwise loop inside the CPU with the host's timer locked out). The
 * guest gets it back as the CPU would have delivered it: same vector,
 * #AC with error code 0 (SDM vol. 3A 6.15 "Interrupt 17"), #DB with
 * DR6/DR7 updated; a recursion now costs the guest its own frame only. */
static enum exit_action exit_reflect(struct vcpu *v, struct vm_exit *e)
{
	/* INT1: the frame holds the RIP after it; its own #DB is the
	 * step's (no second one for RFLAGS.TF). */
	if (e->u.exc.soft)
		vcpu_ops->set_rip(v, e->next_rip);
	if (e->u.exc.vector == VEC_DB) {
		v->db_reflected++;
		if (v->dom->vdom != NULL)
			vdom_db(v, e->u.exc.dr6);
		vcpu_ops->inject(v, VEC_DB, EVENT_EXCEPTION, false, 0);
	} else {
		v->ac_reflected++;
		vcpu_ops->inject(v, VEC_AC, EVENT_EXCEPTION, true, 0);
	}
	return EXIT_RESUME;
}

/* WBINVD and WBNOINVD (intercepted on both vendors: svm.c, vmx_caps.c)
 * are dropped and the guest goes on. Executed, they would write back
 * and invalidate every cache line of the physical CPU, the other
 * domains' included: a covert channel (one domain's flush is another's
 * miss) and a stall long enough to overrun the guest's frame. Stopping
 * the domain instead would break guests that flush legitimately (Linux
 * does on MTRR and PAT changes, on CPU offlining, in some drivers), and
 * the flush buys a guest nothing: its memory is write-back and kept
 * coherent with every agent the kernel lets touch it (CPU caches snoop
 * DMA; SDM vol. 3A 11.3), so no data is lost by skipping it. */
static enum exit_action exit_wbinvd(struct vcpu *v, struct vm_exit *e)
{
	v->wbinvd_dropped++;
	advance(v, e);
	return EXIT_RESUME;
}

/* Logs, when a domain stops, what exit.c did silently on its behalf:
 * the proof for the log that those exits happened. */
static void exit_report(struct vcpu *v)
{
	if (v->db_reflected == 0 && v->ac_reflected == 0 &&
	    v->wbinvd_dropped == 0)
		return;
	kprintf("ksh: domain %s: %lu exits; reflected #DB %lu, #AC %lu; "
		"WBINVD/WBNOINVD dropped %lu\n",
		v->dom->desc->name, v->exits, v->db_reflected, v->ac_reflected,
		v->wbinvd_dropped);
}

static enum exit_action exit_dispatch(struct vcpu *v, struct vm_exit *e)
{
	char what[80];

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
	case VMEXIT_WBINVD:
		return exit_wbinvd(v, e);
	case VMEXIT_RDPRU:
		/* Not offered (CPUID Fn8000_0008 EBX[4] is hidden): #UD, as
		 * on a CPU without it (AMD APM vol. 3 RDPRU). */
		vcpu_ops->inject(v, VEC_UD, EVENT_EXCEPTION, false, 0);
		return EXIT_RESUME;
	case VMEXIT_EXCEPTION:
		if (e->u.exc.vector == VEC_DB || e->u.exc.vector == VEC_AC)
			return exit_reflect(v, e);
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

enum exit_action exit_handle(struct vcpu *v, struct vm_exit *e)
{
	enum exit_action a;

	v->exits++;
	a = exit_dispatch(v, e);
	if (a == EXIT_STOP)
		exit_report(v);
	return a;
}
