// SPDX-License-Identifier: MIT
/*
 * Linux bzImage loader, x86 boot protocol (Documentation/arch/x86/boot.rst,
 * "The Real-Mode Kernel Header", "Details of Header Fields", "64-bit Boot
 * Protocol"; zero page layout: Documentation/arch/x86/zero-page.rst).
 *
 * The 16-bit setup code is never run: we fill struct boot_params (the
 * "zero page") ourselves, load the protected-mode kernel, and enter it at
 * its 64-bit entry (load address + 0x200) in long mode with an identity
 * map, the __BOOT_CS/__BOOT_DS GDT and RSI = boot_params, as the 64-bit
 * protocol requires. That entry exists from protocol 2.12 on, flagged by
 * XLF_KERNEL_64.
 *
 * Guest-physical layout (all below 640 KiB, which stays usable RAM in e820
 * as on a PC; Linux copies boot_params and the command line early):
 *   0x10000  boot_params (4 KiB); the initial RSP points here (the
 *            protocol sets no stack; below it is free)
 *   0x11000  GDT
 *   0x20000  command line (up to 64 KiB with the NUL)
 *   0x30000  identity-map page tables, up to 0x9f000
 * The kernel goes to pref_address (aligned to kernel_alignment) or, when
 * relocatable and that does not fit, to the lowest aligned address above
 * 1 MiB; the initrd as high as initrd_addr_max and RAM allow, page
 * aligned, above the kernel's init_size footprint.
 */
#include "lutil.h"

#define LX_BP_GPA      0x10000ULL
#define LX_GDT_GPA     0x11000ULL
#define LX_CMDLINE_GPA 0x20000ULL
#define LX_CMDLINE_MAX 0x10000ULL
#define LX_PT_GPA      0x30000ULL
#define LX_PT_END      0x9f000ULL
#define LX_LOW_END     0xA0000ULL /* legacy hole 640 KiB - 1 MiB */
#define LX_HIGH_START  0x100000ULL
#define LX_ENTRY64     0x200u /* 64-bit entry offset (boot.rst) */
#define LX_RFLAGS      0x2ULL

/* Setup header fields: offsets in the image and in boot_params alike. */
#define HDR_START	   0x1f1
#define HDR_SETUP_SECTS	   0x1f1
#define HDR_SYSSIZE	   0x1f4
#define HDR_BOOT_FLAG	   0x1fe
#define HDR_JUMP	   0x200
#define HDR_HEADER	   0x202
#define HDR_VERSION	   0x206
#define HDR_TYPE_OF_LOADER 0x210
#define HDR_LOADFLAGS	   0x211
#define HDR_CODE32_START   0x214
#define HDR_RAMDISK_IMAGE  0x218
#define HDR_RAMDISK_SIZE   0x21c
#define HDR_HEAP_END_PTR   0x224
#define HDR_CMD_LINE_PTR   0x228
#define HDR_INITRD_MAX	   0x22c
#define HDR_KERNEL_ALIGN   0x230
#define HDR_RELOCATABLE	   0x234
#define HDR_XLOADFLAGS	   0x236
#define HDR_CMDLINE_SIZE   0x238
#define HDR_SETUP_DATA	   0x250
#define HDR_PREF_ADDRESS   0x258
#define HDR_INIT_SIZE	   0x260
#define HDR_MIN_END	   0x264 /* through init_size (protocol 2.10) */
#define HDR_MAX_END	   0x290 /* edd_mbr_sig_buffer follows */

#define BOOT_FLAG_MAGIC 0xAA55
#define HDRS_MAGIC	0x53726448u /* "HdrS" */
#define PROTO_64BIT	0x020c	    /* 2.12: xloadflags, 64-bit entry */
#define LOADED_HIGH	0x01	    /* loadflags bit 0: bzImage at 1 MiB+ */
#define XLF_KERNEL_64	0x0001
#define LOADER_ID_NONE	0xff /* type_of_loader: no assigned id */

/* Zero page fields (zero-page.rst). */
#define BP_EXT_RAMDISK_IMAGE 0x0c0
#define BP_EXT_RAMDISK_SIZE  0x0c4
#define BP_EXT_CMD_LINE_PTR  0x0c8
#define BP_ALT_MEM_K	     0x1e0
#define BP_E820_ENTRIES	     0x1e8
#define BP_E820_TABLE	     0x2d0
#define E820_ENTRY_SIZE	     20
#define E820_RAM	     1
#define E820_RESERVED	     2

/* What the checks decided; acting on it cannot fail. */
struct lx_plan {
	uint64_t setup_size, kernel_size, footprint;
	uint64_t load;
	uint64_t initrd_gpa;
	size_t hdr_end, cmd_len;
};

static bool is_pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

/* The lowest address >= v aligned to a (a power of two), or 0 on
 * overflow. */
static uint64_t align_up(uint64_t v, uint64_t a)
{
	return v > UINT64_MAX - (a - 1) ? 0 : (v + a - 1) & ~(a - 1);
}

