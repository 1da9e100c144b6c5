// SPDX-License-Identifier: MIT
/* Unit tests for message send and receive (kernel/chan/chan_hcall.c over
 * chanq.c): bytes and method arrive as sent, in order; a full queue
 * refuses the sender and keeps what it accepted; every buffer is checked
 * against the caller's own mappings (wrap-around included) before
 * anything is copied; a refused call changes neither queue nor flow. */
#include <criterion/criterion.h>

#include "chan_fixture.h"

#define SEND(f, d, h, m, gpa, len)                                             \
	fx_call((f), (d), KSH_HC_CHAN_SEND, (h), (m), (gpa), (len))
#define RECV(f, d, h, gpa, len, mptr)                                          \
	fx_call((f), (d), KSH_HC_CHAN_RECV, (h), (gpa), (len), (mptr))

static void put(struct fx *f, uint32_t d, uint64_t gpa, const char *s)
{
	memcpy(fx_ram(f, d, gpa), s, strlen(s));
}

Test(chan_queue, message_arrives_with_its_method)
{
	struct fx *f = fx_new();
	uint32_t method;

	put(f, FX_CLIENT, 0x100, "1234");
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_UNLOCK, 0x100, 4), 0);
	cr_assert_eq(RECV(f, FX_KEYSTORE, 0, 0x200, 64, 0x300), 4);
	cr_assert_eq(memcmp(fx_ram(f, FX_KEYSTORE, 0x200), "1234", 4), 0);
	memcpy(&method, fx_ram(f, FX_KEYSTORE, 0x300), 4);
	cr_assert_eq(method, FX_UNLOCK);
	cr_assert_eq(f->sys.chans[0].state, FX_UNLOCKED);
	cr_assert_eq(RECV(f, FX_KEYSTORE, 0, 0x200, 64, 0), -KSH_EAGAIN);
}

Test(chan_queue, fifo_and_full_queue_refuses_sender)
{
	struct fx *f = fx_new();
	char want[16];

	/* reply holds 4 */
	for (int i = 0; i < 4; i++) {
		snprintf(want, sizeof(want), "m%d", i);
		put(f, FX_KEYSTORE, 0x100 + 16 * i, want);
		cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x100 + 16 * i, 2), 0);
	}
	put(f, FX_KEYSTORE, 0x200, "xx");
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x200, 2), -KSH_EAGAIN);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied keystore chan_send reply.data: "
			 "EAGAIN (rule at t.ksh:12)");
	/* what was accepted is all there, in order */
	for (int i = 0; i < 4; i++) {
		snprintf(want, sizeof(want), "m%d", i);
		cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 64, 0), 2);
		cr_assert_eq(memcmp(fx_ram(f, FX_CLIENT, 0x400), want, 2), 0);
		if (i == 0) /* room again */
			cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x200, 2), 0);
	}
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 64, 0), 2);
	cr_assert_eq(memcmp(fx_ram(f, FX_CLIENT, 0x400), "xx", 2), 0);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 64, 0), -KSH_EAGAIN);
}

Test(chan_queue, ring_wraps_many_times)
{
	struct fx *f = fx_new();

	for (uint32_t i = 0; i < 50; i++) {
		memcpy(fx_ram(f, FX_KEYSTORE, 0x100), &i, 4);
		cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x100, 4), 0);
		if (i % 3 == 2) {
			for (uint32_t j = i - 2; j <= i; j++) {
				uint32_t got;

				cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 4, 0),
					     4);
				memcpy(&got, fx_ram(f, FX_CLIENT, 0x400), 4);
				cr_assert_eq(got, j);
			}
		}
	}
}

Test(chan_queue, short_receive_buffer_keeps_message)
{
	struct fx *f = fx_new();

	put(f, FX_KEYSTORE, 0x100, "abcdef");
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x100, 6), 0);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 5, 0), -KSH_E2BIG);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 6, 0), 6);
}

Test(chan_queue, send_limits)
{
	struct fx *f = fx_new();

	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x100, 65), -KSH_E2BIG);
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x100, 64), 0);
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x100, 0), 0);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 64, 0), 64);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 64, 0), 0);
}

