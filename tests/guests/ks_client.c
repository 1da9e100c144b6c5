// SPDX-License-Identifier: MIT
/*
 * ks_client: the client of examples/keystore.ksh. Handles: 0 = crypto
 * (sender: unlock(pin), sign(data), lock()), 1 = reply (receiver:
 * status(text), signature(der)). It walks the key store through its
 * states and checks each answer, the kernel's (flow machine) and the key
 * store's (PIN):
 *
 *   sign while locked               -> -KSH_EPERM from the kernel
 *   unlock 0000                     -> "wrong pin, 2 tries left"
 *   sign                            -> "refused: locked" (key store)
 *   unlock 1234, sign KS_MESSAGE    -> "unlocked", a signature
 *   lock, sign                      -> "locked", -KSH_EPERM (kernel)
 *   unlock 1111, 2222, 3333         -> 2 left, 1 left, "blocked"
 *   unlock 1234, sign               -> "blocked", "refused: blocked"
 *
 * Serial lines: PASS/FAIL <check> for each step,
 *   CLIENT msg <KS_MESSAGE>
 *   CLIENT sig <DER signature in hex>
 *   CLIENT DONE failures=<n>
 * Exit status: failures.
 */
#include <ksh/rt/rt.h>

#define M_UNLOCK   0
#define M_SIGN	   1
#define M_LOCK	   2
#define M_STATUS   0
#define M_SIG	   1
#define POLLS	   5000
#define KS_MESSAGE "ksh keystore test message"

/* Handles found by channel name at start (ksh/rt/handle.h), so the
 * order of the channel declarations in the .ksh does not matter. */
static uint32_t h_crypto, h_reply;

static char answer[256];
static uint32_t answer_method;

static int64_t call(uint32_t method, const char *data)
{
	return ksh_hc_chan_send(h_crypto, method, data, ksh_strlen(data));
}

/* Waits for the key store's answer; its length, or a negative code. */
static int64_t await(void)
{
	int64_t n = -KSH_EAGAIN;

	for (int i = 0; i < POLLS && n == -KSH_EAGAIN; i++) {
		n = ksh_hc_chan_recv(h_reply, answer, sizeof(answer) - 1,
				     &answer_method);
		if (n == -KSH_EAGAIN)
			ksh_hc_yield();
	}
	answer[n >= 0 ? n : 0] = '\0';
	return n;
}

/* One call that the kernel accepts and the key store answers with text. */
static void expect_status(const char *name, uint32_t method, const char *data,
			  const char *want)
{
	KSH_EXPECT_EQ(name, call(method, data), 0);
	await();
	KSH_EXPECT_EQ(name, answer_method, M_STATUS);
	KSH_EXPECT_STREQ(name, answer, want);
}

int main(const struct ksh_native_info *info)
{
	int64_t n;

	h_crypto =
	    (uint32_t)ksh_handle_or_exit(info, "crypto", KSH_ROLE_SENDER);
	h_reply =
	    (uint32_t)ksh_handle_or_exit(info, "reply", KSH_ROLE_RECEIVER);

	KSH_EXPECT_EQ("sign-locked-kernel", call(M_SIGN, "x"), -KSH_EPERM);
	expect_status("unlock-wrong", M_UNLOCK, "0000",
		      "wrong pin, 2 tries left");
	expect_status("sign-after-wrong-pin", M_SIGN, "x", "refused: locked");
	expect_status("unlock-right", M_UNLOCK, "1234", "unlocked");
	KSH_EXPECT_EQ("sign", call(M_SIGN, KS_MESSAGE), 0);
	n = await();
	if (KSH_EXPECT_EQ("signature", answer_method, M_SIG) && n > 0) {
		char hex[2 * sizeof(answer) + 1];

		for (int64_t i = 0; i < n; i++)
			ksh_snprintf(hex + 2 * i, 3, "%02x",
				     (unsigned char)answer[i]);
		hex[2 * n] = '\0';
		ksh_printf("CLIENT msg %s\n", KS_MESSAGE);
		ksh_printf("CLIENT sig %s\n", hex);
	}
	expect_status("lock", M_LOCK, "", "locked");
	KSH_EXPECT_EQ("sign-relocked-kernel", call(M_SIGN, "x"), -KSH_EPERM);
	expect_status("wrong-1", M_UNLOCK, "1111", "wrong pin, 2 tries left");
	expect_status("wrong-2", M_UNLOCK, "2222", "wrong pin, 1 tries left");
	expect_status("wrong-3", M_UNLOCK, "3333", "blocked");
	expect_status("right-pin-blocked", M_UNLOCK, "1234", "blocked");
	expect_status("sign-blocked", M_SIGN, "x", "refused: blocked");
	ksh_printf("CLIENT DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
