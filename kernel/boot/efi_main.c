// SPDX-License-Identifier: MIT
/*
 * The UEFI entry (GNU-EFI). Everything that needs firmware happens here,
 * in this order: serial console, table check, CPU check and choice of the
 * virtualization backend, memory map, allocation of every memory object
 * and the kernel pool, payload measurement and loading, a check that some
 * domain can start, ExitBootServices; then kernel_main(boot_info), which
 * depends on nothing from UEFI.
 *
 * Every refusal that can be decided before ExitBootServices is made
 * before it: the image says why on the serial console, gives back the
 * memory it took and returns an error from its entry point, and the boot
 * manager goes on with its next boot option (UEFI spec 2.10, 3.1.1: a
 * Boot#### that returns a status other than EFI_SUCCESS has failed and
 * the next one in BootOrder is tried). Only what needs the kernel's own
 * page tables, VMX/SVM switched on or the firmware gone is refused later,
 * by stopping the machine (kernel/core/main.c).
 */
#define KSH_EFI_TYPES
#include "boot.h"

#include <arch/arch.h>
#include <efilib.h>
#include <stdbool.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>

/* Exit code through arch_stop_machine (QEMU reports (code << 1) | 1). */
#define STOP_REFUSED 3

/* What the entry holds from the firmware, to give back on a refusal. */
struct held {
	struct boot_info *bi;
	uint64_t bi_bytes;
	uint32_t n_memobjs; /* bi->memobj_hpa[0 .. n_memobjs) allocated */
	bool pool;
};

static const char *status_name(EFI_STATUS st)
{
	switch (st) {
	case EFI_LOAD_ERROR:
		return "EFI_LOAD_ERROR";
	case EFI_UNSUPPORTED:
		return "EFI_UNSUPPORTED";
	case EFI_OUT_OF_RESOURCES:
		return "EFI_OUT_OF_RESOURCES";
	case EFI_INCOMPATIBLE_VERSION:
		return "EFI_INCOMPATIBLE_VERSION";
	case EFI_SECURITY_VIOLATION:
		return "EFI_SECURITY_VIOLATION";
	default:
		return "an error";
	}
}

/* Free memory the firmware reports now (0 if the map cannot be read). */
static uint64_t firmware_free_bytes(void)
{
	struct boot_info now = {0};
	UINTN key;

	if (EFI_ERROR(efi_memory_map(&key)))
		return 0;
	efi_memory_summary(&now);
	return now.conventional_bytes;
}

/* Frees what was allocated, newest first: a returning image must leave
 * the memory to whatever boots next (UEFI spec 2.10, 7.4 Exit: the
 * firmware frees the image itself, not the pages it allocated). Says how
 * much, and whether the firmware's free memory grew by as much. */
static void give_back(struct held *h)
{
	const struct ksh_tables *t = &ksh_tables;
	uint64_t before, after, bytes = 0;

	if (h->bi == NULL)
		return;
	before = firmware_free_bytes();
	if (h->pool) {
		efi_free(h->bi->pool_base, h->bi->pool_size);
		bytes += h->bi->pool_size;
	}
	while (h->n_memobjs > 0) {
		uint64_t size = t->memobjs[--h->n_memobjs].size;

		efi_free(h->bi->memobj_hpa[h->n_memobjs], size);
		bytes += (size + 4095) & ~4095ull;
	}
	efi_free((uint64_t)(uintptr_t)h->bi, h->bi_bytes);
	bytes += (h->bi_bytes + 4095) & ~4095ull;
	h->bi = NULL;
	after = firmware_free_bytes();
	if (after >= before && after - before >= bytes)
		kprintf("ksh: gave back %lu KiB to the firmware (its free "
			"memory grew by %lu KiB)\n",
			bytes / 1024, (after - before) / 1024);
	else
		kprintf("ksh: gave back %lu KiB, but the firmware reports "
			"%lu KiB free, %lu KiB before\n",
			bytes / 1024, after / 1024, before / 1024);
}

/* A refusal before ExitBootServices: the line names what is missing,
 * then the entry returns st to the boot manager. */
