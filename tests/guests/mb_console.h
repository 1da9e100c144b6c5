/* SPDX-License-Identifier: MIT */
/*
 * Console for the 32-bit Multiboot test kernels. They run in 32-bit
 * protected mode with paging off, so they cannot use the 64-bit runtime;
 * this is its 32-bit subset: the hypercall (EAX = number, EDI, ESI = the
 * first two arguments: the ABI's RAX/RDI/RSI seen from 32-bit code) with the
 * same VMCALL/VMMCALL choice by CPUID vendor, and a tiny printf (%s %u %x
 * %c %%, width and '0'; 32-bit values only, so no libgcc division helpers
 * are needed). One mb_printf call is one console hypercall.
 */
#ifndef MB_CONSOLE_H
#define MB_CONSOLE_H

#include <stdint.h>

void mb_hc_init(void);
int32_t mb_hypercall(uint32_t nr, uint32_t a0, uint32_t a1);
int mb_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
__attribute__((noreturn)) void mb_exit(int status);

/* "0x" and the hex digits of the 64-bit value hi:lo, without leading
 * zeros, in out (at least 19 bytes); returns out. */
char *mb_hex64(char *out, uint32_t hi, uint32_t lo);

/* Copies a NUL-terminated guest string into out (at most size - 1 bytes),
 * replacing unprintable bytes with '?'; returns out. */
char *mb_safe_string(char *out, uint32_t size, const char *s);

#endif /* MB_CONSOLE_H */
