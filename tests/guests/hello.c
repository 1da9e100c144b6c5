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
 *
 * If handle 0 is a message channel (examples/hello.ksh), the domain also
 * uses it in the role the policy gave it, read from its info page: the
 * sender sends "greetings from <name>" with method 0 before its first
 * line; the receiver polls between lines (and afterwards, for at most
 * HELLO_WAIT_FRAMES more frames) and prints
 *   <name> received "<text>" on channel <channel>
 * and exits with status 1 if nothing came, or the send was refused.
 */
#include <ksh/native.h>
#include <ksh/rt/rt.h>
#include <ksh/tables.h>

#define HELLO_LINES	  5
#define HELLO_WAIT_FRAMES 50

/* Role of handle 0 if it is a message channel, else 0. */
static unsigned int greet_role(const struct ksh_native_info *info)
{
	if (info->n_handle_info == 0 ||
	    info->handles[0].kind != KSH_CHANNEL_MESSAGE)
		return 0;
	return info->handles[0].role;
}

static int greet_send(const struct ksh_native_info *info, int len)
{
	char msg[96];
	int n = ksh_snprintf(msg, sizeof(msg), "greetings from %.*s", len,
			     info->name);
	int64_t rc;

	if (n >= (int)sizeof(msg))
		n = (int)sizeof(msg) - 1;
	rc = ksh_hc_chan_send(0, 0, msg, (uint64_t)n);

	if (rc < 0)
		ksh_printf("%.*s: send on channel %s refused: %lld\n", len,
			   info->name, info->handles[0].channel, (long long)rc);
	return rc < 0;
}

/* 1 when a message was received and printed, 0 when the queue is empty. */
static int greet_recv(const struct ksh_native_info *info, int len)
{
	char msg[256];
	uint32_t method = 0;
	int64_t rc = ksh_hc_chan_recv(0, msg, sizeof(msg), &method);

	if (rc < 0)
		return 0;
	ksh_printf("%.*s received \"%.*s\" on channel %s\n", len, info->name,
		   (int)rc, msg, info->handles[0].channel);
	return 1;
}

int main(const struct ksh_native_info *info)
{
	/* name[] is filled by the loader; bound it in case it is not
	 * terminated */
	int len = (int)ksh_strnlen(info->name, sizeof(info->name));
	unsigned int role = greet_role(info);
	int failed = 0, got = 0;

	if (role == KSH_ROLE_SENDER)
		failed = greet_send(info, len);
	for (int i = 0; i < HELLO_LINES; i++) {
		ksh_printf("hello from %.*s %d\n", len, info->name, i);
		if (role == KSH_ROLE_RECEIVER && !got)
			got = greet_recv(info, len);
		ksh_hc_yield();
	}
	for (int i = 0; role == KSH_ROLE_RECEIVER && !got; i++) {
		got = greet_recv(info, len);
		if (!got && i == HELLO_WAIT_FRAMES) {
			ksh_printf("%.*s: no message on channel %s\n", len,
				   info->name, info->handles[0].channel);
			failed = 1;
			break;
		}
		ksh_hc_yield();
	}
	ksh_printf("DONE %.*s\n", len, info->name);
	return failed;
}
