/* SPDX-License-Identifier: MIT */
/*
 * Own page tables for test guests: 4-level long-mode tables with 2 MiB
 * pages (AMD APM vol. 2 5.3, Intel SDM vol. 3A 4.5), identity-mapped,
 * built in the guest's .bss. Hostile guests need them to put an address
 * the kernel's tables leave unmapped (beyond RAM, the local APIC page, a
 * high physical address) into their own address space, so the access
 * reaches nested paging (EPT/NPT) instead of ending as a guest #PF; the
 * CPL3 test needs pages with the User bit, which the loader's tables need
 * not set.
 */
#ifndef GUEST_PAGING_H
#define GUEST_PAGING_H

#include <stdint.h>

#define GPT_PRESENT 0x1ull
#define GPT_WRITE   0x2ull
#define GPT_USER    0x4ull
#define GPT_LARGE   0x80ull /* PS: 2 MiB page at the PD level */

/* Empties the tables. */
void gpt_reset(void);

/* Identity-maps the 2 MiB page holding pa with flags (GPT_PRESENT is
 * implied); returns 0, or -1 if the table pool is exhausted or pa is not
 * a canonical lower-half address. */
int gpt_map_2m(uint64_t pa, uint64_t flags);

/* Identity-maps every 2 MiB page touching [start, end). */
int gpt_map_range(uint64_t start, uint64_t end, uint64_t flags);

/* Loads CR3 with the tables (a full TLB flush of non-global entries: SDM
 * vol. 3A 4.10.4.1). */
void gpt_activate(void);

/* MAXPHYADDR from CPUID 0x80000008 EAX[7:0] (36 if the leaf is hidden). */
unsigned int gpt_phys_bits(void);

#endif /* GUEST_PAGING_H */
