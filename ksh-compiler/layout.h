/* SPDX-License-Identifier: MIT */
/* Layout constants and helpers shared by layout.c, policy.c and checks. */
#ifndef KSHC_LAYOUT_H
#define KSHC_LAYOUT_H

#include <stdint.h>

#define KSH_PAGE    0x1000ull
#define KSH_2M	    0x200000ull
#define KSH_1G	    0x40000000ull
#define KSH_GPA_MAX (1ull << 48) /* 4-level nested paging: 48-bit GPAs */

static inline uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* Large pages where the size allows (SDM 28.3.2 / APM 15.25.5: a 2 MiB
 * nested-paging leaf needs 2 MiB-aligned guest- and host-physical). */
static inline uint64_t ksh_obj_align(uint64_t size)
{
	return (size % KSH_2M) == 0 ? KSH_2M : KSH_PAGE;
}

/* Bytes of queue storage for a message channel: each slot holds a 16-byte
 * header and the message, rounded to a cache line; the whole is rounded
 * to pages (dsl/reference.md, "Message channels"). */
static inline uint64_t ksh_queue_bytes(uint64_t max_msg, uint32_t depth)
{
	return align_up((uint64_t)depth * align_up(max_msg + 16, 64), KSH_PAGE);
}

struct kshc;
struct ksh_loc;

/* layout_note - "<what> — file:line" for a table entry's comment. */
const char *layout_note(struct kshc *k, const struct ksh_loc *loc,
			const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* KSHC_LAYOUT_H */
