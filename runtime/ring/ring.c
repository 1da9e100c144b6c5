// SPDX-License-Identifier: MIT
/*
 * Record ring over a memory channel window: one writer, readers that
 * cannot write. The layout, the protocol and the memory-ordering argument
 * (x86-TSO, Intel SDM vol. 3A 8.2) are in ksh/rt/ring.h; the comments here
 * point at the steps (1)-(3) and (a)-(c) named there.
 */
#include <ksh/rt/ring.h>

#if __STDC_HOSTED__
#include <string.h>
#else
/* The native runtime's (ksh/rt/string.h), or any freestanding memcpy. */
void *memcpy(void *dst, const void *src, size_t n);
#endif

/* No code on x86 (TSO keeps stores in order and loads in order, SDM vol.
 * 3A 8.2.2); they stop the compiler moving accesses across, and order a
 * weaker CPU the same way. */
#define STORE_ORDER() __atomic_thread_fence(__ATOMIC_RELEASE)
#define LOAD_ORDER()  __atomic_thread_fence(__ATOMIC_ACQUIRE)

static uint64_t load64(const uint64_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static void store64(uint64_t *p, uint64_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELEASE);
}

uint64_t ksh_ring_data_size(uint64_t len)
{
	if (len < KSH_RING_HDR + 2 * KSH_RING_REC_HDR)
		return 0;
	return (len - KSH_RING_HDR) & ~(uint64_t)7;
}

uint64_t ksh_ring_max_payload(uint64_t len)
{
	uint64_t size = ksh_ring_data_size(len), max;

	if (size == 0)
		return 0;
	max = size - KSH_RING_REC_HDR;
	/* record lengths are 32-bit; keep the padded length in range too */
	return max < 0xFFFFFFF8u ? max : 0xFFFFFFF8u;
}

uint64_t ksh_ring_rec_bytes(uint64_t len)
{
	return KSH_RING_REC_HDR + ((len + 7) & ~(uint64_t)7);
}

int ksh_ring_writer_init(struct ksh_ring_writer *w, void *win, uint64_t len)
{
	uint64_t size = ksh_ring_data_size(len);

	if (win == NULL || size == 0)
		return KSH_RING_EINVAL;
	w->hdr = win;
	w->data = (uint8_t *)win + KSH_RING_HDR;
	w->size = size;
	w->head = 0;
	w->tail = 0;
	w->seq = 0;
	store64(&w->hdr->head, 0);
	store64(&w->hdr->tail, 0);
	w->hdr->size = size;
	w->hdr->version = KSH_RING_VERSION;
	STORE_ORDER();
	__atomic_store_n(&w->hdr->magic, KSH_RING_MAGIC, __ATOMIC_RELEASE);
	return 0;
}

/* Copies n bytes to data-area position pos, wrapping at the end. */
static void put(struct ksh_ring_writer *w, uint64_t pos, const void *src,
		uint64_t n)
{
	uint64_t off = pos % w->size, first = w->size - off;

	if (n == 0)
		return; /* src may be NULL then */
	if (n <= first) {
		memcpy(w->data + off, src, n);
	} else {
		memcpy(w->data + off, src, first);
		memcpy(w->data, (const uint8_t *)src + first, n - first);
	}
}

int ksh_ring_write(struct ksh_ring_writer *w, const void *buf, uint32_t len)
{
	uint64_t n = ksh_ring_rec_bytes(len);
	struct ksh_ring_rec rec = {len, w->seq};
	uint64_t tail = w->tail;

	if (len > ksh_ring_max_payload(w->size + KSH_RING_HDR))
		return KSH_RING_EINVAL;
	/* (1) Drop the oldest records until this one fits (n <= size, so
	 * size - n does not wrap). The lengths are read back from the
	 * writer's own window, which only its domain can write; should
	 * that domain have scribbled over its records, a length that
	 * runs past head drops them all rather than loop or wrap. */
	while (w->head - tail > w->size - n) {
		const struct ksh_ring_rec *old =
		    (const void *)(w->data + tail % w->size);
		uint64_t step = ksh_ring_rec_bytes(old->len);

		if (step > w->head - tail) {
			tail = w->head;
			break;
		}
		tail += step;
	}
	if (tail != w->tail) {
		w->tail = tail;
		store64(&w->hdr->tail, tail);
		STORE_ORDER(); /* tail before the bytes it frees: (c) */
	}
	/* (2) The record; its padding is left as it was. */
	put(w, w->head, &rec, sizeof(rec));
	put(w, w->head + sizeof(rec), buf, len);
	/* (3) Publish: head after the bytes (store64 is a release). */
	w->head += n;
	w->seq++;
	store64(&w->hdr->head, w->head);
	return 0;
}

