// SPDX-License-Identifier: MIT
/*
 * con_flood: console floods and the domain beside them (booted by
 * tests/boot/console_flood.sh). The role comes from a keyword in the
 * domain's name:
 *
 *   "beat"  the victim: for BEAT_RUN_NS of kernel time it spins reading
 *           KSH_HC_TIME; a jump of more than BEAT_GAP_NS (4 ms, less than the
 *           other domain's 10 ms frame, more than the hiccups of an
 *           emulator on a busy host) between two
 *           reads is another domain's frame, so it counts its own frames
 *           and the time it ran in them, and prints a short heartbeat
 *           every BEAT_EVERY frames. Lines:
 *             BEAT <n> t=<ms>
 *             BEAT DONE frames=<f> ran_ms=<r> elapsed_ms=<e>
 *           then exits 0.
 *   "deny"  alternates two refused channel calls (handles 7 and 8, which
 *           it does not hold: EBADH, audited) DENY_CALLS times, so the
 *           kernel's "same denial as last" folding never applies. Lines:
 *             DENY DONE calls=<n> ebadh=<k>
 *           exit 0 if every call was refused with EBADH.
 *   other   the flood: KSH_HC_CONSOLE_WRITE of 4096 bytes (64 lines of
 *           63 characters) in a loop for FLOOD_RUN_NS, then a pause of
 *           FLOOD_PAUSE_NS for its queue to drain. Lines: the flood, then
 *             FLOOD DONE calls=<n>
 *           exit 0.
 */
#include <ksh/rt/rt.h>

#define BEAT_RUN_NS    3000000000ll
#define BEAT_GAP_NS    4000000ll
#define BEAT_EVERY     10
#define FLOOD_RUN_NS   3500000000ll
#define FLOOD_PAUSE_NS 300000000ll
#define DENY_CALLS     2000

static int beat(void)
{
	int64_t t0 = ksh_hc_time(), last = t0, start = t0, ran = 0;
	int frames = 1;

	for (;;) {
		int64_t now = ksh_hc_time();

		if (now - last > BEAT_GAP_NS) {
			ran += last - start;
			start = now;
			if (frames++ % BEAT_EVERY == 0)
				ksh_printf("BEAT %d t=%d\n", frames - 1,
					   (int)((now - t0) / 1000000));
		}
		last = now;
		if (now - t0 >= BEAT_RUN_NS)
			break;
	}
	ran += last - start;
	ksh_printf("BEAT DONE frames=%d ran_ms=%d elapsed_ms=%d\n", frames,
		   (int)(ran / 1000000), (int)((last - t0) / 1000000));
	return 0;
}

static int deny(void)
{
	char msg[4] = "x";
	int ebadh = 0;

	for (int i = 0; i < DENY_CALLS; i++)
		if (ksh_hc_chan_send(7 + (i & 1), 0, msg, 1) == -KSH_EBADH)
			ebadh++;
	ksh_printf("DENY DONE calls=%d ebadh=%d\n", DENY_CALLS, ebadh);
	return ebadh == DENY_CALLS ? 0 : 1;
}

static int flood(void)
{
	static char text[4096];
	int64_t t0 = ksh_hc_time();
	int calls = 0;

	for (int i = 0; i < (int)sizeof(text); i++)
		text[i] = (i % 64 == 63) ? '\n' : (char)('a' + (i / 64) % 26);
	while (ksh_hc_time() - t0 < FLOOD_RUN_NS) {
		ksh_hc_console_write(text, sizeof(text));
		calls++;
	}
	t0 = ksh_hc_time();
	while (ksh_hc_time() - t0 < FLOOD_PAUSE_NS)
		ksh_hc_yield();
	ksh_printf("FLOOD DONE calls=%d\n", calls);
	return 0;
}

int main(const struct ksh_native_info *info)
{
	if (ksh_strstr(info->name, "beat") != NULL)
		return beat();
	if (ksh_strstr(info->name, "deny") != NULL)
		return deny();
	return flood();
}
