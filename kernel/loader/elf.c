// SPDX-License-Identifier: MIT
/*
 * ELF32/ELF64 program-header reading with bounds checks (System V gABI,
 * chapters "ELF Header" and "Program Header"; the x86-64 psABI for the
 * 64-bit sizes). Offsets below are the gABI's field offsets.
 */
#include "elf.h"
#include "lutil.h"

#define EI_CLASS    4
#define EI_DATA	    5
#define EI_VERSION  6
#define ELFCLASS32  1
#define ELFCLASS64  2
#define ELFDATA2LSB 1
#define EV_CURRENT  1
#define EHDR32_SIZE 52u
#define EHDR64_SIZE 64u
#define PHDR32_SIZE 32u
#define PHDR64_SIZE 56u

static const uint8_t elf_magic[4] = {0x7f, 'E', 'L', 'F'};

bool elf_is_elf(const void *data, size_t len)
{
	return data && len >= 4 && memcmp(data, elf_magic, 4) == 0;
}

int elf_open(struct elf_file *f, const void *data, size_t len, const char **why)
{
	const uint8_t *p = data;

	if (!elf_is_elf(data, len) || len < 16) {
		*why = "not an ELF file (bad magic or truncated)";
		return -LOADER_EFORMAT;
	}
	if (p[EI_DATA] != ELFDATA2LSB || p[EI_VERSION] != EV_CURRENT) {
		*why = "ELF: not little-endian version 1";
		return -LOADER_EFORMAT;
	}
	memset(f, 0, sizeof(*f));
	f->data = p;
	f->len = len;
	if (p[EI_CLASS] == ELFCLASS64) {
		if (len < EHDR64_SIZE) {
			*why = "ELF: truncated ELF64 header";
			return -LOADER_EFORMAT;
		}
		f->bits = 64;
		f->entry = ld_rd64(p + 24);
		f->phoff = ld_rd64(p + 32);
		f->phentsize = ld_rd16(p + 54);
		f->phnum = ld_rd16(p + 56);
		if (f->phentsize != PHDR64_SIZE) {
			*why = "ELF: e_phentsize is not 56 for ELF64";
			return -LOADER_EFORMAT;
		}
	} else if (p[EI_CLASS] == ELFCLASS32) {
		if (len < EHDR32_SIZE) {
			*why = "ELF: truncated ELF32 header";
			return -LOADER_EFORMAT;
		}
		f->bits = 32;
		f->entry = ld_rd32(p + 24);
		f->phoff = ld_rd32(p + 28);
		f->phentsize = ld_rd16(p + 42);
		f->phnum = ld_rd16(p + 44);
		if (f->phentsize != PHDR32_SIZE) {
			*why = "ELF: e_phentsize is not 32 for ELF32";
			return -LOADER_EFORMAT;
		}
	} else {
		*why = "ELF: unknown class (neither ELF32 nor ELF64)";
		return -LOADER_EFORMAT;
	}
	f->type = ld_rd16(p + 16);
	f->machine = ld_rd16(p + 18);
	if (ld_rd32(p + 20) != EV_CURRENT) {
		*why = "ELF: e_version is not 1";
		return -LOADER_EFORMAT;
	}
	if (f->phnum == 0) {
		*why = "ELF: no program headers";
		return -LOADER_EFORMAT;
	}
	/* Also catches PN_XNUM (0xffff, count in section 0): never needed by
	 * a loadable kernel image. */
	if (f->phnum > ELF_MAX_PHNUM) {
		*why = "ELF: absurd program header count";
		return -LOADER_EFORMAT;
	}
	/* phnum * phentsize <= 64 * 56, so only the offset can overflow. */
	if (!ld_range_in(f->phoff, (uint64_t)f->phnum * f->phentsize, 0, len)) {
		*why = "ELF: program header table outside the file";
		return -LOADER_EFORMAT;
	}
	return 0;
}