uint64_t ksh_ring_room(const struct ksh_ring_writer *w, uint64_t pos)
{
	/* A position from a reader is only a hint: one outside what was
	 * written counts as no progress at all. */
	if (pos > w->head || w->head - pos > w->size)
		pos = w->head > w->size ? w->head - w->size : 0;
	return w->size - (w->head - pos);
}

int ksh_ring_reader_init(struct ksh_ring_reader *r, const void *win,
			 uint64_t len)
{
	uint64_t size = ksh_ring_data_size(len);

	if (win == NULL || size == 0)
		return KSH_RING_EINVAL;
	r->hdr = win;
	r->data = (const uint8_t *)win + KSH_RING_HDR;
	r->size = size;
	r->pos = 0;
	r->seq = 0;
	r->synced = 1;
	r->lost = 0;
	r->overruns = 0;
	return 0;
}

/* Copies n bytes from data-area position pos, wrapping at the end. */
static void get(const struct ksh_ring_reader *r, uint64_t pos, void *dst,
		uint64_t n)
{
	uint64_t off = pos % r->size, first = r->size - off;

	if (n == 0)
		return; /* dst may be NULL then */
	if (n <= first) {
		memcpy(dst, r->data + off, n);
	} else {
		memcpy(dst, r->data + off, first);
		memcpy((uint8_t *)dst + first, r->data, n - first);
	}
}

/* True when the writer has dropped the record at r->pos: (c). */
static int lapped(const struct ksh_ring_reader *r)
{
	LOAD_ORDER();
	return r->pos < load64(&r->hdr->tail);
}

/* After a lap: move to the oldest intact record, if the header says
 * something that can be true. tail is loaded on both sides of head: when
 * both loads agree, tail did not move meanwhile, so the head seen was
 * stored while it held and head - tail <= size must hold (the writer
 * keeps it at every instant: tail is stored before the head it makes
 * room for). When they differ, the writer is running ahead and only the
 * newer tail is checked; the next read checks it against head again. */
static int64_t resync(struct ksh_ring_reader *r)
{
	uint64_t t1 = load64(&r->hdr->tail), head = load64(&r->hdr->head);
	uint64_t tail = load64(&r->hdr->tail);

	if ((tail & 7) != 0 || tail <= r->pos)
		return KSH_RING_ECORRUPT;
	if (t1 == tail && (tail > head || head - tail > r->size))
		return KSH_RING_ECORRUPT;
	r->pos = tail;
	r->synced = 0;
	r->overruns++;
	return KSH_RING_OVERRUN;
}

int64_t ksh_ring_read(struct ksh_ring_reader *r, void *buf, uint64_t cap)
{
	struct ksh_ring_rec rec;
	uint64_t head, n;

	if (__atomic_load_n(&r->hdr->magic, __ATOMIC_ACQUIRE) != KSH_RING_MAGIC)
		return r->hdr->magic == 0 ? KSH_RING_EMPTY : KSH_RING_ECORRUPT;
	head = load64(&r->hdr->head); /* (a) */
	if (head == r->pos)
		return KSH_RING_EMPTY;
	if (head < r->pos || head - r->pos > r->size || lapped(r))
		return resync(r);
	/* (b) The record header, then its bytes, each checked against what
	 * was published before it is used. */
	get(r, r->pos, &rec, sizeof(rec));
	n = ksh_ring_rec_bytes(rec.len);
	if (rec.len > r->size - KSH_RING_REC_HDR || n > head - r->pos)
		return lapped(r) ? resync(r) : KSH_RING_ECORRUPT;
	if (rec.len > cap)
		return lapped(r) ? resync(r) : KSH_RING_TOOBIG;
	get(r, r->pos + sizeof(rec), buf, rec.len);
	if (lapped(r)) /* (c): the copy may be torn */
		return resync(r);
	if (r->synced && rec.seq != r->seq)
		return KSH_RING_ECORRUPT;
	if (!r->synced)
		r->lost += (uint32_t)(rec.seq - r->seq);
	r->synced = 1;
	r->seq = rec.seq + 1;
	r->pos += n;
	return (int64_t)rec.len;
}
