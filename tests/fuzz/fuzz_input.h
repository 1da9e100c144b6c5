/* SPDX-License-Identifier: MIT */
/*
 * The fuzz harnesses' input reader: bytes taken from the front of the
 * fuzzer's buffer, zeros once it is used up (so every input, however
 * short, drives a whole run). Multi-byte values are little-endian.
 */
#ifndef KSH_FUZZ_INPUT_H
#define KSH_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

struct fz_input {
	const uint8_t *p;
	size_t n;
};

static inline uint8_t fz_u8(struct fz_input *in)
{
	uint8_t v;

	if (!in->n)
		return 0;
	v = *in->p++;
	in->n--;
	return v;
}

static inline uint32_t fz_u32(struct fz_input *in)
{
	uint32_t v = 0;

	for (unsigned int i = 0; i < 4; i++)
		v |= (uint32_t)fz_u8(in) << (8 * i);
	return v;
}

#endif /* KSH_FUZZ_INPUT_H */
