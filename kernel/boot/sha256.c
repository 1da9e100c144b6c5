// SPDX-License-Identifier: MIT
/*
 * Payload measurement with BearSSL's SHA-256 (libbearssl, linked into the
 * image). Debian builds libbearssl.a with the stack protector, which reads
 * its canary at %fs:0x28 and calls __stack_chk_fail / __memcpy_chk: under
 * UEFI, FS base is whatever the firmware left, so point it at a block of
 * our own while hashing, and provide the two glibc entry points.
 */
#include "boot.h"

#include <arch/x86.h>
#include <bearssl.h>
#include <ksh/kprintf.h>

#include <string.h>

/* Holds the canary at offset 0x28 (SysV TLS ABI, x86-64). */
static uint64_t canary_block[8] = {0, 0, 0, 0, 0, 0x2F8DA5C3B61E0947ull};

void __stack_chk_fail(void);
void *__memcpy_chk(void *dst, const void *src, size_t len, size_t dstlen);

void __stack_chk_fail(void)
{
	panic("stack protector fired in BearSSL");
}

void *__memcpy_chk(void *dst, const void *src, size_t len, size_t dstlen)
{
	if (len > dstlen)
		panic("__memcpy_chk: %zu bytes into %zu", len, dstlen);
	return memcpy(dst, src, len);
}

void boot_sha256(const void *data, uint64_t len, uint8_t out[32])
{
	uint64_t fs = rdmsr(MSR_FS_BASE);
	br_sha256_context ctx;

	wrmsr(MSR_FS_BASE, (uint64_t)(uintptr_t)canary_block);
	br_sha256_init(&ctx);
	br_sha256_update(&ctx, data, len);
	br_sha256_out(&ctx, out);
	wrmsr(MSR_FS_BASE, fs);
}
