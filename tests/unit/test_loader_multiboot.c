// SPDX-License-Identifier: MIT
/* Unit tests for loader_multiboot (kernel/loader/multiboot.c,
 * multiboot2.c, mb_common.c) against 32-bit fixture kernels assembled at
 * build time (tests/fixtures/loader/mb*.S): v1 by ELF and by the a.out
 * kludge, v2 by ELF and by the address tag; the information structures
 * are read back field by field; corrupted headers are each refused with
 * RAM left untouched. */
#include <elf.h>

#include "loader_test_util.h"

#define MIB	  0x100000ULL
#define RAM_SIZE  (32 * MIB)
#define MB1_MAGIC 0x1BADB002u
#define MB2_MAGIC 0xE85250D6u
#define CMDLINE	  "console=ttyS0 ksh.test=1"

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static void wr32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

/* Offset of the first aligned magic in a fixture. */
static size_t find_magic(const struct lt_file *f, uint32_t magic)
{
	for (size_t off = 0; off + 4 <= f->len; off += 4)
		if (rd32(f->data + off) == magic)
			return off;
	cr_assert_fail("magic %#x not in fixture", magic);
	return 0;
}

/* Rewrites a v1 checksum after a test changed the flags. */
static void mb1_fix(uint8_t *h)
{
	wr32(h + 8, -(rd32(h) + rd32(h + 4)));
}

static void mb2_fix(uint8_t *h)
{
	wr32(h + 12, -(rd32(h) + rd32(h + 4) + rd32(h + 8)));
}

static int boot(struct guest_ram *r, const struct lt_file *f,
		struct vcpu_start *st, const char **why)
{
	*why = NULL;
	return loader_multiboot(r, f->data, f->len, CMDLINE, st, why);
}

static void refused(const struct lt_file *f, uint64_t ram_size, int rc)
{
	struct guest_ram r = lt_ram(ram_size, 0xAA);
	struct vcpu_start st;
	const char *why;
	int got = boot(&r, f, &st, &why);

	cr_assert_eq(got, rc, "got %d (%s)", got, why ? why : "-");
	cr_assert_not_null(why);
	cr_assert_gt(strlen(why), 5);
	cr_assert(lt_all(&r, 0, ram_size, 0xAA), "refusal wrote to RAM");
	lt_ram_free(&r);
}

/* Checks the flat 32-bit GDT and the common PROT32 state. */
static void check_prot32(const struct guest_ram *r, const struct vcpu_start *st)
{
	uint64_t cs, ds;

	cr_assert_eq(st->mode, VCPU_START_PROT32);
	cr_assert_eq(st->rflags, 0x2);
	cr_assert_eq(st->cr3, 0);
	cr_assert_eq(st->gdt_limit, 31);
	cr_assert_lt(st->gdt_base + 32, MIB);
	memcpy(&cs, r->base + st->gdt_base + LOADER_GDT_CS, 8);
	memcpy(&ds, r->base + st->gdt_base + LOADER_GDT_DS, 8);
	/* 32-bit flat code: D=1 (bit 54), L=0, G=1 (55), limit 0xfffff. */
	cr_assert(cs & (1ULL << 54));
	cr_assert(!(cs & (1ULL << 53)));
	cr_assert(cs & (1ULL << 55));
	cr_assert_eq(cs & 0xffff, 0xffff);
	cr_assert_eq((cs >> 48) & 0xf, 0xf);
	cr_assert_eq(cs & 0xff000000ffff0000ULL & ~0x00cf9b0000000000ULL, 0,
		     "base must be 0");
	cr_assert(ds & (1ULL << 41));
	cr_assert(!(ds & (1ULL << 43)));
}

/* Checks an ELF32 fixture's segments in RAM, bss included. */
static void check_elf32_loaded(const struct guest_ram *r,
			       const struct lt_file *f)
{
	Elf32_Ehdr *eh = (Elf32_Ehdr *)f->data;
	Elf32_Phdr *ph = (Elf32_Phdr *)(f->data + eh->e_phoff);
	int bss = 0;

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		cr_assert_eq(memcmp(r->base + ph[i].p_paddr,
				    f->data + ph[i].p_offset, ph[i].p_filesz),
			     0);
		cr_assert(lt_all(r, ph[i].p_paddr + ph[i].p_filesz,
				 ph[i].p_memsz - ph[i].p_filesz, 0));
		bss |= ph[i].p_memsz > ph[i].p_filesz;
	}
	cr_assert(bss, "fixture should have a bss");
}