static int lx_check_header(const uint8_t *img, size_t len, struct lx_plan *p,
			   const char **why)
{
	if (len < HDR_MIN_END) {
		*why = "linux: truncated setup header";
		return -LOADER_EFORMAT;
	}
	if (ld_rd16(img + HDR_BOOT_FLAG) != BOOT_FLAG_MAGIC ||
	    ld_rd32(img + HDR_HEADER) != HDRS_MAGIC) {
		*why = "linux: no boot protocol header (0xAA55 / \"HdrS\")";
		return -LOADER_EFORMAT;
	}
	if (ld_rd16(img + HDR_VERSION) < PROTO_64BIT) {
		*why = "linux: boot protocol older than 2.12 (no 64-bit "
		       "entry)";
		return -LOADER_EUNSUPPORTED;
	}
	if (!(ld_rd16(img + HDR_XLOADFLAGS) & XLF_KERNEL_64)) {
		*why = "linux: kernel has no 64-bit entry (XLF_KERNEL_64)";
		return -LOADER_EUNSUPPORTED;
	}
	if (!(img[HDR_LOADFLAGS] & LOADED_HIGH)) {
		*why = "linux: not a bzImage (LOADED_HIGH clear)";
		return -LOADER_EUNSUPPORTED;
	}
	/* The header ends at 0x202 + the jump's offset byte (boot.rst,
	 * "64-bit Boot Protocol"). */
	p->hdr_end = 0x202 + (size_t)img[HDR_JUMP + 1];
	if (p->hdr_end < HDR_MIN_END || p->hdr_end > HDR_MAX_END) {
		*why = "linux: setup header length out of range";
		return -LOADER_EFORMAT;
	}
	/* setup_sects 0 means 4 (boot.rst, "setup_sects"). */
	uint64_t sects = img[HDR_SETUP_SECTS] ? img[HDR_SETUP_SECTS] : 4;
	p->setup_size = (sects + 1) * 512;
	if (len <= p->setup_size) {
		*why = "linux: truncated: setup code runs past the file";
		return -LOADER_EFORMAT;
	}
	p->kernel_size = len - p->setup_size;
	if ((uint64_t)ld_rd32(img + HDR_SYSSIZE) * 16 > p->kernel_size) {
		*why = "linux: truncated: syssize runs past the file";
		return -LOADER_EFORMAT;
	}
	uint64_t init_size = ld_rd32(img + HDR_INIT_SIZE);
	if (init_size < p->kernel_size) {
		*why = "linux: init_size smaller than the kernel";
		return -LOADER_EFORMAT;
	}
	p->footprint = init_size;
	return 0;
}

/* Picks the load address: pref_address, aligned when relocatable; else
 * (relocatable only) the first aligned address from 1 MiB. */
static int lx_place_kernel(const struct guest_ram *ram, const uint8_t *img,
			   struct lx_plan *p, const char **why)
{
	uint64_t pref = ld_rd64(img + HDR_PREF_ADDRESS);
	uint64_t align = ld_rd32(img + HDR_KERNEL_ALIGN);
	bool reloc = img[HDR_RELOCATABLE] != 0;

	if (reloc) {
		if (!is_pow2(align) || align < LOADER_PAGE) {
			*why = "linux: kernel_alignment not a power of two";
			return -LOADER_EFORMAT;
		}
		p->load = align_up(pref, align);
		if (p->load && ld_range_in(p->load, p->footprint, LX_HIGH_START,
					   ram->size))
			return 0;
		p->load = align_up(LX_HIGH_START, align);
	} else {
		p->load = pref;
	}
	if (!ld_range_in(p->load, p->footprint, LX_HIGH_START, ram->size)) {
		*why = "linux: RAM too small for the kernel's init_size at "
		       "its load address";
		return -LOADER_ESPACE;
	}
	return 0;
}

static int lx_place_initrd(const struct guest_ram *ram, const uint8_t *img,
			   size_t initrd_len, struct lx_plan *p,
			   const char **why)
{
	/* initrd_addr_max: highest address the initrd may occupy. */
	uint64_t top = (uint64_t)ld_rd32(img + HDR_INITRD_MAX) + 1;
	uint64_t kernel_end = p->load + p->footprint;

	if (top > ram->size)
		top = ram->size;
	if (initrd_len > top ||
	    ((top - initrd_len) & ~(LOADER_PAGE - 1)) < kernel_end) {
		*why = "linux: initrd does not fit between the kernel and "
		       "initrd_addr_max / end of RAM";
		return -LOADER_ESPACE;
	}
	p->initrd_gpa = (top - initrd_len) & ~(LOADER_PAGE - 1);
	return 0;
}

