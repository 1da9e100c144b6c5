/* SPDX-License-Identifier: MIT */
/*
 * Guest page-table walk: turns a guest-linear address into a guest-physical
 * one through the guest's own paging (SDM vol. 3 4.3-4.5; APM vol. 2 5.2-
 * 5.3). The kernel needs it to read the bytes of an exiting instruction
 * where the CPU does not report its length (QEMU's SVM has no next-RIP).
 * Pure, over a guest-physical reader; unit-tested on the host.
 */
#ifndef KSH_GWALK_H
#define KSH_GWALK_H

#include <stdint.h>

/* Reads len bytes of guest-physical memory at gpa; 0 or -1. */
typedef int (*gwalk_read_fn)(void *ctx, uint64_t gpa, void *buf, uint32_t len);

struct gwalk_mode {
	uint64_t cr0, cr3, cr4, efer;
};

/* Translates gva; returns 0 with *gpa set, or -1 (not present, reserved
 * 5-level paging, or unreadable tables). */
int gwalk_translate(const struct gwalk_mode *m, uint64_t gva, gwalk_read_fn rd,
		    void *ctx, uint64_t *gpa);

/* Reads len bytes at guest-linear address gva, across pages. 0 or -1. */
int gwalk_fetch(const struct gwalk_mode *m, uint64_t gva, void *buf,
		uint32_t len, gwalk_read_fn rd, void *ctx);

#endif /* KSH_GWALK_H */