/* The three-region map both versions report. */
static void check_region(uint64_t base, uint64_t len, uint32_t type, unsigned i)
{
	static const uint64_t bases[] = {0, 0xA0000, MIB};
	static const uint64_t lens[] = {0xA0000, 0x60000, RAM_SIZE - MIB};
	static const uint32_t types[] = {1, 2, 1};

	cr_assert_lt(i, 3);
	cr_assert_eq(base, bases[i], "region %u base", i);
	cr_assert_eq(len, lens[i], "region %u length", i);
	cr_assert_eq(type, types[i], "region %u type", i);
}

/* Checks the v1 information structure (0.6.96 3.3). */
static void check_mbi1(const struct guest_ram *r, uint64_t gpa)
{
	const uint8_t *m = r->base + gpa;
	uint32_t flags = rd32(m);

	cr_assert_eq(flags & 0x24d, 0x24d, "mem, cmdline, mods, mmap, name");
	cr_assert_eq(rd32(m + 4), 640);
	cr_assert_eq(rd32(m + 8), (RAM_SIZE - MIB) / 1024);
	cr_assert_lt(rd32(m + 16), MIB);
	cr_assert_str_eq((const char *)r->base + rd32(m + 16), CMDLINE);
	cr_assert_eq(rd32(m + 20), 0, "no modules");
	cr_assert_str_eq((const char *)r->base + rd32(m + 64), "ksh");
	uint32_t mlen = rd32(m + 44), maddr = rd32(m + 48);
	cr_assert_lt(maddr, MIB);
	unsigned n = 0;
	/* Walk as the spec says: next entry at size + 4. */
	for (uint32_t off = 0; off < mlen; n++) {
		const uint8_t *e = r->base + maddr + off;
		uint64_t base, len;
		memcpy(&base, e + 4, 8);
		memcpy(&len, e + 12, 8);
		check_region(base, len, rd32(e + 20), n);
		off += rd32(e) + 4;
	}
	cr_assert_eq(n, 3);
}

/* Checks the v2 tag list (Multiboot2 3.6). */
static void check_mbi2(const struct guest_ram *r, uint64_t gpa)
{
	const uint8_t *m = r->base + gpa;
	uint32_t total = rd32(m);
	unsigned seen = 0;

	cr_assert_eq(gpa % 8, 0);
	cr_assert_gt(total, 16);
	cr_assert_lt(total, 0x4000);
	for (uint32_t off = 8; off < total;) {
		const uint8_t *t = m + off;
		uint32_t type = rd32(t), size = rd32(t + 4);
		cr_assert_geq(size, 8);
		cr_assert_leq(off + size, total);
		if (type == 0) {
			cr_assert_eq(off + 8, total, "end tag closes list");
			seen |= 1;
			break;
		} else if (type == 1) {
			cr_assert_str_eq((const char *)t + 8, CMDLINE);
			cr_assert_eq(size, 8 + strlen(CMDLINE) + 1);
			seen |= 2;
		} else if (type == 2) {
			cr_assert_str_eq((const char *)t + 8, "ksh");
			seen |= 4;
		} else if (type == 4) {
			cr_assert_eq(rd32(t + 8), 640);
			cr_assert_eq(rd32(t + 12), (RAM_SIZE - MIB) / 1024);
			seen |= 8;
		} else if (type == 6) {
			uint32_t esz = rd32(t + 8);
			cr_assert_eq(esz, 24);
			cr_assert_eq(rd32(t + 12), 0);
			cr_assert_eq((size - 16) / esz, 3);
			for (unsigned i = 0; i < 3; i++) {
				const uint8_t *e = t + 16 + i * esz;
				uint64_t base, len;
				memcpy(&base, e, 8);
				memcpy(&len, e + 8, 8);
				check_region(base, len, rd32(e + 16), i);
			}
			seen |= 16;
		}
		off += (size + 7) & ~7u;
	}
	cr_assert_eq(seen, 31, "tags seen: %#x", seen);
}