int elf_seg_get(const struct elf_file *f, unsigned int idx, struct elf_seg *s,
		const char **why)
{
	const uint8_t *ph = f->data + f->phoff + (uint64_t)idx * f->phentsize;

	if (f->bits == 64) {
		s->type = ld_rd32(ph);
		s->flags = ld_rd32(ph + 4);
		s->offset = ld_rd64(ph + 8);
		s->vaddr = ld_rd64(ph + 16);
		s->paddr = ld_rd64(ph + 24);
		s->filesz = ld_rd64(ph + 32);
		s->memsz = ld_rd64(ph + 40);
	} else {
		s->type = ld_rd32(ph);
		s->offset = ld_rd32(ph + 4);
		s->vaddr = ld_rd32(ph + 8);
		s->paddr = ld_rd32(ph + 12);
		s->filesz = ld_rd32(ph + 16);
		s->memsz = ld_rd32(ph + 20);
		s->flags = ld_rd32(ph + 24);
	}
	if (s->type != ELF_PT_LOAD)
		return 0;
	if (s->filesz > s->memsz) {
		*why = "ELF: PT_LOAD with p_filesz > p_memsz";
		return -LOADER_EFORMAT;
	}
	if (!ld_range_in(s->offset, s->filesz, 0, f->len)) {
		*why = "ELF: PT_LOAD file bytes outside the file";
		return -LOADER_EFORMAT;
	}
	if (s->paddr + s->memsz < s->paddr || s->vaddr + s->memsz < s->vaddr) {
		*why = "ELF: PT_LOAD address range wraps around";
		return -LOADER_EFORMAT;
	}
	return 0;
}

int elf_check_segments(const struct elf_file *f, const struct elf_limits *lim,
		       uint64_t *entry_gpa, const char **why)
{
	struct elf_seg s, t;
	unsigned int loads = 0;
	bool entry_found = false;
	int rc;

	for (unsigned int i = 0; i < f->phnum; i++) {
		rc = elf_seg_get(f, i, &s, why);
		if (rc)
			return rc;
		if (s.type == ELF_PT_INTERP || s.type == ELF_PT_DYNAMIC) {
			*why = "ELF: dynamic executables are not supported";
			return -LOADER_EUNSUPPORTED;
		}
		if (s.type != ELF_PT_LOAD || s.memsz == 0)
			continue;
		loads++;
		if (!ld_range_in(s.paddr, s.memsz, lim->lo, lim->hi)) {
			*why = "ELF: PT_LOAD outside the RAM the payload may "
			       "use";
			return -LOADER_ERANGE;
		}
		if (lim->identity && s.vaddr != s.paddr) {
			*why = "ELF: p_vaddr != p_paddr in an identity-mapped "
			       "image";
			return -LOADER_EUNSUPPORTED;
		}
		for (unsigned int j = 0; j < i; j++) {
			/* Already validated on an earlier pass of i. */
			(void)elf_seg_get(f, j, &t, why);
			if (t.type == ELF_PT_LOAD &&
			    ld_overlap(s.paddr, s.memsz, t.paddr, t.memsz)) {
				*why = "ELF: PT_LOAD segments overlap";
				return -LOADER_EFORMAT;
			}
		}
		if ((s.flags & ELF_PF_X) && f->entry >= s.vaddr &&
		    f->entry - s.vaddr < s.memsz) {
			*entry_gpa = s.paddr + (f->entry - s.vaddr);
			entry_found = true;
		}
	}
	if (loads == 0) {
		*why = "ELF: no loadable segment";
		return -LOADER_EFORMAT;
	}
	if (!entry_found) {
		*why = "ELF: entry point is not in an executable segment";
		return -LOADER_EFORMAT;
	}
	return 0;
}

void elf_load_segments(const struct elf_file *f, const struct guest_ram *ram)
{
	struct elf_seg s;
	const char *why;

	for (unsigned int i = 0; i < f->phnum; i++) {
		if (elf_seg_get(f, i, &s, &why) || s.type != ELF_PT_LOAD ||
		    s.memsz == 0)
			continue;
		memcpy(ram->base + s.paddr, f->data + s.offset, s.filesz);
		memset(ram->base + s.paddr + s.filesz, 0, s.memsz - s.filesz);
	}
}
