// SPDX-License-Identifier: MIT
/* Unit tests for loader_native (kernel/loader/native.c) against a real
 * ELF64 built by the host gcc (tests/fixtures/loader/native_fixture.c):
 * segments at p_paddr, bss zeroed, identity page tables walked page by
 * page, ksh_native_info and the entry state of ksh/native.h; then corrupted
 * variants, each refused with RAM left untouched. */
#include <elf.h>
#include <ksh/native.h>
#include <ksh/tables.h>
#include <stddef.h>

#include "loader_test_util.h"

#define MIB	0x100000ULL
#define FIXTURE "fixtures/loader/native.elf"

static struct lt_file fx;

static void setup(void)
{
	fx = lt_read(FIXTURE);
}

static void teardown(void)
{
	free(fx.data);
}

static Elf64_Ehdr *ehdr(void)
{
	return (Elf64_Ehdr *)fx.data;
}

static Elf64_Phdr *phdr(unsigned i)
{
	return (Elf64_Phdr *)(fx.data + ehdr()->e_phoff) + i;
}

/* Index of the PT_LOAD with a bss (memsz > filesz): the writable one. */
static unsigned bss_seg(void)
{
	for (unsigned i = 0; i < ehdr()->e_phnum; i++)
		if (phdr(i)->p_type == PT_LOAD &&
		    phdr(i)->p_memsz > phdr(i)->p_filesz)
			return i;
	cr_assert_fail("fixture has no bss");
	return 0;
}

static int load(struct guest_ram *r, const void *img, size_t len,
		struct vcpu_start *st, const char **why)
{
	*why = NULL;
	static const struct ksh_native_handle hs[3] = {
	    {.kind = 2,
	     .role = 3,
	     .n_methods = 2,
	     .size = 256,
	     .channel = "sign"},
	    {.kind = 1,
	     .role = 1,
	     .size = 0x200000,
	     .window_gpa = 0x40000000,
	     .channel = "win"},
	    {.kind = 2, .role = 4, .queue_depth = 8, .channel = "audit"},
	};
	return loader_native(r, img, len, 7, "keystore", hs, 3, st, why);
}

TestSuite(loader_native, .init = setup, .fini = teardown);

Test(loader_native, segments_land_at_paddr_and_bss_is_zeroed)
{
	struct guest_ram r = lt_ram(16 * MIB, 0xAA);
	struct vcpu_start st;
	const char *why;
	unsigned loads = 0;

	cr_assert_eq(load(&r, fx.data, fx.len, &st, &why), 0, "%s", why);
	for (unsigned i = 0; i < ehdr()->e_phnum; i++) {
		Elf64_Phdr *p = phdr(i);
		if (p->p_type != PT_LOAD)
			continue;
		loads++;
		cr_assert_eq(memcmp(r.base + p->p_paddr, fx.data + p->p_offset,
				    p->p_filesz),
			     0, "segment %u bytes differ", i);
		cr_assert(lt_all(&r, p->p_paddr + p->p_filesz,
				 p->p_memsz - p->p_filesz, 0),
			  "bss of segment %u not zeroed", i);
	}
	cr_assert_geq(loads, 2);
	/* The known data pattern is where the linker put it. */
	uint64_t pat = 0x1122334455667788ULL;
	cr_assert_not_null(memmem(r.base + MIB, 0x10000, &pat, 8));
	/* Memory that no segment covers is left alone. */
	cr_assert(lt_all(&r, 0x200000, 0x100000, 0xAA));
	lt_ram_free(&r);
}