Test(loader_multiboot, v1_elf_loads_and_fills_info)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_elf.elf");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;

	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	check_elf32_loaded(&r, &f);
	check_prot32(&r, &st);
	cr_assert_eq(st.rax, 0x2BADB002);
	cr_assert_eq(st.rip, ((Elf32_Ehdr *)f.data)->e_entry);
	check_mbi1(&r, st.rbx);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v1_aout_kludge_loads_by_address_fields)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_aout.bin");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;
	uint8_t *h = f.data + find_magic(&f, MB1_MAGIC);

	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	uint32_t load = rd32(h + 16), load_end = rd32(h + 20),
		 bss_end = rd32(h + 24);
	cr_assert_eq(load, 0x200000);
	cr_assert_eq(load_end - load, f.len);
	cr_assert_eq(memcmp(r.base + load, f.data, f.len), 0);
	cr_assert_gt(bss_end, load_end);
	cr_assert(lt_all(&r, load_end, bss_end - load_end, 0));
	cr_assert(lt_all(&r, bss_end, 0x1000, 0xAA), "nothing past bss");
	check_prot32(&r, &st);
	cr_assert_eq(st.rip, rd32(h + 28));
	cr_assert_eq(st.rax, 0x2BADB002);
	check_mbi1(&r, st.rbx);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v2_elf_loads_and_fills_tags)
{
	struct lt_file f = lt_read("fixtures/loader/mb2_elf.elf");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;

	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	check_elf32_loaded(&r, &f);
	check_prot32(&r, &st);
	cr_assert_eq(st.rax, 0x36d76289);
	cr_assert_eq(st.rip, ((Elf32_Ehdr *)f.data)->e_entry);
	check_mbi2(&r, st.rbx);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v2_address_and_entry_tags)
{
	struct lt_file f = lt_read("fixtures/loader/mb2_aout.bin");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;
	uint8_t *t = f.data + find_magic(&f, MB2_MAGIC) + 16;

	cr_assert_eq(rd32(t), 2 | (0 << 16), "address tag first");
	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	uint32_t load = rd32(t + 12), load_end = rd32(t + 16),
		 bss_end = rd32(t + 20);
	cr_assert_eq(memcmp(r.base + load, f.data, f.len), 0);
	cr_assert(lt_all(&r, load_end, bss_end - load_end, 0));
	cr_assert_eq(st.rip, rd32(t + 24 + 8), "entry tag");
	cr_assert_eq(st.rax, 0x36d76289);
	check_mbi2(&r, st.rbx);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v2_header_wins_over_v1)
{
	struct lt_file f = lt_read("fixtures/loader/mb2_elf.elf");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;
	/* A valid v1 header in the padding before the first segment. */
	uint8_t *h = f.data + 0x800;
	cr_assert(lt_all(&(struct guest_ram){f.data, f.len}, 0x800, 12, 0));
	wr32(h, MB1_MAGIC);
	wr32(h + 4, 3);
	mb1_fix(h);
	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	cr_assert_eq(st.rax, 0x36d76289);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v1_optional_unknown_flag_is_accepted)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_elf.elf");
	uint8_t *h = f.data + find_magic(&f, MB1_MAGIC);
	struct guest_ram r = lt_ram(RAM_SIZE, 0);
	struct vcpu_start st;
	const char *why;

	wr32(h + 4, rd32(h + 4) | (1u << 20));
	mb1_fix(h);
	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v1_refuses_bad_headers)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_elf.elf");
	uint8_t *h = f.data + find_magic(&f, MB1_MAGIC);
	uint32_t flags = rd32(h + 4);

	wr32(h + 8, rd32(h + 8) + 1); /* checksum */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	wr32(h + 4, flags | 4); /* video mode required */
	mb1_fix(h);
	refused(&f, RAM_SIZE, -LOADER_EUNSUPPORTED);
	wr32(h + 4, flags | (1u << 5)); /* unknown required bit */
	mb1_fix(h);
	refused(&f, RAM_SIZE, -LOADER_EUNSUPPORTED);
	wr32(h + 4, flags | 0x10000); /* address fields, none present */
	mb1_fix(h);
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	free(f.data);
}

