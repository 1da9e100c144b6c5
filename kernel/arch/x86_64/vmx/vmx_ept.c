// SPDX-License-Identifier: MIT
/*
 * EPT entry formats for the generic nested-paging builder (SDM 29.3.2,
 * tables 29-1 to 29-6). Pure C.
 */
#include <ksh/tables.h>

#include "vmx.h"

static bool vmx_ept_exec_only;

void vmx_ept_set_exec_only(bool allowed)
{
	vmx_ept_exec_only = allowed;
}

/* Non-leaf entries allow everything: the leaf alone decides the rights
 * (the effective rights are the AND over all levels, SDM 29.3.3). */
static uint64_t vmx_ept_table(uint64_t hpa)
{
	return (hpa & EPT_ADDR_MASK) | EPT_R | EPT_W | EPT_X;
}

/* Write without read, and execute-only where the CPU lacks it, are EPT
 * misconfigurations (SDM 29.3.3.1); such rights are encoded with fewer
 * permissions, never more: W alone becomes not present, X alone becomes
 * not present without execute-only support. */
static uint64_t vmx_ept_leaf(uint64_t hpa, uint32_t rights, bool large)
{
	uint64_t e = 0;

	if (rights & KSH_R)
		e |= EPT_R;
	if ((rights & KSH_W) && (rights & KSH_R))
		e |= EPT_W;
	if ((rights & KSH_X) && ((rights & KSH_R) || vmx_ept_exec_only))
		e |= EPT_X;
	if (!e)
		return 0;
	/* Memory type write-back in bits 5:3 of leaves (SDM 29.3.7); bit 7
	 * maps a 2 MiB page from a PDE. */
	e |= EPT_MT_WB | (hpa & EPT_ADDR_MASK);
	if (large)
		e |= EPT_LARGE;
	return e;
}

static uint32_t vmx_ept_rights(uint64_t e)
{
	uint32_t r = 0;

	if (e & EPT_R)
		r |= KSH_R;
	if (e & EPT_W)
		r |= KSH_W;
	if (e & EPT_X)
		r |= KSH_X;
	return r;
}

const struct npt_format vmx_ept_format = {
    .name = "ept",
    .table = vmx_ept_table,
    .leaf = vmx_ept_leaf,
    .rights = vmx_ept_rights,
};
