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

/* The guest-memory accessors device models get (vdev_env_ops mem_read,
 * mem_write): copy [gpa, gpa+len) of dom out of, or into, guest memory
 * when every byte is mapped in dom with the right the direction needs
 * (KSH_R to read, KSH_W to write), across adjacent mappings; len 0 copies
 * nothing. A refused copy (unmapped byte, missing right, wrap past 2^64)
 * touches neither side and returns -KSH_EFAULT; else 0. memobj_hpa gives
 * each memory object's base as an address the caller can dereference. */
int gmap_read(const struct ksh_tables *t, const uint64_t *memobj_hpa,
	      uint32_t dom, uint64_t gpa, void *dst, uint64_t len);
int gmap_write(const struct ksh_tables *t, const uint64_t *memobj_hpa,
	       uint32_t dom, uint64_t gpa, const void *src, uint64_t len);

#endif /* KSH_GMAP_H */
