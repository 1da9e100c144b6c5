// SPDX-License-Identifier: MIT
/*
 * libkshchan: the record ring of ksh/rt/ring.h (runtime/ring/ring.c, the
 * same code native domains link) over a memory channel's window, with
 * the channel device's doorbell: the writer rings it after each record
 * it publishes, a waiting reader sleeps on STATUS EVENT. EVENT is
 * latched, so a record published between an empty read and the wait
 * still ends the wait at once.
 */
#include "kshchan.h"

#include <ksh/tables.h>

int kshchan_ring_writer(struct kshchan *ch, struct ksh_ring_writer *w)
{
	if (ch->kind != KSH_CHANDEV_KIND_MEMORY || ch->role != KSH_ROLE_WRITER)
		return -KSHCHAN_EKIND;
	if (ksh_ring_writer_init(w, ch->window, ch->window_size) != 0)
		return -KSHCHAN_ETOOBIG;
	return 0;
}

int kshchan_ring_put(struct kshchan *ch, struct ksh_ring_writer *w,
		     const void *data, uint32_t len)
{
	if (ksh_ring_write(w, data, len) != 0)
		return -KSHCHAN_ETOOBIG;
	return kshchan_signal(ch);
}

int kshchan_ring_reader(struct kshchan *ch, struct ksh_ring_reader *r)
{
	if (ch->kind != KSH_CHANDEV_KIND_MEMORY)
		return -KSHCHAN_EKIND;
	if (ksh_ring_reader_init(r, ch->window, ch->window_size) != 0)
		return -KSHCHAN_ETOOBIG;
	return 0;
}

int64_t kshchan_ring_get(struct kshchan *ch, struct ksh_ring_reader *r,
			 void *out, size_t cap, int timeout_ms)
{
	uint64_t deadline =
	    timeout_ms > 0 ? ch->ops->now_ms(ch->ctx) + (uint64_t)timeout_ms
			   : 0;
	int64_t n;
	int left;

	for (;;) {
		n = ksh_ring_read(r, out, cap);
		if (n != KSH_RING_EMPTY || timeout_ms == 0)
			return n;
		if (timeout_ms < 0) {
			left = -1;
		} else {
			uint64_t now = ch->ops->now_ms(ch->ctx);

			if (now >= deadline)
				return -KSHCHAN_ETIMEDOUT;
			left = (int)(deadline - now);
		}
		n = kshchan_wait_event(ch, left);
		if (n < 0)
			return n;
	}
}
