/* SPDX-License-Identifier: MIT */
/*
 * Doorbell helpers for a record ring (ksh/rt/ring.h) in a native domain:
 * the writer signals the memory channel's event after it publishes, the
 * reader blocks in KSH_HC_EVENT_WAIT while the ring is empty.
 *
 * No wake-up is lost: the kernel latches a signalled event until the
 * waiter takes it (ksh/hypercall.h), and the writer signals only after
 * head is published. If the reader finds the ring empty and the writer
 * then publishes and signals before the reader's wait, the wait returns
 * at once; if it signals after, the wait is woken by it.
 */
#ifndef KSH_RT_RING_BELL_H
#define KSH_RT_RING_BELL_H

#include <ksh/rt/hypercall.h>
#include <ksh/rt/ring.h>

/* Writes one record and rings `event` (the writer's rank for it). Returns
 * ksh_ring_write's result, or the signal's error. */
static inline int64_t ksh_ring_send(struct ksh_ring_writer *w, const void *buf,
				    uint32_t len, uint32_t event)
{
	int rc = ksh_ring_write(w, buf, len);

	if (rc != 0)
		return rc;
	return ksh_hc_event_signal(event);
}

/*
 * Reads the next record, blocking while the ring is empty: each empty
 * look is followed by one EVENT_WAIT(event_mask, timeout_ns) (the
 * reader's bits for the doorbell). Returns the record length, a negative
 * enum ksh_ring_status other than KSH_RING_EMPTY, or the wait's error
 * (-KSH_EAGAIN when timeout_ns passed with no ring). *waits, if not NULL,
 * counts the waits made, so a caller can tell it did not spin.
 */
static inline int64_t ksh_ring_recv(struct ksh_ring_reader *r, void *buf,
				    uint64_t cap, uint64_t event_mask,
				    uint64_t timeout_ns, uint64_t *waits)
{
	for (;;) {
		int64_t n = ksh_ring_read(r, buf, cap), w;

		if (n != KSH_RING_EMPTY)
			return n;
		w = ksh_hc_event_wait_for(event_mask, timeout_ns);
		if (waits != NULL)
			(*waits)++;
		if (w < 0)
			return w;
	}
}

#endif /* KSH_RT_RING_BELL_H */
