// SPDX-License-Identifier: MIT
/* The IDT of the probes (guest_trap.h). */
#include "guest_trap.h"

#include <ksh/rt/rt.h>

struct trap_gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
};

struct trap_dtr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

#define GATE_INTR 0x8e /* P, DPL 0, 64-bit interrupt gate */

static struct trap_gate trap_idt[32] __attribute__((aligned(16)));

void guest_trap_ud(void);
void guest_trap_gp(void);
__attribute__((noreturn)) void guest_trap_unexpected(void);

void guest_trap_unexpected(void)
{
	ksh_puts("FAIL guest_trap: unexpected exception");
	ksh_hc_exit(3);
}

static void trap_gate(int vec, void (*fn)(void), uint16_t cs)
{
	uint64_t a = (uint64_t)(uintptr_t)fn;
	struct trap_gate *g = &trap_idt[vec];

	g->off_lo = (uint16_t)a;
	g->sel = cs;
	g->ist = 0;
	g->type = GATE_INTR;
	g->off_mid = (uint16_t)(a >> 16);
	g->off_hi = (uint32_t)(a >> 32);
	g->zero = 0;
}

void guest_trap_setup(void)
{
	struct trap_dtr idtr = {sizeof(trap_idt) - 1,
				(uint64_t)(uintptr_t)trap_idt};
	uint16_t cs;

	/* The gates use the code selector we run on (the loader's GDT,
	 * ksh/loader.h), so no GDT of our own is needed. */
	__asm__ volatile("mov %%cs, %0" : "=r"(cs));
	for (int v = 0; v < 32; v++)
		trap_gate(v, (void (*)(void))guest_trap_unexpected, cs);
	trap_gate(6, guest_trap_ud, cs);
	trap_gate(13, guest_trap_gp, cs);
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
