// SPDX-License-Identifier: MIT
/*
 * chandev_peer: the native end of tests/boot/chandev_linux.sh, talking to
 * a Linux domain that drives the ksh channel device from user space.
 * Handles (its channels in declaration order): 0 = req (receiver, from
 * Linux), 1 = rep (sender, to Linux), 2 = board (memory channel writer,
 * window at BOARD_GPA); event 0 = bell (its doorbell to Linux).
 *
 * First it writes "BOARD v1" into the window and rings the doorbell.
 * Then it serves req: each message is printed, and a "hello" is
 * answered on rep with "pong:" and the text; "bye" ends the loop.
 *
 * Serial lines:
 *   PEER board written, bell rc=<rc>
 *   PEER got <method> len=<n>: <text>
 *   PEER reply rc=<rc>
 *   PEER DONE failures=<n>
 */
#include <ksh/rt/rt.h>

#include "guest_paging.h"

#define H_REQ	  0
#define H_REP	  1
#define BOARD_GPA 0x80000000ull
#define M_HELLO	  0
#define M_BYE	  2

static const char *const names[] = {"hello", "data", "bye", "secret"};
static char msg[260], reply[300];

int main(const struct ksh_native_info *info)
{
	volatile char *board = (volatile char *)(uintptr_t)BOARD_GPA;
	static const char text[] = "BOARD v1";
	uint32_t method;
	int64_t n, rc;
	int done = 0;

	/* the loader's tables map RAM only: add the window */
	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_2m(BOARD_GPA, GPT_WRITE) != 0) {
		ksh_puts("FAIL peer page tables");
		return 1;
	}
	gpt_activate();
	for (unsigned int i = 0; i < sizeof(text); i++)
		board[i] = text[i];
	rc = ksh_hc_event_signal(0);
	ksh_printf("PEER board written, bell rc=%ld\n", (long)rc);
	KSH_EXPECT_EQ("bell", rc, 0);
	while (!done) {
		n = ksh_hc_chan_recv(H_REQ, msg, sizeof(msg) - 1, &method);
		if (n == -KSH_EAGAIN) {
			ksh_hc_yield();
			continue;
		}
		if (n < 0) {
			ksh_printf("FAIL recv: %ld\n", (long)n);
			break;
		}
		msg[n] = '\0';
		ksh_printf("PEER got %s len=%ld: %s\n",
			   method < 4 ? names[method] : "?", (long)n, msg);
		if (method == M_HELLO) {
			n = ksh_snprintf(reply, sizeof(reply), "pong:%s", msg);
			rc = ksh_hc_chan_send(H_REP, 0, reply, (uint64_t)n);
			ksh_printf("PEER reply rc=%ld\n", (long)rc);
			KSH_EXPECT_EQ("reply", rc, 0);
		}
		done = method == M_BYE;
	}
	ksh_printf("PEER DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
