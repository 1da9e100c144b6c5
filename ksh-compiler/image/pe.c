// SPDX-License-Identifier: MIT
/*
 * PE32+ parsing and the Authenticode hash ranges (see pe.h for the
 * references). Pure C, no allocation: the host unit tests feed it
 * hand-made and truncated images.
 */
#include "pe.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Offsets in the file headers (PE Format, "MS-DOS Stub", "Signature",
 * "COFF File Header"). */
#define DOS_E_LFANEW	 0x3c
#define DOS_HEADER_LEN	 0x40
#define COFF_HEADER_LEN	 20
#define COFF_MACHINE	 0
#define COFF_NSECTIONS	 2
#define COFF_OPT_LEN	 16
#define PE_SIGNATURE_LEN 4

/* Offsets in the PE32+ optional header (PE Format, "Optional Header"). */
#define OPT_MAGIC_PE32PLUS 0x20bu
#define OPT_MAGIC_PE32	   0x10bu
#define OPT_SIZE_OF_HDRS   60
#define OPT_CHECKSUM	   64
#define OPT_NUM_RVA	   108
#define OPT_DATA_DIRS	   112
#define DATA_DIR_LEN	   8

/* Section table entry (PE Format, "Section Table"). */
#define SECTION_LEN	    40
#define SECTION_RAW_SIZE    16
#define SECTION_RAW_POINTER 20

static int fail(char *err, size_t errsz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	return -1;
}

/* True when [off, off + n) lies inside a buffer of len bytes. */
static int in_bounds(size_t off, size_t n, size_t len)
{
	return off <= len && n <= len - off;
}

static int parse_sections(const uint8_t *buf, struct pe_image *pe,
			  size_t table_off, size_t limit, char *err,
			  size_t errsz)
{
	unsigned i, j;

	pe->n_raw = 0;
	for (i = 0; i < pe->n_sections; i++) {
		const uint8_t *s = buf + table_off + (size_t)i * SECTION_LEN;
		size_t raw_len = pe_rd32(s + SECTION_RAW_SIZE);
		size_t raw_off = pe_rd32(s + SECTION_RAW_POINTER);
		struct pe_range r = {raw_off, raw_len};

		if (raw_len == 0)
			continue;
		if (!in_bounds(raw_off, raw_len, limit))
			return fail(err, errsz,
				    "section %u: raw data at 0x%zx+0x%zx runs "
				    "past 0x%zx (%s)",
				    i, raw_off, raw_len, limit,
				    limit < pe->file_len
					? "the certificate table"
					: "the end of the file");
		/* Insertion sort by file offset: the hash takes sections in
		 * PointerToRawData order (Authenticode PE, step 9). */
		for (j = pe->n_raw; j > 0 && pe->sections[j - 1].off > raw_off;
		     j--)
			pe->sections[j] = pe->sections[j - 1];
		pe->sections[j] = r;
		pe->n_raw++;
	}
	/* The hash covers "SizeOfHeaders + every SizeOfRawData" and then the
	 * data from that offset on (step 13). That names the same bytes in
	 * every verifier only when the sections follow the headers with no gap
	 * or overlap, so anything else is refused rather than signed with a
	 * hash some firmware would compute differently. */
	pe->sections_end = pe->headers_len;
	for (j = 0; j < pe->n_raw; j++) {
		if (pe->sections[j].off != pe->sections_end)
			return fail(err, errsz,
				    "section raw data is not contiguous after "
				    "the headers (expected offset 0x%zx, found "
				    "0x%zx)",
				    pe->sections_end, pe->sections[j].off);
		pe->sections_end += pe->sections[j].len;
	}
	return 0;
}

