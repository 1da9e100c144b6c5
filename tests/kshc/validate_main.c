// SPDX-License-Identifier: MIT
/*
 * Host check of what kshc --emit-c wrote: linked with the generated
 * tables.c and payloads.S and with the kernel's own validator
 * (kernel/core/tables_check.c), it runs ksh_tables_validate() and then
 * re-measures every embedded payload, so a digest kshc computed wrongly
 * or a payload .incbin'd from the wrong file is caught.
 */
#include <ksh/tables.h>

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	const char *err = NULL;

	if (ksh_tables_validate(&ksh_tables, &err) != 0) {
		printf("ksh_tables_validate: %s\n", err);
		return 1;
	}
	for (uint32_t i = 0; i < ksh_tables.n_payloads; i++) {
		const struct ksh_payload *p = &ksh_tables.payloads[i];
		unsigned char md[EVP_MAX_MD_SIZE];
		unsigned int len = 0;

		if (EVP_Digest(p->data, p->size, md, &len, EVP_sha256(),
			       NULL) != 1 ||
		    len != 32 || memcmp(md, p->sha256, 32) != 0) {
			printf("payload %u (%s): embedded bytes do not match "
			       "the table's SHA-256\n",
			       i, p->name);
			return 1;
		}
		if (((uintptr_t)p->data & 0xFFF) != 0) {
			printf("payload %u is not 4 KiB aligned\n", i);
			return 1;
		}
	}
	/* Each payload has its own copy, so one corrupted copy cannot
	 * stop another domain. */
	for (uint32_t i = 1; i < ksh_tables.n_payloads; i++)
		for (uint32_t j = 0; j < i; j++)
			if (ksh_tables.payloads[i].data ==
			    ksh_tables.payloads[j].data) {
				printf("payloads %u and %u share their bytes\n",
				       j, i);
				return 1;
			}
	printf("ok: %u domains, %u mappings, %u endpoints, %u decisions\n",
	       ksh_tables.n_domains, ksh_tables.n_mappings,
	       ksh_tables.n_endpoints, ksh_tables.n_decisions);
	return 0;
}
