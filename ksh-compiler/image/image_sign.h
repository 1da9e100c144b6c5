/* SPDX-License-Identifier: MIT */
/*
 * Signing a PE32+ image in memory and writing files safely: the parts of
 * `ksh-sign` and `kshc -o` that touch the finished image.
 */
#ifndef KSH_IMAGE_SIGN_H
#define KSH_IMAGE_SIGN_H

#include <stddef.h>
#include <stdint.h>

#include "authenticode.h"
#include "keys.h"

struct image_buf {
	uint8_t *data;
	size_t len;
};

/* Reads a whole file into img (freed with image_buf_free). */
int image_read_file(const char *path, struct image_buf *img, char *err,
		    size_t errsz);
void image_buf_free(struct image_buf *img);

/*
 * image_write_atomic - writes data to path through a temporary file in the
 * same directory and rename(2), so readers see the old file or the whole
 * new one, never a partial one. mode is applied before the rename.
 */
int image_write_atomic(const char *path, const uint8_t *data, size_t len,
		       unsigned mode, char *err, size_t errsz);

/*
 * image_sign - replaces any existing signature of img by an Authenticode
 * signature made with k: pads the image to 8 bytes, appends a
 * WIN_CERTIFICATE, points the certificate directory entry at it and
 * updates the PE checksum. img->data is reallocated.
 */
int image_sign(struct image_buf *img, const struct sign_keys *k, char *err,
	       size_t errsz);

/* The Authenticode SHA-256 digest of img (signed or not). */
int image_digest(const struct image_buf *img, uint8_t digest[ACODE_DIGEST_LEN],
		 char *err, size_t errsz);

#endif
