/* SPDX-License-Identifier: MIT */
/*
 * Shared parts of the Multiboot loaders (multiboot.c: specification 0.6.96,
 * multiboot2.c: specification 2.0): the fixed low-memory boot area, the
 * load plan (ELF or the a.out kludge address fields) and its execution.
 */
#ifndef KSH_LOADER_MB_H
#define KSH_LOADER_MB_H

#include <stdbool.h>
#include <stdint.h>

#include "elf.h"

/*
 * Boot area in low memory, below the 1 MiB every payload segment must stay
 * above (MB_LOAD_MIN), so the two never collide:
 *   0x1000  flat GDT (32-bit code at LOADER_GDT_CS)
 *   0x2000  Multiboot information (v1 struct, memory map, loader name; or
 *           the v2 tag list), up to MB_INFO_END
 *   0x6000  command line (v1), MB_CMDLINE_MAX bytes with the NUL
 *   0x8000  initial stack top (the spec leaves ESP undefined; a valid one
 *           costs nothing and helps kernels that push before setting it)
 */
#define MB_GDT_GPA     0x1000ULL
#define MB_INFO_GPA    0x2000ULL
#define MB_INFO_END    0x6000ULL
#define MB_CMDLINE_GPA 0x6000ULL
#define MB_CMDLINE_MAX 0x1000ULL
#define MB_STACK_TOP   0x8000ULL
#define MB_LOAD_MIN    0x100000ULL
#define MB_LOW_END     0xA0000ULL /* conventional memory: 640 KiB */
#define MB_4G	       0x100000000ULL

#define MB_LOADER_NAME "ksh"

/* How the image gets into RAM. */
struct mb_plan {
	bool elf; /* load PT_LOAD segments; else the address fields */
	struct elf_file ef;
	uint64_t text_off; /* kludge: file offset of load_addr */
	uint64_t load_addr, load_size, bss_end;
	uint64_t entry; /* guest-physical entry point */
};

/* The a.out kludge address fields, as both versions define them. */
struct mb_addr {
	uint64_t hdr_off; /* file offset of the header's magic */
	uint32_t header_addr, load_addr, load_end_addr, bss_end_addr;
	bool text_at_file_start; /* v2 load_addr == 0xffffffff */
};

/* The highest GPA a 32-bit protected-mode kernel may be loaded below. */
uint64_t mb_load_hi(const struct guest_ram *ram);

/* Plans a load from the address fields; entry must fall in the loaded
 * range. */
int mb_plan_addr(size_t len, const struct mb_addr *a, uint32_t entry,
		 const struct guest_ram *ram, struct mb_plan *p,
		 const char **why);

/* Plans an ELF32 (i386) or ELF64 (x86-64) load at p_paddr. */
int mb_plan_elf(const void *img, size_t len, const struct guest_ram *ram,
		struct mb_plan *p, const char **why);

/* True when gpa lies in what the plan loads (for entry overrides). */
bool mb_plan_covers(const struct mb_plan *p, uint64_t gpa);

/* Copies the image, zeroes bss, writes the GDT and fills the common parts
 * of start (PROT32, rip, rsp, GDT). Only after planning succeeded. */
void mb_execute(const struct mb_plan *p, const void *img,
		const struct guest_ram *ram, struct vcpu_start *start);

/* Length of s up to max (max when no NUL within max bytes). */
size_t mb_strnlen(const char *s, size_t max);

/* Multiboot v2 (multiboot2.c): 1 when a v2 header was found and used,
 * 0 when there is none, negative on refusal. */
int mb2_try(const struct guest_ram *ram, const uint8_t *img, size_t len,
	    const char *cmdline, struct vcpu_start *start, const char **why);

/* The memory map every version reports: RAM below 640 KiB, the legacy
 * hole up to 1 MiB reserved, RAM from 1 MiB to the end. */
#define MB_MMAP_N 3
struct mb_region {
	uint64_t base, len;
	uint32_t type; /* 1 available, 2 reserved */
};
void mb_mmap(const struct guest_ram *ram, struct mb_region out[MB_MMAP_N]);

#endif /* KSH_LOADER_MB_H */
