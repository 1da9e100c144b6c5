// SPDX-License-Identifier: MIT
/*
 * Include-rule probe (tests/layout.sh): a kernel-internal header. Built as
 * a native guest it must not compile (guests see the public ABI and the
 * native runtime only); built as kernel code it must.
 */
#include <ksh/domain.h>

int layout_probe_internal(void);

int layout_probe_internal(void)
{
	return (int)sizeof(struct domain);
}
