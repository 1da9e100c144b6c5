// SPDX-License-Identifier: MIT
/*
 * Multiboot2 (Multiboot Specification version 2.0): header tags (3.1),
 * machine state (3.3) and the boot information tag list (3.6).
 *
 * The header is an 8-byte aligned {magic, architecture, header_length,
 * checksum} wholly inside the first 32768 bytes (3.1.1), followed by tags
 * padded to 8 bytes and closed by an end tag. A tag whose "optional" flag
 * (bit 0) is clear must be honoured or the image refused (3.1.3).
 */
#include "lutil.h"
#include "mb.h"

#define MB2_MAGIC      0xE85250D6u
#define MB2_BOOT_MAGIC 0x36d76289u /* EAX at entry (3.3) */
#define MB2_SEARCH     32768u
#define MB2_ARCH_I386  0u
#define MB2_HDR_FIXED  16u
#define MB2_OPTIONAL   0x1u

/* Header tag types (3.1.3 - 3.1.13). */
enum mb2_htag {
	MB2_H_END = 0,
	MB2_H_INFO_REQ = 1,
	MB2_H_ADDRESS = 2,
	MB2_H_ENTRY = 3,
	MB2_H_CONSOLE = 4,
	MB2_H_FRAMEBUFFER = 5,
	MB2_H_MODALIGN = 6,
	MB2_H_EFI_BS = 7,
	MB2_H_ENTRY_EFI32 = 8,
	MB2_H_ENTRY_EFI64 = 9,
	MB2_H_RELOCATABLE = 10,
};

/* Boot information tag types (3.6). */
#define MB2_I_END     0u
#define MB2_I_CMDLINE 1u
#define MB2_I_NAME    2u
#define MB2_I_MODULE  3u
#define MB2_I_MEMINFO 4u
#define MB2_I_MMAP    6u

#define MB2_CONSOLE_REQUIRED 0x1u /* console_flags bit 0 (3.1.7) */
#define MB2_MMAP_ENTRY	     24u

static uint64_t align8(uint64_t v)
{
	return (v + 7) & ~7ULL;
}

/* Whether we can give what an information request asks for. Modules
 * (type 3) are satisfied trivially: no module is ever loaded. */
static bool mb2_info_supported(uint32_t type)
{
	return type == MB2_I_CMDLINE || type == MB2_I_NAME ||
	       type == MB2_I_MODULE || type == MB2_I_MEMINFO ||
	       type == MB2_I_MMAP;
}

static long mb2_find(const uint8_t *img, size_t len)
{
	size_t end = len < MB2_SEARCH ? len : MB2_SEARCH;

	for (size_t off = 0; off + MB2_HDR_FIXED <= end; off += 8) {
		uint32_t magic = ld_rd32(img + off);
		if (magic != MB2_MAGIC)
			continue;
		uint32_t sum = magic + ld_rd32(img + off + 4) +
			       ld_rd32(img + off + 8) + ld_rd32(img + off + 12);
		if (sum == 0)
			return (long)off;
	}
	return -1;
}

/* What the header tags asked for. */
struct mb2_hdr {
	bool have_addr, have_entry;
	struct mb_addr addr;
	uint32_t entry;
};

/* Exact size each known tag must have (3.1.4 - 3.1.13); 0 = variable. */
static uint32_t mb2_tag_size(uint16_t type)
{
	switch (type) {
	case MB2_H_END:
	case MB2_H_MODALIGN:
	case MB2_H_EFI_BS:
		return 8;
	case MB2_H_ENTRY:
	case MB2_H_CONSOLE:
	case MB2_H_ENTRY_EFI32:
	case MB2_H_ENTRY_EFI64:
		return 12;
	case MB2_H_FRAMEBUFFER:
		return 20;
	case MB2_H_ADDRESS:
	case MB2_H_RELOCATABLE:
		return 24;
	default:
		return 0;
	}
}