Test(loader_multiboot, v1_refuses_header_past_8k_and_truncation)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_aout.bin");
	size_t off = find_magic(&f, MB1_MAGIC);
	struct lt_file g = {malloc(f.len + 8192), f.len + 8192};

	memset(g.data, 0, 8192);
	memcpy(g.data + 8192, f.data, f.len);
	refused(&g, RAM_SIZE, -LOADER_EFORMAT);
	free(g.data);
	/* Address fields cut off by the end of the file. */
	g.data = f.data;
	g.len = off + 20;
	refused(&g, RAM_SIZE, -LOADER_EFORMAT);
	g.len = 0;
	refused(&g, RAM_SIZE, -LOADER_EFORMAT);
	free(f.data);
}

Test(loader_multiboot, v1_refuses_bad_address_fields)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_aout.bin");
	uint8_t *h = f.data + find_magic(&f, MB1_MAGIC);
	uint8_t orig[32];
	memcpy(orig, h, 32);

	wr32(h + 16, rd32(h + 12) + 4); /* load_addr > header_addr */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, 32);
	wr32(h + 16, rd32(h + 12) - 0x100); /* text before the file start */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, 32);
	wr32(h + 20, rd32(h + 20) + 1); /* load_end beyond the file */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, 32);
	wr32(h + 20, rd32(h + 16)); /* load_end == load_addr */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, 32);
	wr32(h + 24, rd32(h + 20) - 1); /* bss_end below load_end */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, 32);
	wr32(h + 28, rd32(h + 20) + 0x10); /* entry in bss */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, 32);
	wr32(h + 24, 0xfffffff0u); /* bss past RAM */
	refused(&f, RAM_SIZE, -LOADER_ERANGE);
	memcpy(h, orig, 32);
	/* Consistently moved below 1 MiB. */
	uint32_t d = 0x200000 - 0x80000;
	for (int i = 12; i <= 28; i += 4)
		wr32(h + i, rd32(h + i) - d);
	refused(&f, RAM_SIZE, -LOADER_ERANGE);
	memcpy(h, orig, 32);
	/* RAM ending inside the image. */
	refused(&f, 0x200000 + 0x800, -LOADER_ERANGE);
	refused(&f, MIB, -LOADER_ESPACE);
	free(f.data);
}

Test(loader_multiboot, v1_elf_refuses_segment_outside_ram)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_elf.elf");
	Elf32_Ehdr *eh = (Elf32_Ehdr *)f.data;
	Elf32_Phdr *ph = (Elf32_Phdr *)(f.data + eh->e_phoff);

	ph[1].p_paddr = RAM_SIZE - 0x1000;
	refused(&f, RAM_SIZE, -LOADER_ERANGE);
	ph[1].p_paddr = 0x9000;
	refused(&f, RAM_SIZE, -LOADER_ERANGE);
	ph[1].p_paddr = ph[0].p_paddr;
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	ph[1].p_paddr = ph[1].p_vaddr;
	ph[1].p_offset = 0xfffffff0u;
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	free(f.data);
}

Test(loader_multiboot, v2_refuses_bad_headers)
{
	struct lt_file f = lt_read("fixtures/loader/mb2_elf.elf");
	uint8_t *h = f.data + find_magic(&f, MB2_MAGIC);
	uint8_t *req = h + 16, *fb = h + 40;
	uint8_t orig[80];
	memcpy(orig, h, sizeof(orig));

	cr_assert_eq(rd32(req), 1);
	cr_assert_eq(rd32(fb), 5 | (1 << 16));
	wr32(h + 4, 4); /* MIPS */
	mb2_fix(h);
	refused(&f, RAM_SIZE, -LOADER_EUNSUPPORTED);
	memcpy(h, orig, sizeof(orig));
	wr32(h + 8, 0x100000); /* header_length past 32 KiB */
	mb2_fix(h);
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, sizeof(orig));
	wr32(req + 4, 4); /* tag shorter than its own header */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	wr32(req + 4, 0x1000); /* tag past the header */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, sizeof(orig));
	wr32(req + 12, 8); /* requires framebuffer info */
	refused(&f, RAM_SIZE, -LOADER_EUNSUPPORTED);
	memcpy(h, orig, sizeof(orig));
	wr32(fb, 5); /* framebuffer now required */
	refused(&f, RAM_SIZE, -LOADER_EUNSUPPORTED);
	wr32(fb, 42); /* unknown, required */
	refused(&f, RAM_SIZE, -LOADER_EUNSUPPORTED);
	wr32(fb, 2); /* address tag with the framebuffer's size */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, sizeof(orig));
	wr32(h + 64, 42 | (1 << 16)); /* end tag gone */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(h, orig, sizeof(orig));
	free(f.data);
}

