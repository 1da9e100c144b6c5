// SPDX-License-Identifier: MIT
/*
 * AMD nested page-table entries: the long-mode PTE format (APM vol. 2
 * 5.3.3, 15.25.5). Nested walks are user accesses, so every level needs
 * U/S=1 (APM 15.25.5; otherwise the first fetch faults with
 * EXITINFO1 0x100000015). Reads cannot be denied (no R bit); write via
 * R/W, execute via NX (host EFER.NXE is set by paging_init).
 */
#include "svm.h"

#define PTE_P  (1ull << 0)
#define PTE_RW (1ull << 1)
#define PTE_US (1ull << 2)
#define PTE_PS (1ull << 7)
#define PTE_NX (1ull << 63)

static uint64_t npt_table(uint64_t hpa)
{
	return hpa | PTE_P | PTE_RW | PTE_US;
}

static uint64_t npt_leaf(uint64_t hpa, uint32_t rights, bool large)
{
	uint64_t e = hpa | PTE_P | PTE_US;

	if (rights & KSH_W)
		e |= PTE_RW;
	if (!(rights & KSH_X))
		e |= PTE_NX;
	if (large)
		e |= PTE_PS;
	return e; /* PWT=PCD=PAT=0: write-back, combined with the guest PAT */
}

static uint32_t npt_rights(uint64_t e)
{
	if (!(e & PTE_P))
		return 0;
	return KSH_R | ((e & PTE_RW) ? KSH_W : 0) | ((e & PTE_NX) ? 0 : KSH_X);
}

const struct npt_format svm_npt_format = {
    .name = "AMD NPT",
    .table = npt_table,
    .leaf = npt_leaf,
    .rights = npt_rights,
};
