// SPDX-License-Identifier: MIT
/*
 * multiboot2: a 32-bit Multiboot2 test kernel (header and entry in
 * multiboot2_head.S). It walks the boot information (Multiboot2
 * Specification 2.0, 3.6) and reports through the console hypercall.
 *
 * Serial lines, in order:
 *   MB2 magic ok                        (or: MB2 FAIL magic=0x<eax>)
 *   MB2 info total_size=<n>
 *   MB2 tag type=<t> size=<s>           one per tag, in the loader's order
 *   MB2 cmdline=<text>                  (tag 1)
 *   MB2 loader=<text>                   (tag 2)
 *   MB2 mem_lower=<KiB> mem_upper=<KiB> (tag 4)
 *   MB2 mmap <i> base=0x<b> len=0x<l> type=<t>   (tag 6, <= 16 shown)
 *   MB2 mmap entries=<n> available_kb=<KiB>
 *     (the lines of a tag follow its "MB2 tag" line)
 *   MB2 FAIL <what> ...                 one per failed check
 *   MB2 failures=<n>
 *   MB2 DONE
 * Checks: the magic; EBX 8-byte aligned; total_size sane (16 .. 1 MiB);
 * every tag 8-byte aligned with size >= 8 inside total_size; the list ends
 * with an end tag (type 0, size 8); a command line tag and a memory map
 * tag are present, the map with entry_size >= 24 and an available region
 * holding this kernel at 1 MiB. Exit status = failures.
 */
#include "mb_console.h"

#define MB2_BOOT_MAGIC 0x36D76289u
#define MB2_TAG_END    0
#define MB2_TAG_CMD    1
#define MB2_TAG_NAME   2
#define MB2_TAG_MEM    4
#define MB2_TAG_MMAP   6
#define MB2_MMAP_SHOW  16

struct mb2_tag {
	uint32_t type, size;
};

struct mb2_mmap_entry {
	uint32_t base_lo, base_hi;
	uint32_t len_lo, len_hi;
	uint32_t type, reserved;
};

int mb2_main(uint32_t magic, uint32_t info);

static unsigned int mb2_fail;

static void mb2_check(int ok, const char *what)
{
	if (!ok) {
		mb_printf("MB2 FAIL %s\n", what);
		mb2_fail++;
	}
}

static void mb2_mmap(const struct mb2_tag *tag)
{
	const uint32_t *hdr = (const uint32_t *)(tag + 1);
	uint32_t esize = hdr[0], n = 0, avail_kb = 0;
	int holds_kernel = 0;
	char b[20], l[20];

	if (tag->size < 16 || esize < 24) {
		mb_printf("MB2 FAIL mmap tag size=%u entry_size=%u\n",
			  tag->size, tag->size >= 16 ? esize : 0);
		mb2_fail++;
		return;
	}
	for (uint32_t off = 16; off + esize <= tag->size; off += esize, n++) {
		const struct mb2_mmap_entry *e =
		    (const struct mb2_mmap_entry *)((const char *)tag + off);

		if (n < MB2_MMAP_SHOW)
			mb_printf("MB2 mmap %u base=%s len=%s type=%u\n", n,
				  mb_hex64(b, e->base_hi, e->base_lo),
				  mb_hex64(l, e->len_hi, e->len_lo), e->type);
		if (e->type == 1) {
			avail_kb += (e->len_lo >> 10) | (e->len_hi << 22);
			if (!e->base_hi && e->base_lo <= 0x100000 &&
			    (e->len_hi || e->base_lo + e->len_lo > 0x100000))
				holds_kernel = 1;
		}
	}
	mb_printf("MB2 mmap entries=%u available_kb=%u\n", n, avail_kb);
	mb2_check(n > 0, "mmap empty");
	mb2_check(holds_kernel, "mmap has no available region at 1 MiB");
}

int mb2_main(uint32_t magic, uint32_t info)
{
	char text[160];
	uint32_t total, off;
	int have_cmd = 0, have_mmap = 0, ended = 0;

	mb_hc_init();
	if (magic != MB2_BOOT_MAGIC) {
		mb_printf("MB2 FAIL magic=0x%x\n", magic);
		mb_printf("MB2 failures=1\nMB2 DONE\n");
		return 1;
	}
	mb_printf("MB2 magic ok\n");
	mb2_check((info & 7) == 0, "info not 8-byte aligned");
	total = *(const uint32_t *)(uintptr_t)info;
	mb_printf("MB2 info total_size=%u\n", total);
	mb2_check(total >= 16 && total <= 0x100000, "total_size out of range");
	if (total < 16 || total > 0x100000)
		total = 16; /* do not walk an absurd size */

	for (off = 8; off + 8 <= total;) {
		const struct mb2_tag *tag =
		    (const struct mb2_tag *)(uintptr_t)(info + off);
		const char *body = (const char *)(tag + 1);

		mb_printf("MB2 tag type=%u size=%u\n", tag->type, tag->size);
		if (tag->size < 8 || off + tag->size > total) {
			mb2_check(0, "tag size outside total_size");
			break;
		}
		if (tag->type == MB2_TAG_END) {
			mb2_check(tag->size == 8, "end tag size is not 8");
			ended = 1;
			break;
		}
		switch (tag->type) {
		case MB2_TAG_CMD:
			have_cmd = 1;
			mb_printf("MB2 cmdline=%s\n",
				  mb_safe_string(text, sizeof(text), body));
			break;
		case MB2_TAG_NAME:
			mb_printf("MB2 loader=%s\n",
				  mb_safe_string(text, sizeof(text), body));
			break;
		case MB2_TAG_MEM:
			mb_printf("MB2 mem_lower=%u mem_upper=%u\n",
				  ((const uint32_t *)body)[0],
				  ((const uint32_t *)body)[1]);
			break;
		case MB2_TAG_MMAP:
			have_mmap = 1;
			mb2_mmap(tag);
			break;
		default:
			break;
		}
		off += (tag->size + 7) & ~7u; /* tags are 8-byte aligned */
	}
	mb2_check(ended, "no end tag");
	mb2_check(have_cmd, "no command line tag");
	mb2_check(have_mmap, "no memory map tag");
	mb_printf("MB2 failures=%u\nMB2 DONE\n", mb2_fail);
	return (int)mb2_fail;
}
