// SPDX-License-Identifier: MIT
/*
 * The static cyclic schedule (ARCHITECTURE.md, "Time"): the
 * tables give, per CPU, minor frames tiling a major frame. A domain runs
 * only inside its frames; the host timer is armed for the frame's end
 * before every entry and physical interrupts always exit the guest (the
 * vendor intercepts them), so a guest spinning with interrupts off loses
 * the CPU on time. Frame ends are computed from the major frame's start,
 * so exit handling does not make the plan drift.
 *
 * A domain blocked in a hypercall (EVENT_WAIT with a timeout, CHAN_RECV
 * with KSH_RECV_WAIT: ksh/hypercall.h) keeps its frames, but they idle
 * (HLT) until its call completes: at the start of each of its frames, and
 * at its deadline inside one, the call is retried (chan_kernel_resume).
 * Its time is never lent to another domain, so whether a domain waits
 * cannot be observed by the others through the schedule.
 */
#include <arch/arch.h>
#include <ksh/chan.h>
#include <ksh/chan_kernel.h>
#include <ksh/domain.h>
#include <ksh/exit.h>
#include <ksh/fpu.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>
#include <ksh/sched.h>
#include <ksh/spec_ctrl.h>
#include <ksh/vdom.h>

#define DEFAULT_SLICE_NS 10000000ull /* no frames in the tables: 10 ms */

static const struct ksh_minor_frame *plan;
static uint32_t n_plan;
static uint64_t major_ns;

int sched_init(void)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < tables->n_frames; i++)
		if (tables->frames[i].cpu == 0) {
			if (n == 0)
				plan = &tables->frames[i];
			n++;
		}
	n_plan = n;
	major_ns = tables->major_frame_ns;
	if (n_plan == 0 && n_domains != 0) {
		/* No plan for CPU 0: round robin, one slice per domain. */
		struct ksh_minor_frame *f = kpage_alloc(
		    (n_domains * sizeof(*f) + KPAGE_SIZE - 1) / KPAGE_SIZE,
		    NULL);

		if (f == NULL)
			return -1;
		for (uint32_t i = 0; i < n_domains; i++) {
			f[i].cpu = 0;
			f[i].domain = i;
			f[i].start_ns = i * DEFAULT_SLICE_NS;
			f[i].length_ns = DEFAULT_SLICE_NS;
		}
		plan = f;
		n_plan = n_domains;
		major_ns = n_domains * DEFAULT_SLICE_NS;
	}
	kprintf("ksh: schedule: %u minor frames in a %lu us major frame\n",
		n_plan, major_ns / 1000);
	return 0;
}

/* A domain that is running or can still be woken: not every runnable
 * domain is blocked with no deadline and nothing to wake it (a domain
 * blocked for ever can only be woken by another, and none is left). */
static bool any_runnable(void)
{
	for (uint32_t i = 0; i < n_domains; i++) {
		uint64_t wake = 0;

		if (domains[i].state != DOM_RUNNABLE)
			continue;
		if (chan_kernel_resume(&domains[i], &wake) ||
		    wake != CHAN_NO_DEADLINE)
			return true;
	}
	return false;
}

static void idle_until(uint64_t end_ns)
{
	for (;;) {
		uint64_t now = arch_time_ns();

		if (now >= end_ns)
			return;
		arch_timer_arm(end_ns - now);
		arch_wait_for_interrupt();
	}
}

/* Runs d until end_ns, a yield, or its stop. */
static void run_frame(struct domain *d, uint64_t end_ns)
{
	struct vcpu *v = &d->vcpu;
	struct vm_exit e;

	while (d->state == DOM_RUNNABLE) {
		uint64_t now = arch_time_ns(), until = end_ns, wake;
		enum exit_action a;

		if (now >= end_ns)
			return;
		/* Blocked: idle to its deadline if that falls in this frame,
		 * else give up the frame (the caller idles to its end). */
		if (!chan_kernel_resume(d, &wake)) {
			if (wake >= end_ns)
				return;
			idle_until(wake);
			continue;
		}
		/* Emulated devices: ticked, their interrupt handed over,
		 * and the guest runs at most until their next deadline; a
		 * halted vCPU waits for it here instead (ksh/vdom.h). */
		if (d->vdom != NULL && !vdom_prepare(d, &until)) {
			arch_timer_arm(until > now ? until - now : 1);
			arch_wait_for_interrupt();
			continue;
		}
		arch_timer_arm(until > now ? until - now : 1);
		arch_spec_switch(d); /* predictors, buffers: ksh/spec_ctrl.h */
		/* Its own x87/SSE registers, never the last domain's. */
		fpu_switch_to(v);
		vcpu_ops->run(v, &e);
		a = exit_handle(v, &e);
		if (a == EXIT_PREEMPT)
			arch_take_interrupts();
		else if (a == EXIT_YIELD && chan_kernel_parked(d))
			continue; /* blocked: its deadline may be in this frame */
		else if (a != EXIT_RESUME)
			return;
	}
}

void sched_run(void)
{
	uint64_t major_start = arch_time_ns();

	for (;;) {
		for (uint32_t i = 0; i < n_plan || n_plan == 0; i++) {
			const struct ksh_minor_frame *f = &plan[i];
			uint64_t end;

			if (!any_runnable()) {
				kprintf("ksh: no domain left to run: "
					"stopping\n");
				arch_stop_machine(0);
			}
			end = major_start + f->start_ns + f->length_ns;
			if (f->domain != KSH_IDLE &&
			    domains[f->domain].state == DOM_RUNNABLE)
				run_frame(&domains[f->domain], end);
			idle_until(end);
		}
		major_start += major_ns;
		/* A frame overran by more than a whole major frame (slow
		 * emulation): restart the plan rather than run frames in a
		 * burst to catch up. */
		if (arch_time_ns() > major_start + major_ns)
			major_start = arch_time_ns();
	}
}
