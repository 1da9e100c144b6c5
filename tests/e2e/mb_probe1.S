/* SPDX-License-Identifier: MIT */
/* Multiboot v1 header and entry of the probe (mb_probe.c). */
#define MB1_MAGIC 0x1BADB002
#define MB1_FLAGS 0x00000003
	.section .multiboot, "a"
	.align 4
	.long MB1_MAGIC
	.long MB1_FLAGS
	.long -(MB1_MAGIC + MB1_FLAGS)
#include "mb_probe_entry.S"
