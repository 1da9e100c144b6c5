// SPDX-License-Identifier: MIT
/*
 * Nested page-table builder (ksh/npt.h). Levels are numbered like the
 * hardware walk: 4 = PML4 (512 GiB per entry), 3 = PDPT (1 GiB), 2 = PD
 * (2 MiB), 1 = PT (4 KiB). 1 GiB leaves are never used: not every CPU has
 * them and nothing in the tables needs them.
 *
 * Every operation checks first and then acts: npt_map counts the tables
 * it is missing before it writes, so it fails with nothing written, and
 * npt_unmap gives every table it empties back to the pager, so a BAR
 * that a guest moves again and again costs at most what one placement
 * costs (npt_place_bound).
 */
#include <ksh/npt.h>

#include <stdbool.h>

#define SZ_4K	   0x1000ull
#define SZ_2M	   0x200000ull
#define ADDR_MASK  0x000FFFFFFFFFF000ull /* bits 51:12 */
#define ENTRY_HUGE (1ull << 7)		 /* level-2 leaf */

static unsigned level_index(uint64_t gpa, int level)
{
	return (unsigned)((gpa >> (12 + 9 * (level - 1))) & 0x1FF);
}

int npt_init(struct npt *n, const struct npt_format *fmt,
	     const struct npt_pager *pager)
{
	n->fmt = fmt;
	n->pager = *pager;
	n->pages = 0;
	n->leaves_4k = 0;
	n->leaves_2m = 0;
	n->tables_freed = 0;
	n->root = pager->alloc(pager->ctx, &n->root_hpa);
	if (n->root == NULL)
		return -NPT_ENOMEM;
	n->pages = 1;
	return 0;
}

/* The entry at `level` for gpa, or NULL if a table above it is missing or
 * a 2 MiB leaf covers it (then *huge is set to that entry). */
static uint64_t *find_entry(const struct npt *n, uint64_t gpa, int level,
			    uint64_t **huge)
{
	uint64_t *table = n->root;

	*huge = NULL;
	for (int l = 4; l > level; l--) {
		uint64_t *e = &table[level_index(gpa, l)];

		if (*e == 0)
			return NULL;
		if (l == 2 && (*e & ENTRY_HUGE)) {
			*huge = e;
			return NULL;
		}
		table = n->pager.ptr(n->pager.ctx, *e & ADDR_MASK);
	}
	return &table[level_index(gpa, level)];
}

/* Walks to the table at `level` for gpa, allocating missing tables. */
static uint64_t *walk_alloc(struct npt *n, uint64_t gpa, int level)
{
	uint64_t *table = n->root;

	for (int l = 4; l > level; l--) {
		uint64_t *e = &table[level_index(gpa, l)];

		if (*e == 0) {
			uint64_t hpa;

			if (n->pager.alloc(n->pager.ctx, &hpa) == NULL)
				return NULL;
			n->pages++;
			*e = n->fmt->table(hpa);
		}
		table = n->pager.ptr(n->pager.ctx, *e & ADDR_MASK);
	}
	return table;
}

/* Executable 2 MiB leaves allowed (ksh/spec_ctrl.h, iTLB multihit). */
static bool exec_2m = true;

void npt_set_exec_2m(bool allowed)
{
	exec_2m = allowed;
}

static int use_large(uint64_t gpa, uint64_t hpa, uint64_t left, uint32_t rights)
{
	if ((rights & KSH_X) && !exec_2m)
		return 0;
	return ((gpa | hpa) & (SZ_2M - 1)) == 0 && left >= SZ_2M;
}

/* Is any 4 KiB page of [gpa, gpa+step) already mapped? */
static int range_busy(const struct npt *n, uint64_t gpa, uint64_t step)
{
	uint64_t *huge, *e;

	if (step == SZ_2M) {
		e = find_entry(n, gpa, 2, &huge);
		return huge != NULL || (e != NULL && *e != 0);
	}
	e = find_entry(n, gpa, 1, &huge);
	return huge != NULL || (e != NULL && *e != 0);
}

/* The table pages npt_map(gpa, hpa, size) would allocate: walks the range
 * in the steps npt_map takes and counts every missing table once (steps
 * go up in gpa, so a missing table is met in one run of steps). */
