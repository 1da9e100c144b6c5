// SPDX-License-Identifier: MIT
/*
 * The UEFI entry (GNU-EFI). Everything that needs firmware happens here,
 * in this order: serial console, table check, memory map, allocation of
 * every memory object and the kernel pool (failing closed when memory is
 * short), payload measurement and loading, ExitBootServices; then
 * kernel_main(boot_info), which depends on nothing from UEFI.
 */
#define KSH_EFI_TYPES
#include "boot.h"

#include <arch/arch.h>
#include <efilib.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>

/* Exit codes through arch_stop_machine (QEMU reports (code << 1) | 1). */
#define STOP_REFUSED 3

static __attribute__((noreturn)) void refuse_boot(const char *what,
						  const char *why)
{
	kprintf("ksh: refusing to boot: %s: %s\n", what, why);
	arch_stop_machine(STOP_REFUSED);
}

static struct boot_info *alloc_boot_info(const struct ksh_tables *t)
{
	uint64_t bytes = sizeof(struct boot_info) +
			 t->n_memobjs * sizeof(uint64_t) +
			 t->n_domains * sizeof(struct boot_domain);
	struct boot_info *bi;
	uint64_t hpa;

	if (efi_alloc(bytes, 4096, &hpa) != 0)
		refuse_boot("out of memory",
			    "no room for the boot information");
	bi = (struct boot_info *)(uintptr_t)hpa;
	bi->memobj_hpa = (uint64_t *)(bi + 1);
	bi->domains = (struct boot_domain *)(bi->memobj_hpa + t->n_memobjs);
	bi->tables = t;
	return bi;
}

/* Every memory object, then the kernel pool: all or nothing. */
static void alloc_memory(struct boot_info *bi)
{
	const struct ksh_tables *t = bi->tables;
	uint64_t pool_pages;

	for (uint32_t i = 0; i < t->n_memobjs; i++) {
		const struct ksh_memobj *o = &t->memobjs[i];

		if (efi_alloc(o->size, o->align, &bi->memobj_hpa[i]) != 0) {
			kprintf("ksh: memory object %s needs %lu KiB (%s "
				"aligned); the firmware reported %lu KiB "
				"free before allocation\n",
				o->name, o->size / 1024,
				o->align == 0x200000 ? "2 MiB" : "4 KiB",
				bi->conventional_bytes / 1024);
			refuse_boot("out of memory",
				    "a memory object the tables declare "
				    "cannot be allocated");
		}
	}
	pool_pages = kernel_pool_pages(t, bi->max_phys);
	bi->pool_size = pool_pages * KPAGE_SIZE;
	if (efi_alloc(bi->pool_size, 4096, &bi->pool_base) != 0)
		refuse_boot("out of memory", "no room for the kernel pool");
	kprintf("ksh: allocated %u memory objects and a %lu KiB kernel pool\n",
		t->n_memobjs, bi->pool_size / 1024);
}

static void image_extent(EFI_HANDLE image, struct boot_info *bi)
{
	EFI_LOADED_IMAGE *li = NULL;

	if (!EFI_ERROR(uefi_call_wrapper(BS->HandleProtocol, 3, image,
					 &LoadedImageProtocol, (void **)&li)) &&
	    li != NULL) {
		bi->image_base = (uint64_t)(uintptr_t)li->ImageBase;
		bi->image_size = li->ImageSize;
	}
}

static void exit_boot_services(EFI_HANDLE image)
{
	UINTN key;
	EFI_STATUS st;

	/* The map must be read right before ExitBootServices, with no
	 * firmware call in between (console output can change it); a stale key
	 * gives EFI_INVALID_PARAMETER: read it again (UEFI spec 7.4). */
	for (int tries = 0; tries < 8; tries++) {
		st = efi_memory_map(&key);
		if (EFI_ERROR(st))
			break;
		st = uefi_call_wrapper(BS->ExitBootServices, 2, image, key);
		if (st != EFI_INVALID_PARAMETER)
			break;
	}
	if (EFI_ERROR(st))
		refuse_boot("ExitBootServices", "the firmware refused");
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	const struct ksh_tables *t = &ksh_tables;
	struct boot_info *bi;
	const char *why;
	UINTN key;

	InitializeLib(image, systab);
	arch_serial_init();
	kprintf("\nksh: microhypervisor starting (UEFI entry)\n");
	if (ksh_tables_validate(t, &why) != 0)
		refuse_boot("the generated tables are invalid", why);
	kprintf("ksh: system \"%s\": %u domains, %u memory objects, %u "
		"minor frames\n",
		t->system_name != NULL ? t->system_name : "?", t->n_domains,
		t->n_memobjs, t->n_frames);
	bi = alloc_boot_info(t);
	image_extent(image, bi);
	if (EFI_ERROR(efi_memory_map(&key)))
		refuse_boot("memory map", "GetMemoryMap failed");
	efi_memory_summary(bi);
	alloc_memory(bi);
	boot_load_domains(bi);
	kprintf("ksh: leaving boot services\n");
	exit_boot_services(image);
	/* From here on: no firmware. Interrupts are off (gotcha 7). */
	__asm__ volatile("cli");
	kernel_main(bi);
}
