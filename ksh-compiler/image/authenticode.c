// SPDX-License-Identifier: MIT
/*
 * Authenticode image hash and PKCS#7 SignedData, encoded with our DER
 * writer so that every byte is under our control (OpenSSL's PKCS7_sign adds
 * a wall-clock signingTime). libcrypto provides SHA-256, the RSA signature
 * and the certificate's issuer and serial number.
 */
#include "authenticode.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/rsa.h>

/* Object identifiers (RFC 2315 section 14; RFC 5754 section 2.2 for
 * SHA-256; Authenticode PE, "Authenticode-Specific Structures"). */
#define OID_SIGNED_DATA	   "1.2.840.113549.1.7.2"
#define OID_RSA_ENCRYPTION "1.2.840.113549.1.1.1"
#define OID_SHA256	   "2.16.840.1.101.3.4.2.1"
#define OID_CONTENT_TYPE   "1.2.840.113549.1.9.3"
#define OID_MESSAGE_DIGEST "1.2.840.113549.1.9.4"
#define OID_SPC_INDIRECT   "1.3.6.1.4.1.311.2.1.4"
#define OID_SPC_STATEMENT  "1.3.6.1.4.1.311.2.1.11"
#define OID_SPC_OPUS_INFO  "1.3.6.1.4.1.311.2.1.12"
#define OID_SPC_PE_IMAGE   "1.3.6.1.4.1.311.2.1.15"
#define OID_SPC_INDIVIDUAL "1.3.6.1.4.1.311.2.1.21"

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

int acode_image_digest(const uint8_t *buf, const struct pe_image *pe,
		       uint8_t digest[ACODE_DIGEST_LEN], char *err,
		       size_t errsz)
{
	struct pe_range r[PE_MAX_SECTIONS + 4];
	unsigned n = pe_hash_ranges(pe, r, PE_MAX_SECTIONS + 4), i;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned int dlen = 0;
	int ok;

	ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	for (i = 0; ok && i < n; i++)
		ok = EVP_DigestUpdate(ctx, buf + r[i].off, r[i].len);
	ok = ok && EVP_DigestFinal_ex(ctx, digest, &dlen) &&
	     dlen == ACODE_DIGEST_LEN;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return fail(err, errsz, "SHA-256 failed");
	return 0;
}

/* AlgorithmIdentifier { oid, NULL } (RFC 5280 4.1.1.2; the NULL parameter
 * is what RFC 3370 2.1 says PKCS#1 verifiers expect). */
static void put_algorithm(struct der_buf *b, const char *oid)
{
	struct der_buf body = {0};

	der_put_oid(&body, oid);
	der_put_tlv(&body, DER_NULL, NULL, 0);
	der_wrap(b, DER_SEQUENCE, &body);
	der_free(&body);
}

/* Attribute ::= SEQUENCE { type OID, values SET OF value } with one value
 * (RFC 2315 section 9.2). */
static void put_attribute(struct der_buf *b, const char *oid,
			  const struct der_buf *value)
{
	struct der_buf body = {0}, set = {0};

	der_put_oid(&body, oid);
	der_wrap(&set, DER_SET, value);
	der_put_raw(&body, set.data, set.len);
	body.failed |= set.failed;
	der_wrap(b, DER_SEQUENCE, &body);
	der_free(&body);
	der_free(&set);
}

/*
 * SpcIndirectDataContent ::= SEQUENCE {
 *   data SEQUENCE { type SPC_PE_IMAGE_DATAOBJ,
 *                   value SpcPeImageData ::= SEQUENCE {
 *                     flags BIT STRING (empty),
 *                     file [0] EXPLICIT SpcLink.file [2] EXPLICIT
 *                          SpcString.unicode [0] IMPLICIT "<<<Obsolete>>>" } },
 *   messageDigest DigestInfo ::= SEQUENCE { sha256, OCTET STRING } }
 * (Authenticode PE, "SpcIndirectDataContent" and "SpcPeImageData": the
 * file link is the obsolete placeholder every signer writes.)
 */
