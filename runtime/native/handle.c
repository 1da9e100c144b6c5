// SPDX-License-Identifier: MIT
/* Channels by name; see ksh/rt/handle.h. */
#include <ksh/rt/handle.h>
#include <ksh/rt/string.h>

long ksh_handle(const struct ksh_native_info *info, const char *name,
		unsigned int role)
{
	size_t len = ksh_strlen(name);

	/* The info page keeps KSH_NATIVE_CHAN_NAME - 1 bytes of a name: a
	 * longer one could match another channel's cut name. */
	if (len == 0 || len >= KSH_NATIVE_CHAN_NAME)
		return -KSH_EINVAL;
	for (unsigned int h = 0; h < info->n_handle_info; h++) {
		const struct ksh_native_handle *e = &info->handles[h];

		if (ksh_strncmp(e->channel, name, KSH_NATIVE_CHAN_NAME) != 0)
			continue;
		if (role != KSH_ROLE_ANY && e->role != role)
			return -KSH_EPERM;
		return (long)h;
	}
	return -KSH_EBADH;
}
