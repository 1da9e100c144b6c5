/* SPDX-License-Identifier: MIT */
/*
 * boot_info: everything the kernel needs from the boot environment, in
 * plain memory, so kernel_main depends on nothing from UEFI. The UEFI entry
 * (kernel/boot/) fills it; another entry (Multiboot2, say) could too.
 * All pointers are identity-mapped host-physical memory that stays
 * allocated for the life of the system.
 */
#ifndef KSH_BOOT_INFO_H
#define KSH_BOOT_INFO_H

#include <stdint.h>

#include <ksh/loader.h>
#include <ksh/tables.h>

/* Per-domain outcome of the boot stage. */
struct boot_domain {
	int32_t status;	 /* 0: loaded; < 0: refused, see why */
	const char *why; /* static text, for the log */
	struct vcpu_start start;
};

struct boot_info {
	const struct ksh_tables *tables; /* validated */
	uint64_t *memobj_hpa;		 /* [n_memobjs] where each object is */
	struct boot_domain *domains;	 /* [n_domains] */
	uint64_t pool_base, pool_size;	 /* the kernel pool (ksh/kmem.h) */
	uint64_t max_phys;		 /* end of the highest RAM range */
	uint64_t image_base, image_size; /* this image as loaded */
	uint64_t conventional_bytes;	 /* free RAM UEFI reported */
	uint64_t acpi_rsdp;		 /* 0 if none */
};

/*
 * Start-up checks an entry makes while it can still give the machine back
 * to its firmware (before ExitBootServices), so that a machine that
 * cannot run the system boots something else instead of stopping. Each
 * returns 0, or -1 with *why naming what is missing.
 *   kernel_choose_backend:  the CPU's needs and its virtualization backend
 *                           (vcpu_select, CPUID and MSRs only); first.
 *   kernel_anything_to_run: after loading, at least one domain loaded.
 * kernel_main needs kernel_choose_backend to have succeeded.
 */
int kernel_choose_backend(const char **why);
int kernel_anything_to_run(const struct boot_info *bi, const char **why);

/* The generic kernel: takes over the CPU, starts the domains, runs the
 * schedule. Does not return. */
__attribute__((noreturn)) void kernel_main(struct boot_info *bi);

/* Pages the kernel pool needs besides nested page tables: host paging
 * for max_phys, stacks, per-CPU and per-domain control blocks. */
uint64_t kernel_pool_pages(const struct ksh_tables *t, uint64_t max_phys);

#endif /* KSH_BOOT_INFO_H */
