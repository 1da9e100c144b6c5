// SPDX-License-Identifier: MIT
/*
 * ev_sender: the waking side of tests/boot/ev_wait.ksh. Handles: 0 = req
 * (sender, to ev_waiter), 1 = ready (receiver, from ev_waiter). Events:
 * it signals bell (its rank 0).
 *
 * Waits (blocking receive) for each "ready <step>" of ev_waiter, then
 * pauses SLEEP_MS so the waiter is surely blocked, and answers: step 1
 * with the message "hello" on req, step 2 with bell, step 3 with nothing
 * (the waiter must time out), step 4 ends the run. It pauses by
 * yielding, and times each yield: the waiter is blocked meanwhile, and
 * its 2 ms frame must idle, not come back to the sender early (the
 * static plan is kept: no domain gets another's time).
 *
 * Serial lines:
 *   EVS yields=<n> of_2ms_or_more=<n> gap_min_us=<shortest yield>
 *   PASS/FAIL <check> ...
 *   EVS DONE failures=<n>
 */
#include <ksh/rt/rt.h>

#define H_REQ	 0
#define H_READY	 1
#define SLEEP_MS 20
#define MS	 1000000ll

static int expect_ready(char step)
{
	char m = 0;
	uint32_t method;
	int64_t n = ksh_hc_chan_recv_wait(H_READY, &m, 1, &method);

	return KSH_EXPECT_TRUE("ready", n == 1 && m == step);
}

static int64_t gap_min = -1;
static unsigned yields, long_yields;

static void pause_ms(int64_t ms)
{
	int64_t end = ksh_hc_time() + ms * MS;

	for (int64_t t = ksh_hc_time(); t < end;) {
		int64_t t1;

		ksh_hc_yield();
		t1 = ksh_hc_time();
		if (gap_min < 0 || t1 - t < gap_min)
			gap_min = t1 - t;
		yields++;
		long_yields += t1 - t >= 2 * MS;
		t = t1;
	}
}

int main(const struct ksh_native_info *info)
{
	(void)info;
	if (expect_ready('1')) {
		pause_ms(SLEEP_MS);
		KSH_EXPECT_EQ("send", ksh_hc_chan_send(H_REQ, 0, "hello", 5),
			      0);
	}
	if (expect_ready('2')) {
		pause_ms(SLEEP_MS);
		KSH_EXPECT_EQ("signal", ksh_hc_event_signal(0), 0);
	}
	expect_ready('3');
	expect_ready('4');
	ksh_printf("EVS yields=%u of_2ms_or_more=%u gap_min_us=%ld\n", yields,
		   long_yields, (long)(gap_min / 1000));
	/* The waiter's 2 ms frame idled while it was blocked, so a yield
	 * takes at least that; a frame the host ran late may end sooner
	 * (the plan restarts after an overrun), hence "most", not all. */
	KSH_EXPECT_TRUE("frames-kept", yields > 0 && long_yields * 2 > yields);
	ksh_printf("EVS DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
