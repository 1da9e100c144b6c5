/* SPDX-License-Identifier: MIT */
/*
 * Loading the signing key and certificate by path. An encrypted key's
 * passphrase comes from a file or from an environment variable whose name
 * is given, never from the command line (argv is visible to every user
 * through /proc). Key material and passphrases are never printed, and the
 * passphrase is wiped from memory after use.
 */
#ifndef KSH_IMAGE_KEYS_H
#define KSH_IMAGE_KEYS_H

#include <stddef.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

struct sign_opts {
	const char *key_path;
	const char *cert_path;
	const char *pass_file; /* file holding the passphrase, or NULL */
	const char *pass_env;  /* name of a variable holding it, or NULL */
};

struct sign_keys {
	EVP_PKEY *key;
	X509 *cert;
};

/* Loads key and certificate (PEM, or DER). Returns 0, or -1 with a
 * message in err that names the file but no secret. */
int sign_keys_load(const struct sign_opts *o, struct sign_keys *k, char *err,
		   size_t errsz);
void sign_keys_free(struct sign_keys *k);

#endif
