// SPDX-License-Identifier: MIT
/*
 * ks_intruder: the third domain of examples/keystore.ksh. It holds one
 * channel to the key store (handle 0, guest_crypto) that no policy rule
 * grants, and no other.
 *
 * Serial lines: PASS/FAIL for
 *   no-grant     sign on guest_crypto         -> -KSH_EPERM (default deny)
 *   no-handle    sign on handle 1 (not held)  -> -KSH_EBADH
 * then INTRUDER DONE failures=<n>; exit status: failures.
 */
#include <ksh/rt/rt.h>

int main(const struct ksh_native_info *info)
{
	static const char data[] = "let me sign";

	(void)info;
	KSH_EXPECT_EQ("no-grant", ksh_hc_chan_send(0, 0, data, sizeof(data)),
		      -KSH_EPERM);
	KSH_EXPECT_EQ("no-handle", ksh_hc_chan_send(1, 1, data, sizeof(data)),
		      -KSH_EBADH);
	ksh_printf("INTRUDER DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
