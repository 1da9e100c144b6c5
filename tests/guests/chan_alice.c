// SPDX-License-Identifier: MIT
/*
 * chan_alice: the sending end of a message channel (handle 0, method 0),
 * in tests/boot/chan_hostile.ksh. First writes BOARD_TEXT into the memory
 * channel "board" (handle 1, writer, at BOARD_GPA), which mallory reads.
 * Then sends CHAN_ALICE_MSGS greetings, each retried while the queue is
 * full (-KSH_EAGAIN: the receiver has not caught up), yielding between
 * tries.
 *
 * Serial lines:
 *   ALICE sent <i> rc=0        for i = 0 .. CHAN_ALICE_MSGS-1
 *   ALICE DONE failures=<n>
 * Exit status: the number of failed checks.
 */
#include <ksh/rt/rt.h>

#include "guest_paging.h"

#define BOARD_GPA  0x80000000ull
#define BOARD_TEXT "board from alice"

#define CHAN_ALICE_MSGS 3
#define TRIES		2000

int main(const struct ksh_native_info *info)
{
	char msg[64];

	/* the loader's tables map RAM only: add the board */
	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_2m(BOARD_GPA, GPT_WRITE) != 0) {
		ksh_puts("FAIL alice page tables");
		return 1;
	}
	gpt_activate();
	ksh_memcpy((void *)(uintptr_t)BOARD_GPA, BOARD_TEXT,
		   sizeof(BOARD_TEXT));
	for (int i = 0; i < CHAN_ALICE_MSGS; i++) {
		int n =
		    ksh_snprintf(msg, sizeof(msg), "hello %d from alice", i);
		int64_t rc = -KSH_EAGAIN;

		for (int t = 0; t < TRIES && rc == -KSH_EAGAIN; t++) {
			rc = ksh_hc_chan_send(0, 0, msg, (uint64_t)n);
			if (rc == -KSH_EAGAIN)
				ksh_hc_yield();
		}
		ksh_printf("ALICE sent %d rc=%ld\n", i, (long)rc);
		KSH_EXPECT_EQ("alice-send", rc, 0);
		ksh_hc_yield();
	}
	ksh_printf("ALICE DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
