// SPDX-License-Identifier: MIT
/*
 * Load planning shared by Multiboot v1 and v2: the image goes in either by
 * its ELF program headers or by the "a.out kludge" address fields
 * (Multiboot 0.6.96 section 3.1.3; Multiboot2 3.1.5, the address tag), and
 * the vCPU starts in flat 32-bit protected mode with paging off (0.6.96
 * 3.2, Multiboot2 3.3: "Machine state").
 */
#include "lutil.h"
#include "mb.h"

/* RFLAGS: reserved bit 1 set; IF and VM clear as both specs require. */
#define MB_RFLAGS 0x2ULL

size_t mb_strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

uint64_t mb_load_hi(const struct guest_ram *ram)
{
	return ram->size < MB_4G ? ram->size : MB_4G;
}

int mb_plan_addr(size_t len, const struct mb_addr *a, uint32_t entry,
		 const struct guest_ram *ram, struct mb_plan *p,
		 const char **why)
{
	uint64_t header_addr = a->header_addr, load_addr = a->load_addr;

	memset(p, 0, sizeof(*p));
	if (a->text_at_file_start) {
		/* Multiboot2 3.1.5: load_addr -1 means the text starts at
		 * the beginning of the image. */
		if (header_addr < a->hdr_off) {
			*why = "multiboot: header_addr below the image start";
			return -LOADER_EFORMAT;
		}
		load_addr = header_addr - a->hdr_off;
	}
	/* 0.6.96 3.1.3: load_addr <= header_addr, and the text starts
	 * header_addr - load_addr bytes before the header in the file. */
	if (load_addr > header_addr || header_addr - load_addr > a->hdr_off) {
		*why = "multiboot: load_addr inconsistent with header_addr";
		return -LOADER_EFORMAT;
	}
	p->text_off = a->hdr_off - (header_addr - load_addr);
	p->load_addr = load_addr;
	if (a->load_end_addr == 0) {
		p->load_size = len - p->text_off;
	} else {
		if (a->load_end_addr <= load_addr) {
			*why = "multiboot: load_end_addr not above load_addr";
			return -LOADER_EFORMAT;
		}
		p->load_size = a->load_end_addr - load_addr;
		if (p->load_size > len - p->text_off) {
			*why = "multiboot: load_end_addr beyond the file";
			return -LOADER_EFORMAT;
		}
	}
	p->bss_end = load_addr + p->load_size;
	if (a->bss_end_addr != 0) {
		if (a->bss_end_addr < p->bss_end) {
			*why = "multiboot: bss_end_addr below load_end_addr";
			return -LOADER_EFORMAT;
		}
		p->bss_end = a->bss_end_addr;
	}
	if (!ld_range_in(load_addr, p->bss_end - load_addr, MB_LOAD_MIN,
			 mb_load_hi(ram))) {
		*why = "multiboot: image outside RAM above 1 MiB";
		return -LOADER_ERANGE;
	}
	p->entry = entry;
	if (!mb_plan_covers(p, entry)) {
		*why = "multiboot: entry_addr outside the loaded image";
		return -LOADER_EFORMAT;
	}
	return 0;
}

int mb_plan_elf(const void *img, size_t len, const struct guest_ram *ram,
		struct mb_plan *p, const char **why)
{
	int rc;

	memset(p, 0, sizeof(*p));
	p->elf = true;
	rc = elf_open(&p->ef, img, len, why);
	if (rc)
		return rc;
	if (!((p->ef.bits == 32 && p->ef.machine == ELF_EM_386) ||
	      (p->ef.bits == 64 && p->ef.machine == ELF_EM_X86_64))) {
		*why = "multiboot: ELF is neither i386 ELF32 nor x86-64 ELF64";
		return -LOADER_EFORMAT;
	}
	if (p->ef.type != ELF_ET_EXEC) {
		*why = "multiboot: ELF is not an ET_EXEC executable";
		return -LOADER_EFORMAT;
	}
	/* Segments go to p_paddr; the entry is e_entry translated from the
	 * virtual to the physical address of its segment (kernels linked
	 * high with AT() load addresses). */
	struct elf_limits lim = {
	    .lo = MB_LOAD_MIN, .hi = mb_load_hi(ram), .identity = false};
	return elf_check_segments(&p->ef, &lim, &p->entry, why);
}

bool mb_plan_covers(const struct mb_plan *p, uint64_t gpa)
{
	if (!p->elf)
		return gpa >= p->load_addr && gpa - p->load_addr < p->load_size;

	struct elf_seg s;
	const char *why;
	for (unsigned int i = 0; i < p->ef.phnum; i++)
		if (elf_seg_get(&p->ef, i, &s, &why) == 0 &&
		    s.type == ELF_PT_LOAD && gpa >= s.paddr &&
		    gpa - s.paddr < s.memsz)
			return true;
	return false;
}

void mb_execute(const struct mb_plan *p, const void *img,
		const struct guest_ram *ram, struct vcpu_start *start)
{
	const uint8_t *src = img;

	if (p->elf) {
		elf_load_segments(&p->ef, ram);
	} else {
		memcpy(ram->base + p->load_addr, src + p->text_off,
		       p->load_size);
		memset(ram->base + p->load_addr + p->load_size, 0,
		       p->bss_end - p->load_addr - p->load_size);
	}
	memset(ram->base + MB_GDT_GPA, 0, LOADER_PAGE);
	ld_gdt_write(ram->base + MB_GDT_GPA, false);

	memset(start, 0, sizeof(*start));
	start->mode = VCPU_START_PROT32;
	start->rip = p->entry;
	start->rsp = MB_STACK_TOP;
	start->rflags = MB_RFLAGS;
	start->gdt_base = MB_GDT_GPA;
	start->gdt_limit = LOADER_GDT_SIZE - 1;
}

void mb_mmap(const struct guest_ram *ram, struct mb_region out[MB_MMAP_N])
{
	out[0] = (struct mb_region){0, MB_LOW_END, 1};
	out[1] = (struct mb_region){MB_LOW_END, MB_LOAD_MIN - MB_LOW_END, 2};
	out[2] = (struct mb_region){MB_LOAD_MIN, ram->size - MB_LOAD_MIN, 1};
}
