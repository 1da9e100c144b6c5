// SPDX-License-Identifier: MIT
/* The PKCS#7 SignedData acode_sign writes: parseable by OpenSSL, with the
 * Authenticode content type, no signingTime, a verifiable RSA signature
 * over the signed attributes, the same bytes every time, and clear
 * refusals of keys it must not use. */
#include <criterion/criterion.h>
#include <string.h>

#include <openssl/pkcs7.h>
#include <openssl/x509.h>

#include "authenticode.h"

static EVP_PKEY *key, *other_key;
static X509 *cert;

static X509 *self_signed(EVP_PKEY *k)
{
	X509 *c = X509_new();

	cr_assert(c);
	ASN1_INTEGER_set(X509_get_serialNumber(c), 7);
	X509_gmtime_adj(X509_getm_notBefore(c), 0);
	X509_gmtime_adj(X509_getm_notAfter(c), 3600);
	X509_NAME_add_entry_by_txt(X509_get_subject_name(c), "CN", MBSTRING_ASC,
				   (const unsigned char *)"ksh test", -1, -1,
				   0);
	X509_set_issuer_name(c, X509_get_subject_name(c));
	X509_set_pubkey(c, k);
	cr_assert(X509_sign(c, k, EVP_sha256()));
	return c;
}

static void setup(void)
{
	key = EVP_RSA_gen(2048);
	other_key = EVP_RSA_gen(2048);
	cr_assert(key && other_key);
	cert = self_signed(key);
}

static void teardown(void)
{
	X509_free(cert);
	EVP_PKEY_free(key);
	EVP_PKEY_free(other_key);
}

TestSuite(authenticode, .init = setup, .fini = teardown);

static const uint8_t digest[ACODE_DIGEST_LEN] = {1, 2, 3, 4, 5, 6, 7, 8};

Test(authenticode, signed_data_shape)
{
	struct der_buf sig = {0};
	const unsigned char *p;
	PKCS7 *p7;
	PKCS7_SIGNER_INFO *si;
	char err[256] = "";

	cr_assert_eq(acode_sign(digest, key, cert, &sig, err, sizeof(err)), 0,
		     "%s", err);
	p = sig.data;
	p7 = d2i_PKCS7(NULL, &p, (long)sig.len);
	cr_assert(p7, "OpenSSL cannot parse the signature");
	cr_expect_eq(p, sig.data + sig.len, "trailing bytes");
	cr_assert(PKCS7_type_is_signed(p7));
	cr_expect_eq(OBJ_obj2nid(p7->d.sign->contents->type), NID_undef);
	{
		char oid[64];

		OBJ_obj2txt(oid, sizeof(oid), p7->d.sign->contents->type, 1);
		cr_expect_str_eq(oid, "1.3.6.1.4.1.311.2.1.4");
	}
	cr_assert_eq(sk_PKCS7_SIGNER_INFO_num(PKCS7_get_signer_info(p7)), 1);
	si = sk_PKCS7_SIGNER_INFO_value(PKCS7_get_signer_info(p7), 0);
	cr_expect_null(PKCS7_get_signed_attribute(si, NID_pkcs9_signingTime),
		       "a signingTime would make builds irreproducible");
	cr_expect_not_null(
	    PKCS7_get_signed_attribute(si, NID_pkcs9_messageDigest));
	cr_expect_not_null(
	    PKCS7_get_signed_attribute(si, NID_pkcs9_contentType));
	cr_expect_eq(sk_X509_num(p7->d.sign->cert), 1);
	cr_expect_eq(X509_cmp(sk_X509_value(p7->d.sign->cert, 0), cert), 0);
	PKCS7_free(p7);
	der_free(&sig);
}

Test(authenticode, signature_verifies_over_signed_attributes)
{
	struct der_buf sig = {0};
	const unsigned char *p;
	PKCS7 *p7;
	PKCS7_SIGNER_INFO *si;
	unsigned char *attrs = NULL;
	int alen;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	char err[256];

	cr_assert_eq(acode_sign(digest, key, cert, &sig, err, sizeof(err)), 0);
	p = sig.data;
	p7 = d2i_PKCS7(NULL, &p, (long)sig.len);
	cr_assert(p7);
	si = sk_PKCS7_SIGNER_INFO_value(PKCS7_get_signer_info(p7), 0);
	/* Re-encode the attributes as the SET OF that was signed. */
	alen = ASN1_item_i2d((ASN1_VALUE *)si->auth_attr, &attrs,
			     ASN1_ITEM_rptr(PKCS7_ATTR_VERIFY));
	cr_assert_gt(alen, 0);
	cr_assert(EVP_DigestVerifyInit(ctx, NULL, EVP_sha256(), NULL, key));
	cr_expect_eq(EVP_DigestVerify(ctx, si->enc_digest->data,
				      (size_t)si->enc_digest->length, attrs,
				      (size_t)alen),
		     1, "RSA signature does not verify");
	EVP_MD_CTX_free(ctx);
	OPENSSL_free(attrs);
	PKCS7_free(p7);
	der_free(&sig);
}

Test(authenticode, deterministic)
{
	struct der_buf a = {0}, b = {0};
	char err[256];

	cr_assert_eq(acode_sign(digest, key, cert, &a, err, sizeof(err)), 0);
	cr_assert_eq(acode_sign(digest, key, cert, &b, err, sizeof(err)), 0);
	cr_assert_eq(a.len, b.len);
	cr_expect_eq(memcmp(a.data, b.data, a.len), 0);
	der_free(&a);
	der_free(&b);
}

Test(authenticode, refuses_mismatched_key)
{
	struct der_buf sig = {0};
	char err[256] = "";

	cr_assert_eq(
	    acode_sign(digest, other_key, cert, &sig, err, sizeof(err)), -1);
	cr_expect(strstr(err, "does not match the certificate"), "%s", err);
	der_free(&sig);
}

Test(authenticode, refuses_non_rsa_key)
{
	struct der_buf sig = {0};
	EVP_PKEY *ec = EVP_EC_gen("P-256");
	X509 *ec_cert;
	char err[256] = "";

	cr_assert(ec);
	ec_cert = self_signed(ec);
	cr_assert_eq(acode_sign(digest, ec, ec_cert, &sig, err, sizeof(err)),
		     -1);
	cr_expect(strstr(err, "not RSA"), "%s", err);
	X509_free(ec_cert);
	EVP_PKEY_free(ec);
	der_free(&sig);
}