Test(loader_multiboot, v2_unknown_optional_tag_is_ignored)
{
	struct lt_file f = lt_read("fixtures/loader/mb2_elf.elf");
	uint8_t *fb = f.data + find_magic(&f, MB2_MAGIC) + 40;
	struct guest_ram r = lt_ram(RAM_SIZE, 0);
	struct vcpu_start st;
	const char *why;

	wr32(fb, 42 | (1 << 16));
	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v2_refuses_bad_address_and_entry_tags)
{
	struct lt_file f = lt_read("fixtures/loader/mb2_aout.bin");
	uint8_t *t = f.data + find_magic(&f, MB2_MAGIC) + 16;
	uint8_t orig[48];
	memcpy(orig, t, sizeof(orig));

	wr32(t + 24, 42 | (1 << 16)); /* entry tag made unknown/optional */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(t, orig, sizeof(orig));
	wr32(t + 32, 0x100); /* entry outside the image */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(t, orig, sizeof(orig));
	wr32(t + 16, rd32(t + 16) + 0x10000); /* load_end past the file */
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	memcpy(t, orig, sizeof(orig));
	free(f.data);
}

Test(loader_multiboot, refuses_long_cmdline_and_garbage)
{
	struct lt_file f = lt_read("fixtures/loader/mb2_elf.elf");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why = NULL;
	char *big = malloc(5000);

	memset(big, 'a', 4999);
	big[4999] = 0;
	cr_assert_eq(loader_multiboot(&r, f.data, f.len, big, &st, &why),
		     -LOADER_ESPACE);
	cr_assert(lt_all(&r, 0, RAM_SIZE, 0xAA));
	big[4095] = 0;
	cr_assert_eq(loader_multiboot(&r, f.data, f.len, big, &st, &why), 0,
		     "%s", why);
	free(big);
	memset(f.data, 0x5A, f.len);
	refused(&f, RAM_SIZE, -LOADER_EFORMAT);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, v1_elf64_loads)
{
	struct lt_file f = lt_read("fixtures/loader/mb1_elf64.elf");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;
	Elf64_Ehdr *eh = (Elf64_Ehdr *)f.data;
	Elf64_Phdr *ph = (Elf64_Phdr *)(f.data + eh->e_phoff);

	cr_assert_eq(f.data[EI_CLASS], ELFCLASS64);
	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	for (unsigned i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD)
			cr_assert_eq(memcmp(r.base + ph[i].p_paddr,
					    f.data + ph[i].p_offset,
					    ph[i].p_filesz),
				     0);
	cr_assert_eq(st.rip, eh->e_entry);
	cr_assert_eq(st.rax, 0x2BADB002);
	check_mbi1(&r, st.rbx);
	lt_ram_free(&r);
	free(f.data);
}

Test(loader_multiboot, higher_half_entry_is_translated_to_paddr)
{
	/* A kernel linked at 3 GiB + x with AT(x) load addresses: the entry
	 * is virtual; the vCPU starts at its physical address (paging off). */
	struct lt_file f = lt_read("fixtures/loader/mb1_elf.elf");
	struct guest_ram r = lt_ram(RAM_SIZE, 0xAA);
	struct vcpu_start st;
	const char *why;
	Elf32_Ehdr *eh = (Elf32_Ehdr *)f.data;
	Elf32_Phdr *ph = (Elf32_Phdr *)(f.data + eh->e_phoff);
	uint32_t entry = eh->e_entry;

	for (unsigned i = 0; i < eh->e_phnum; i++)
		ph[i].p_vaddr += 0xC0000000u;
	eh->e_entry += 0xC0000000u;
	cr_assert_eq(boot(&r, &f, &st, &why), 0, "%s", why);
	cr_assert_eq(st.rip, entry);
	check_elf32_loaded(&r, &f);
	lt_ram_free(&r);
	free(f.data);
}