Test(loader_native, entry_state_follows_native_h)
{
	struct guest_ram r = lt_ram(16 * MIB, 0xAA);
	struct vcpu_start st;
	const char *why;

	memset(&st, 0x5A, sizeof(st));
	cr_assert_eq(load(&r, fx.data, fx.len, &st, &why), 0, "%s", why);
	uint64_t top = 16 * MIB - KSH_NATIVE_RESERVED;
	cr_assert_eq(st.mode, VCPU_START_LONG64);
	cr_assert_eq(st.rip, ehdr()->e_entry);
	cr_assert_eq(st.rsp, top);
	cr_assert_eq(st.rsp % 16, 0);
	cr_assert_eq(st.rflags, 0x2);
	cr_assert_eq(st.rdi, KSH_NATIVE_INFO_GPA);
	cr_assert_eq(st.rax, 0);
	cr_assert_eq(st.rbx, 0);
	cr_assert_eq(st.rsi, 0);
	/* Tables and GDT live in the reserved top. */
	cr_assert_geq(st.cr3, top);
	cr_assert_lt(st.cr3, 16 * MIB);
	cr_assert_eq(st.cr3 % 4096, 0);
	cr_assert_geq(st.gdt_base, top);
	cr_assert_leq(st.gdt_base + st.gdt_limit + 1, 16 * MIB);
	cr_assert_eq(st.gdt_limit, 31);
	uint64_t cs, ds;
	memcpy(&cs, r.base + st.gdt_base + LOADER_GDT_CS, 8);
	memcpy(&ds, r.base + st.gdt_base + LOADER_GDT_DS, 8);
	/* SDM vol. 3A 3.4.5: P (bit 47), S (44), code (43), L (53), D (54). */
	cr_assert(cs & (1ULL << 47));
	cr_assert(cs & (1ULL << 43));
	cr_assert(cs & (1ULL << 53), "CS must be a 64-bit segment");
	cr_assert(!(cs & (1ULL << 54)), "L=1 requires D=0");
	cr_assert(ds & (1ULL << 47));
	cr_assert(!(ds & (1ULL << 43)), "DS must be a data segment");
	cr_assert(ds & (1ULL << 41), "DS must be writable");
	lt_ram_free(&r);
}

Test(loader_native, info_is_filled)
{
	struct guest_ram r = lt_ram(16 * MIB, 0xAA);
	struct vcpu_start st;
	struct ksh_native_info info;
	const char *why;

	cr_assert_eq(load(&r, fx.data, fx.len, &st, &why), 0, "%s", why);
	memcpy(&info, r.base + KSH_NATIVE_INFO_GPA, sizeof(info));
	cr_assert_eq(info.magic, KSH_NATIVE_INFO_MAGIC);
	cr_assert_eq(info.domain_id, 7);
	cr_assert_eq(info.n_handles, 3);
	cr_assert_eq(info.ram_size, 16 * MIB);
	cr_assert_str_eq(info.name, "keystore");
	cr_assert(lt_all(&r, KSH_NATIVE_INFO_GPA + 8 + 4 + 4 + 8 + 9, 55, 0),
		  "name padding must be zero");
	cr_assert_eq(info.n_handle_info, 3);
	cr_assert_eq(info.handles[0].role, 3);
	cr_assert_str_eq(info.handles[0].channel, "sign");
	cr_assert_eq(info.handles[1].window_gpa, 0x40000000);
	cr_assert_eq(info.handles[1].size, 0x200000);
	cr_assert_eq(info.handles[2].queue_depth, 8);
	cr_assert(lt_all(&r,
			 KSH_NATIVE_INFO_GPA +
			     offsetof(struct ksh_native_info, handles[3]),
			 sizeof(info.handles[0]) * (KSH_NATIVE_HANDLES_MAX - 3),
			 0),
		  "handles past n_handle_info must be zero");

	/* A name longer than the field is cut to 63 bytes plus NUL. */
	char longname[100];
	memset(longname, 'x', sizeof(longname) - 1);
	longname[99] = 0;
	cr_assert_eq(
	    loader_native(&r, fx.data, fx.len, 1, longname, NULL, 0, &st, &why),
	    0);
	memcpy(&info, r.base + KSH_NATIVE_INFO_GPA, sizeof(info));
	cr_assert_eq(strlen(info.name), 63);
	cr_assert_eq(info.n_handle_info, 0);

	/* More handles than the page describes: all counted, _MAX described. */
	static struct ksh_native_handle many[KSH_NATIVE_HANDLES_MAX + 5];
	for (unsigned i = 0; i < KSH_NATIVE_HANDLES_MAX + 5; i++)
		many[i].role = i + 1;
	cr_assert_eq(loader_native(&r, fx.data, fx.len, 1, "m", many,
				   KSH_NATIVE_HANDLES_MAX + 5, &st, &why),
		     0);
	memcpy(&info, r.base + KSH_NATIVE_INFO_GPA, sizeof(info));
	cr_assert_eq(info.n_handles, KSH_NATIVE_HANDLES_MAX + 5);
	cr_assert_eq(info.n_handle_info, KSH_NATIVE_HANDLES_MAX);
	cr_assert_eq(info.handles[KSH_NATIVE_HANDLES_MAX - 1].role,
		     KSH_NATIVE_HANDLES_MAX);
	lt_ram_free(&r);
}