int pe_parse(const uint8_t *buf, size_t len, struct pe_image *pe, char *err,
	     size_t errsz)
{
	size_t pe_off, coff_off, opt_len, table_off, dirs, limit;
	uint16_t magic;

	memset(pe, 0, sizeof(*pe));
	pe->file_len = len;
	if (len < DOS_HEADER_LEN || buf[0] != 'M' || buf[1] != 'Z')
		return fail(err, errsz, "not a PE image (no MZ header)");
	pe_off = pe_rd32(buf + DOS_E_LFANEW);
	if (!in_bounds(pe_off, PE_SIGNATURE_LEN + COFF_HEADER_LEN, len) ||
	    pe_off < DOS_HEADER_LEN)
		return fail(err, errsz,
			    "PE header offset 0x%zx is outside the file",
			    pe_off);
	if (memcmp(buf + pe_off, "PE\0\0", PE_SIGNATURE_LEN) != 0)
		return fail(err, errsz, "not a PE image (no PE signature)");
	coff_off = pe_off + PE_SIGNATURE_LEN;
	pe->coff_off = coff_off;
	pe->machine = pe_rd16(buf + coff_off + COFF_MACHINE);
	pe->n_sections = pe_rd16(buf + coff_off + COFF_NSECTIONS);
	opt_len = pe_rd16(buf + coff_off + COFF_OPT_LEN);
	pe->opt_off = coff_off + COFF_HEADER_LEN;

	if (!in_bounds(pe->opt_off, 2, len))
		return fail(err, errsz, "truncated optional header");
	magic = pe_rd16(buf + pe->opt_off);
	if (magic == OPT_MAGIC_PE32)
		return fail(err, errsz,
			    "PE32 image: only PE32+ (64-bit) is supported");
	if (magic != OPT_MAGIC_PE32PLUS)
		return fail(err, errsz, "unknown optional header magic 0x%x",
			    magic);
	/* The signature needs CheckSum and DataDirectory[4]. */
	if (opt_len < OPT_DATA_DIRS + (PE_DIR_SECURITY + 1) * DATA_DIR_LEN)
		return fail(err, errsz,
			    "optional header too short (%zu bytes) to hold "
			    "the certificate table entry",
			    opt_len);
	if (!in_bounds(pe->opt_off, opt_len, len))
		return fail(err, errsz, "truncated optional header");
	dirs = pe_rd32(buf + pe->opt_off + OPT_NUM_RVA);
	if (dirs <= PE_DIR_SECURITY ||
	    dirs > (opt_len - OPT_DATA_DIRS) / DATA_DIR_LEN)
		return fail(err, errsz,
			    "NumberOfRvaAndSizes %zu does not fit the optional "
			    "header or lacks the certificate table entry",
			    dirs);
	pe->checksum_off = pe->opt_off + OPT_CHECKSUM;
	pe->checksum = pe_rd32(buf + pe->checksum_off);
	pe->secdir_off =
	    pe->opt_off + OPT_DATA_DIRS + PE_DIR_SECURITY * DATA_DIR_LEN;
	pe->cert_off = pe_rd32(buf + pe->secdir_off);
	pe->cert_len = pe_rd32(buf + pe->secdir_off + 4);
	pe->headers_len = pe_rd32(buf + pe->opt_off + OPT_SIZE_OF_HDRS);

	if (pe->n_sections == 0 || pe->n_sections > PE_MAX_SECTIONS)
		return fail(err, errsz, "bad section count %u (1..%d)",
			    pe->n_sections, PE_MAX_SECTIONS);
	table_off = pe->opt_off + opt_len;
	if (!in_bounds(table_off, (size_t)pe->n_sections * SECTION_LEN,
		       pe->headers_len))
		return fail(err, errsz,
			    "section table does not fit in SizeOfHeaders "
			    "(0x%zx)",
			    pe->headers_len);
	if (pe->headers_len > len)
		return fail(err, errsz,
			    "SizeOfHeaders 0x%zx is past the end of the file",
			    pe->headers_len);

	/* The certificate table, when present, must be the last thing in the
	 * file and quadword aligned (PE Format, "The Attribute Certificate
	 * Table"); its VirtualAddress is a file offset. */
	limit = len;
	if (pe->cert_len != 0) {
		if (!in_bounds(pe->cert_off, pe->cert_len, len) ||
		    (size_t)pe->cert_off + pe->cert_len != len)
			return fail(err, errsz,
				    "certificate table 0x%x+0x%x is not at the "
				    "end of the file (0x%zx bytes)",
				    pe->cert_off, pe->cert_len, len);
		if (pe->cert_off % 8 != 0 ||
		    pe->cert_len < PE_WIN_CERT_HEADER_SIZE)
			return fail(err, errsz,
				    "malformed certificate table at 0x%x",
				    pe->cert_off);
		limit = pe->cert_off;
	} else {
		pe->cert_off = 0;
	}
	if (pe->headers_len > limit)
		return fail(err, errsz,
			    "headers overlap the certificate table");
	if (parse_sections(buf, pe, table_off, limit, err, errsz) < 0)
		return -1;
	if (pe->sections_end > limit)
		return fail(err, errsz,
			    "sections overlap the certificate table");
	return 0;
}

unsigned pe_hash_ranges(const struct pe_image *pe, struct pe_range *out,
			unsigned max)
{
	size_t end = pe->cert_len ? pe->cert_off : pe->file_len;
	struct pe_range all[PE_MAX_SECTIONS + 4];
	unsigned n = 0, i;

	/* Steps 3-8: headers minus CheckSum and the certificate entry. */
	all[n++] = (struct pe_range){0, pe->checksum_off};
	all[n++] = (struct pe_range){pe->checksum_off + 4,
				     pe->secdir_off - pe->checksum_off - 4};
	all[n++] = (struct pe_range){pe->secdir_off + 8,
				     pe->headers_len - pe->secdir_off - 8};
	/* Steps 9-12: section bodies in file order. */
	for (i = 0; i < pe->n_raw; i++)
		all[n++] = pe->sections[i];
	/* Step 13: what follows the sections, less the certificate table. */
	if (end > pe->sections_end)
		all[n++] =
		    (struct pe_range){pe->sections_end, end - pe->sections_end};
	if (n > max)
		n = max;
	memcpy(out, all, n * sizeof(*out));
	return n;
}

/* Byte k of the file as the checksum sees it: CheckSum reads as zero and
 * an odd-length file is padded with one zero byte. */
static uint32_t checksum_byte(const uint8_t *buf, size_t len,
			      size_t checksum_off, size_t k)
{
	if (k >= len || (k >= checksum_off && k < checksum_off + 4))
		return 0;
	return buf[k];
}

uint32_t pe_checksum(const uint8_t *buf, size_t len, size_t checksum_off)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < len; i += 2) {
		sum += checksum_byte(buf, len, checksum_off, i) |
		       checksum_byte(buf, len, checksum_off, i + 1) << 8;
		sum = (sum & 0xffff) + (sum >> 16);
	}
	sum = (sum & 0xffff) + (sum >> 16);
	return (uint32_t)(sum + len);
}
