/* SPDX-License-Identifier: MIT */
/*
 * PE32+ parsing for Authenticode signing: just the fields the signature
 * covers or changes, each checked against the file bounds.
 *
 * References: Microsoft "PE Format" (sections "MS-DOS Stub", "Signature",
 * "COFF File Header", "Optional Header", "Section Table", "The Attribute
 * Certificate Table") and "Windows Authenticode Portable Executable Signature
 * Format" (section "Calculating the PE Image Hash").
 */
#ifndef KSH_IMAGE_PE_H
#define KSH_IMAGE_PE_H

#include <stddef.h>
#include <stdint.h>

#define PE_MAX_SECTIONS	  96 /* PE Format, "COFF File Header" */
#define PE_COFF_TIMESTAMP 4  /* TimeDateStamp, from the COFF header start */

/* Data directory index of the attribute certificate table. */
#define PE_DIR_SECURITY 4

/* WIN_CERTIFICATE (PE Format, "The Attribute Certificate Table"). */
#define PE_WIN_CERT_REVISION_2_0     0x0200u
#define PE_WIN_CERT_TYPE_PKCS_SIGNED 0x0002u
#define PE_WIN_CERT_HEADER_SIZE	     8u

/* A byte range of the file, [off, off + len). */
struct pe_range {
	size_t off;
	size_t len;
};

struct pe_image {
	size_t file_len;
	size_t coff_off;     /* COFF file header */
	size_t opt_off;	     /* start of the optional header */
	size_t checksum_off; /* OptionalHeader.CheckSum */
	size_t secdir_off;   /* DataDirectory[PE_DIR_SECURITY] */
	size_t headers_len;  /* OptionalHeader.SizeOfHeaders */
	uint32_t checksum;
	uint32_t cert_off; /* certificate table file offset, 0 if none */
	uint32_t cert_len;
	uint16_t machine;
	unsigned n_sections;
	/* Section raw data sorted by file offset, empty ones left out. */
	struct pe_range sections[PE_MAX_SECTIONS];
	unsigned n_raw;
	size_t sections_end; /* SizeOfHeaders + sum of SizeOfRawData */
};

/*
 * pe_parse - validate a PE32+ image and fill *pe.
 * Every offset read is bounds-checked; on a malformed image a one-line
 * reason is written to err and -1 returned. Returns 0 on success.
 */
int pe_parse(const uint8_t *buf, size_t len, struct pe_image *pe, char *err,
	     size_t errsz);

/*
 * pe_hash_ranges - the byte ranges the Authenticode image hash covers, in
 * hashing order (Authenticode PE, "Calculating the PE Image Hash"): the
 * headers without CheckSum and the certificate-table directory entry, the
 * sections by file offset, then any data after the sections up to the
 * certificate table. Writes at most max ranges; returns how many.
 */
unsigned pe_hash_ranges(const struct pe_image *pe, struct pe_range *out,
			unsigned max);

/* The PE checksum of buf (PE Format, "Optional Header Windows-Specific
 * Fields", CheckSum): 16-bit one's-complement-style sum of the file with the
 * CheckSum field taken as zero, plus the file length. */
uint32_t pe_checksum(const uint8_t *buf, size_t len, size_t checksum_off);

static inline uint16_t pe_rd16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t pe_rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline void pe_wr16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void pe_wr32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

#endif
