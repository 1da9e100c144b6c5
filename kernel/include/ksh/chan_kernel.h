/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry points of the channel code (kernel/chan/chan_kernel.c).
 */
#ifndef KSH_CHAN_KERNEL_H
#define KSH_CHAN_KERNEL_H

#include <stdbool.h>
#include <stdint.h>

#include <ksh/chan.h>
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

/* A channel device's call for d (chan_kbuf_call): CHAN_SEND, CHAN_RECV
 * or EVENT_SIGNAL with the message buffer kb. */
int64_t chan_kernel_kbuf_call(struct domain *d, const struct hc_call *call,
			      struct chan_kbuf *kb);
/* Messages queued on channel ch and its flow state (KSH_NONE if none). */
void chan_kernel_state(uint32_t ch, uint32_t *count, uint32_t *state);
/* Audits a refused write by d to its read-only mapping of channel ch. */
void chan_kernel_audit_window(struct domain *d, uint32_t ch, uint32_t handle);
/* True while d is blocked in EVENT_WAIT or CHAN_RECV with KSH_RECV_WAIT. */
bool chan_kernel_parked(const struct domain *d);
/* Whether d may run now: true if it is not blocked, or its blocking call
 * has just completed (its result is then in d's RAX); false while it stays
 * blocked, with *wake_ns the time it times out (~0: never). */
bool chan_kernel_resume(struct domain *d, uint64_t *wake_ns);

#endif /* KSH_CHAN_KERNEL_H */
