/* SPDX-License-Identifier: MIT */
/*
 * Channels by name. A native domain's handles are numbered in the order
 * the .ksh declares the channels it holds an end of, so a program that
 * hard-codes "handle 0" is silently rebound when someone reorders two
 * channel declarations. ksh_handle() finds the handle by the channel's
 * name in the info page the kernel fills (ksh/native.h), and checks the
 * role the program expects, so a swap or a rename is a clear error at
 * start instead of a refused call later.
 */
#ifndef KSH_RT_HANDLE_H
#define KSH_RT_HANDLE_H

#include <ksh/hypercall.h>
#include <ksh/rt/console.h>
#include <ksh/rt/hypercall.h>
#include <ksh/native.h>
#include <ksh/tables.h> /* enum ksh_endpoint_role */

/* Any role (for ksh_handle's @role). */
#define KSH_ROLE_ANY 0u

/*
 * ksh_handle - the handle of this domain's end of channel @name.
 * @role: the enum ksh_endpoint_role the program needs, or KSH_ROLE_ANY
 *
 * Returns the handle (>= 0), -KSH_EBADH when the domain holds no end of
 * a channel of that name, -KSH_EPERM when it holds one in another role,
 * -KSH_EINVAL when @name is empty or too long to be told apart in the
 * info page (KSH_NATIVE_CHAN_NAME - 1 bytes at most).
 */
long ksh_handle(const struct ksh_native_info *info, const char *name,
		unsigned int role);

/*
 * ksh_handle_or_exit - ksh_handle, or print "ksh_handle: <domain> has no
 * end of channel "<name>" in role <role> (<error>)" and stop the domain
 * with status 120.
 */
static inline long ksh_handle_or_exit(const struct ksh_native_info *info,
				      const char *name, unsigned int role)
{
	long h = ksh_handle(info, name, role);

	if (h < 0) {
		ksh_printf("ksh_handle: %s has no end of channel \"%s\" in "
			   "role %u (%s)\n",
			   info->name, name, role,
			   h == -KSH_EPERM    ? "it holds another role"
			   : h == -KSH_EINVAL ? "name empty or too long"
					      : "no such channel");
		ksh_hc_exit(120);
	}
	return h;
}

#endif /* KSH_RT_HANDLE_H */
