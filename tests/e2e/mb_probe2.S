/* SPDX-License-Identifier: MIT */
/* Multiboot2 header (information request: command line, memory info) and
 * entry of the probe (mb_probe.c). */
#define MB2_MAGIC 0xE85250D6
	.section .multiboot, "a"
	.align 8
mb2_header:
	.long MB2_MAGIC
	.long 0
	.long mb2_end - mb2_header
	.long -(MB2_MAGIC + (mb2_end - mb2_header))
	.align 8
	.short 1, 0
	.long 16
	.long 1, 4
	.align 8
	.short 0, 0
	.long 8
mb2_end:
#include "mb_probe_entry.S"
