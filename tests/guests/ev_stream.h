/* SPDX-License-Identifier: MIT */
/* Shared by the ring streaming guests (ev_producer.c, ev_consumer.c;
 * system tests/boot/ev_stream.ksh). */
#ifndef EV_STREAM_H
#define EV_STREAM_H

#include <ksh/rt/ring_bell.h>
#include <ksh/rt/rt.h>

#define STREAM_WINDOW	  0x40000000ull /* "at" address in ev_stream.ksh */
#define STREAM_WINDOW_LEN 0x10000ull	/* the channel's size: 64 KiB */
#define STREAM_BYTES	  0x100000u	/* bytes streamed: 1 MiB */
#define STREAM_REC_MAX	  3000u
/* The reader reports its position back at least this often. */
#define STREAM_CREDIT 8192u

/* Byte `off` of the stream: no period a lost or repeated record could
 * hide in (a multiplicative hash of the offset). */
static inline uint8_t stream_byte(uint64_t off)
{
	return (uint8_t)((off * 2654435761u) >> 13);
}

/* Length of record k: 1 .. STREAM_REC_MAX, varying, so records wrap the
 * window end at every offset. */
static inline uint32_t stream_rec_len(uint32_t k)
{
	return 1 + (k * 389u) % STREAM_REC_MAX;
}

#endif /* EV_STREAM_H */