/* Walks the tables for every 4 KiB page of RAM: each maps to itself, and
 * the first page past RAM is not mapped. */
static void check_identity(uint64_t size, uint64_t step)
{
	struct guest_ram r = lt_ram(size, -1);
	struct vcpu_start st;
	const char *why;
	uint64_t pa;

	cr_assert_eq(load(&r, fx.data, fx.len, &st, &why), 0, "%s", why);
	for (uint64_t va = 0; va < size; va += step) {
		cr_assert(lt_walk(&r, st.cr3, va, &pa), "%#llx unmapped",
			  (unsigned long long)va);
		cr_assert_eq(pa, va);
		uint64_t last = (va + step < size ? va + step : size) - 8;
		cr_assert(lt_walk(&r, st.cr3, last, &pa));
		cr_assert_eq(pa, last);
	}
	cr_assert_not(lt_walk(&r, st.cr3, size, &pa), "page past RAM mapped");
	cr_assert_not(lt_walk(&r, st.cr3, 1ULL << 39, &pa));
	lt_ram_free(&r);
}

Test(loader_native, page_tables_identity_map_ram_2m_multiple)
{
	check_identity(16 * MIB, 0x1000);
}

Test(loader_native, page_tables_identity_map_ram_with_4k_tail)
{
	check_identity(16 * MIB + 0x3000, 0x1000);
}

Test(loader_native, page_tables_identity_map_ram_over_1g)
{
	/* Two PDs and a PT tail; walk each 2 MiB page and the tail pages. */
	uint64_t size = 1024 * MIB + 2 * MIB + 0x2000;
	check_identity(size, 0x1000 * 32);
}

/* Expects refusal with code rc and RAM untouched (check first, then act). */
static void refused(const void *img, size_t len, uint64_t ram_size, int rc)
{
	struct guest_ram r = lt_ram(ram_size, 0xAA);
	struct vcpu_start st;
	const char *why;

	memset(&st, 0x5A, sizeof(st));
	cr_assert_eq(load(&r, img, len, &st, &why), rc, "got %d (%s)",
		     load(&r, img, len, &st, &why), why ? why : "-");
	cr_assert_not_null(why);
	cr_assert_gt(strlen(why), 5);
	cr_assert(lt_all(&r, 0, ram_size, 0xAA), "refusal wrote to RAM");
	lt_ram_free(&r);
}

Test(loader_native, refuses_truncated_files)
{
	refused(fx.data, 0, 16 * MIB, -LOADER_EFORMAT);
	refused(fx.data, 10, 16 * MIB, -LOADER_EFORMAT);
	refused(fx.data, 63, 16 * MIB, -LOADER_EFORMAT);
	/* Header complete, program headers cut. */
	refused(fx.data, ehdr()->e_phoff + 20, 16 * MIB, -LOADER_EFORMAT);
	/* Cut inside the last segment's file bytes. */
	Elf64_Phdr *p = phdr(bss_seg());
	refused(fx.data, p->p_offset + p->p_filesz - 1, 16 * MIB,
		-LOADER_EFORMAT);
	refused(NULL, fx.len, 16 * MIB, -LOADER_EFORMAT);
}