static void lx_write_e820(uint8_t *bp, const struct guest_ram *ram)
{
	const struct {
		uint64_t addr, size;
		uint32_t type;
	} map[] = {
	    {0, LX_LOW_END, E820_RAM},
	    {LX_LOW_END, LX_HIGH_START - LX_LOW_END, E820_RESERVED},
	    {LX_HIGH_START, ram->size - LX_HIGH_START, E820_RAM},
	};
	unsigned int n = sizeof(map) / sizeof(map[0]);

	for (unsigned int i = 0; i < n; i++) {
		uint8_t *e = bp + BP_E820_TABLE + i * E820_ENTRY_SIZE;
		ld_wr64(e, map[i].addr);
		ld_wr64(e + 8, map[i].size);
		ld_wr32(e + 16, map[i].type);
	}
	bp[BP_E820_ENTRIES] = (uint8_t)n;
	uint64_t kb = (ram->size - LX_HIGH_START) / 1024;
	ld_wr32(bp + BP_ALT_MEM_K,
		kb > 0xffffffffULL ? 0xffffffffu : (uint32_t)kb);
}

int loader_linux(const struct guest_ram *ram, const void *bzimage, size_t len,
		 const void *initrd, size_t initrd_len, const char *cmdline,
		 struct vcpu_start *start, const char **why)
{
	const uint8_t *img = bzimage;
	struct lx_plan p;
	int rc;

	/* Check. */
	if (!ram || !ram->base || ram->size % LOADER_PAGE ||
	    ram->size <= LX_HIGH_START) {
		*why = "linux: RAM missing, not 4 KiB aligned or below 1 MiB";
		return -LOADER_ESPACE;
	}
	uint64_t pt_pages = ld_idmap_pages(ram->size);
	if (pt_pages == 0 || pt_pages > (LX_PT_END - LX_PT_GPA) / LOADER_PAGE) {
		*why = "linux: RAM too large for the boot page tables";
		return -LOADER_EUNSUPPORTED;
	}
	if (!img || !start || (initrd_len && !initrd)) {
		*why = "linux: no image";
		return -LOADER_EFORMAT;
	}
	memset(&p, 0, sizeof(p));
	rc = lx_check_header(img, len, &p, why);
	if (rc)
		return rc;
	rc = lx_place_kernel(ram, img, &p, why);
	if (rc)
		return rc;
	if (!cmdline)
		cmdline = "";
	p.cmd_len = 0;
	while (p.cmd_len < LX_CMDLINE_MAX && cmdline[p.cmd_len])
		p.cmd_len++;
	if (p.cmd_len >= LX_CMDLINE_MAX ||
	    p.cmd_len > ld_rd32(img + HDR_CMDLINE_SIZE)) {
		*why = "linux: command line longer than the kernel's "
		       "cmdline_size";
		return -LOADER_ESPACE;
	}
	if (initrd_len) {
		rc = lx_place_initrd(ram, img, initrd_len, &p, why);
		if (rc)
			return rc;
	}

	/* Act. */
	uint8_t *b = ram->base;
	uint8_t *bp = b + LX_BP_GPA;
	memset(bp, 0, LOADER_PAGE);
	memcpy(bp + HDR_START, img + HDR_START, p.hdr_end - HDR_START);
	bp[HDR_TYPE_OF_LOADER] = LOADER_ID_NONE;
	ld_wr32(bp + HDR_CODE32_START, (uint32_t)p.load);
	ld_wr32(bp + HDR_RAMDISK_IMAGE, (uint32_t)p.initrd_gpa);
	ld_wr32(bp + HDR_RAMDISK_SIZE, (uint32_t)initrd_len);
	ld_wr32(bp + BP_EXT_RAMDISK_IMAGE, (uint32_t)(p.initrd_gpa >> 32));
	ld_wr32(bp + BP_EXT_RAMDISK_SIZE,
		(uint32_t)((uint64_t)initrd_len >> 32));
	ld_wr16(bp + HDR_HEAP_END_PTR, 0);
	ld_wr32(bp + HDR_CMD_LINE_PTR, (uint32_t)LX_CMDLINE_GPA);
	ld_wr32(bp + BP_EXT_CMD_LINE_PTR, 0);
	ld_wr64(bp + HDR_SETUP_DATA, 0); /* no setup_data list */
	lx_write_e820(bp, ram);

	memset(b + LX_CMDLINE_GPA, 0, p.cmd_len + 1);
	memcpy(b + LX_CMDLINE_GPA, cmdline, p.cmd_len);
	memcpy(b + p.load, img + p.setup_size, p.kernel_size);
	if (initrd_len)
		memcpy(b + p.initrd_gpa, initrd, initrd_len);

	memset(b + LX_GDT_GPA, 0, LOADER_PAGE);
	ld_gdt_write(b + LX_GDT_GPA, true);
	uint64_t cr3 = ld_idmap_write(ram, LX_PT_GPA, ram->size);

	memset(start, 0, sizeof(*start));
	start->mode = VCPU_START_LINUX64;
	start->rip = p.load + LX_ENTRY64;
	start->rsi = LX_BP_GPA;
	start->rsp = LX_BP_GPA;
	start->rflags = LX_RFLAGS;
	start->cr3 = cr3;
	start->gdt_base = LX_GDT_GPA;
	start->gdt_limit = LOADER_GDT_SIZE - 1;
	return 0;
}