static uint64_t tables_missing(const struct npt *n, uint64_t gpa, uint64_t hpa,
			       uint64_t size, uint32_t rights)
{
	uint64_t need = 0, last[4] = {~0ull, ~0ull, ~0ull, ~0ull};

	for (uint64_t off = 0; off < size;) {
		int leaf =
		    use_large(gpa + off, hpa + off, size - off, rights) ? 2 : 1;
		const uint64_t *table = n->root;

		for (int l = 4; l > leaf; l--) {
			uint64_t e = table[level_index(gpa + off, l)];

			if (e == 0) {
				/* Every table from level l-1 down is missing. */
				for (int m = l - 1; m >= leaf; m--) {
					uint64_t key =
					    (gpa + off) >> (12 + 9 * m);

					if (key != last[m]) {
						last[m] = key;
						need++;
					}
				}
				break;
			}
			table = n->pager.ptr(n->pager.ctx, e & ADDR_MASK);
		}
		off += leaf == 2 ? SZ_2M : SZ_4K;
	}
	return need;
}

static bool table_empty(const uint64_t *t)
{
	for (unsigned i = 0; i < 512; i++)
		if (t[i] != 0)
			return false;
	return true;
}

/* Gives the tables below the root that [gpa, gpa+size) touches and that
 * are empty back to the pager, lowest level first, so a table left empty
 * by freeing its children goes too. The parent entry is cleared before
 * the page is handed back. A page the pager does not take (one that
 * another pager gave, e.g. at boot) stays linked: empty but valid, and
 * reused by the next mapping there. */
static void prune(struct npt *n, uint64_t gpa, uint64_t size)
{
	if (n->pager.free == NULL)
		return;
	for (int m = 1; m <= 3; m++) {
		uint64_t span = 1ull << (12 + 9 * m);

		for (uint64_t at = gpa & ~(span - 1); at < gpa + size;
		     at += span) {
			uint64_t *huge, *pe = find_entry(n, at, m + 1, &huge);
			uint64_t saved;

			if (pe == NULL || *pe == 0 ||
			    (m + 1 == 2 && (*pe & ENTRY_HUGE)))
				continue;
			saved = *pe;
			if (!table_empty(
				n->pager.ptr(n->pager.ctx, saved & ADDR_MASK)))
				continue;
			*pe = 0;
			if (!n->pager.free(n->pager.ctx, saved & ADDR_MASK)) {
				*pe = saved;
				continue;
			}
			n->pages--;
			n->tables_freed++;
		}
	}
}

/* Clears the leaves of [gpa, gpa+size), which the caller checked: no
 * 2 MiB leaf is only partly inside. */
static void clear_leaves(struct npt *n, uint64_t gpa, uint64_t size)
{
	uint64_t off, *huge, *e;

	for (off = 0; off < size;) {
		e = find_entry(n, gpa + off, 1, &huge);
		if (huge != NULL) {
			*huge = 0;
			n->leaves_2m--;
			off += SZ_2M;
			continue;
		}
		if (e != NULL && *e != 0) {
			*e = 0;
			n->leaves_4k--;
		}
		off += SZ_4K;
	}
}

void npt_set_pager(struct npt *n, const struct npt_pager *pager)
{
	n->pager = *pager;
}

int npt_map(struct npt *n, uint64_t gpa, uint64_t hpa, uint64_t size,
	    uint32_t rights)
{
	uint64_t off, need;

	if (size == 0 || ((gpa | hpa | size) & (SZ_4K - 1)) != 0 ||
	    gpa + size < gpa || gpa + size > NPT_GPA_LIMIT ||
	    hpa + size < hpa || (rights & KSH_R) == 0 ||
	    (rights & ~(KSH_R | KSH_W | KSH_X)) != 0)
		return -NPT_EINVAL;
	/* Check first: no page of the range may be mapped already, and the
	 * pager must have every table page the range needs. */
	for (off = 0; off < size;) {
		uint64_t step =
		    use_large(gpa + off, hpa + off, size - off, rights) ? SZ_2M
									: SZ_4K;

		if (range_busy(n, gpa + off, step))
			return -NPT_EEXIST;
		off += step;
	}
	need = tables_missing(n, gpa, hpa, size, rights);
	if (need != 0 && n->pager.avail != NULL &&
	    need > n->pager.avail(n->pager.ctx))
		return -NPT_ENOMEM;
	for (off = 0; off < size;) {
		int large = use_large(gpa + off, hpa + off, size - off, rights);
		uint64_t *table = walk_alloc(n, gpa + off, large ? 2 : 1);

		if (table == NULL) {
			/* A pager without avail ran dry: take back what was
			 * written, so the range is left as it was found. */
			clear_leaves(n, gpa, off);
			prune(n, gpa, off + SZ_4K);
			return -NPT_ENOMEM;
		}
		table[level_index(gpa + off, large ? 2 : 1)] =
		    n->fmt->leaf(hpa + off, rights, large);
		if (large)
			n->leaves_2m++;
		else
			n->leaves_4k++;
		off += large ? SZ_2M : SZ_4K;
	}
	return 0;
}

