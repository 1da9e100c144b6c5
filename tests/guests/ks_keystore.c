// SPDX-License-Identifier: MIT
/*
 * ks_keystore: the key-store domain of examples/keystore.ksh. It holds an
 * ECDSA P-256 private key (linked in from the build's test key, see
 * tests/channels.mk) that never leaves its memory, and signs with
 * Debian's BearSSL (ECDSA over SHA-256, deterministic nonces, RFC 6979).
 *
 * Channels, found by name at start (ksh/rt/handle.h): crypto (receiver;
 * methods unlock(pin), sign(data), lock()), reply (sender; methods
 * status(text), signature(der)); it also holds guest_crypto (receiver,
 * granted to nobody) and never reads it.
 *
 * The kernel's flow machine orders the calls (no sign before an unlock,
 * none after a lock); this domain decides whether the PIN was right:
 * sign is refused unless the last unlock carried the right PIN, and three
 * wrong PINs in a row block it for good (until reset).
 *
 * Serial lines:
 *   KEYSTORE pub <130 hex digits: 04 || X || Y>
 *   KEYSTORE unlock ok | KEYSTORE unlock wrong, <n> tries left |
 *   KEYSTORE blocked | KEYSTORE signed <n> bytes | KEYSTORE refused sign
 * It serves until the machine stops.
 */
#include <bearssl.h>
#include <ksh/rt/rt.h>

#include "bearssl_glue.h"

#define M_UNLOCK  0
#define M_SIGN	  1
#define M_LOCK	  2
#define M_STATUS  0
#define M_SIG	  1
#define MAX_TRIES 3

/* In .rodata (tests/channels.mk); not const here because
 * br_ec_private_key.x is not, though BearSSL only reads it. */
/* Handles found by channel name at start (ksh/rt/handle.h), so the
 * order of the channel declarations in the .ksh does not matter. */
static uint32_t h_crypto, h_reply;

extern unsigned char ks_private_key[32];

static const char pin[] = "1234"; /* the test PIN */
static unsigned char msg[4096];
static unsigned char sig[80]; /* DER ECDSA P-256: at most 72 bytes */
static int tries_left = MAX_TRIES, unlocked, blocked;

static void reply(uint32_t method, const void *buf, size_t len)
{
	int64_t rc;

	/* the client reads each reply before its next call, so the queue
	 * has room; retry anyway rather than drop an answer */
	while ((rc = ksh_hc_chan_send(h_reply, method, buf, len)) ==
	       -KSH_EAGAIN)
		ksh_hc_yield();
}

static void status(const char *text)
{
	reply(M_STATUS, text, ksh_strlen(text));
}

/* Compares without an early exit, so timing does not tell how many
 * leading characters were right. */
static int pin_ok(const unsigned char *p, size_t n)
{
	unsigned diff = n != sizeof(pin) - 1;

	for (size_t i = 0; i < sizeof(pin) - 1; i++)
		diff |= (unsigned)(i < n ? p[i] : 0) ^ (unsigned char)pin[i];
	return diff == 0;
}

static void do_unlock(size_t n)
{
	char text[48];

	if (blocked) {
		status("blocked");
		return;
	}
	if (pin_ok(msg, n)) {
		unlocked = 1;
		tries_left = MAX_TRIES;
		ksh_puts("KEYSTORE unlock ok");
		status("unlocked");
		return;
	}
	unlocked = 0;
	if (--tries_left == 0) {
		blocked = 1;
		ksh_puts("KEYSTORE blocked");
		status("blocked");
		return;
	}
	ksh_snprintf(text, sizeof(text), "wrong pin, %d tries left",
		     tries_left);
	ksh_printf("KEYSTORE unlock wrong, %d tries left\n", tries_left);
	status(text);
}

static void do_sign(size_t n)
{
	const br_ec_private_key sk = {BR_EC_secp256r1, ks_private_key, 32};
	br_sha256_context h;
	unsigned char hash[32];
	size_t len;

	if (blocked || !unlocked) {
		ksh_puts("KEYSTORE refused sign");
		status(blocked ? "refused: blocked" : "refused: locked");
		return;
	}
	br_sha256_init(&h);
	br_sha256_update(&h, msg, n);
	br_sha256_out(&h, hash);
	len = br_ecdsa_i31_sign_asn1(&br_ec_p256_m31, &br_sha256_vtable, hash,
				     &sk, sig);
	bearssl_glue_scrub();
	if (len == 0) {
		status("error: signing failed");
		return;
	}
	ksh_printf("KEYSTORE signed %zu bytes\n", n);
	reply(M_SIG, sig, len);
}

static void print_pub(void)
{
	const br_ec_private_key sk = {BR_EC_secp256r1, ks_private_key, 32};
	unsigned char kbuf[BR_EC_KBUF_PUB_MAX_SIZE];
	char hex[2 * BR_EC_KBUF_PUB_MAX_SIZE + 1];
	br_ec_public_key pk;
	size_t n = br_ec_compute_pub(&br_ec_p256_m31, &pk, kbuf, &sk);

	bearssl_glue_scrub();
	for (size_t i = 0; i < n; i++)
		ksh_snprintf(hex + 2 * i, 3, "%02x", kbuf[i]);
	hex[2 * n] = '\0';
	ksh_printf("KEYSTORE pub %s\n", hex);
}

int main(const struct ksh_native_info *info)
{
	h_crypto =
	    (uint32_t)ksh_handle_or_exit(info, "crypto", KSH_ROLE_RECEIVER);
	h_reply = (uint32_t)ksh_handle_or_exit(info, "reply", KSH_ROLE_SENDER);
	bearssl_glue_init();
	print_pub();
	for (;;) {
		uint32_t method = 0;
		int64_t n =
		    ksh_hc_chan_recv(h_crypto, msg, sizeof(msg), &method);

		if (n == -KSH_EAGAIN) {
			ksh_hc_yield();
			continue;
		}
		if (n < 0) {
			ksh_printf("KEYSTORE receive failed: %ld\n", (long)n);
			return 1;
		}
		if (method == M_UNLOCK)
			do_unlock((size_t)n);
		else if (method == M_SIGN)
			do_sign((size_t)n);
		else if (method == M_LOCK) {
			unlocked = 0;
			status("locked");
		}
	}
}
