// SPDX-License-Identifier: MIT
/* Signing key and certificate loading: see keys.h. */
#include "keys.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#define PASS_MAX 1024

struct pass_state {
	char pass[PASS_MAX + 1];
	size_t len;
	int have;   /* a passphrase was given */
	int called; /* OpenSSL asked for one: the key is encrypted */
};

static int fail(char *err, size_t errsz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	ERR_clear_error();
	return -1;
}

/* The first line of the file, without its line ending. */
static int pass_from_file(const char *path, struct pass_state *ps, char *err,
			  size_t errsz)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return fail(err, errsz, "%s: cannot open passphrase file: %s",
			    path, strerror(errno));
	n = fread(ps->pass, 1, PASS_MAX, f);
	if (ferror(f)) {
		fclose(f);
		return fail(err, errsz, "%s: cannot read passphrase file",
			    path);
	}
	fclose(f);
	ps->pass[n] = '\0';
	ps->len = strcspn(ps->pass, "\r\n");
	ps->pass[ps->len] = '\0';
	ps->have = 1;
	return 0;
}

static int pass_from_env(const char *name, struct pass_state *ps, char *err,
			 size_t errsz)
{
	const char *v = getenv(name);

	if (!v)
		return fail(err, errsz, "passphrase variable %s is not set",
			    name);
	ps->len = strlen(v);
	if (ps->len > PASS_MAX)
		return fail(err, errsz, "passphrase in %s is too long", name);
	memcpy(ps->pass, v, ps->len + 1);
	ps->have = 1;
	return 0;
}

static int pass_cb(char *buf, int size, int rwflag, void *u)
{
	struct pass_state *ps = u;

	(void)rwflag;
	ps->called = 1;
	if (!ps->have || ps->len > (size_t)size)
		return -1;
	memcpy(buf, ps->pass, ps->len);
	return (int)ps->len;
}

static BIO *open_bio(const char *path, const char *what, char *err,
		     size_t errsz)
{
	BIO *b = BIO_new_file(path, "rb");

	if (!b)
		fail(err, errsz, "%s: cannot open %s: %s", path, what,
		     strerror(errno));
	return b;
}

static int load_key(const char *path, struct pass_state *ps, EVP_PKEY **key,
		    char *err, size_t errsz)
{
	BIO *b = open_bio(path, "signing key", err, errsz);

	if (!b)
		return -1;
	*key = PEM_read_bio_PrivateKey(b, NULL, pass_cb, ps);
	if (!*key && !ps->called) {
		/* Not PEM: try unencrypted DER. */
		(void)BIO_reset(b);
		*key = d2i_PrivateKey_bio(b, NULL);
	}
	BIO_free(b);
	if (*key)
		return 0;
	if (ps->called && !ps->have)
		return fail(err, errsz,
			    "%s: the key is encrypted: give its passphrase "
			    "with --sign-pass-file FILE or --sign-pass-env VAR",
			    path);
	if (ps->called)
		return fail(err, errsz,
			    "%s: cannot decrypt the key (wrong passphrase?)",
			    path);
	return fail(err, errsz, "%s: not a PEM or DER private key", path);
}

static int load_cert(const char *path, X509 **cert, char *err, size_t errsz)
{
	BIO *b = open_bio(path, "certificate", err, errsz);

	if (!b)
		return -1;
	*cert = PEM_read_bio_X509(b, NULL, NULL, NULL);
	if (!*cert) {
		(void)BIO_reset(b);
		*cert = d2i_X509_bio(b, NULL);
	}
	BIO_free(b);
	if (!*cert)
		return fail(err, errsz,
			    "%s: not a PEM or DER X.509 certificate", path);
	return 0;
}

int sign_keys_load(const struct sign_opts *o, struct sign_keys *k, char *err,
		   size_t errsz)
{
	struct pass_state ps;
	int rc = -1;

	memset(k, 0, sizeof(*k));
	memset(&ps, 0, sizeof(ps));
	if (!o->key_path || !o->cert_path)
		return fail(err, errsz,
			    "signing needs both --sign-key and --sign-cert");
	if (o->pass_file && o->pass_env)
		return fail(err, errsz,
			    "give --sign-pass-file or --sign-pass-env, not "
			    "both");
	if (o->pass_file && pass_from_file(o->pass_file, &ps, err, errsz) < 0)
		goto out;
	if (o->pass_env && pass_from_env(o->pass_env, &ps, err, errsz) < 0)
		goto out;
	if (load_cert(o->cert_path, &k->cert, err, errsz) < 0)
		goto out;
	if (load_key(o->key_path, &ps, &k->key, err, errsz) < 0)
		goto out;
	rc = 0;
out:
	OPENSSL_cleanse(&ps, sizeof(ps));
	if (rc < 0)
		sign_keys_free(k);
	return rc;
}

void sign_keys_free(struct sign_keys *k)
{
	EVP_PKEY_free(k->key);
	X509_free(k->cert);
	k->key = NULL;
	k->cert = NULL;
}
