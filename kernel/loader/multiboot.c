// SPDX-License-Identifier: MIT
/*
 * Multiboot loader, version 1 (Multiboot Specification 0.6.96) and the
 * entry point that picks the version (a v2 header wins when an image
 * carries both, as it is the richer contract; multiboot2.c).
 *
 * v1: the header is a 32-bit aligned {magic, flags, checksum} within the
 * first 8192 bytes (3.1.1); flags bits 0-15 are requirements the loader
 * must refuse when it cannot meet them, bits 16-31 optional (3.1.2).
 * Info structure: 3.3; machine state: 3.2.
 */
#include "lutil.h"
#include "mb.h"

#define MB1_MAGIC	 0x1BADB002u
#define MB1_BOOT_MAGIC	 0x2BADB002u /* EAX at entry (3.2) */
#define MB1_SEARCH	 8192u
#define MB1_HDR_MIN	 12u /* magic, flags, checksum */
#define MB1_HDR_ADDR_END 32u /* + header_addr .. entry_addr */

/* Header flags (3.1.2). */
#define MB1_F_PAGE_ALIGN 0x00000001u /* modules 4 KiB aligned: none loaded */
#define MB1_F_MEMINFO	 0x00000002u /* mem_* fields: always given */
#define MB1_F_VIDEO	 0x00000004u /* video mode table: not offered */
#define MB1_F_ADDR	 0x00010000u /* address fields valid (a.out kludge) */
#define MB1_F_REQUIRED	 0x0000ffffu
#define MB1_F_KNOWN_REQ	 (MB1_F_PAGE_ALIGN | MB1_F_MEMINFO)

/* Info flags (3.3) and field offsets in the info structure. */
#define MBI_F_MEM     0x001u
#define MBI_F_CMDLINE 0x004u
#define MBI_F_MODS    0x008u
#define MBI_F_MMAP    0x040u
#define MBI_F_NAME    0x200u
#define MBI_FLAGS     0
#define MBI_MEM_LOWER 4
#define MBI_MEM_UPPER 8
#define MBI_CMDLINE   16
#define MBI_MODS_CNT  20
#define MBI_MODS_ADDR 24
#define MBI_MMAP_LEN  44
#define MBI_MMAP_ADDR 48
#define MBI_NAME      64
#define MBI_SIZE      120 /* through the framebuffer fields */

/* Placement inside the boot area (mb.h). */
#define MB1_MMAP_GPA (MB_INFO_GPA + 0x100)
#define MB1_NAME_GPA (MB_INFO_GPA + 0x200)
#define MB1_MMAP_ENT 24u /* size field + base, length, type */

/* Finds the first aligned magic whose checksum holds (as GRUB does: a
 * stray magic with a wrong checksum is skipped). Returns its offset or -1. */
static long mb1_find(const uint8_t *img, size_t len)
{
	size_t end = len < MB1_SEARCH ? len : MB1_SEARCH;

	for (size_t off = 0; off + MB1_HDR_MIN <= end; off += 4) {
		uint32_t magic = ld_rd32(img + off);
		if (magic != MB1_MAGIC)
			continue;
		uint32_t sum =
		    magic + ld_rd32(img + off + 4) + ld_rd32(img + off + 8);
		if (sum == 0)
			return (long)off;
	}
	return -1;
}

