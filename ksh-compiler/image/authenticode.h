/* SPDX-License-Identifier: MIT */
/*
 * Authenticode for PE32+ images: the image hash and a deterministic PKCS#7
 * SignedData over it (Microsoft "Windows Authenticode Portable Executable
 * Signature Format"; PKCS#7 v1.5, RFC 2315).
 *
 * Determinism: no signingTime attribute is written and only RSA keys are
 * accepted, whose PKCS#1 v1.5 signatures depend only on key and message
 * (RFC 8017, 8.2.1), so the same image and key always give the same bytes.
 */
#ifndef KSH_IMAGE_AUTHENTICODE_H
#define KSH_IMAGE_AUTHENTICODE_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "der.h"
#include "pe.h"

#define ACODE_DIGEST_LEN 32 /* SHA-256 */

/* SHA-256 Authenticode image hash of a parsed image. Returns 0 or -1. */
int acode_image_digest(const uint8_t *buf, const struct pe_image *pe,
		       uint8_t digest[ACODE_DIGEST_LEN], char *err,
		       size_t errsz);

/*
 * acode_sign - DER ContentInfo(SignedData) whose content is an
 * SpcIndirectDataContent carrying digest, signed by key with cert
 * included. key must be RSA and match cert. Returns 0, or -1 with err set.
 */
int acode_sign(const uint8_t digest[ACODE_DIGEST_LEN], EVP_PKEY *key,
	       X509 *cert, struct der_buf *out, char *err, size_t errsz);

#endif
