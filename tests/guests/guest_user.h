/* SPDX-License-Identifier: MIT */
/*
 * Running one hypercall at CPL 3 from a test guest. The guest installs its
 * own GDT (kernel and user code/data, a 64-bit TSS whose RSP0 brings
 * interrupts back to a ring-0 stack), its own IDT (vector 0x80 callable
 * from ring 3 to come back; the exception vectors report and stop) and its
 * own page tables with the User bit (guest_paging.h), because the loader's
 * tables and GDT are the kernel's business and need not allow ring 3.
 * References: AMD APM vol. 2 4.8 (long-mode segments), 8.9.3 and 12.2.5
 * (64-bit TSS), 8.9 (IDT gates); Intel SDM vol. 3A 3.4.5, 6.14, 7.7.
 */
#ifndef GUEST_USER_H
#define GUEST_USER_H

#include <stdint.h>

/* Installs the GDT, TSS and IDT and identity-maps [0, ram_size) with the
 * User bit in fresh page tables. Returns 0 or -1 (page-table pool). */
int guest_user_setup(uint64_t ram_size);

/* Issues hypercall nr (a0, a1, a2; R10 = 0) at CPL 3 with VMCALL if
 * use_vmcall, else VMMCALL, and returns RAX as the kernel left it. */
int64_t guest_user_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
			     uint64_t use_vmcall);

/* Points IDT vector vec (after guest_user_setup) at handler, a 64-bit
 * interrupt gate on the kernel code selector, callable by INT n from
 * CPL 3 if user. */
void guest_user_set_gate(int vec, void (*handler)(void), int user);

/* Selectors of the guest's own GDT. */
#define GUEST_SEL_KCODE 0x08
#define GUEST_SEL_KDATA 0x10
#define GUEST_SEL_UDATA 0x1b /* index 3, RPL 3 */
#define GUEST_SEL_UCODE 0x23 /* index 4, RPL 3 */
#define GUEST_SEL_TSS	0x28

#endif /* GUEST_USER_H */
