// SPDX-License-Identifier: MIT
/* In-memory signing and atomic file output: see image_sign.h. */
#include "image_sign.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define IMAGE_MAX_LEN ((size_t)1 << 32) /* PE offsets are 32-bit */

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

void image_buf_free(struct image_buf *img)
{
	free(img->data);
	img->data = NULL;
	img->len = 0;
}

int image_read_file(const char *path, struct image_buf *img, char *err,
		    size_t errsz)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t n;

	img->data = NULL;
	img->len = 0;
	if (!f)
		return fail(err, errsz, "%s: %s", path, strerror(errno));
	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return fail(err, errsz, "%s: not a regular file", path);
	}
	if ((uint64_t)st.st_size >= IMAGE_MAX_LEN) {
		fclose(f);
		return fail(err, errsz, "%s: too large for a PE image", path);
	}
	/* One spare byte so an empty file still gets a buffer. */
	img->data = malloc((size_t)st.st_size + 1);
	if (!img->data) {
		fclose(f);
		return fail(err, errsz, "%s: out of memory", path);
	}
	n = fread(img->data, 1, (size_t)st.st_size, f);
	if (n != (size_t)st.st_size || ferror(f)) {
		fclose(f);
		image_buf_free(img);
		return fail(err, errsz, "%s: read error", path);
	}
	fclose(f);
	img->len = n;
	return 0;
}

int image_write_atomic(const char *path, const uint8_t *data, size_t len,
		       unsigned mode, char *err, size_t errsz)
{
	size_t plen = strlen(path);
	char *tmp = malloc(plen + sizeof(".XXXXXX"));
	size_t done = 0;
	int fd;

	if (!tmp)
		return fail(err, errsz, "%s: out of memory", path);
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".XXXXXX", sizeof(".XXXXXX"));
	fd = mkstemp(tmp);
	if (fd < 0) {
		fail(err, errsz, "%s: cannot create a temporary file: %s", path,
		     strerror(errno));
		free(tmp);
		return -1;
	}
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto bad;
		done += (size_t)w;
	}
	if (fchmod(fd, mode) < 0 || fsync(fd) < 0)
		goto bad;
	if (close(fd) < 0) {
		fd = -1;
		goto bad;
	}
	if (rename(tmp, path) < 0) {
		fd = -1;
		goto bad;
	}
	free(tmp);
	return 0;
bad:
	fail(err, errsz, "%s: cannot write: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

int image_digest(const struct image_buf *img, uint8_t digest[ACODE_DIGEST_LEN],
		 char *err, size_t errsz)
{
	struct pe_image pe;

	if (pe_parse(img->data, img->len, &pe, err, errsz) < 0)
		return -1;
	return acode_image_digest(img->data, &pe, digest, err, errsz);
}

int image_sign(struct image_buf *img, const struct sign_keys *k, char *err,
	       size_t errsz)
{
	struct der_buf sig = {0};
	struct pe_image pe;
	uint8_t digest[ACODE_DIGEST_LEN];
	size_t base, cert_len, total;
	uint8_t *p;

	if (pe_parse(img->data, img->len, &pe, err, errsz) < 0)
		return -1;
	/* Re-signing replaces the old certificate table, which pe_parse
	 * found at the very end of the file. */
	base = pe.cert_len ? pe.cert_off : img->len;
	memset(img->data + pe.secdir_off, 0, 8);
	/* The table starts on a quadword boundary (PE Format, "The Attribute
	 * Certificate Table"); the zero padding before it is part of the
	 * file and so of the hash, as every verifier computes it. */
	base = (base + 7) & ~(size_t)7;
	p = realloc(img->data, base ? base : 1);
	if (!p)
		return fail(err, errsz, "out of memory");
	if (base > img->len)
		memset(p + img->len, 0, base - img->len);
	img->data = p;
	img->len = base;
	if (pe_parse(img->data, img->len, &pe, err, errsz) < 0 ||
	    acode_image_digest(img->data, &pe, digest, err, errsz) < 0 ||
	    acode_sign(digest, k->key, k->cert, &sig, err, errsz) < 0)
		goto bad;

	/* WIN_CERTIFICATE { dwLength, wRevision, wCertificateType,
	 * bCertificate }, dwLength counting the padding to 8 bytes. */
	cert_len = (PE_WIN_CERT_HEADER_SIZE + sig.len + 7) & ~(size_t)7;
	total = base + cert_len;
	if (total >= IMAGE_MAX_LEN) {
		fail(err, errsz, "signed image would exceed 4 GiB");
		goto bad;
	}
	p = realloc(img->data, total);
	if (!p) {
		fail(err, errsz, "out of memory");
		goto bad;
	}
	img->data = p;
	memset(p + base, 0, cert_len);
	pe_wr32(p + base, (uint32_t)cert_len);
	pe_wr16(p + base + 4, PE_WIN_CERT_REVISION_2_0);
	pe_wr16(p + base + 6, PE_WIN_CERT_TYPE_PKCS_SIGNED);
	memcpy(p + base + PE_WIN_CERT_HEADER_SIZE, sig.data, sig.len);
	img->len = total;
	pe_wr32(p + pe.secdir_off, (uint32_t)base);
	pe_wr32(p + pe.secdir_off + 4, (uint32_t)cert_len);
	pe_wr32(p + pe.checksum_off, pe_checksum(p, img->len, pe.checksum_off));
	der_free(&sig);
	return 0;
bad:
	der_free(&sig);
	return -1;
}
