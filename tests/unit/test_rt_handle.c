// SPDX-License-Identifier: MIT
/* Unit tests for channels by name (runtime/native/handle.c): the handle
 * follows the channel's name wherever its declaration puts it, the role
 * is checked, and names the info page cannot tell apart are refused. */
#include <criterion/criterion.h>
#include <ksh/rt/handle.h>
#include <string.h>

static struct ksh_native_info info;

static void add(const char *name, unsigned int role)
{
	struct ksh_native_handle *h = &info.handles[info.n_handle_info++];

	strncpy(h->channel, name, sizeof(h->channel) - 1);
	h->role = role;
	h->kind =
	    role <= KSH_ROLE_READER ? KSH_CHANNEL_MEMORY : KSH_CHANNEL_MESSAGE;
	info.n_handles = info.n_handle_info;
}

static void reset(void)
{
	memset(&info, 0, sizeof(info));
}

TestSuite(rt_handle, .init = reset);

Test(rt_handle, found_by_name_in_either_order)
{
	add("crypto", KSH_ROLE_RECEIVER);
	add("reply", KSH_ROLE_SENDER);
	cr_expect_eq(ksh_handle(&info, "crypto", KSH_ROLE_RECEIVER), 0);
	cr_expect_eq(ksh_handle(&info, "reply", KSH_ROLE_SENDER), 1);
	/* The same domain with the declarations swapped. */
	reset();
	add("reply", KSH_ROLE_SENDER);
	add("crypto", KSH_ROLE_RECEIVER);
	cr_expect_eq(ksh_handle(&info, "crypto", KSH_ROLE_RECEIVER), 1);
	cr_expect_eq(ksh_handle(&info, "reply", KSH_ROLE_SENDER), 0);
	cr_expect_eq(ksh_handle(&info, "reply", KSH_ROLE_ANY), 0);
}

Test(rt_handle, wrong_role_missing_name_and_prefixes)
{
	add("crypto", KSH_ROLE_SENDER);
	cr_expect_eq(ksh_handle(&info, "crypto", KSH_ROLE_RECEIVER),
		     -KSH_EPERM);
	cr_expect_eq(ksh_handle(&info, "crypt", KSH_ROLE_ANY), -KSH_EBADH);
	cr_expect_eq(ksh_handle(&info, "crypto2", KSH_ROLE_ANY), -KSH_EBADH);
	cr_expect_eq(ksh_handle(&info, "", KSH_ROLE_ANY), -KSH_EINVAL);
}

Test(rt_handle, names_the_info_page_cuts_are_refused)
{
	char longname[KSH_NATIVE_CHAN_NAME + 1];

	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	add(longname, KSH_ROLE_SENDER); /* stored cut to 47 bytes */
	cr_expect_eq(ksh_handle(&info, longname, KSH_ROLE_ANY), -KSH_EINVAL);
	longname[KSH_NATIVE_CHAN_NAME - 1] = '\0'; /* 47 bytes: fits */
	cr_expect_eq(ksh_handle(&info, longname, KSH_ROLE_ANY), 0);
}

Test(rt_handle, only_described_handles_are_searched)
{
	add("a", KSH_ROLE_SENDER);
	add("b", KSH_ROLE_SENDER);
	info.n_handle_info = 1; /* the kernel described one */
	cr_expect_eq(ksh_handle(&info, "b", KSH_ROLE_ANY), -KSH_EBADH);
}
