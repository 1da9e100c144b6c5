// SPDX-License-Identifier: MIT
/*
 * hello: the smallest well-behaved native domain. Boot tests run two of
 * them to check that the schedule interleaves domains.
 *
 * Serial lines, in order (<name> = the domain's name from the tables):
 *   hello from <name> 0
 *   hello from <name> 1
 *   ...
 *   hello from <name> 4          (HELLO_LINES = 5 lines)
 *   DONE <name>
 * Exit status 0. Between two lines it calls KSH_HC_YIELD, so with two
 * hello domains in one schedule their lines alternate.
 */
#include <ksh/rt/rt.h>

#define HELLO_LINES 5

int main(const struct ksh_native_info *info)
{
	/* name[] is filled by the loader; bound it in case it is not
	 * terminated */
	int len = (int)ksh_strnlen(info->name, sizeof(info->name));

	for (int i = 0; i < HELLO_LINES; i++) {
		ksh_printf("hello from %.*s %d\n", len, info->name, i);
		ksh_hc_yield();
	}
	ksh_printf("DONE %.*s\n", len, info->name);
	return 0;
}
