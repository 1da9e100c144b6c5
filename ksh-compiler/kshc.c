// SPDX-License-Identifier: MIT
/* Context set-up and tear-down; see kshc.h. */
#include "kshc.h"

#include <string.h>

void kshc_init(struct kshc *k)
{
	memset(k, 0, sizeof(*k));
	k->diags.out = stderr;
	k->diags.arena = &k->arena;
	k->ast.sys.iommu = -1;
	k->contract = &ksh_contract_builtin;
}

void kshc_fini(struct kshc *k)
{
	arena_free(&k->arena);
	memset(k, 0, sizeof(*k));
}
