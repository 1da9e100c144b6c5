/* SPDX-License-Identifier: MIT */
#ifndef KSH_CPUID_FILTER_H
#define KSH_CPUID_FILTER_H

#include <stdint.h>

/* Rewrites the host's CPUID answer r = {eax, ebx, ecx, edx} for leaf and
 * subleaf into what a guest may see: features the kernel does not
 * virtualize are hidden, the hypervisor bit and vendor leaf are set. */
void cpuid_filter(uint32_t leaf, uint32_t subleaf, uint32_t r[4]);

#endif /* KSH_CPUID_FILTER_H */
