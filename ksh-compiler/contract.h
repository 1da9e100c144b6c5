/* SPDX-License-Identifier: MIT */
/*
 * The runtime contract kshc checks a system against (ksh/features.h):
 * which table features the runtime enforces, its version and table format.
 * --check and --emit-* use the contract compiled into kshc (the runtime it
 * was built with); -o reads contract.json from the runtime directory it
 * links against, so an image is only built for what that runtime does.
 */
#ifndef KSHC_CONTRACT_H
#define KSHC_CONTRACT_H

#include <stddef.h>
#include <stdint.h>

#define KSH_CONTRACT_FILE "contract.json"

struct ksh_contract {
	const char *version;   /* the runtime's VERSION */
	uint32_t table_format; /* KSH_TABLES_VERSION it reads */
	uint64_t enforced;     /* KSH_FEAT_BIT()s */
	const char *origin;    /* "built-in" or the file it came from */
	char *owned[2];	       /* a loaded contract's strings */
};

/* The contract of the runtime kshc was built with. */
extern const struct ksh_contract ksh_contract_builtin;

/*
 * ksh_contract_load - read @path into @c (strings owned by @c, freed with
 * ksh_contract_free). Refuses a file that is missing, not JSON, of another
 * contract or table format, or with a malformed feature entry; features
 * kshc knows but the file does not list count as not enforced. Returns 0,
 * or -1 with a reason in @err.
 */
int ksh_contract_load(struct ksh_contract *c, const char *path, char *err,
		      size_t err_size);
void ksh_contract_free(struct ksh_contract *c);

#endif /* KSHC_CONTRACT_H */
