/* SPDX-License-Identifier: MIT */
/*
 * ELF32/ELF64 reading shared by the loaders (System V gABI, "ELF Header"
 * and "Program Header"). Everything is read from the untrusted file with
 * bounds checks; nothing here writes guest RAM except elf_load_segments,
 * which runs only after elf_check_segments accepted the file.
 */
#ifndef KSH_LOADER_ELF_H
#define KSH_LOADER_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <ksh/loader.h>

#define ELF_ET_EXEC    2
#define ELF_EM_386     3
#define ELF_EM_X86_64  62
#define ELF_PT_LOAD    1
#define ELF_PT_DYNAMIC 2
#define ELF_PT_INTERP  3
#define ELF_PF_X       1

/* More program headers than this is refused as absurd: real kernels and
 * native domains have a handful. Bounds the O(n^2) overlap check. */
#define ELF_MAX_PHNUM 64

struct elf_file {
	const uint8_t *data;
	size_t len;
	unsigned int bits; /* 32 or 64 */
	uint16_t type, machine;
	uint64_t entry;
	uint64_t phoff;
	uint16_t phnum, phentsize;
};

struct elf_seg {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz;
};

/* Limits a loader puts on the PT_LOAD segments (all GPAs). */
struct elf_limits {
	uint64_t lo, hi; /* segments must lie in [lo, hi) */
	bool identity;	 /* require p_vaddr == p_paddr */
};

/* True when the buffer starts with the ELF magic (so callers can pick a
 * format before full parsing). */
bool elf_is_elf(const void *data, size_t len);

/* Parses and checks the ELF header and the program header table's place in
 * the file. Returns 0 or -LOADER_EFORMAT. */
int elf_open(struct elf_file *f, const void *data, size_t len,
	     const char **why);

/* Reads program header idx (< f->phnum); for PT_LOAD also checks that the
 * file bytes lie inside the file, filesz <= memsz and that the memory
 * range does not wrap. */
int elf_seg_get(const struct elf_file *f, unsigned int idx, struct elf_seg *s,
		const char **why);

/* Checks every PT_LOAD against lim (inside [lo, hi), no two overlapping, at
 * least one, no PT_INTERP/PT_DYNAMIC) and finds the entry point: e_entry
 * must fall inside an executable PT_LOAD's virtual range; *entry_gpa gets
 * its guest-physical address. */
int elf_check_segments(const struct elf_file *f, const struct elf_limits *lim,
		       uint64_t *entry_gpa, const char **why);

/* Copies every PT_LOAD to p_paddr and zeroes p_memsz - p_filesz after it.
 * Only after elf_check_segments returned 0 for the same RAM. */
void elf_load_segments(const struct elf_file *f, const struct guest_ram *ram);

#endif /* KSH_LOADER_ELF_H */