int npt_unmap(struct npt *n, uint64_t gpa, uint64_t size)
{
	uint64_t off, *huge;

	if (((gpa | size) & (SZ_4K - 1)) != 0 || gpa + size < gpa ||
	    gpa + size > NPT_GPA_LIMIT)
		return -NPT_EINVAL;
	for (off = 0; off < size; off += SZ_4K) {
		find_entry(n, gpa + off, 1, &huge);
		if (huge != NULL &&
		    (((gpa + off) & (SZ_2M - 1)) != 0 || size - off < SZ_2M))
			return -NPT_EINVAL;
		if (huge != NULL)
			off += SZ_2M - SZ_4K;
	}
	clear_leaves(n, gpa, size);
	prune(n, gpa, size);
	return 0;
}

int npt_map_domain(struct npt *n, const struct ksh_tables *t, uint32_t dom,
		   const uint64_t *memobj_hpa, uint32_t *bad)
{
	const struct ksh_domain *d = &t->domains[dom];

	for (uint32_t i = 0; i < d->n_mappings; i++) {
		const struct ksh_mapping *m =
		    &t->mappings[d->first_mapping + i];
		int rc = npt_map(n, m->gpa, memobj_hpa[m->memobj] + m->offset,
				 m->size, m->rights);

		if (rc != 0) {
			if (bad != NULL)
				*bad = d->first_mapping + i;
			return rc;
		}
	}
	return 0;
}

int npt_lookup(const struct npt *n, uint64_t gpa, uint64_t *hpa,
	       uint32_t *rights)
{
	uint64_t *huge, *e;

	if (gpa >= NPT_GPA_LIMIT)
		return -1;
	e = find_entry(n, gpa, 1, &huge);
	if (huge != NULL) {
		*hpa = (*huge & ADDR_MASK & ~(SZ_2M - 1)) + (gpa & (SZ_2M - 1));
		*rights = n->fmt->rights(*huge);
		return 0;
	}
	if (e == NULL || *e == 0)
		return -1;
	*hpa = (*e & ADDR_MASK) + (gpa & (SZ_4K - 1));
	*rights = n->fmt->rights(*e);
	return 0;
}

/* Distinct tables at one level that [gpa, gpa+size) touches, where each
 * table covers `span` bytes. */
static uint64_t tables_touched(uint64_t gpa, uint64_t size, uint64_t span)
{
	return (gpa + size - 1) / span - gpa / span + 1;
}

size_t npt_pages_bound(const struct ksh_tables *t, uint32_t dom)
{
	const struct ksh_domain *d = &t->domains[dom];
	size_t pages = 1; /* the root */

	for (uint32_t i = 0; i < d->n_mappings; i++) {
		const struct ksh_mapping *m =
		    &t->mappings[d->first_mapping + i];

		if (m->size == 0)
			continue;
		pages +=
		    tables_touched(m->gpa, m->size, 1ull << 39); /* PDPTs */
		pages += tables_touched(m->gpa, m->size, 1ull << 30); /* PDs */
		if (t->memobjs[m->memobj].align == SZ_2M &&
		    ((m->gpa ^ m->offset) & (SZ_2M - 1)) == 0 &&
		    (exec_2m || !(m->rights & KSH_X)))
			pages += 2; /* 2 MiB leaves; at most a head and tail */
		else
			pages += tables_touched(m->gpa, m->size, SZ_2M);
	}
	return pages;
}

uint64_t npt_place_bound(uint64_t size, uint64_t align)
{
	uint64_t pages = 0;

	if (size == 0)
		return 0;
	if (align < SZ_4K)
		align = SZ_4K;
	/* Tables of level m (PT, PD, PDPT) span 2^(12+9m) bytes. The range
	 * starts at a multiple of align; the worst start sits align below a
	 * table's end (or on a table's start when align is larger). */
	for (int m = 1; m <= 3; m++) {
		uint64_t span = 1ull << (12 + 9 * m);
		uint64_t head = align >= span ? 0 : span - align;

		pages += (head + size - 1) / span + 1;
	}
	return pages;
}
