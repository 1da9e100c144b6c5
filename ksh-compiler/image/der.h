/* SPDX-License-Identifier: MIT */
/*
 * A small DER writer (ITU-T X.690, section 10 "Distinguished encoding
 * rules") for the handful of structures an Authenticode signature needs.
 * Values are built inside-out: encode the children into one buffer, then
 * wrap it with a tag. Allocation failure is sticky (der_buf.failed) and
 * checked once at the end, so callers do not test every step.
 */
#ifndef KSH_IMAGE_DER_H
#define KSH_IMAGE_DER_H

#include <stddef.h>
#include <stdint.h>

/* Universal tags (X.690 / X.680 section 8.4) and the two context tags the
 * PKCS#7 structures use. */
#define DER_INTEGER	 0x02
#define DER_BIT_STRING	 0x03
#define DER_OCTET_STRING 0x04
#define DER_NULL	 0x05
#define DER_OID		 0x06
#define DER_SEQUENCE	 0x30
#define DER_SET		 0x31
#define DER_CTX0	 0xa0 /* [0] constructed */
#define DER_CTX2	 0xa2 /* [2] constructed */
#define DER_CTX0_PRIM	 0x80 /* [0] primitive */

struct der_buf {
	uint8_t *data;
	size_t len;
	size_t cap;
	int failed; /* an allocation or encoding step failed */
};

void der_free(struct der_buf *b);
void der_put_raw(struct der_buf *b, const void *p, size_t n);
/* Writes tag, DER length and n value bytes. */
void der_put_tlv(struct der_buf *b, uint8_t tag, const void *p, size_t n);
/* Writes tag and length around the contents of inner. */
void der_wrap(struct der_buf *b, uint8_t tag, const struct der_buf *inner);
/* Encodes a dotted OID ("1.2.840.113549.1.7.2"); a malformed string marks
 * the buffer failed. */
void der_put_oid(struct der_buf *b, const char *dotted);
/* Writes SET { elems... } with the elements in DER order (X.690 11.6:
 * ascending as octet strings). */
void der_put_set_of(struct der_buf *b, uint8_t tag, struct der_buf *elems,
		    size_t n);
/* Length of the tag and length octets at the start of an encoding, or 0
 * when they do not fit in len. */
size_t der_header_len(const uint8_t *p, size_t len);

#endif