static void put_indirect_data(struct der_buf *b,
			      const uint8_t digest[ACODE_DIGEST_LEN])
{
	static const char obsolete[] = "<<<Obsolete>>>";
	uint8_t bmp[2 * (sizeof(obsolete) - 1)];
	struct der_buf s = {0}, link = {0}, file = {0}, img = {0}, data = {0},
		       dinfo = {0}, body = {0};
	static const uint8_t no_flags = 0; /* zero unused bits, no bits */
	size_t i;

	/* BMPString is UCS-2 big-endian (X.680 41.16). */
	for (i = 0; i + 1 < sizeof(obsolete); i++) {
		bmp[2 * i] = 0;
		bmp[2 * i + 1] = (uint8_t)obsolete[i];
	}
	der_put_tlv(&s, DER_CTX0_PRIM, bmp, sizeof(bmp));
	der_wrap(&link, DER_CTX2, &s);
	der_wrap(&file, DER_CTX0, &link);
	der_put_tlv(&img, DER_BIT_STRING, &no_flags, 1);
	der_put_raw(&img, file.data, file.len);
	img.failed |= file.failed;
	der_put_oid(&data, OID_SPC_PE_IMAGE);
	der_wrap(&data, DER_SEQUENCE, &img);

	put_algorithm(&dinfo, OID_SHA256);
	der_put_tlv(&dinfo, DER_OCTET_STRING, digest, ACODE_DIGEST_LEN);

	der_wrap(&body, DER_SEQUENCE, &data);
	der_wrap(&body, DER_SEQUENCE, &dinfo);
	der_wrap(b, DER_SEQUENCE, &body);
	der_free(&s);
	der_free(&link);
	der_free(&file);
	der_free(&img);
	der_free(&data);
	der_free(&dinfo);
	der_free(&body);
}

/*
 * The authenticated attributes, each one a DER Attribute, in set order:
 * contentType = SPC_INDIRECT_DATA, SpcStatementType = individual code
 * signing, SpcSpOpusInfo = empty, messageDigest = SHA-256 of the content's
 * value octets (RFC 2315 9.3: the digest covers the contents octets of the
 * DER encoding, without its tag and length). No signingTime.
 */
static void put_signed_attributes(struct der_buf *b, uint8_t tag,
				  const uint8_t md[ACODE_DIGEST_LEN])
{
	struct der_buf attrs[4] = {{0}}, v = {0};
	size_t i;

	der_put_oid(&v, OID_SPC_INDIRECT);
	put_attribute(&attrs[0], OID_CONTENT_TYPE, &v);
	der_free(&v);

	der_put_oid(&v, OID_SPC_INDIVIDUAL);
	{
		struct der_buf seq = {0};

		der_wrap(&seq, DER_SEQUENCE, &v);
		put_attribute(&attrs[1], OID_SPC_STATEMENT, &seq);
		der_free(&seq);
	}
	der_free(&v);

	der_put_tlv(&v, DER_SEQUENCE, NULL, 0);
	put_attribute(&attrs[2], OID_SPC_OPUS_INFO, &v);
	der_free(&v);

	der_put_tlv(&v, DER_OCTET_STRING, md, ACODE_DIGEST_LEN);
	put_attribute(&attrs[3], OID_MESSAGE_DIGEST, &v);
	der_free(&v);

	der_put_set_of(b, tag, attrs, 4);
	for (i = 0; i < 4; i++)
		der_free(&attrs[i]);
}

static int sha256(const uint8_t *p, size_t n, uint8_t out[ACODE_DIGEST_LEN])
{
	unsigned int len = 0;

	return EVP_Digest(p, n, out, &len, EVP_sha256(), NULL) &&
	       len == ACODE_DIGEST_LEN;
}

/* RSASSA-PKCS1-v1_5 with SHA-256 over msg (RFC 8017 8.2.1). */
static int rsa_sign(EVP_PKEY *key, const struct der_buf *msg,
		    struct der_buf *sig)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx = NULL;
	size_t len = 0;
	int ok;

	ok = ctx && EVP_DigestSignInit(ctx, &pctx, EVP_sha256(), NULL, key) &&
	     EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) > 0 &&
	     EVP_DigestSign(ctx, NULL, &len, msg->data, msg->len);
	if (ok) {
		sig->data = OPENSSL_malloc(len);
		ok = sig->data &&
		     EVP_DigestSign(ctx, sig->data, &len, msg->data, msg->len);
		sig->len = len;
		sig->cap = len;
	}
	EVP_MD_CTX_free(ctx);
	return ok ? 0 : -1;
}

