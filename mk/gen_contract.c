// SPDX-License-Identifier: MIT
/*
 * Writes the runtime's contract file (lib/ksh/contract.json) from
 * ksh/features.h, the list the kernel's validator is compiled with, so the
 * file installed beside libksh-kernel.a cannot say something the kernel
 * does not do. `kshc -o` reads it (ksh-compiler/contract.c).
 *
 * usage: gen_contract VERSION > contract.json
 */
#include <ksh/features.h>
#include <ksh/tables.h>

#include <stdio.h>
#include <string.h>

/* JSON string (RFC 8259 section 7): the list's texts are plain ASCII
 * without quotes or backslashes; refuse anything else rather than escape. */
static int plain(const char *s)
{
	for (; *s; s++)
		if (*s < 0x20 || *s > 0x7e || *s == '"' || *s == '\\')
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	const char *sep = "";

	if (argc != 2 || !plain(argv[1]) || argv[1][0] == '\0') {
		fputs("usage: gen_contract VERSION\n", stderr);
		return 2;
	}
	printf("{\n"
	       "  \"contract_format\": %u,\n"
	       "  \"runtime\": \"ksh\",\n"
	       "  \"version\": \"%s\",\n"
	       "  \"table_format\": %u,\n"
	       "  \"features\": [",
	       KSH_CONTRACT_FORMAT, argv[1], KSH_TABLES_VERSION);
#define ENTRY_(id, bit, name, on, what)                                        \
	do {                                                                   \
		if (!plain(name) || !plain(what))                              \
			return 1;                                              \
		printf("%s\n    {\"name\": \"%s\", \"bit\": %u, "              \
		       "\"enforced\": %s,\n     \"what\": \"%s\"}",            \
		       sep, name, (unsigned)(bit), (on) ? "true" : "false",    \
		       what);                                                  \
		sep = ",";                                                     \
	} while (0);
	KSH_FEATURES(ENTRY_)
#undef ENTRY_
	printf("\n  ]\n}\n");
	return ferror(stdout) ? 1 : 0;
}
