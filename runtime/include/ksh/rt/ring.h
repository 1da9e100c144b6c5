/* SPDX-License-Identifier: MIT */
/*
 * Record ring over a memory channel window (runtime/ring/ring.c).
 *
 * A memory channel is one window: its writer maps it read/write, each
 * reader read-only (nested paging enforces it), so a reader cannot store
 * a consumer index anywhere the writer could see. The model is therefore
 * one writer that never waits for readers, and any number of readers
 * that each keep their own position privately and detect being lapped:
 *
 *   window:  [ header, KSH_RING_HDR bytes ][ data area, size bytes ]
 *   header:  magic, version, head, tail (written by the writer only)
 *   data:    records { u32 len; u32 seq; len bytes; pad to 8 } laid end
 *            to end around the data area (a record may wrap; a record
 *            header never does, as size and every record are 8-aligned)
 *
 * head and tail are byte positions that only grow (mod 2^64, which no
 * stream reaches): records in [tail, head) are intact and complete.
 * Writer, per record of n bytes: (1) advance tail past the oldest records
 * until head + n - tail <= size and store it; (2) store the record bytes;
 * (3) store head += n. Reader at private position p: (a) load head; (b)
 * if p < head, load tail, copy the record at p out of the window; (c)
 * load tail again: if p < tail now, the writer may have overwritten the
 * bytes while they were copied, so the copy is discarded and the reader
 * resyncs to tail (an overrun, reported once, with the records lost
 * counted from seq).
 *
 * Why that is enough on x86 (x86-TSO, Intel SDM vol. 3A 8.2.2 and 8.2.3):
 * stores are not reordered with other stores, and loads not with other
 * loads. So a reader that sees head >= p + n (a) also sees the record
 * bytes stored before head (2 before 3), and a reader whose copy (b) saw
 * any byte of a later record overwriting p also sees, in its later load
 * of tail (c), the tail store (1) that the writer made before it. An
 * aligned 8-byte load or store is atomic (SDM vol. 3A 8.1.1), so head and
 * tail are never seen half-written. The code also places compiler
 * barriers and C11 fences (no instruction on x86) at those points, so it
 * keeps the same argument on weaker CPUs when built for Linux user space.
 *
 * A writer may be hostile: nothing a reader reads from the window is
 * trusted. Positions and lengths are checked against the reader's own
 * idea of the window size (never the header's), every byte read is
 * inside the window, and a read does bounded work (no loop over records):
 * an inconsistent header or record gives KSH_RING_ECORRUPT and the reader
 * stays where it was.
 *
 * Freestanding: needs only memcpy (the native runtime's, or libc's), so
 * the same file builds into native domains and Linux user space.
 */
#ifndef KSH_RT_RING_H
#define KSH_RT_RING_H

#include <stddef.h>
#include <stdint.h>

#define KSH_RING_MAGIC	 0x676e6952u /* "Ring" */
#define KSH_RING_VERSION 1u
#define KSH_RING_HDR	 128u /* header bytes: two cache lines */
#define KSH_RING_REC_HDR 8u   /* record header bytes */

/* The window's header. Readers treat every field as untrusted. */
struct ksh_ring_hdr {
	uint32_t magic;
	uint32_t version;
	uint64_t size; /* data bytes, for tools; readers use their own */
	uint64_t head; /* end of the newest complete record */
	uint64_t tail; /* start of the oldest intact record */
};

/* Record header in the data area. */
struct ksh_ring_rec {
	uint32_t len; /* payload bytes */
	uint32_t seq; /* 0, 1, 2, ... per record written */
};

/* Results of ksh_ring_read (negative) beside a record's length; apart
 * from the -KSH_E* hypercall codes, so helpers can return either. */
enum ksh_ring_status {
	KSH_RING_EMPTY = -101,	  /* nothing new: wait for the doorbell */
	KSH_RING_OVERRUN = -102,  /* lapped: resynced, ->lost counts it */
	KSH_RING_TOOBIG = -103,	  /* next record is longer than the buffer */
	KSH_RING_ECORRUPT = -104, /* header or record inconsistent */
	KSH_RING_EINVAL = -105,	  /* bad argument (window too small, len) */
};

struct ksh_ring_writer {
	struct ksh_ring_hdr *hdr;
	uint8_t *data;
	uint64_t size; /* data bytes (multiple of 8) */
	uint64_t head, tail;
	uint32_t seq;
};

struct ksh_ring_reader {
	const struct ksh_ring_hdr *hdr;
	const uint8_t *data;
	uint64_t size;
	uint64_t pos;  /* next record to read */
	uint32_t seq;  /* its expected seq */
	int synced;    /* 0 after an overrun: take the next seq as it is */
	uint64_t lost; /* records lost to overruns, total */
	uint64_t overruns;
};

/* Data bytes a window of len bytes gives (0: too small to hold a ring). */
uint64_t ksh_ring_data_size(uint64_t len);
/* Longest payload one record of a window of len bytes may carry. */
uint64_t ksh_ring_max_payload(uint64_t len);
/* Bytes a record with len payload bytes takes in the data area. */
uint64_t ksh_ring_rec_bytes(uint64_t len);

/* Sets up an empty ring in the window (writer side, once). Returns 0 or
 * KSH_RING_EINVAL when len cannot hold a header and one record. */
int ksh_ring_writer_init(struct ksh_ring_writer *w, void *win, uint64_t len);
/* Appends one record and publishes it; the oldest records are dropped
 * if needed (readers that still wanted them see an overrun). Returns 0
 * or KSH_RING_EINVAL (len over ksh_ring_max_payload). */
int ksh_ring_write(struct ksh_ring_writer *w, const void *buf, uint32_t len);
/* Bytes of records the writer may add without lapping a reader that has
 * consumed up to position `pos` (a position a reader reported back, e.g.
 * over a message channel: the ring itself has no back channel). */
uint64_t ksh_ring_room(const struct ksh_ring_writer *w, uint64_t pos);

/* Reader of the window (mapped read-only is enough), from the start. */
int ksh_ring_reader_init(struct ksh_ring_reader *r, const void *win,
			 uint64_t len);
/* Copies the next record into buf (cap bytes). Returns its length, or
 * a negative enum ksh_ring_status. Bounded work, no waiting. */
int64_t ksh_ring_read(struct ksh_ring_reader *r, void *buf, uint64_t cap);

#endif /* KSH_RT_RING_H */
