// SPDX-License-Identifier: MIT
/* The test guests built from tests/guests/ (in $KSH_BUILD/guests/) are
 * accepted by the kernel's loaders exactly as built: every native guest by
 * loader_native (entry = the runtime's crt0, segments copied byte for
 * byte), both Multiboot kernels by loader_multiboot (32-bit entry with the
 * right magic in EAX). */
#include <elf.h>

#include "loader_test_util.h"
#include <ksh/native.h>

#define MIB (1024ULL * 1024ULL)

static const char *const native_guests[] = {
    "guests/hello.elf",	      "guests/spinner.elf",
    "guests/hostile_mem.elf", "guests/hostile_io.elf",
    "guests/hostile_msr.elf", "guests/hostile_hypercall.elf",
    "guests/hcbench.elf",
};

Test(rt_guests_load, native_guests_load_with_crt0_at_entry)
{
	for (size_t g = 0; g < sizeof(native_guests) / sizeof(*native_guests);
	     g++) {
		struct lt_file f = lt_read(native_guests[g]);
		const Elf64_Ehdr *eh = (const void *)f.data;
		struct guest_ram r = lt_ram(4 * MIB, 0);
		struct vcpu_start st;
		const char *why = NULL;
		struct ksh_native_info info;
		int rc = loader_native(&r, f.data, f.len, 7, "guest", NULL, 0,
				       &st, &why);

		cr_assert_eq(rc, 0, "%s: %s", native_guests[g], why ? why : "");
		cr_expect_eq(st.mode, VCPU_START_LONG64);
		cr_expect_eq(st.rip, eh->e_entry);
		/* crt0.S: xor %ebp,%ebp (31 ed); call ksh_rt_start (e8) */
		cr_expect_eq(memcmp(r.base + st.rip, "\x31\xed\xe8", 3), 0,
			     "%s: entry is not the runtime's _start",
			     native_guests[g]);
		cr_expect_eq(st.rsp, 4 * MIB - KSH_NATIVE_RESERVED);
		cr_expect_eq(st.rdi, KSH_NATIVE_INFO_GPA);
		memcpy(&info, r.base + KSH_NATIVE_INFO_GPA, sizeof(info));
		cr_expect_eq(info.magic, KSH_NATIVE_INFO_MAGIC);
		for (int i = 0; i < eh->e_phnum; i++) {
			const Elf64_Phdr *ph =
			    (const void *)(f.data + eh->e_phoff +
					   (size_t)i * sizeof(*ph));

			if (ph->p_type != PT_LOAD)
				continue;
			cr_expect_geq(ph->p_paddr, KSH_NATIVE_LOAD_MIN);
			cr_expect_eq(memcmp(r.base + ph->p_paddr,
					    f.data + ph->p_offset,
					    ph->p_filesz),
				     0, "%s: segment %d not copied",
				     native_guests[g], i);
		}
		lt_ram_free(&r);
		free(f.data);
	}
}

static void mb_guest(const char *path, uint32_t boot_magic)
{
	struct lt_file f = lt_read(path);
	const Elf32_Ehdr *eh = (const void *)f.data;
	struct guest_ram r = lt_ram(16 * MIB, 0);
	struct vcpu_start st;
	const char *why = NULL;
	int rc = loader_multiboot(&r, f.data, f.len, "ksh.test=mb", &st, &why);

	cr_assert_eq(rc, 0, "%s: %s", path, why ? why : "");
	cr_expect_eq(st.mode, VCPU_START_PROT32);
	cr_expect_eq(st.rax, boot_magic);
	cr_expect_eq(st.rip, eh->e_entry);
	cr_expect_neq(st.rbx, 0);
	lt_ram_free(&r);
	free(f.data);
}

Test(rt_guests_load, multiboot1_kernel_loads)
{
	mb_guest("guests/multiboot1.elf", 0x2BADB002u);
}

Test(rt_guests_load, multiboot2_kernel_loads)
{
	mb_guest("guests/multiboot2.elf", 0x36D76289u);
}
