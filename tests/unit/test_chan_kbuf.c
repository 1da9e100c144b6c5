// SPDX-License-Identifier: MIT
/* Unit tests for chan_kbuf_call (kernel/chan/chan_hcall.c): the channel
 * device's path into the channel code. The same policy, flow machine,
 * queue and audit as the hypercalls, with a kernel buffer standing in for
 * guest memory (bounds-checked), and the notifications the kernel turns
 * into virtual interrupts. */
#include <criterion/criterion.h>

#include "chan_fixture.h"

static struct {
	unsigned int n;
	enum chan_notify what[8];
	uint32_t index[8];
} seen;

static void note(void *ctx, enum chan_notify what, uint32_t index)
{
	(void)ctx;
	if (seen.n < 8) {
		seen.what[seen.n] = what;
		seen.index[seen.n] = index;
	}
	seen.n++;
}

static struct fx *setup(void)
{
	struct fx *f = fx_new();

	memset(&seen, 0, sizeof(seen));
	f->sys.notify = note;
	return f;
}

static int64_t kcall(struct fx *f, uint32_t dom, uint64_t nr, uint64_t a0,
		     uint64_t a1, uint64_t a2, uint64_t a3,
		     struct chan_kbuf *kb)
{
	struct hc_call c = {.nr = nr, .arg = {a0, a1, a2, a3}, .cpl = 3};

	return chan_kbuf_call(&f->sys, dom, &c, kb, 5000);
}

Test(chan_kbuf, send_from_kernel_buffer_reaches_hypercall_receiver)
{
	struct fx *f = setup();
	uint8_t buf[64] = "1234";
	struct chan_kbuf kb = {buf, sizeof(buf), 0};
	uint32_t method;

	cr_assert_eq(
	    kcall(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0, 4, &kb), 0);
	cr_assert_eq(seen.n, 1);
	cr_assert_eq(seen.what[0], CHAN_NOTIFY_MESSAGE);
	cr_assert_eq(seen.index[0], 0);
	cr_assert_eq(f->sys.chans[0].state, FX_UNLOCKED, "the flow moved");
	cr_assert_eq(
	    fx_call(f, FX_KEYSTORE, KSH_HC_CHAN_RECV, 0, 0x200, 64, 0x300), 4);
	cr_assert_eq(memcmp(fx_ram(f, FX_KEYSTORE, 0x200), "1234", 4), 0);
	memcpy(&method, fx_ram(f, FX_KEYSTORE, 0x300), 4);
	cr_assert_eq(method, FX_UNLOCK);
	cr_assert_eq(seen.what[1], CHAN_NOTIFY_ROOM);
}

Test(chan_kbuf, receive_into_kernel_buffer)
{
	struct fx *f = setup();
	uint8_t buf[64] = {0};
	struct chan_kbuf kb = {buf, sizeof(buf), 99};

	memcpy(fx_ram(f, FX_KEYSTORE, 0x100), "sig!", 4);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_CHAN_SEND, 1, 0, 0x100, 4),
		     0);
	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_CHAN_RECV, 1, 0, 64, 1, &kb),
		     4);
	cr_assert_eq(memcmp(buf, "sig!", 4), 0);
	cr_assert_eq(kb.method, 0);
	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_CHAN_RECV, 1, 0, 64, 1, &kb),
		     -KSH_EAGAIN);
}

Test(chan_kbuf, policy_and_flow_refusals_audited_as_hypercalls)
{
	struct fx *f = setup();
	uint8_t buf[64] = {0};
	struct chan_kbuf kb = {buf, sizeof(buf), 0};

	/* sign before unlock: the flow machine says no */
	cr_assert_eq(
	    kcall(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_SIGN, 0, 4, &kb),
	    -KSH_EPERM);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied client chan_send crypto.sign in "
			 "state locked: EPERM (rule at t.ksh:10)");
	/* a method the policy denies */
	cr_assert_eq(
	    kcall(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_LOCK, 0, 4, &kb),
	    -KSH_EPERM);
	/* the wrong end */
	cr_assert_eq(kcall(f, FX_KEYSTORE, KSH_HC_CHAN_SEND, 0, 0, 0, 4, &kb),
		     -KSH_EPERM);
	cr_assert_eq(seen.n, 0, "nothing was queued");
	cr_assert_eq(f->sys.chans[0].count, 0);
	cr_assert_eq(f->ring.next_seq, 3, "each refusal is in the ring");
}

Test(chan_kbuf, lengths_checked_against_the_kernel_buffer)
{
	struct fx *f = setup();
	uint8_t buf[16] = {0};
	struct chan_kbuf kb = {buf, sizeof(buf), 0};

	/* beyond the buffer (but within the channel's 64): EFAULT */
	cr_assert_eq(
	    kcall(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0, 17, &kb),
	    -KSH_EFAULT);
	/* offset + length wrapping */
	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_UNLOCK,
			   ~0ull - 1, 4, &kb),
		     -KSH_EFAULT);
	/* over the channel's size: E2BIG first */
	cr_assert_eq(
	    kcall(f, FX_CLIENT, KSH_HC_CHAN_SEND, 0, FX_UNLOCK, 0, 65, &kb),
	    -KSH_E2BIG);
	/* a receive buffer smaller than the message: E2BIG, kept */
	memcpy(fx_ram(f, FX_KEYSTORE, 0x100), "0123456789abcdefXYZ", 19);
	cr_assert_eq(fx_call(f, FX_KEYSTORE, KSH_HC_CHAN_SEND, 1, 0, 0x100, 19),
		     0);
	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_CHAN_RECV, 1, 0, 64, 1, &kb),
		     -KSH_EFAULT);
	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_CHAN_RECV, 1, 0, 16, 1, &kb),
		     -KSH_E2BIG);
	cr_assert_eq(f->sys.chans[1].count, 1);
	cr_assert_eq(f->sys.chans[0].state, FX_LOCKED);
}

Test(chan_kbuf, signal_notifies_and_other_calls_refused)
{
	struct fx *f = setup();
	uint8_t buf[16];
	struct chan_kbuf kb = {buf, sizeof(buf), 0};

	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_EVENT_SIGNAL, 0, 0, 0, 0, &kb),
		     0);
	cr_assert_eq(seen.n, 1);
	cr_assert_eq(seen.what[0], CHAN_NOTIFY_EVENT);
	cr_assert_eq(seen.index[0], 0);
	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_EVENT_SIGNAL, 5, 0, 0, 0, &kb),
		     -KSH_EBADH);
	cr_assert_eq(kcall(f, FX_KEYSTORE, KSH_HC_AUDIT_READ, 0, 16, 0, 0, &kb),
		     -KSH_ENOSYS);
	cr_assert_eq(kcall(f, FX_CLIENT, KSH_HC_EVENT_WAIT, 1, 0, 0, 0, &kb),
		     -KSH_ENOSYS);
}

Test(chan_kbuf, window_write_audit_names_the_channel)
{
	struct fx *f = setup();
	struct ksh_audit_record r = {
	    .subject = FX_KEYSTORE,
	    .object = 2,
	    .method = KSH_NONE,
	    .state = KSH_NONE,
	    .result = -KSH_EPERM,
	    .rule = KSH_NONE,
	    .call = CHAN_AUDIT_WINDOW_WRITE,
	    .handle = 2,
	};

	audit_log(&f->sys, &r);
	cr_assert_str_eq(fx_last_line(f),
			 "ksh: audit: denied keystore window_write win: EPERM "
			 "(the reading end maps it read-only)");
}