static int mb2_tag(const uint8_t *t, uint16_t type, uint16_t flags,
		   uint32_t size, struct mb2_hdr *h, const char **why)
{
	bool optional = flags & MB2_OPTIONAL;
	uint32_t want = mb2_tag_size(type);

	if (type <= MB2_H_RELOCATABLE && want && size != want) {
		*why = "multiboot2: header tag has the wrong size";
		return -LOADER_EFORMAT;
	}
	switch (type) {
	case MB2_H_END:
		return 0;
	case MB2_H_INFO_REQ:
		if ((size - 8) % 4) {
			*why = "multiboot2: information request size not a "
			       "multiple of 4";
			return -LOADER_EFORMAT;
		}
		for (uint32_t i = 8; i < size && !optional; i += 4) {
			if (!mb2_info_supported(ld_rd32(t + i))) {
				*why = "multiboot2: kernel requires boot "
				       "information we do not provide";
				return -LOADER_EUNSUPPORTED;
			}
		}
		return 0;
	case MB2_H_ADDRESS:
		h->have_addr = true;
		h->addr.header_addr = ld_rd32(t + 8);
		h->addr.load_addr = ld_rd32(t + 12);
		h->addr.load_end_addr = ld_rd32(t + 16);
		h->addr.bss_end_addr = ld_rd32(t + 20);
		h->addr.text_at_file_start = h->addr.load_addr == 0xffffffffu;
		return 0;
	case MB2_H_ENTRY:
		h->have_entry = true;
		h->entry = ld_rd32(t + 8);
		return 0;
	case MB2_H_CONSOLE:
		/* We describe no console in the boot information. */
		if (!optional && (ld_rd32(t + 8) & MB2_CONSOLE_REQUIRED)) {
			*why = "multiboot2: kernel requires a console";
			return -LOADER_EUNSUPPORTED;
		}
		return 0;
	case MB2_H_MODALIGN:
	case MB2_H_ENTRY_EFI32:
	case MB2_H_ENTRY_EFI64:
		/* No modules; EFI entries apply only with boot services
		 * (3.1.11, 3.1.12), which are refused below. */
		return 0;
	case MB2_H_RELOCATABLE:
		/* Loading at the linked address is one valid choice. */
		return 0;
	case MB2_H_FRAMEBUFFER:
	case MB2_H_EFI_BS:
	default:
		if (optional)
			return 0;
		*why = type == MB2_H_FRAMEBUFFER
			   ? "multiboot2: kernel requires a framebuffer"
		       : type == MB2_H_EFI_BS
			   ? "multiboot2: kernel requires EFI boot services"
			   : "multiboot2: unknown required header tag";
		return -LOADER_EUNSUPPORTED;
	}
}

static int mb2_parse(const uint8_t *img, size_t len, size_t off,
		     struct mb2_hdr *h, const char **why)
{
	const uint8_t *hd = img + off;
	uint32_t hlen = ld_rd32(hd + 8);

	if (ld_rd32(hd + 4) != MB2_ARCH_I386) {
		*why = "multiboot2: architecture is not i386";
		return -LOADER_EUNSUPPORTED;
	}
	if (hlen < MB2_HDR_FIXED + 8 || !ld_range_in(off, hlen, 0, len) ||
	    !ld_range_in(off, hlen, 0, MB2_SEARCH)) {
		*why = "multiboot2: header_length outside the file or the "
		       "first 32 KiB";
		return -LOADER_EFORMAT;
	}
	memset(h, 0, sizeof(*h));
	for (uint64_t pos = MB2_HDR_FIXED; pos + 8 <= hlen;) {
		const uint8_t *t = hd + pos;
		uint16_t type = ld_rd16(t), flags = ld_rd16(t + 2);
		uint32_t size = ld_rd32(t + 4);
		if (size < 8 || size > hlen - pos) {
			*why = "multiboot2: header tag size out of bounds";
			return -LOADER_EFORMAT;
		}
		int rc = mb2_tag(t, type, flags, size, h, why);
		if (rc)
			return rc;
		if (type == MB2_H_END)
			return 0;
		pos += align8(size);
	}
	*why = "multiboot2: header has no end tag";
	return -LOADER_EFORMAT;
}

