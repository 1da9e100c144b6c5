/* SPDX-License-Identifier: MIT */
/*
 * "Did you mean": the closest of a set of candidate words to a word the
 * user wrote, by optimal-string-alignment distance (insertions, deletions,
 * substitutions and swaps of neighbours each cost one), bounded so that
 * only near misses are suggested.
 */
#ifndef KSHC_SUGGEST_H
#define KSHC_SUGGEST_H

#include <stddef.h>

/* suggest_distance - the edit distance between @a and @b, or a number
 * larger than @limit as soon as it is known to exceed @limit. */
unsigned suggest_distance(const char *a, const char *b, unsigned limit);

/* The bound for a word: none for one or two letters (every short name
 * would match), one edit up to four letters, two up to eight, three
 * beyond (a misspelt "neverallow" is still found). */
unsigned suggest_limit(const char *word);

/*
 * A running search for the best candidate: suggest_init(), then
 * suggest_offer() for each candidate, then ->best (NULL when none was
 * close enough). Ties keep the first candidate offered, so the result is
 * deterministic in the order the caller offers them.
 */
struct suggest {
	const char *word;
	unsigned limit;
	unsigned best_dist;
	const char *best;
};

void suggest_init(struct suggest *s, const char *word);
void suggest_offer(struct suggest *s, const char *candidate);

#endif /* KSHC_SUGGEST_H */
