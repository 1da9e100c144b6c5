// SPDX-License-Identifier: MIT
/*
 * multiboot1: a 32-bit Multiboot v1 test kernel (header and entry in
 * multiboot1_head.S). It checks what the loader handed over (Multiboot
 * Specification 0.6.96, 3.2 machine state, 3.3 boot information format)
 * and reports through the console hypercall.
 *
 * Serial lines, in order:
 *   MB1 magic ok                       (or: MB1 FAIL magic=0x<eax>)
 *   MB1 flags=0x<flags>
 *   MB1 mem_lower=<KiB> mem_upper=<KiB>         (if flags bit 0)
 *   MB1 mmap <i> base=0x<b> len=0x<l> type=<t>  (if flags bit 6; <= 16)
 *   MB1 mmap entries=<n> available_kb=<KiB>
 *   MB1 cmdline=<text>                 ("(none)" if flags bit 2 is clear)
 *   MB1 loader=<text>                  (only if flags bit 9)
 *   MB1 FAIL <what> ...                one per failed check, where found
 *   MB1 failures=<n>
 *   MB1 DONE
 * Checks: the magic; flags bit 0 (mem_lower/upper: the header asks for
 * them with flag bit 1) and mem_lower <= 640; flags bit 6 (memory map) with
 * entry sizes that stay inside mmap_length, and an available (type 1)
 * region holding this kernel at 1 MiB whose length covers mem_upper.
 * Exit status = failures.
 */
#include "mb_console.h"

#define MB1_BOOT_MAGIC 0x2BADB002u
#define MB1_INFO_MEM   (1u << 0)
#define MB1_INFO_CMD   (1u << 2)
#define MB1_INFO_MMAP  (1u << 6)
#define MB1_INFO_NAME  (1u << 9)
#define MB1_MMAP_SHOW  16

/* Boot information (3.3), the fields used here. */
struct mb1_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
};

/* Memory map entry: size excludes the size field itself. */
struct mb1_mmap {
	uint32_t size;
	uint32_t base_lo, base_hi;
	uint32_t len_lo, len_hi;
	uint32_t type;
} __attribute__((packed));

int mb1_main(uint32_t magic, const struct mb1_info *mbi);

static unsigned int mb1_fail;

static void mb1_check(int ok, const char *what)
{
	if (!ok) {
		mb_printf("MB1 FAIL %s\n", what);
		mb1_fail++;
	}
}

static void mb1_mmap(const struct mb1_info *mbi)
{
	uint32_t off = 0, n = 0, avail_kb = 0;
	int holds_kernel = 0;
	char b[20], l[20];

	while (off + 4 <= mbi->mmap_length) {
		const struct mb1_mmap *e =
		    (const struct mb1_mmap *)(uintptr_t)(mbi->mmap_addr + off);

		if (e->size < 20 || off + 4 + e->size > mbi->mmap_length) {
			mb_printf("MB1 FAIL mmap entry %u size=%u\n", n,
				  e->size);
			mb1_fail++;
			return;
		}
		if (n < MB1_MMAP_SHOW)
			mb_printf("MB1 mmap %u base=%s len=%s type=%u\n", n,
				  mb_hex64(b, e->base_hi, e->base_lo),
				  mb_hex64(l, e->len_hi, e->len_lo), e->type);
		if (e->type == 1) {
			/* KiB of the region, from the 64-bit length without
			 * 64-bit division */
			avail_kb += (e->len_lo >> 10) | (e->len_hi << 22);
			if (!e->base_hi && e->base_lo <= 0x100000 &&
			    (e->len_hi ||
			     e->len_lo >= 0x100000 - e->base_lo +
					      mbi->mem_upper * 1024u))
				holds_kernel = 1;
		}
		off += e->size + 4;
		n++;
	}
	mb_printf("MB1 mmap entries=%u available_kb=%u\n", n, avail_kb);
	mb1_check(n > 0, "mmap empty");
	mb1_check(holds_kernel,
		  "mmap has no available region at 1 MiB covering mem_upper");
}

int mb1_main(uint32_t magic, const struct mb1_info *mbi)
{
	char text[160];

	mb_hc_init();
	if (magic != MB1_BOOT_MAGIC) {
		/* Without the magic, EBX means nothing: stop here. */
		mb_printf("MB1 FAIL magic=0x%x\n", magic);
		mb_printf("MB1 failures=1\nMB1 DONE\n");
		return 1;
	}
	mb_printf("MB1 magic ok\n");
	mb_printf("MB1 flags=0x%x\n", mbi->flags);

	mb1_check(mbi->flags & MB1_INFO_MEM, "flags: no mem_lower/mem_upper");
	if (mbi->flags & MB1_INFO_MEM) {
		mb_printf("MB1 mem_lower=%u mem_upper=%u\n", mbi->mem_lower,
			  mbi->mem_upper);
		mb1_check(mbi->mem_lower <= 640, "mem_lower above 640 KiB");
	}
	mb1_check(mbi->flags & MB1_INFO_MMAP, "flags: no memory map");
	if (mbi->flags & MB1_INFO_MMAP)
		mb1_mmap(mbi);
	if (mbi->flags & MB1_INFO_CMD)
		mb_printf(
		    "MB1 cmdline=%s\n",
		    mb_safe_string(text, sizeof(text),
				   (const char *)(uintptr_t)mbi->cmdline));
	else
		mb_printf("MB1 cmdline=(none)\n");
	if (mbi->flags & MB1_INFO_NAME)
		mb_printf("MB1 loader=%s\n",
			  mb_safe_string(
			      text, sizeof(text),
			      (const char *)(uintptr_t)mbi->boot_loader_name));
	mb_printf("MB1 failures=%u\nMB1 DONE\n", mb1_fail);
	return (int)mb1_fail;
}
