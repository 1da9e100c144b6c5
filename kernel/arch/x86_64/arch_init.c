// SPDX-License-Identifier: MIT
/*
 * Taking over the CPU after ExitBootServices (as measured under OVMF:
 * GDT, IDT and page tables are still the firmware's, in memory we own).
 */
#include "x86_64.h"

#include <ksh/boot_info.h>
#include <ksh/kprintf.h>
#include <ksh/spec_ctrl.h>

int arch_init(const struct boot_info *bi, struct kpool *pool, const char **why)
{
	/* Mask both 8259s: the host takes no legacy interrupts, and an
	 * unremapped PIC would raise them on exception vectors. OVMF leaves
	 * them masked; other firmware need not (8259A datasheet, OCW1). */
	outb(0x21, 0xFF);
	outb(0xA1, 0xFF);
	if (gdt_init(pool, why) != 0)
		return -1;
	idt_init();
	/* Before any vendor code reads CR0/CR4 into its host state. */
	if (arch_fpu_init(why) != 0)
		return -1;
	/* Once, before any domain runs (ksh/spec_ctrl.h). */
	arch_spec_init();
	if (paging_init(pool, bi->max_phys, why) != 0)
		return -1;
	if (wx_selftest(why) != 0)
		return -1;
	kprintf("ksh: own GDT/TSS, IDT and page tables (identity map to "
		"%lx)\n",
		bi->max_phys);
	return timer_init(why);
}

void arch_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
	struct cpuid_regs r = cpuid(leaf, subleaf);

	out[0] = r.eax;
	out[1] = r.ebx;
	out[2] = r.ecx;
	out[3] = r.edx;
}