/* An i2d_* result appended to b, then freed. */
static void put_i2d(struct der_buf *b, unsigned char *p, int n)
{
	if (n <= 0)
		b->failed = 1;
	else
		der_put_raw(b, p, (size_t)n);
	OPENSSL_free(p);
}

int acode_sign(const uint8_t digest[ACODE_DIGEST_LEN], EVP_PKEY *key,
	       X509 *cert, struct der_buf *out, char *err, size_t errsz)
{
	struct der_buf content = {0}, attrs = {0}, sig = {0}, si = {0},
		       iasn = {0}, sd = {0}, ci = {0}, tmp = {0}, top = {0};
	uint8_t md[ACODE_DIGEST_LEN];
	unsigned char *p;
	size_t hl;
	int rc = -1, n;
	static const uint8_t version1 = 1;

	if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA)
		return fail(err, errsz,
			    "signing key is not RSA: only RSA (PKCS#1 v1.5, "
			    "deterministic) keys are supported");
	if (X509_check_private_key(cert, key) != 1)
		return fail(err, errsz,
			    "signing key does not match the certificate");

	put_indirect_data(&content, digest);
	if (content.failed)
		goto oom;
	hl = der_header_len(content.data, content.len);
	if (!hl || !sha256(content.data + hl, content.len - hl, md))
		goto oom;

	/* Signed over as an explicit SET OF (RFC 2315 9.3), stored as
	 * [0] IMPLICIT in the SignerInfo. */
	put_signed_attributes(&attrs, DER_SET, md);
	if (attrs.failed)
		goto oom;
	if (rsa_sign(key, &attrs, &sig) < 0) {
		fail(err, errsz, "RSA signature failed");
		goto out;
	}

	/* SignerInfo (RFC 2315 9.2). */
	der_put_tlv(&si, DER_INTEGER, &version1, 1);
	p = NULL;
	n = i2d_X509_NAME(X509_get_issuer_name(cert), &p);
	put_i2d(&iasn, p, n);
	p = NULL;
	n = i2d_ASN1_INTEGER(X509_get_serialNumber(cert), &p);
	put_i2d(&iasn, p, n);
	der_wrap(&si, DER_SEQUENCE, &iasn);
	put_algorithm(&si, OID_SHA256);
	put_signed_attributes(&si, DER_CTX0, md);
	put_algorithm(&si, OID_RSA_ENCRYPTION);
	der_put_tlv(&si, DER_OCTET_STRING, sig.data, sig.len);

	/* SignedData (RFC 2315 9.1). */
	der_put_tlv(&sd, DER_INTEGER, &version1, 1);
	put_algorithm(&tmp, OID_SHA256);
	der_wrap(&sd, DER_SET, &tmp);
	der_free(&tmp);
	der_put_oid(&ci, OID_SPC_INDIRECT);
	der_wrap(&tmp, DER_CTX0, &content);
	der_put_raw(&ci, tmp.data, tmp.len);
	ci.failed |= tmp.failed;
	der_free(&tmp);
	der_wrap(&sd, DER_SEQUENCE, &ci);
	p = NULL;
	n = i2d_X509(cert, &p);
	put_i2d(&tmp, p, n);
	der_wrap(&sd, DER_CTX0, &tmp); /* certificates [0] IMPLICIT */
	der_free(&tmp);
	der_wrap(&tmp, DER_SEQUENCE, &si);
	der_wrap(&sd, DER_SET, &tmp); /* signerInfos */
	der_free(&tmp);

	/* ContentInfo (RFC 2315 7). */
	der_put_oid(&top, OID_SIGNED_DATA);
	der_wrap(&tmp, DER_SEQUENCE, &sd);
	der_wrap(&top, DER_CTX0, &tmp);
	der_wrap(out, DER_SEQUENCE, &top);
	if (out->failed)
		goto oom;
	rc = 0;
	goto out;
oom:
	fail(err, errsz, "out of memory while encoding the signature");
out:
	der_free(&content);
	der_free(&attrs);
	OPENSSL_free(sig.data);
	der_free(&si);
	der_free(&iasn);
	der_free(&sd);
	der_free(&ci);
	der_free(&tmp);
	der_free(&top);
	OPENSSL_cleanse(md, sizeof(md));
	return rc;
}
