// SPDX-License-Identifier: MIT
/*
 * UEFI memory services for the entry: the memory map and page allocation
 * (UEFI spec 2.10, 7.2 Memory Allocation Services).
 */
#define KSH_EFI_TYPES
#include "boot.h"

#include <efilib.h>

/* Static, so reading the map right before ExitBootServices allocates
 * nothing (an allocation would change the map key). */
static uint8_t map_buf[64 * 1024] __attribute__((aligned(16)));
static UINTN map_size, desc_size;

EFI_STATUS efi_memory_map(UINTN *key)
{
	UINT32 desc_version;

	map_size = sizeof(map_buf);
	return uefi_call_wrapper(BS->GetMemoryMap, 5, &map_size,
				 (EFI_MEMORY_DESCRIPTOR *)map_buf, key,
				 &desc_size, &desc_version);
}

void efi_memory_summary(struct boot_info *bi)
{
	bi->max_phys = 0;
	bi->conventional_bytes = 0;
	for (UINTN off = 0; off + desc_size <= map_size; off += desc_size) {
		const EFI_MEMORY_DESCRIPTOR *d =
		    (const EFI_MEMORY_DESCRIPTOR *)(map_buf + off);
		uint64_t end = d->PhysicalStart + d->NumberOfPages * 4096;

		if (d->Type == EfiMemoryMappedIO ||
		    d->Type == EfiMemoryMappedIOPortSpace ||
		    d->Type == EfiReservedMemoryType)
			continue;
		if (d->Type == EfiConventionalMemory)
			bi->conventional_bytes += d->NumberOfPages * 4096;
		if (end > bi->max_phys)
			bi->max_phys = end;
	}
}

int efi_alloc(uint64_t bytes, uint64_t align, uint64_t *hpa)
{
	UINTN pages = (bytes + 4095) / 4096;
	UINTN extra = align > 4096 ? align / 4096 : 0;
	EFI_PHYSICAL_ADDRESS base = 0, aligned;
	EFI_STATUS st;

	st = uefi_call_wrapper(BS->AllocatePages, 4, AllocateAnyPages,
			       EfiLoaderData, pages + extra, &base);
	if (EFI_ERROR(st))
		return -1;
	aligned = (base + align - 1) & ~(align - 1);
	/* Give back the unaligned head and the unused tail. */
	if (aligned > base)
		uefi_call_wrapper(BS->FreePages, 2, base,
				  (aligned - base) / 4096);
	if (extra != 0 && (aligned - base) / 4096 < extra)
		uefi_call_wrapper(BS->FreePages, 2, aligned + pages * 4096,
				  extra - (aligned - base) / 4096);
	SetMem((void *)(uintptr_t)aligned, pages * 4096, 0);
	*hpa = aligned;
	return 0;
}

void efi_free(uint64_t hpa, uint64_t bytes)
{
	uefi_call_wrapper(BS->FreePages, 2, (EFI_PHYSICAL_ADDRESS)hpa,
			  (UINTN)((bytes + 4095) / 4096));
}
