/* SPDX-License-Identifier: MIT */
/*
 * The generic nested-paging builder: turns a domain's table mappings into
 * a 4-level nested page table (AMD NPT or Intel EPT; the vendor's
 * struct npt_format encodes the entries). Pure C over a page allocator, so
 * the host unit tests check it against what the tables say.
 *
 * Both formats agree on what the builder relies on: an all-zero entry is
 * absent, bits 51:12 hold the next table or page address, and bit 7 marks a
 * 2 MiB leaf in a level-2 entry (AMD APM vol. 2 15.25.5 uses the legacy
 * long-mode PTE layout; Intel SDM 29.3.2 tables 29-4/29-5).
 */
#ifndef KSH_NPT_H
#define KSH_NPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <arch/vcpu.h>
#include <ksh/tables.h>

#define NPT_GPA_LIMIT (1ull << 48) /* 4-level walk: 48-bit guest-physical */

enum npt_err {
	NPT_ENOMEM = 1, /* the pager has too few table pages */
	NPT_EEXIST = 2, /* two mappings claim the same guest page */
	NPT_EINVAL = 3, /* unaligned, empty, wrapping or beyond 48 bits */
};

/* Where table pages come from: alloc returns a zeroed 4 KiB page and its
 * host-physical address; ptr turns a host-physical table address back into
 * a pointer (identity in the kernel). Optional (NULL: not offered):
 * avail says how many pages alloc will hand out for certain, so npt_map
 * can refuse before it writes anything; free takes back a page alloc
 * gave and returns false for a page that is not its own (that page then
 * stays in the tree). */
struct npt_pager {
	void *(*alloc)(void *ctx, uint64_t *hpa);
	uint64_t *(*ptr)(void *ctx, uint64_t hpa);
	void *ctx;
	uint64_t (*avail)(void *ctx);
	bool (*free)(void *ctx, uint64_t hpa);
};

struct npt {
	const struct npt_format *fmt;
	struct npt_pager pager;
	uint64_t root_hpa;
	uint64_t *root;
	size_t pages; /* table pages in use, root included: the accounting */
	size_t leaves_4k, leaves_2m;
	size_t tables_freed; /* table pages npt_unmap gave back to the pager */
};

/* Whether npt_map may map executable memory with 2 MiB leaves (default
 * yes). Off on Intel CPUs exposed to iTLB multihit (CVE-2018-12207;
 * ksh/spec_ctrl.h): a guest changing the page size of an executable
 * translation can raise a machine check, so executable ranges get 4 KiB
 * leaves only. Set once at boot, before any table is sized or built. */
void npt_set_exec_2m(bool allowed);

/* Allocates the root. Returns 0 or -NPT_ENOMEM. */
int npt_init(struct npt *n, const struct npt_format *fmt,
	     const struct npt_pager *pager);

/* From now on table pages come from pager, and npt_unmap gives the
 * tables it empties back to it (pages an earlier pager gave stay where
 * they are). The kernel switches a Linux domain to its BAR reserve this
 * way once its boot-time mappings are built (kernel/core/chan_dev.c). */
void npt_set_pager(struct npt *n, const struct npt_pager *pager);

/* Maps [gpa, gpa+size) to [hpa, hpa+size) with KSH_R/W/X rights, using
 * 2 MiB leaves wherever gpa and hpa are both 2 MiB aligned and 2 MiB
 * remain. Checks the whole range first (alignment, wrap, 48-bit limit, no
 * page already mapped, and, with pager.avail, every table page it needs
 * available), then writes. On any error nothing is mapped and no table
 * page is spent: should alloc fail anyway (a pager without avail), what
 * was written is taken back and the tables allocated for it go back
 * through pager.free (without free they stay linked, empty). Returns 0,
 * -NPT_EINVAL, -NPT_EEXIST or -NPT_ENOMEM. */
int npt_map(struct npt *n, uint64_t gpa, uint64_t hpa, uint64_t size,
	    uint32_t rights);

/* Removes the 4 KiB pages of [gpa, gpa+size) that npt_map mapped (a
 * device BAR moving away). 2 MiB leaves are removed only when the range
 * covers them whole. Returns 0 or -NPT_EINVAL (unaligned, wrapping, or a
 * 2 MiB leaf only partly covered: then nothing was removed). Pages not
 * mapped are skipped. Every table the range leaves empty goes back
 * through pager.free (deepest first, the root never), so a mapping moved
 * again and again costs no more table pages than one placement of it.
 *
 * The caller must invalidate the guest's cached translations before the
 * guest runs again (the vendor's flush_npt: AMD APM vol. 2 15.16.1,
 * TLB_CONTROL for the guest's ASID; Intel SDM vol. 3C 29.4.3.1, INVEPT
 * single-context): the TLB and the nested paging-structure caches may
 * still hold the removed entries and the freed tables, which a later
 * npt_map may already have reused. Nothing else may run the guest in
 * between (the kernel runs one vCPU per domain, on the CPU that took
 * the exit). */
int npt_unmap(struct npt *n, uint64_t gpa, uint64_t size);

/* Maps every mapping of domain dom; memobj_hpa[i] is where memory object i
 * lives. Returns 0 or the first npt_map error, with *bad (if not NULL) set
 * to the offending mapping's index. */
int npt_map_domain(struct npt *n, const struct ksh_tables *t, uint32_t dom,
		   const uint64_t *memobj_hpa, uint32_t *bad);

/* Looks gpa up: returns 0 and fills *hpa and *rights, or -1 if unmapped. */
int npt_lookup(const struct npt *n, uint64_t gpa, uint64_t *hpa,
	       uint32_t *rights);

/* An upper bound of the table pages npt_map_domain needs for domain dom
 * (each mapping counted as if it shared no table with another): what the
 * UEFI entry reserves in the kernel pool. */
size_t npt_pages_bound(const struct ksh_tables *t, uint32_t dom);

/* The most table pages npt_map can allocate for one mapping of size
 * bytes at a guest-physical address that is a multiple of align (a
 * power of two; a PCI BAR is aligned to its size, PCI 3.0 6.2.5.1), into
 * a tree holding nothing but the root: one PDPT, PD and PT per 512 GiB,
 * 1 GiB and 2 MiB the range can touch. What a moved BAR costs at most
 * while npt_unmap gives emptied tables back. */
uint64_t npt_place_bound(uint64_t size, uint64_t align);

#endif /* KSH_NPT_H */
