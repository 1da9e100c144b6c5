// SPDX-License-Identifier: MIT
/*
 * Guest-physical lookups straight from the tables (ksh/gmap.h). A domain
 * has a handful of mappings, so a linear scan is both simplest and fast.
 */
#include <ksh/gmap.h>
#include <ksh/hypercall.h>

#include <string.h>

uint32_t gmap_find(const struct ksh_tables *t, uint32_t dom, uint64_t gpa)
{
	const struct ksh_domain *d = &t->domains[dom];

	for (uint32_t i = 0; i < d->n_mappings; i++) {
		const struct ksh_mapping *m =
		    &t->mappings[d->first_mapping + i];

		if (gpa >= m->gpa && gpa - m->gpa < m->size)
			return d->first_mapping + i;
	}
	return KSH_NONE;
}

int gmap_check(const struct ksh_tables *t, uint32_t dom, uint64_t gpa,
	       uint64_t len, uint32_t rights)
{
	if (len != 0 && gpa + len - 1 < gpa)
		return -KSH_EFAULT; /* wraps around the address space */
	while (len != 0) {
		uint32_t mi = gmap_find(t, dom, gpa);
		const struct ksh_mapping *m;
		uint64_t avail;

		if (mi == KSH_NONE)
			return -KSH_EFAULT;
		m = &t->mappings[mi];
		if ((m->rights & rights) != rights)
			return -KSH_EFAULT;
		avail = m->size - (gpa - m->gpa);
		if (avail >= len)
			return 0;
		gpa += avail;
		len -= avail;
	}
	return 0;
}

uint64_t gmap_hpa(const struct ksh_tables *t, const uint64_t *memobj_hpa,
		  uint32_t dom, uint64_t gpa, uint64_t *run)
{
	uint32_t mi = gmap_find(t, dom, gpa);
	const struct ksh_mapping *m;

	if (mi == KSH_NONE) {
		*run = 0;
		return 0;
	}
	m = &t->mappings[mi];
	*run = m->size - (gpa - m->gpa);
	return memobj_hpa[m->memobj] + m->offset + (gpa - m->gpa);
}

/* One copy between guest memory and a kernel buffer, piece by piece over
 * the mappings it spans. Check first, then act: gmap_check has accepted
 * every byte with the right asked for, so no piece can fail half-way and
 * a refused copy touches nothing. */
static int gmap_copy(const struct ksh_tables *t, const uint64_t *memobj_hpa,
		     uint32_t dom, uint64_t gpa, void *buf, uint64_t len,
		     uint32_t right)
{
	uint8_t *b = buf;
	int rc = gmap_check(t, dom, gpa, len, right);

	if (rc != 0)
		return rc;
	while (len != 0) {
		uint64_t run, hpa = gmap_hpa(t, memobj_hpa, dom, gpa, &run);
		uint64_t n = run < len ? run : len;
		void *g = (void *)(uintptr_t)hpa;

		if (right == KSH_W)
			memcpy(g, b, n);
		else
			memcpy(b, g, n);
		b += n;
		gpa += n;
		len -= n;
	}
	return 0;
}

int gmap_read(const struct ksh_tables *t, const uint64_t *memobj_hpa,
	      uint32_t dom, uint64_t gpa, void *dst, uint64_t len)
{
	return gmap_copy(t, memobj_hpa, dom, gpa, dst, len, KSH_R);
}

int gmap_write(const struct ksh_tables *t, const uint64_t *memobj_hpa,
	       uint32_t dom, uint64_t gpa, const void *src, uint64_t len)
{
	return gmap_copy(t, memobj_hpa, dom, gpa, (void *)(uintptr_t)src, len,
			 KSH_W);
}
