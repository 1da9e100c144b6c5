/* SPDX-License-Identifier: MIT */
/*
 * A domain's guest-physical map as the tables describe it: what the kernel
 * consults before it reads or writes guest memory on a guest's behalf
 * (hypercall buffers). Pure C, unit-tested on the host.
 */
#ifndef KSH_GMAP_H
#define KSH_GMAP_H

#include <stdint.h>

#include <ksh/tables.h>

/* The mapping of domain dom that holds gpa, or KSH_NONE. */
uint32_t gmap_find(const struct ksh_tables *t, uint32_t dom, uint64_t gpa);

/* Is every byte of [gpa, gpa+len) mapped in dom with all of `rights`?
 * len 0 is accepted; a range that wraps past 2^64 is not. The range may
 * span adjacent mappings. Returns 0 or -KSH_EFAULT. */
int gmap_check(const struct ksh_tables *t, uint32_t dom, uint64_t gpa,
	       uint64_t len, uint32_t rights);

/* Host-physical address of gpa in dom (0 if unmapped), and in *run the
 * bytes from there to the end of its mapping, for copies across mappings. */
uint64_t gmap_hpa(const struct ksh_tables *t, const uint64_t *memobj_hpa,
		  uint32_t dom, uint64_t gpa, uint64_t *run);

#endif /* KSH_GMAP_H */
