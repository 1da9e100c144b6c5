// SPDX-License-Identifier: MIT
/*
 * chan_mallory: a hostile channel user, in tests/boot/chan_hostile.ksh.
 * Its handles: 0 = session (sender; methods open, data, close, secret;
 * flow closed -open-> opened -close-> closed, data only when opened,
 * secret never granted), 1 = flood (sender, queue depth 4, never read).
 * Every attack must be refused with its code; the kernel prints an audit
 * line for each (the boot test checks those). At the end it opens the
 * session, sends one data message and closes it, which tells chan_bob
 * the attacks are over. Then it reads the memory channel "board" (handle
 * 2, reader, at BOARD_GPA, read-only in nested paging), which alice
 * filled, and writes to it: the kernel must stop it there.
 *
 * Serial lines: PASS <check> / FAIL <check>: ... for
 *   bad-handle, alias-handle, recv-on-send-end, forbidden-method,
 *   unknown-method, flow-order, outside-memory, flow-unmoved,
 *   length-wraps, too-long, audit-read, flood-accepted, flood-refused,
 *   flood-again, open, data, close
 * then MALLORY DONE failures=<n>, PASS board-read, and
 *   MALLORY writes to its read-only window
 * and nothing after: the write stops the domain.
 */
#include <ksh/rt/rt.h>

#include "guest_paging.h"

#define BOARD_GPA  0x80000000ull
#define BOARD_TEXT "board from alice"

#define H_SESSION   0
#define H_FLOOD	    1
#define M_OPEN	    0
#define M_DATA	    1
#define M_CLOSE	    2
#define M_SECRET    3
#define FLOOD_DEPTH 4
#define FLOOD_MORE  40

static char buf[64] = "mallory";

static int64_t send(uint64_t h, uint64_t m, uint64_t gpa, uint64_t len)
{
	return ksh_hypercall(KSH_HC_CHAN_SEND, h, m, gpa, len);
}

int main(const struct ksh_native_info *info)
{
	uint64_t b = ksh_rt_gpa(buf);
	uint32_t method;
	int accepted = 0;
	int64_t rc = 0;

	KSH_EXPECT_EQ("bad-handle", send(7, M_OPEN, b, 4), -KSH_EBADH);
	KSH_EXPECT_EQ("alias-handle",
		      send((1ull << 32) | H_SESSION, M_OPEN, b, 4), -KSH_EBADH);
	KSH_EXPECT_EQ("recv-on-send-end",
		      ksh_hc_chan_recv(H_SESSION, buf, sizeof(buf), &method),
		      -KSH_EPERM);
	KSH_EXPECT_EQ("forbidden-method", send(H_SESSION, M_SECRET, b, 4),
		      -KSH_EPERM);
	KSH_EXPECT_EQ("unknown-method", send(H_SESSION, 9, b, 4), -KSH_EINVAL);
	KSH_EXPECT_EQ("flow-order", send(H_SESSION, M_DATA, b, 4), -KSH_EPERM);
	/* open is allowed in closed, but from memory mallory does not
	 * have: refused, and the flow machine must not have moved */
	KSH_EXPECT_EQ("outside-memory", send(H_SESSION, M_OPEN, 0x40000000, 4),
		      -KSH_EFAULT);
	KSH_EXPECT_EQ("flow-unmoved", send(H_SESSION, M_DATA, b, 4),
		      -KSH_EPERM);
	KSH_EXPECT_EQ("length-wraps",
		      send(H_SESSION, M_OPEN, 0xFFFFFFFFFFFFFFF0ull, 32),
		      -KSH_EFAULT);
	KSH_EXPECT_EQ("too-long", send(H_SESSION, M_OPEN, b, 65), -KSH_E2BIG);
	KSH_EXPECT_EQ("audit-read", ksh_hc_audit_read(buf, sizeof(buf)),
		      -KSH_EPERM);
	/* flood: the queue takes its depth, then refuses; nobody reads */
	while (accepted < 100 && (rc = send(H_FLOOD, 0, b, 4)) == 0)
		accepted++;
	KSH_EXPECT_EQ("flood-accepted", accepted, FLOOD_DEPTH);
	KSH_EXPECT_EQ("flood-refused", rc, -KSH_EAGAIN);
	for (int i = 0; i < FLOOD_MORE; i++)
		rc = send(H_FLOOD, 0, b, 4);
	KSH_EXPECT_EQ("flood-again", rc, -KSH_EAGAIN);
	/* the proper order works */
	KSH_EXPECT_EQ("open", send(H_SESSION, M_OPEN, b, 4), 0);
	KSH_EXPECT_EQ("data", send(H_SESSION, M_DATA, b, 7), 0);
	KSH_EXPECT_EQ("close", send(H_SESSION, M_CLOSE, b, 0), 0);
	ksh_printf("MALLORY DONE failures=%u\n", ksh_check_failures);
	/* Map the board writable in mallory's own tables, so the write
	 * gets past the guest's paging to the kernel's nested paging. */
	gpt_reset();
	if (gpt_map_range(0, info->ram_size, GPT_WRITE) != 0 ||
	    gpt_map_2m(BOARD_GPA, GPT_WRITE) != 0) {
		ksh_puts("FAIL mallory page tables");
		return 1;
	}
	gpt_activate();
	KSH_EXPECT_STREQ("board-read", (const char *)(uintptr_t)BOARD_GPA,
			 BOARD_TEXT);
	ksh_puts("MALLORY writes to its read-only window");
	*(volatile char *)(uintptr_t)BOARD_GPA = 'X';
	ksh_puts("FAIL board-write: the write went through");
	return 1;
}
