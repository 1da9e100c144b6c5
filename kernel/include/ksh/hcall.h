/* SPDX-License-Identifier: MIT */
/*
 * Hypercall decoding (ksh/hypercall.h is the ABI). Decoding is pure and
 * does every check (number, caller privilege, buffer ranges and rights,
 * lengths) so the kernel's invoke step cannot fail half-way: seL4's
 * decode/invoke split. Unit-tested on the host.
 */
#ifndef KSH_HCALL_H
#define KSH_HCALL_H

#include <stdint.h>

#include <ksh/tables.h>

/* Longest console write accepted in one call. */
#define HC_CONSOLE_MAX 4096u

/* What the guest asked: RAX and the argument registers. */
struct hc_call {
	uint64_t nr;
	uint64_t arg[4]; /* RDI, RSI, RDX, R10 */
	uint32_t cpl;	 /* guest privilege level at the call */
};

/* A checked request the kernel can carry out. */
struct hc_op {
	uint32_t nr;
	uint64_t gpa, len; /* buffer, when the call has one */
	uint64_t value;	   /* EXIT status */
};

/* Checks a hypercall by domain dom. Returns 0 with *op filled, or the
 * negative KSH_E* code to hand back in RAX. */
int hc_decode(const struct ksh_tables *t, uint32_t dom,
	      const struct hc_call *call, struct hc_op *op);

#endif /* KSH_HCALL_H */
