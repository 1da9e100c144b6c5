/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry points of the channel code (kernel/core/chan_kernel.c).
 */
#ifndef KSH_CHAN_KERNEL_H
#define KSH_CHAN_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#include <ksh/hcall.h>
#include <ksh/tables.h>

struct domain;

/* Kernel pool pages the channel state needs (kernel_pool_pages adds it). */
uint64_t chan_pool_pages(const struct ksh_tables *t);
/* Sets up queues, flow machines and the audit ring; panics if the tables
 * give a queue less storage than its depth needs. */
void chan_kernel_init(void);
/* Carries out a channel, event or audit hypercall of d. Returns the value
 * for RAX, or CHAN_HC_PARKED (ksh/chan.h) when the call blocked d: then d
 * must not run until chan_kernel_resume says so. */
int64_t chan_kernel_hcall(struct domain *d, const struct hc_call *call);

/* True while d is blocked in EVENT_WAIT or CHAN_RECV with KSH_RECV_WAIT. */
bool chan_kernel_parked(const struct domain *d);
/* Whether d may run now: true if it is not blocked, or its blocking call
 * has just completed (its result is then in d's RAX); false while it stays
 * blocked, with *wake_ns the time it times out (~0: never). */
bool chan_kernel_resume(struct domain *d, uint64_t *wake_ns);

/*
 * "Something arrived" hook for device models (the PCI channel device of
 * Linux domains): fn is called, with ctx, after every accepted CHAN_SEND
 * (what = CHAN_NOTE_MESSAGE, index = channel, dom = its receiver) and
 * EVENT_SIGNAL (CHAN_NOTE_EVENT, index = event, dom = its waiter), from
 * inside the sender's hypercall. It may latch state and raise a virtual
 * interrupt; it must not call back into the channel code. One hook; a
 * second registration replaces the first. Blocked native domains need no
 * hook: the scheduler retries their call (chan_kernel_resume).
 */
typedef void chan_kernel_notify_fn(void *ctx, uint32_t dom, uint32_t what,
				   uint32_t index);
void chan_kernel_set_notify(chan_kernel_notify_fn *fn, void *ctx);

#endif /* KSH_CHAN_KERNEL_H */