Test(loader_native, refuses_bad_magic_and_class)
{
	fx.data[1] = 'X';
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	fx.data[1] = 'E';
	fx.data[EI_CLASS] = ELFCLASS32;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	fx.data[EI_CLASS] = 9;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	fx.data[EI_CLASS] = ELFCLASS64;
	fx.data[EI_DATA] = ELFDATA2MSB;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
}

Test(loader_native, refuses_wrong_machine_and_type)
{
	ehdr()->e_machine = EM_386;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	ehdr()->e_machine = EM_X86_64;
	ehdr()->e_type = ET_DYN;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
}

Test(loader_native, refuses_absurd_program_header_tables)
{
	ehdr()->e_phnum = 0xffff;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	ehdr()->e_phnum = 65;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	ehdr()->e_phnum = 0;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	ehdr()->e_phnum = 4;
	ehdr()->e_phentsize = 32;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	ehdr()->e_phentsize = sizeof(Elf64_Phdr);
	ehdr()->e_phoff = UINT64_MAX - 16;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
}

Test(loader_native, refuses_segment_file_range_overflow)
{
	Elf64_Phdr *p = phdr(bss_seg());
	p->p_offset = UINT64_MAX - 8;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	p->p_offset = 0x1000;
	p->p_filesz = UINT64_MAX;
	p->p_memsz = UINT64_MAX;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	p->p_filesz = 0x10;
	p->p_memsz = 0x8;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
}

Test(loader_native, refuses_segments_outside_ram_or_in_reserved_top)
{
	Elf64_Phdr *p = phdr(bss_seg());
	uint64_t old = p->p_paddr;

	/* Past the end of RAM; wrapping around; below 1 MiB. */
	p->p_paddr = p->p_vaddr = 64 * MIB;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_ERANGE);
	p->p_paddr = p->p_vaddr = UINT64_MAX - 0x1000;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	p->p_paddr = p->p_vaddr = 0x8000;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_ERANGE);
	/* Touching the first byte of the reserved top. */
	p->p_paddr = p->p_vaddr =
	    16 * MIB - KSH_NATIVE_RESERVED - p->p_memsz + 1;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_ERANGE);
	/* Ending exactly at the reserved top is fine. */
	p->p_paddr = p->p_vaddr = 16 * MIB - KSH_NATIVE_RESERVED - 0x4000;
	struct guest_ram r = lt_ram(16 * MIB, 0xAA);
	struct vcpu_start st;
	const char *why;
	cr_assert_eq(load(&r, fx.data, fx.len, &st, &why), 0, "%s", why);
	lt_ram_free(&r);
	p->p_paddr = p->p_vaddr = old;
	/* Same image in RAM too small for it. */
	refused(fx.data, fx.len, MIB + KSH_NATIVE_RESERVED + 0x1000,
		-LOADER_ERANGE);
}

Test(loader_native, refuses_overlap_vaddr_mismatch_and_bad_entry)
{
	unsigned b = bss_seg();
	Elf64_Phdr *p = phdr(b);
	uint64_t old = p->p_paddr;

	p->p_paddr = p->p_vaddr = phdr(b - 1)->p_paddr;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	p->p_paddr = p->p_vaddr = old;
	p->p_vaddr = old + 0x10000;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EUNSUPPORTED);
	p->p_vaddr = old;
	/* Entry in the (non-executable) data segment, then nowhere. */
	ehdr()->e_entry = old;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
	ehdr()->e_entry = 0x500000;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
}

Test(loader_native, refuses_dynamic_and_loadless_images)
{
	Elf64_Phdr *p = phdr(bss_seg());
	p->p_type = PT_INTERP;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EUNSUPPORTED);
	for (unsigned i = 0; i < ehdr()->e_phnum; i++)
		if (phdr(i)->p_type == PT_LOAD || phdr(i)->p_type == PT_INTERP)
			phdr(i)->p_type = PT_NOTE;
	refused(fx.data, fx.len, 16 * MIB, -LOADER_EFORMAT);
}