/* Appends one tag at *pos (8-aligned) and returns a pointer to its
 * payload. */
static uint8_t *mb2_put(uint8_t *mbi, uint64_t *pos, uint32_t type,
			uint32_t size)
{
	uint8_t *t = mbi + *pos;
	ld_wr32(t, type);
	ld_wr32(t + 4, size);
	*pos += align8(size);
	return t + 8;
}

static void mb2_write_info(const struct guest_ram *ram, const char *cmdline,
			   size_t cmd_len)
{
	uint8_t *mbi = ram->base + MB_INFO_GPA;
	uint64_t pos = 8;
	struct mb_region map[MB_MMAP_N];
	uint64_t upper = (ram->size - MB_LOAD_MIN) / 1024;
	uint8_t *p;

	memset(mbi, 0, MB_INFO_END - MB_INFO_GPA);
	p = mb2_put(mbi, &pos, MB2_I_CMDLINE, (uint32_t)(8 + cmd_len + 1));
	memcpy(p, cmdline, cmd_len);
	p = mb2_put(mbi, &pos, MB2_I_NAME, 8 + sizeof(MB_LOADER_NAME));
	memcpy(p, MB_LOADER_NAME, sizeof(MB_LOADER_NAME));
	p = mb2_put(mbi, &pos, MB2_I_MEMINFO, 16);
	ld_wr32(p, (uint32_t)(MB_LOW_END / 1024));
	ld_wr32(p + 4, upper > 0xffffffffULL ? 0xffffffffu : (uint32_t)upper);
	p = mb2_put(mbi, &pos, MB2_I_MMAP, 16 + MB_MMAP_N * MB2_MMAP_ENTRY);
	ld_wr32(p, MB2_MMAP_ENTRY);
	ld_wr32(p + 4, 0); /* entry_version */
	mb_mmap(ram, map);
	for (unsigned int i = 0; i < MB_MMAP_N; i++) {
		uint8_t *e = p + 8 + i * MB2_MMAP_ENTRY;
		ld_wr64(e, map[i].base);
		ld_wr64(e + 8, map[i].len);
		ld_wr32(e + 16, map[i].type);
	}
	mb2_put(mbi, &pos, MB2_I_END, 8);
	ld_wr32(mbi, (uint32_t)pos); /* total_size */
}

int mb2_try(const struct guest_ram *ram, const uint8_t *img, size_t len,
	    const char *cmdline, struct vcpu_start *start, const char **why)
{
	long off = mb2_find(img, len);
	struct mb2_hdr h;
	struct mb_plan plan;
	int rc;

	if (off < 0)
		return 0;
	rc = mb2_parse(img, len, (size_t)off, &h, why);
	if (rc)
		return rc;
	if (h.have_addr) {
		if (!h.have_entry) {
			*why = "multiboot2: address tag without entry tag";
			return -LOADER_EFORMAT;
		}
		h.addr.hdr_off = (uint64_t)off;
		rc = mb_plan_addr(len, &h.addr, h.entry, ram, &plan, why);
	} else if (elf_is_elf(img, len)) {
		rc = mb_plan_elf(img, len, ram, &plan, why);
		if (rc == 0 && h.have_entry) {
			if (!mb_plan_covers(&plan, h.entry)) {
				*why = "multiboot2: entry tag outside the "
				       "loaded image";
				return -LOADER_EFORMAT;
			}
			plan.entry = h.entry;
		}
	} else {
		*why = "multiboot2: not ELF and no address tag";
		return -LOADER_EFORMAT;
	}
	if (rc)
		return rc;

	mb_execute(&plan, img, ram, start);
	mb2_write_info(ram, cmdline, mb_strnlen(cmdline, MB_CMDLINE_MAX));
	start->rax = MB2_BOOT_MAGIC;
	start->rbx = MB_INFO_GPA;
	return 1;
}
