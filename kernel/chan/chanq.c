// SPDX-License-Identifier: MIT
/*
 * Bounded message queues. Each message channel owns a KSH_MEMOBJ_QUEUE
 * object (kernel-private, mapped into no domain) of queue_depth slots;
 * a slot is a struct chanq_hdr followed by up to channel.size bytes,
 * rounded to 64 bytes (the rule kshc's layout sizes the object by). The
 * queue is a ring over the slots: FIFO, and a full queue refuses the
 * sender instead of overwriting, so an accepted message is never lost.
 */
#include <ksh/chan.h>

uint64_t chanq_stride(const struct ksh_channel *c)
{
	return (c->size + sizeof(struct chanq_hdr) + 63) & ~63ull;
}

static struct chanq_hdr *slot(const struct chan_sys *s, uint32_t ch, uint32_t i)
{
	const struct ksh_channel *c = &s->t->channels[ch];
	uint8_t *base = (uint8_t *)(uintptr_t)s->memobj_hpa[c->memobj];

	return (struct chanq_hdr *)(base + (uint64_t)i * chanq_stride(c));
}

bool chanq_full(const struct chan_sys *s, uint32_t ch)
{
	return s->chans[ch].count >= s->t->channels[ch].queue_depth;
}

bool chanq_empty(const struct chan_sys *s, uint32_t ch)
{
	return s->chans[ch].count == 0;
}

struct chanq_hdr *chanq_tail(const struct chan_sys *s, uint32_t ch)
{
	const struct chan_rt *q = &s->chans[ch];
	uint32_t depth = s->t->channels[ch].queue_depth;

	return slot(s, ch, (q->head + q->count) % depth);
}

void chanq_push(struct chan_sys *s, uint32_t ch)
{
	s->chans[ch].count++;
}

struct chanq_hdr *chanq_head(const struct chan_sys *s, uint32_t ch)
{
	return slot(s, ch, s->chans[ch].head);
}

void chanq_pop(struct chan_sys *s, uint32_t ch)
{
	struct chan_rt *q = &s->chans[ch];

	q->head = (q->head + 1) % s->t->channels[ch].queue_depth;
	q->count--;
}
