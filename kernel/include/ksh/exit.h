/* SPDX-License-Identifier: MIT */
/*
 * Generic exit handling: what the kernel does with a struct vm_exit the
 * vendor code produced. Returns what the scheduler does next.
 */
#ifndef KSH_EXIT_H
#define KSH_EXIT_H

#include <stdint.h>

#include <arch/vcpu.h>
#include <ksh/hcall.h>

enum exit_action {
	EXIT_RESUME = 0, /* enter the guest again */
	EXIT_YIELD = 1,	 /* the domain gives up the rest of its frame */
	EXIT_STOP = 2,	 /* the domain no longer runs */
	EXIT_PREEMPT = 3 /* a host interrupt: let the scheduler look */
};

enum hc_result { HC_CONTINUE = 0, HC_YIELD = 1, HC_STOP = 2 };

struct vcpu;
struct domain;

enum exit_action exit_handle(struct vcpu *v, struct vm_exit *e);

/* Moves the guest past the instruction of exit e, which the kernel
 * emulated (RIP := e->next_rip), with the single-step #DB the CPU would
 * have raised after it when the guest runs with RFLAGS.TF. */
void exit_skip(struct vcpu *v, const struct vm_exit *e);

/* Carries out a hypercall (kernel/chan/hypercall.c); *ret goes to RAX. */
enum hc_result hc_handle(struct vcpu *v, const struct hc_call *call,
			 int64_t *ret);

/*
 * Port I/O of a native or Multiboot domain on a port one of its declared
 * devices claims (vdev table slice; kernel/vm/vdev_port.c). The device
 * models (kernel/devices) serve Linux domains only, through vdom_io():
 * here the call returns -1 and the exit path stops the domain (or injects
 * #GP), naming the device.
 */
int vdev_port_io(struct domain *d, uint32_t vdev, struct vcpu *v,
		 const struct vm_exit *e);

#endif /* KSH_EXIT_H */