Test(loader_native, refuses_bad_ram_shapes)
{
	/* Too small for 1 MiB + reserved top; not page aligned. */
	refused(fx.data, fx.len, MIB, -LOADER_ESPACE);
	refused(fx.data, fx.len, 16 * MIB + 100, -LOADER_EUNSUPPORTED);
	/* Larger than 15 table pages can map (13 GiB with 2 MiB pages):
	 * refused before anything is touched, so a small buffer is safe. */
	uint8_t small[64];
	struct guest_ram big = {small, 14ULL << 30};
	struct vcpu_start st;
	const char *why = NULL;
	cr_assert_eq(
	    loader_native(&big, fx.data, fx.len, 0, "x", NULL, 0, &st, &why),
	    -LOADER_EUNSUPPORTED);
	cr_assert_not_null(why);
	struct guest_ram none = {NULL, 16 * MIB};
	cr_assert_eq(
	    loader_native(&none, fx.data, fx.len, 0, "x", NULL, 0, &st, &why),
	    -LOADER_ESPACE);
}

/* loader_native_handles: handle h is the domain's h-th endpoint, with its
 * channel's kind, size and name and, for a memory channel, the gpa of the
 * endpoint's own mapping; long names are cut and terminated. */
Test(loader_native_handles, describes_endpoints_in_handle_order)
{
	static const struct ksh_channel ch[2] = {
	    {.name = "a-channel-name-longer-than-forty-seven-bytes-xxxxxxx",
	     .kind = KSH_CHANNEL_MESSAGE,
	     .size = 256,
	     .queue_depth = 4,
	     .n_methods = 3},
	    {.name = "win", .kind = KSH_CHANNEL_MEMORY, .size = 0x200000},
	};
	static const struct ksh_mapping maps[3] = {
	    {.domain = 0, .gpa = 0},
	    {.domain = 1, .gpa = 0},
	    {.domain = 1, .gpa = 0x40000000},
	};
	static const struct ksh_endpoint eps[3] = {
	    {.domain = 0, .channel = 0, .role = KSH_ROLE_SENDER},
	    {.domain = 1, .channel = 1, .role = KSH_ROLE_READER, .mapping = 2},
	    {.domain = 1, .channel = 0, .role = KSH_ROLE_RECEIVER},
	};
	static const struct ksh_domain doms[2] = {
	    {.name = "a", .first_endpoint = 0, .n_endpoints = 1},
	    {.name = "b", .first_endpoint = 1, .n_endpoints = 2},
	};
	struct ksh_tables t = {0};
	struct ksh_native_handle h[2];

	t.channels = ch, t.n_channels = 2;
	t.mappings = maps, t.n_mappings = 3;
	t.endpoints = eps, t.n_endpoints = 3;
	t.domains = doms, t.n_domains = 2;
	memset(h, 0xAA, sizeof(h));
	cr_assert_eq(loader_native_handles(&t, 1, h, 2), 2);
	cr_assert_eq(h[0].kind, KSH_CHANNEL_MEMORY);
	cr_assert_eq(h[0].role, KSH_ROLE_READER);
	cr_assert_eq(h[0].window_gpa, 0x40000000);
	cr_assert_eq(h[0].size, 0x200000);
	cr_assert_str_eq(h[0].channel, "win");
	cr_assert_eq(h[1].kind, KSH_CHANNEL_MESSAGE);
	cr_assert_eq(h[1].role, KSH_ROLE_RECEIVER);
	cr_assert_eq(h[1].window_gpa, 0);
	cr_assert_eq(h[1].queue_depth, 4);
	cr_assert_eq(h[1].n_methods, 3);
	cr_assert_eq(strlen(h[1].channel), KSH_NATIVE_CHAN_NAME - 1);
	cr_assert(!strncmp(h[1].channel, ch[0].name, KSH_NATIVE_CHAN_NAME - 1));

	/* max bounds what is written. */
	memset(h, 0xAA, sizeof(h));
	cr_assert_eq(loader_native_handles(&t, 1, h, 1), 1);
	cr_assert_eq(h[1].kind, 0xAAAAAAAAu, "nothing past max is written");
	cr_assert_eq(loader_native_handles(&t, 0, h, 2), 1);
	cr_assert_eq(h[0].role, KSH_ROLE_SENDER);
}
