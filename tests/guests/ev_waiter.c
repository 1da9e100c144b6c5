// SPDX-License-Identifier: MIT
/*
 * ev_waiter: the blocked side of tests/boot/ev_wait.ksh. Handles: 0 = req
 * (receiver, from ev_sender), 1 = ready (sender, to ev_sender). Events:
 * it waits on bell (its rank 0).
 *
 * Each step first tells ev_sender "ready <step>" and then blocks; the
 * sender waits SLEEP_MS before it answers, so a single call that returns
 * SLEEP_MS after the "ready" was blocked, not polling:
 *   1. CHAN_RECV with KSH_RECV_WAIT on req: woken by the message.
 *   2. EVENT_WAIT(bell, KSH_WAIT_FOREVER): woken by the signal.
 *   3. EVENT_WAIT(bell, TIMEOUT_MS) with nobody signalling: -KSH_EAGAIN
 *      no earlier than the timeout.
 *   4. Refused waits, at once and audited: EVENT_WAIT on rank 3 (not
 *      held), CHAN_RECV wait on handle 5 (not held) and on handle 1 (its
 *      sending end).
 * Every blocking step is one hypercall: the lines print calls=1.
 *   5. After EVW DONE, EVENT_WAIT(bell, KSH_WAIT_FOREVER) once the sender
 *      has exited: no one can wake it, so the kernel stops the machine
 *      ("no domain left to run") and this domain never exits.
 *
 * Serial lines:
 *   EVW recv len=<n> calls=<c> waited_ms=<ms>
 *   EVW event fired=<mask> calls=<c> waited_ms=<ms>
 *   EVW timeout rc=<rc> calls=<c> waited_ms=<ms>
 *   PASS/FAIL <check> ...
 *   EVW DONE failures=<n>
 */
#include <ksh/rt/rt.h>

#define H_REQ	   0
#define H_READY	   1
#define SLEEP_MS   20 /* ev_sender's pause before it answers */
#define TIMEOUT_MS 30
#define MS	   1000000ll

static unsigned calls;

/* Every hypercall of a blocking step goes through here, so calls says
 * how many the step took. */
static int64_t counted(int64_t rc)
{
	calls++;
	return rc;
}

static void ready(int step)
{
	char m = (char)('0' + step);

	KSH_EXPECT_EQ("ready-sent", ksh_hc_chan_send(H_READY, 0, &m, 1), 0);
}

int main(const struct ksh_native_info *info)
{
	char buf[64];
	uint32_t method = 99;
	int64_t t0, ms, rc;

	(void)info;
	/* 1: blocking receive */
	/* t0 before "ready": the sender's pause starts after it gets that,
	 * however late this domain's frames run under a loaded host */
	t0 = ksh_hc_time();
	ready(1);
	calls = 0;
	rc = counted(ksh_hc_chan_recv_wait(H_REQ, buf, sizeof(buf), &method));
	ms = (ksh_hc_time() - t0) / MS;
	ksh_printf("EVW recv len=%ld calls=%u waited_ms=%ld\n", (long)rc, calls,
		   (long)ms);
	KSH_EXPECT_EQ("recv-len", rc, 5);
	KSH_EXPECT_TRUE("recv-bytes", rc == 5 && !ksh_memcmp(buf, "hello", 5));
	KSH_EXPECT_EQ("recv-method", method, 0);
	KSH_EXPECT_EQ("recv-one-call", calls, 1);
	KSH_EXPECT_TRUE("recv-blocked", ms >= SLEEP_MS);

	/* 2: blocking event wait, woken by the signal */
	t0 = ksh_hc_time();
	ready(2);
	calls = 0;
	rc = counted(ksh_hc_event_wait_for(1, KSH_WAIT_FOREVER));
	ms = (ksh_hc_time() - t0) / MS;
	ksh_printf("EVW event fired=%ld calls=%u waited_ms=%ld\n", (long)rc,
		   calls, (long)ms);
	KSH_EXPECT_EQ("event-fired", rc, 1);
	KSH_EXPECT_EQ("event-one-call", calls, 1);
	KSH_EXPECT_TRUE("event-blocked", ms >= SLEEP_MS);

	/* 3: the timeout ends a wait nobody answers */
	ready(3);
	calls = 0;
	t0 = ksh_hc_time();
	rc = counted(ksh_hc_event_wait_for(1, TIMEOUT_MS * MS));
	ms = (ksh_hc_time() - t0) / MS;
	ksh_printf("EVW timeout rc=%ld calls=%u waited_ms=%ld\n", (long)rc,
		   calls, (long)ms);
	KSH_EXPECT_EQ("timeout-eagain", rc, -KSH_EAGAIN);
	KSH_EXPECT_EQ("timeout-one-call", calls, 1);
	KSH_EXPECT_TRUE("timeout-not-early", ms >= TIMEOUT_MS);
	/* still polls as before with timeout 0 */
	KSH_EXPECT_EQ("poll-eagain", ksh_hc_event_wait(1), -KSH_EAGAIN);

	/* 4: waits on what it does not hold: refused at once */
	KSH_EXPECT_EQ("wait-unheld-event",
		      ksh_hc_event_wait_for(1u << 3, KSH_WAIT_FOREVER),
		      -KSH_EBADH);
	KSH_EXPECT_EQ("wait-unheld-handle",
		      ksh_hc_chan_recv_wait(5, buf, sizeof(buf), &method),
		      -KSH_EBADH);
	KSH_EXPECT_EQ("wait-sender-end",
		      ksh_hc_chan_recv_wait(H_READY, buf, sizeof(buf), &method),
		      -KSH_EPERM);
	ready(4);
	ksh_printf("EVW DONE failures=%u\n", ksh_check_failures);
	/* 5: block for ever on an event no one is left to signal (the
	 * sender exits after "ready 4"): the kernel must see that nothing
	 * can wake this domain and stop the machine, not idle for ever. */
	rc = ksh_hc_event_wait_for(1, KSH_WAIT_FOREVER);
	ksh_printf("EVW FAIL woken from the last wait: %ld\n", (long)rc);
	return 1;
}