static EFI_STATUS refuse_boot(struct held *h, EFI_STATUS st, const char *what,
			      const char *why)
{
	if (what != NULL)
		kprintf("ksh: refusing to boot: %s: %s\n", what, why);
	else
		kprintf("ksh: refusing to boot: %s\n", why);
	give_back(h);
	kprintf("ksh: returning %s to the firmware, which goes on with its "
		"next boot option\n",
		status_name(st));
	return st;
}

static int alloc_boot_info(struct held *h, const struct ksh_tables *t)
{
	uint64_t bytes = sizeof(struct boot_info) +
			 t->n_memobjs * sizeof(uint64_t) +
			 t->n_domains * sizeof(struct boot_domain);
	struct boot_info *bi;
	uint64_t hpa;

	if (efi_alloc(bytes, 4096, &hpa) != 0)
		return -1;
	bi = (struct boot_info *)(uintptr_t)hpa;
	bi->memobj_hpa = (uint64_t *)(bi + 1);
	bi->domains = (struct boot_domain *)(bi->memobj_hpa + t->n_memobjs);
	bi->tables = t;
	h->bi = bi;
	h->bi_bytes = bytes;
	return 0;
}

/* Every memory object, then the kernel pool: all or nothing. Returns 0,
 * or -1 with *why set (h says what to give back). */
static int alloc_memory(struct held *h, const char **why)
{
	struct boot_info *bi = h->bi;
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
			*why = "a memory object the tables declare cannot be "
			       "allocated";
			return -1;
		}
		h->n_memobjs = i + 1;
	}
	pool_pages = kernel_pool_pages(t, bi->max_phys);
	bi->pool_size = pool_pages * KPAGE_SIZE;
	if (efi_alloc(bi->pool_size, 4096, &bi->pool_base) != 0) {
		*why = "no room for the kernel pool";
		return -1;
	}
	h->pool = true;
	kprintf("ksh: allocated %u memory objects and a %lu KiB kernel pool\n",
		t->n_memobjs, bi->pool_size / 1024);
	return 0;
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

/* Does not return on failure: after a first ExitBootServices call the
 * firmware may have shut part of boot services down, and only the memory
 * services may be called (UEFI spec 2.10, 7.4 ExitBootServices), so
 * handing the machine back is no longer safe. */
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
	if (EFI_ERROR(st)) {
		kprintf("ksh: refusing to start: ExitBootServices: the "
			"firmware refused\n");
		arch_stop_machine(STOP_REFUSED);
	}
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab);

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	const struct ksh_tables *t = &ksh_tables;
	struct held h = {0};
	const char *why;
	EFI_STATUS st;
	UINTN key;

	InitializeLib(image, systab);
	arch_serial_init();
	kprintf("\nksh: microhypervisor starting (UEFI entry)\n");
	if (ksh_tables_validate(t, &why) != 0)
		return refuse_boot(&h, EFI_LOAD_ERROR,
				   "the generated tables are invalid", why);
	kprintf("ksh: system \"%s\": %u domains, %u memory objects, %u "
		"minor frames\n",
		t->system_name != NULL ? t->system_name : "?", t->n_domains,
		t->n_memobjs, t->n_frames);
	/* CPUID and MSRs only: decided before anything is allocated. */
	if (kernel_choose_backend(&why) != 0)
		return refuse_boot(&h, EFI_UNSUPPORTED, NULL, why);
	if (alloc_boot_info(&h, t) != 0)
		return refuse_boot(&h, EFI_OUT_OF_RESOURCES, "out of memory",
				   "no room for the boot information");
	image_extent(image, h.bi);
	st = efi_memory_map(&key);
	if (EFI_ERROR(st))
		return refuse_boot(&h, st, "memory map", "GetMemoryMap failed");
	efi_memory_summary(h.bi);
	if (alloc_memory(&h, &why) != 0)
		return refuse_boot(&h, EFI_OUT_OF_RESOURCES, "out of memory",
				   why);
	boot_load_domains(h.bi);
	if (kernel_anything_to_run(h.bi, &why) != 0)
		return refuse_boot(&h, EFI_LOAD_ERROR, NULL, why);
	kprintf("ksh: leaving boot services\n");
	exit_boot_services(image);
	/* From here on: no firmware. Interrupts are off (gotcha 7). */
	__asm__ volatile("cli");
	kernel_main(h.bi);
}
