// SPDX-License-Identifier: MIT
/*
 * Native domain loader: the contract is include/ksh/native.h. An
 * ELF64 x86-64 executable is copied to its physical addresses; the top
 * KSH_NATIVE_RESERVED bytes of RAM get the identity-map page tables and a
 * flat GDT; struct ksh_native_info goes to KSH_NATIVE_INFO_GPA.
 *
 * Layout of the reserved top (R = ram_size - KSH_NATIVE_RESERVED):
 *   R + 0x0000  PML4
 *   R + 0x1000  PDPT
 *   R + 0x2000  PDs (one per GiB), then a PT for a sub-2 MiB tail
 *   top page    GDT (LOADER_GDT_SIZE bytes)
 */
#include <ksh/native.h>

#include "elf.h"
#include "lutil.h"

/* The GDT takes the last page of the reserved area, the tables the rest. */
#define NATIVE_PT_PAGES (KSH_NATIVE_RESERVED / LOADER_PAGE - 1)

/* RFLAGS bit 1 is reserved and always 1 (Intel SDM vol. 1 3.4.3). */
#define RFLAGS_FIXED 0x2ULL

static int native_check_ram(const struct guest_ram *ram, const char **why)
{
	if (!ram || !ram->base) {
		*why = "native: no RAM";
		return -LOADER_ESPACE;
	}
	if (ram->size % LOADER_PAGE) {
		*why = "native: RAM size is not a multiple of 4 KiB";
		return -LOADER_EUNSUPPORTED;
	}
	/* Room for at least one page of payload between LOAD_MIN and the
	 * reserved top. */
	if (ram->size <
	    KSH_NATIVE_LOAD_MIN + KSH_NATIVE_RESERVED + LOADER_PAGE) {
		*why = "native: RAM smaller than 1 MiB + reserved top + 4 KiB";
		return -LOADER_ESPACE;
	}
	uint64_t pages = ld_idmap_pages(ram->size);
	if (pages == 0 || pages > NATIVE_PT_PAGES) {
		*why = "native: RAM too large for the page tables in the "
		       "reserved top";
		return -LOADER_EUNSUPPORTED;
	}
	return 0;
}

int loader_native(const struct guest_ram *ram, const void *elf, size_t len,
		  uint32_t domain_id, const char *name,
		  const struct ksh_native_handle *handles, uint32_t n_handles,
		  struct vcpu_start *start, const char **why)
{
	struct elf_file f;
	uint64_t entry = 0;
	int rc;

	/* Check: RAM shape, ELF header, every segment, entry. */
	rc = native_check_ram(ram, why);
	if (rc)
		return rc;
	if (!elf || !start) {
		*why = "native: no image";
		return -LOADER_EFORMAT;
	}
	rc = elf_open(&f, elf, len, why);
	if (rc)
		return rc;
	if (f.bits != 64 || f.machine != ELF_EM_X86_64) {
		*why = "native: not an ELF64 x86-64 file";
		return -LOADER_EFORMAT;
	}
	if (f.type != ELF_ET_EXEC) {
		*why = "native: not an ET_EXEC executable";
		return -LOADER_EFORMAT;
	}
	uint64_t top = ram->size - KSH_NATIVE_RESERVED;
	struct elf_limits lim = {
	    .lo = KSH_NATIVE_LOAD_MIN, .hi = top, .identity = true};
	rc = elf_check_segments(&f, &lim, &entry, why);
	if (rc)
		return rc;

	/* Act: nothing below can fail. */
	elf_load_segments(&f, ram);

	uint64_t cr3 = ld_idmap_write(ram, top, ram->size);
	uint64_t gdt = ram->size - LOADER_PAGE;
	memset(ram->base + gdt, 0, LOADER_PAGE);
	ld_gdt_write(ram->base + gdt, true);

	struct ksh_native_info info;
	memset(&info, 0, sizeof(info));
	info.magic = KSH_NATIVE_INFO_MAGIC;
	info.domain_id = domain_id;
	info.n_handles = n_handles;
	info.ram_size = ram->size;
	/* Bounded copy: truncated to 63 bytes, always NUL-terminated. */
	for (size_t i = 0; name && i < sizeof(info.name) - 1 && name[i]; i++)
		info.name[i] = name[i];
	info.n_handle_info = n_handles < KSH_NATIVE_HANDLES_MAX
				 ? n_handles
				 : KSH_NATIVE_HANDLES_MAX;
	if (handles != NULL)
		memcpy(info.handles, handles,
		       info.n_handle_info * sizeof(info.handles[0]));
	else
		info.n_handle_info = 0;
	memcpy(ram->base + KSH_NATIVE_INFO_GPA, &info, sizeof(info));

	memset(start, 0, sizeof(*start));
	start->mode = VCPU_START_LONG64;
	start->rip = entry;
	start->rsp = top; /* 64 KiB aligned, so 16-byte aligned */
	start->rflags = RFLAGS_FIXED;
	start->rdi = KSH_NATIVE_INFO_GPA;
	start->cr3 = cr3;
	start->gdt_base = gdt;
	start->gdt_limit = LOADER_GDT_SIZE - 1;
	return 0;
}
