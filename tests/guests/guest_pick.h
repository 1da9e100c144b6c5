/* SPDX-License-Identifier: MIT */
/* Test guests whose first attack is chosen by a keyword in the domain name
 * (so one boot test can aim at each attack): returns the index given for
 * the first keyword found in info->name, or 0. */
#ifndef GUEST_PICK_H
#define GUEST_PICK_H

#include <ksh/rt/rt.h>

struct guest_pick {
	const char *keyword;
	int first;
};

static inline int guest_pick_first(const struct ksh_native_info *info,
				   const struct guest_pick *picks, int n)
{
	char name[sizeof(info->name) + 1];
	size_t len = ksh_strnlen(info->name, sizeof(info->name));

	ksh_memcpy(name, info->name, len);
	name[len] = '\0';
	for (int i = 0; i < n; i++)
		if (ksh_strstr(name, picks[i].keyword))
			return picks[i].first;
	return 0;
}

#endif /* GUEST_PICK_H */
