// SPDX-License-Identifier: MIT
/*
 * chan_bob: the receiving end in tests/boot/chan_hostile.ksh, and its
 * audit reader. Handles: 0 = greet (from chan_alice), 1 = session and
 * 2 = flood (from chan_mallory). Polls greet and session, yielding
 * between polls, until it has alice's three greetings and mallory's
 * session close; then reads the audit ring and checks that each of
 * mallory's refusals is in it, and drains flood, which must hold exactly
 * the 4 messages the kernel accepted.
 *
 * Serial lines:
 *   BOB got greet: <text>
 *   BOB got session method=<m> len=<n>
 *   BOB audit records=<n> ebadh=<n> eperm=<n> einval=<n> efault=<n>
 *       e2big=<n> eagain=<n> lost=<n>          (one line)
 *   PASS <check> / FAIL <check>: ...  for greets, session-close,
 *       audit-ebadh .. audit-eagain, audit-subject, flood-kept,
 *       flood-empty
 *   BOB DONE failures=<n>
 * Exit status: failures.
 */
#include <ksh/rt/rt.h>

#define H_GREET	  0
#define H_SESSION 1
#define H_FLOOD	  2
#define POLLS	  3000
#define N_REC	  128

static struct ksh_audit_record rec[N_REC];
static char msg[300];

int main(const struct ksh_native_info *info)
{
	int greets = 0, closed = 0, flood = 0;
	int count[KSH_ELOCKED + 1] = {0};
	int other_subject = 0;
	uint32_t method;
	int64_t n;

	for (int i = 0; i < POLLS && (greets < 3 || !closed); i++) {
		n = ksh_hc_chan_recv(H_GREET, msg, sizeof(msg) - 1, &method);
		if (n >= 0) {
			msg[n] = '\0';
			ksh_printf("BOB got greet: %s\n", msg);
			greets++;
		}
		n = ksh_hc_chan_recv(H_SESSION, msg, sizeof(msg), &method);
		if (n >= 0) {
			ksh_printf("BOB got session method=%u len=%ld\n",
				   method, (long)n);
			closed = method == 2;
		}
		if (n == -KSH_EAGAIN)
			ksh_hc_yield();
	}
	KSH_EXPECT_EQ("greets", greets, 3);
	KSH_EXPECT_TRUE("session-close", closed);
	n = ksh_hc_audit_read(rec, sizeof(rec));
	for (int64_t i = 0; i < n; i++) {
		if (rec[i].result < 0 && -rec[i].result <= KSH_ELOCKED)
			count[-rec[i].result]++;
		if (rec[i].subject == info->domain_id)
			other_subject++;
	}
	ksh_printf("BOB audit records=%ld ebadh=%d eperm=%d einval=%d "
		   "efault=%d e2big=%d eagain=%d lost=%llu\n",
		   (long)n, count[KSH_EBADH], count[KSH_EPERM],
		   count[KSH_EINVAL], count[KSH_EFAULT], count[KSH_E2BIG],
		   count[KSH_EAGAIN], n > 0 ? rec[n - 1].lost : 0ull);
	/* mallory's attacks: 2 bad handles; recv on the send end, secret,
	 * data twice out of order, audit read; unknown method; two bad
	 * buffers; one too long; 1 + FLOOD_MORE full-queue sends */
	KSH_EXPECT_EQ("audit-ebadh", count[KSH_EBADH], 2);
	KSH_EXPECT_EQ("audit-eperm", count[KSH_EPERM], 5);
	KSH_EXPECT_EQ("audit-einval", count[KSH_EINVAL], 1);
	KSH_EXPECT_EQ("audit-efault", count[KSH_EFAULT], 2);
	KSH_EXPECT_EQ("audit-e2big", count[KSH_E2BIG], 1);
	KSH_EXPECT_EQ("audit-eagain", count[KSH_EAGAIN], 41);
	KSH_EXPECT_EQ("audit-subject", other_subject, 0);
	while (ksh_hc_chan_recv(H_FLOOD, msg, sizeof(msg), &method) == 4)
		flood++;
	KSH_EXPECT_EQ("flood-kept", flood, 4);
	KSH_EXPECT_EQ("flood-empty",
		      ksh_hc_chan_recv(H_FLOOD, msg, sizeof(msg), &method),
		      -KSH_EAGAIN);
	ksh_printf("BOB DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
