// SPDX-License-Identifier: MIT
/*
 * The kernel's IDT (SDM vol. 3 6.10, 6.14.1). The host runs with
 * interrupts off except in arch_take_interrupts() and idle, so the only
 * expected vectors are the local APIC timer, the spurious vector and NMI;
 * any exception in the kernel is a kernel bug: dump the registers, stop.
 */
#include "x86_64.h"

#include <ksh/kprintf.h>

struct idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t reserved;
} __attribute__((packed));

static struct idt_gate kernel_idt[256] __attribute__((aligned(16)));

static const char *const exc_names[32] = {
    "#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "CSO", "#TS",
    "#NP", "#SS", "#GP", "#PF", "-",   "#MF", "#AC", "#MC", "#XM", "#VE", "#CP",
    "-",   "-",	  "-",	 "-",	"-",   "-",   "#HV", "#VC", "#SX", "-",
};

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) idtr;

	for (int v = 0; v < 256; v++) {
		uint64_t a = (uint64_t)(uintptr_t)isr_stubs +
			     (uint64_t)v * ISR_STUB_SIZE;
		struct idt_gate *g = &kernel_idt[v];

		g->off_lo = (uint16_t)a;
		g->sel = GDT_KCODE;
		/* Own stacks for the exceptions that may hit with a bad
		 * stack: #DF, NMI, #MC (SDM 6.14.5). */
		g->ist = v == 8 ? 1 : v == 2 ? 2 : v == 18 ? 3 : 0;
		g->type = 0x8E; /* present, DPL 0, 64-bit interrupt gate */
		g->off_mid = (uint16_t)(a >> 16);
		g->off_hi = (uint32_t)(a >> 32);
		g->reserved = 0;
	}
	idtr.limit = sizeof(kernel_idt) - 1;
	idtr.base = (uint64_t)(uintptr_t)kernel_idt;
	__asm__ volatile("lidt %0" : : "m"(idtr));
}

static void dump(const struct isr_frame *f)
{
	kprintf("ksh: unexpected host exception %u %s error %lx\n",
		(unsigned)f->vector,
		f->vector < 32 ? exc_names[f->vector] : "(interrupt)",
		f->error);
	kprintf("ksh:  rip %016lx cs %04lx rflags %016lx rsp %016lx ss "
		"%04lx\n",
		f->rip, f->cs, f->rflags, f->rsp, f->ss);
	kprintf("ksh:  rax %016lx rbx %016lx rcx %016lx rdx %016lx\n", f->rax,
		f->rbx, f->rcx, f->rdx);
	kprintf("ksh:  rsi %016lx rdi %016lx rbp %016lx r8  %016lx\n", f->rsi,
		f->rdi, f->rbp, f->r8);
	kprintf("ksh:  r9  %016lx r10 %016lx r11 %016lx r12 %016lx\n", f->r9,
		f->r10, f->r11, f->r12);
	kprintf("ksh:  r13 %016lx r14 %016lx r15 %016lx\n", f->r13, f->r14,
		f->r15);
	kprintf("ksh:  cr0 %016lx cr2 %016lx cr3 %016lx cr4 %016lx\n",
		read_cr0(), ({
			uint64_t cr2;
			__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
			cr2;
		}),
		read_cr3(), read_cr4());
}

/* The host sets neither RFLAGS.TF nor a DR7 breakpoint (the world
 * switch leaves DR7 at 0x400: APM 15.5.1, SDM 28.3.1), so a #DB here
 * with TF clear in the frame is a guest's single-step trap the CPU
 * carried across the exit. Hardware delivers it in the guest first
 * (traps on the previous instruction outrank interrupts, SDM vol. 3A
 * 6.9), where #DB is intercepted; Bochs 2.7's SVM has been seen to raise
 * it after #VMEXIT instead. Halting the machine for it would hand every
 * guest that single-steps a way to stop all domains: drop it, clear DR6,
 * say so once. */
static bool spurious_db(const struct isr_frame *f)
{
	static uint64_t seen;

	if (f->rflags & (1ull << 8))
		return false;
	__asm__ volatile("mov %0, %%dr6" : : "r"(0xFFFF0FF0ull));
	if (seen++ == 0)
		kprintf("ksh: host #DB at rip %lx from a guest's single step "
			"ignored\n",
			f->rip);
	return true;
}

void isr_dispatch(struct isr_frame *f)
{
	if (f->vector == VEC_TIMER) {
		timer_interrupt();
		return;
	}
	if (wx_fault_fixup(f))
		return; /* a fault the W^X self-test provoked */
	if (f->vector == VEC_SPURIOUS)
		return; /* no EOI for the spurious vector (SDM 10.9) */
	if (f->vector == 2) {
		/* An NMI that arrived while a guest ran exits it (NMI
		 * intercept) and is taken here once GIF is set again: the host
		 * has no NMI source of its own to serve, so note and go on. */
		kprintf("ksh: host NMI at rip %lx\n", f->rip);
		return;
	}
	if (f->vector == 1 && spurious_db(f))
		return;
	dump(f);
	kprintf("ksh: halted\n");
	arch_stop_machine(0x7E);
}
