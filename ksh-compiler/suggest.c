// SPDX-License-Identifier: MIT
/* Near-miss suggestions; see suggest.h. */
#include "suggest.h"

#include <string.h>

/* Words longer than this are never compared: names are at most 63 bytes
 * (KSH_NAME_MAX) and paths that long are not typos of each other. */
#define SUGGEST_MAX_LEN 128

unsigned suggest_distance(const char *a, const char *b, unsigned limit)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned rows[3][SUGGEST_MAX_LEN + 1];
	unsigned *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned row_min;

		cur[0] = (unsigned)i;
		row_min = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
			unsigned d = prev[j] + 1;

			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (prev[j - 1] + cost < d)
				d = prev[j - 1] + cost;
			/* A swap of two neighbours ("domian") is one edit. */
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < row_min)
				row_min = d;
		}
		if (row_min > limit)
			return limit + 1;
		unsigned *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

unsigned suggest_limit(const char *word)
{
	size_t n = strlen(word);

	return n <= 2 ? 0 : n <= 4 ? 1 : n <= 8 ? 2 : 3;
}

void suggest_init(struct suggest *s, const char *word)
{
	s->word = word;
	s->limit = suggest_limit(word);
	s->best_dist = s->limit + 1;
	s->best = NULL;
}

void suggest_offer(struct suggest *s, const char *candidate)
{
	unsigned d;

	if (candidate == NULL || strcmp(candidate, s->word) == 0)
		return;
	d = suggest_distance(s->word, candidate, s->limit);
	if (d < s->best_dist) {
		s->best_dist = d;
		s->best = candidate;
	}
}