Test(chan_queue, buffers_checked_against_callers_memory)
{
	struct fx *f = fx_new();

	/* outside RAM, across its end, and wrapping past 2^64 */
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x20000, 4), -KSH_EFAULT);
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, FX_RAM - 2, 4), -KSH_EFAULT);
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, ~0ull - 1, 4), -KSH_EFAULT);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied keystore chan_send reply.data: "
			 "EFAULT (rule at t.ksh:12)");
	/* another domain's memory is not the caller's: the intruder's RAM
	 * sits at the same guest-physical address but is never read */
	cr_assert_eq(f->sys.chans[1].count, 0);
	/* sending needs only read: client's read-only page is fine */
	memcpy(fx_ram(f, FX_CLIENT, 0), "x", 1);
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_UNLOCK, FX_RAM, 8), 0);
	/* receiving writes: not into a read-only page, not across into it */
	cr_assert_eq(SEND(f, FX_KEYSTORE, 1, 0, 0x100, 4), 0);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, FX_RAM, 4, 0), -KSH_EFAULT);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, FX_RAM - 2, 4, 0), -KSH_EFAULT);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 4, FX_RAM), -KSH_EFAULT);
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, ~0ull, 0), -KSH_EFAULT);
	/* nothing was lost by the refusals */
	cr_assert_eq(RECV(f, FX_CLIENT, 1, 0x400, 4, 0), 4);
}

Test(chan_queue, refused_send_changes_no_flow_state)
{
	struct fx *f = fx_new();

	/* crypto holds 2: unlock and sign fill it, a third is refused */
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_UNLOCK, 0x100, 4), 0);
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_SIGN, 0x100, 4), 0);
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_SIGN, 0x100, 4), -KSH_EAGAIN);
	/* fresh: a full queue must not move locked -> unlocked */
	f = fx_new();
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_LOCK, 0x100, 4), -KSH_EPERM);
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_SIGN, 0x100, 4), -KSH_EPERM);
	f->sys.chans[0].count = 2; /* as if two messages were queued */
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_UNLOCK, 0x100, 4), -KSH_EAGAIN);
	cr_assert_eq(f->sys.chans[0].state, FX_LOCKED);
	cr_assert_eq(SEND(f, FX_CLIENT, 0, FX_UNLOCK, 0x20000, 4), -KSH_EFAULT);
	cr_assert_eq(f->sys.chans[0].state, FX_LOCKED);
}

Test(chan_queue, receive_needs_the_receiver_end)
{
	struct fx *f = fx_new();

	cr_assert_eq(RECV(f, FX_CLIENT, 0, 0x400, 64, 0), -KSH_EPERM);
	cr_assert_eq(RECV(f, FX_INTRUDER, 0, 0x400, 64, 0), -KSH_EBADH);
	cr_assert_eq(RECV(f, FX_CLIENT, 2, 0x400, 64, 0), -KSH_EINVAL);
}

Test(chan_queue, decode_hands_channel_calls_on)
{
	struct hc_call c = {.nr = KSH_HC_CHAN_SEND, .cpl = 0};
	struct hc_op op;

	cr_assert(chan_hcall_owns(KSH_HC_CHAN_SEND));
	cr_assert(chan_hcall_owns(KSH_HC_AUDIT_READ));
	cr_assert(!chan_hcall_owns(KSH_HC_CONSOLE_WRITE));
	cr_assert(!chan_hcall_owns((1ull << 32) | KSH_HC_CHAN_SEND));
	for (uint64_t nr = KSH_HC_CHAN_SEND; nr <= KSH_HC_AUDIT_READ; nr++) {
		if (nr == KSH_HC_MEM_PROTECT)
			continue;
		c.nr = nr;
		c.cpl = 0;
		cr_assert_eq(hc_decode(&fx_tables, FX_CLIENT, &c, &op), 0);
		cr_assert_eq(op.nr, nr);
		/* guest user mode still refused before anything else */
		c.cpl = 3;
		cr_assert_eq(hc_decode(&fx_tables, FX_CLIENT, &c, &op),
			     -KSH_EPERM);
	}
}
