// SPDX-License-Identifier: MIT
/* GDT, TSS, IDT and page tables for the CPL 3 hypercall (guest_user.h). */
#include "guest_user.h"
#include "guest_paging.h"
#include <ksh/rt/rt.h>

/* 64-bit TSS (AMD APM vol. 2 fig. 12-8; SDM vol. 3A fig. 7-11). */
struct guest_tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

struct guest_gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
};

struct guest_dtr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/* Descriptors: 64-bit code needs L=1, D=0 (APM vol. 2 4.8.1). */
#define DESC_KCODE	    0x00af9a000000ffffull /* P, DPL 0, code r/x, L */
#define DESC_KDATA	    0x00cf92000000ffffull /* P, DPL 0, data r/w */
#define DESC_UDATA	    0x00cff2000000ffffull /* P, DPL 3, data r/w */
#define DESC_UCODE	    0x00affa000000ffffull /* P, DPL 3, code r/x, L */
#define GATE_INTR	    0x8e /* P, DPL 0, 64-bit interrupt gate */
#define GATE_INTR3	    0xee /* same, callable from DPL 3 */
#define GUEST_RETURN_VECTOR 0x80

static uint64_t guest_gdt[7] __attribute__((aligned(16)));
static struct guest_tss guest_tss __attribute__((aligned(16)));
static struct guest_gate guest_idt[256] __attribute__((aligned(16)));
static uint8_t guest_ring0_stack[4096] __attribute__((aligned(16)));
uint8_t guest_user_stack[4096] __attribute__((aligned(16)));

/* In guest_ring3.S. */
void guest_user_load(const struct guest_dtr *gdt, const struct guest_dtr *idt,
		     uint16_t tss_sel);
void guest_user_return(void);
extern const uint64_t guest_user_fault_stubs[32];
__attribute__((noreturn)) void guest_user_fault(uint64_t vector);

void guest_user_fault(uint64_t vector)
{
	ksh_printf("FAIL cpl3: unexpected exception %llu\n",
		   (unsigned long long)vector);
	ksh_hc_exit(3);
}

static void guest_set_gate(int vec, uint64_t handler, uint8_t type)
{
	struct guest_gate *g = &guest_idt[vec];

	g->off_lo = (uint16_t)handler;
	g->sel = GUEST_SEL_KCODE;
	g->ist = 0;
	g->type = type;
	g->off_mid = (uint16_t)(handler >> 16);
	g->off_hi = (uint32_t)(handler >> 32);
	g->zero = 0;
}

void guest_user_set_gate(int vec, void (*handler)(void), int user)
{
	guest_set_gate(vec, (uint64_t)(uintptr_t)handler,
		       user ? GATE_INTR3 : GATE_INTR);
}

int guest_user_setup(uint64_t ram_size)
{
	uint64_t tss = (uint64_t)(uintptr_t)&guest_tss;
	uint64_t limit = sizeof(guest_tss) - 1;
	struct guest_dtr gdtr = {sizeof(guest_gdt) - 1,
				 (uint64_t)(uintptr_t)guest_gdt};
	struct guest_dtr idtr = {sizeof(guest_idt) - 1,
				 (uint64_t)(uintptr_t)guest_idt};

	if (gpt_map_range(0, ram_size, GPT_WRITE | GPT_USER))
		return -1;

	guest_tss.rsp[0] = (uint64_t)(uintptr_t)(guest_ring0_stack +
						 sizeof(guest_ring0_stack));
	guest_tss.iomap_base = sizeof(guest_tss); /* no I/O bitmap */

	guest_gdt[0] = 0;
	guest_gdt[1] = DESC_KCODE;
	guest_gdt[2] = DESC_KDATA;
	guest_gdt[3] = DESC_UDATA;
	guest_gdt[4] = DESC_UCODE;
	/* 16-byte system descriptor, type 9 = available 64-bit TSS */
	guest_gdt[5] = (limit & 0xffff) | ((tss & 0xffffff) << 16) |
		       (0x89ull << 40) | (((limit >> 16) & 0xf) << 48) |
		       (((tss >> 24) & 0xff) << 56);
	guest_gdt[6] = tss >> 32;

	for (int v = 0; v < 32; v++)
		guest_set_gate(v, guest_user_fault_stubs[v], GATE_INTR);
	guest_set_gate(GUEST_RETURN_VECTOR,
		       (uint64_t)(uintptr_t)guest_user_return, GATE_INTR3);

	guest_user_load(&gdtr, &idtr, GUEST_SEL_TSS);
	gpt_activate();
	return 0;
}