static void mb1_write_info(const struct guest_ram *ram, const char *cmdline,
			   size_t cmd_len)
{
	uint8_t *b = ram->base;
	uint8_t *mbi = b + MB_INFO_GPA;
	struct mb_region map[MB_MMAP_N];
	uint64_t upper = (ram->size - MB_LOAD_MIN) / 1024;

	memset(b + MB_INFO_GPA, 0, MB_INFO_END - MB_INFO_GPA);
	ld_wr32(mbi + MBI_FLAGS, MBI_F_MEM | MBI_F_CMDLINE | MBI_F_MODS |
				     MBI_F_MMAP | MBI_F_NAME);
	/* mem_lower: KiB from 0, at most 640; mem_upper: KiB from 1 MiB to
	 * the first hole, which is the end of RAM here. */
	ld_wr32(mbi + MBI_MEM_LOWER, (uint32_t)(MB_LOW_END / 1024));
	ld_wr32(mbi + MBI_MEM_UPPER,
		upper > 0xffffffffULL ? 0xffffffffu : (uint32_t)upper);
	memset(b + MB_CMDLINE_GPA, 0, MB_CMDLINE_MAX);
	memcpy(b + MB_CMDLINE_GPA, cmdline, cmd_len);
	ld_wr32(mbi + MBI_CMDLINE, (uint32_t)MB_CMDLINE_GPA);
	ld_wr32(mbi + MBI_MODS_CNT, 0);
	ld_wr32(mbi + MBI_MODS_ADDR, 0);

	/* Memory map entries (3.3): size excludes the size field itself. */
	mb_mmap(ram, map);
	for (unsigned int i = 0; i < MB_MMAP_N; i++) {
		uint8_t *e = b + MB1_MMAP_GPA + i * MB1_MMAP_ENT;
		ld_wr32(e, MB1_MMAP_ENT - 4);
		ld_wr64(e + 4, map[i].base);
		ld_wr64(e + 12, map[i].len);
		ld_wr32(e + 20, map[i].type);
	}
	ld_wr32(mbi + MBI_MMAP_LEN, MB_MMAP_N * MB1_MMAP_ENT);
	ld_wr32(mbi + MBI_MMAP_ADDR, (uint32_t)MB1_MMAP_GPA);

	memcpy(b + MB1_NAME_GPA, MB_LOADER_NAME, sizeof(MB_LOADER_NAME));
	ld_wr32(mbi + MBI_NAME, (uint32_t)MB1_NAME_GPA);
}

static int mb1_load(const struct guest_ram *ram, const uint8_t *img, size_t len,
		    const char *cmdline, size_t cmd_len,
		    struct vcpu_start *start, const char **why)
{
	long off = mb1_find(img, len);
	struct mb_plan plan;
	int rc;

	if (off < 0) {
		*why = "multiboot: no Multiboot header in the first 8 KiB";
		return -LOADER_EFORMAT;
	}
	const uint8_t *h = img + off;
	uint32_t flags = ld_rd32(h + 4);

	if (flags & MB1_F_VIDEO) {
		*why = "multiboot: kernel requires a video mode (flag 2); "
		       "there is no display";
		return -LOADER_EUNSUPPORTED;
	}
	if (flags & MB1_F_REQUIRED & ~MB1_F_KNOWN_REQ) {
		*why = "multiboot: kernel requires an unknown feature (flags "
		       "bits 3-15)";
		return -LOADER_EUNSUPPORTED;
	}
	if (flags & MB1_F_ADDR) {
		/* 3.1.3: the address fields take precedence over ELF. */
		if ((size_t)off + MB1_HDR_ADDR_END > len ||
		    (size_t)off + MB1_HDR_ADDR_END > MB1_SEARCH) {
			*why = "multiboot: header address fields truncated";
			return -LOADER_EFORMAT;
		}
		struct mb_addr a = {
		    .hdr_off = (uint64_t)off,
		    .header_addr = ld_rd32(h + 12),
		    .load_addr = ld_rd32(h + 16),
		    .load_end_addr = ld_rd32(h + 20),
		    .bss_end_addr = ld_rd32(h + 24),
		};
		rc = mb_plan_addr(len, &a, ld_rd32(h + 28), ram, &plan, why);
	} else if (elf_is_elf(img, len)) {
		rc = mb_plan_elf(img, len, ram, &plan, why);
	} else {
		*why = "multiboot: not ELF and no address fields (flag 16)";
		return -LOADER_EFORMAT;
	}
	if (rc)
		return rc;

	mb_execute(&plan, img, ram, start);
	mb1_write_info(ram, cmdline, cmd_len);
	start->rax = MB1_BOOT_MAGIC;
	start->rbx = MB_INFO_GPA;
	return 0;
}

int loader_multiboot(const struct guest_ram *ram, const void *image, size_t len,
		     const char *cmdline, struct vcpu_start *start,
		     const char **why)
{
	const uint8_t *img = image;

	if (!ram || !ram->base || ram->size <= MB_LOAD_MIN) {
		*why = "multiboot: RAM must extend above 1 MiB";
		return -LOADER_ESPACE;
	}
	if (!img || !start) {
		*why = "multiboot: no image";
		return -LOADER_EFORMAT;
	}
	if (!cmdline)
		cmdline = "";
	size_t cmd_len = mb_strnlen(cmdline, MB_CMDLINE_MAX);
	if (cmd_len >= MB_CMDLINE_MAX) {
		*why = "multiboot: command line longer than 4095 bytes";
		return -LOADER_ESPACE;
	}
	int rc = mb2_try(ram, img, len, cmdline, start, why);
	if (rc != 0)
		return rc < 0 ? rc : 0;
	return mb1_load(ram, img, len, cmdline, cmd_len, start, why);
}
