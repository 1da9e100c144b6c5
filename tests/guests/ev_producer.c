// SPDX-License-Identifier: MIT
/*
 * ev_producer: the writer of tests/boot/ev_stream.ksh. Handles: 0 = pipe
 * (writer of a 64 KiB memory channel at STREAM_WINDOW), 1 = credit
 * (receiver: the consumer's read position). Events: it signals bell
 * (rank 0), pipe's doorbell.
 *
 * Streams STREAM_BYTES of stream_byte() through the ring library in
 * records of stream_rec_len() bytes, ringing the doorbell after each
 * (ksh_ring_send). The ring never waits for readers, so flow control is
 * the consumer's: it reports its position on credit, and the producer
 * writes a record only when ksh_ring_room says it laps no one, blocking
 * on credit (KSH_RECV_WAIT) otherwise.
 *
 * Serial lines:
 *   EVP records=<n> bytes=<n> credit_waits=<n>
 *   PASS/FAIL <check> ...
 *   EVP DONE failures=<n>
 */
#include "ev_stream.h"
#include "guest_paging.h"

#define H_PIPE	 0
#define H_CREDIT 1

static uint8_t buf[STREAM_REC_MAX];

/* Takes every queued credit (the newest position counts). */
static void drain(uint64_t *acked)
{
	uint64_t pos;
	uint32_t m;

	while (ksh_hc_chan_recv(H_CREDIT, &pos, sizeof(pos), &m) == sizeof(pos))
		if (pos > *acked)
			*acked = pos;
}

int main(const struct ksh_native_info *info)
{
	struct ksh_ring_writer w;
	uint64_t off = 0, acked = 0, waits = 0;
	uint32_t k = 0;

	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_range(STREAM_WINDOW, STREAM_WINDOW + STREAM_WINDOW_LEN,
			  GPT_WRITE) != 0) {
		ksh_puts("EVP FAIL page tables");
		return 1;
	}
	gpt_activate();
	if (!KSH_EXPECT_EQ("ring-init",
			   ksh_ring_writer_init(&w, (void *)STREAM_WINDOW,
						STREAM_WINDOW_LEN),
			   0))
		return 1;
	while (off < STREAM_BYTES) {
		uint32_t len = stream_rec_len(k);
		int64_t rc;

		if (len > STREAM_BYTES - off)
			len = (uint32_t)(STREAM_BYTES - off);
		drain(&acked);
		while (ksh_ring_room(&w, acked) < ksh_ring_rec_bytes(len)) {
			uint64_t pos;
			uint32_t m;

			waits++;
			rc = ksh_hc_chan_recv_wait(H_CREDIT, &pos, sizeof(pos),
						   &m);
			if (rc != sizeof(pos)) {
				KSH_EXPECT_EQ("credit", rc, sizeof(pos));
				goto out;
			}
			if (pos > acked)
				acked = pos;
		}
		for (uint32_t i = 0; i < len; i++)
			buf[i] = stream_byte(off + i);
		rc = ksh_ring_send(&w, buf, len, 0);
		if (rc != 0) {
			KSH_EXPECT_EQ("send", rc, 0);
			break;
		}
		off += len;
		k++;
	}
out:
	ksh_printf("EVP records=%u bytes=%llu credit_waits=%llu\n", k,
		   (unsigned long long)off, (unsigned long long)waits);
	KSH_EXPECT_EQ("all-written", off, STREAM_BYTES);
	ksh_printf("EVP DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
