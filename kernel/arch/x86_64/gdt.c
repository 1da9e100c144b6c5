// SPDX-License-Identifier: MIT
/*
 * The kernel's own GDT and TSS (Intel SDM vol. 3 3.4.5, 7.7; AMD APM vol. 2
 * 4.8, 12.2.5). The firmware's GDT lives in memory we now own and OVMF
 * leaves TR = 0; the TSS gives the fatal-exception handlers known-good
 * stacks (IST) and VMRUN/VMSAVE a valid host TR.
 */
#include "x86_64.h"

#include <ksh/kmem.h>

struct tss64 {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

static struct tss64 kernel_tss __attribute__((aligned(16)));
static uint64_t kernel_gdt[GDT_ENTRIES] __attribute__((aligned(16)));

/* Code/data descriptors: base and limit are ignored in long mode except
 * for the attribute bits (SDM 3.4.5; P, DPL 0, S, type, L or D/B, G). */
#define DESC_CODE64 0x00AF9B000000FFFFull
#define DESC_DATA   0x00CF93000000FFFFull

int gdt_init(struct kpool *pool, const char **why)
{
	uint64_t base = (uint64_t)(uintptr_t)&kernel_tss;
	uint64_t limit = sizeof(kernel_tss) - 1;
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) gdtr;

	for (int i = 0; i < 3; i++) {
		uint8_t *stack = kpool_alloc(pool, IST_STACK_PAGES, NULL);

		if (stack == NULL) {
			*why = "kernel pool too small for the IST stacks";
			return -1;
		}
		kernel_tss.ist[i] =
		    (uint64_t)(uintptr_t)stack + IST_STACK_PAGES * KPAGE_SIZE;
	}
	/* No I/O permission bitmap: iomap_base past the limit. */
	kernel_tss.iomap_base = sizeof(kernel_tss);

	kernel_gdt[0] = 0;
	kernel_gdt[GDT_KCODE / 8] = DESC_CODE64;
	kernel_gdt[GDT_KDATA / 8] = DESC_DATA;
	/* 64-bit TSS descriptor: 16 bytes, type 9 (available), P. */
	kernel_gdt[GDT_TSS / 8] = (limit & 0xFFFF) | ((base & 0xFFFFFF) << 16) |
				  (0x89ull << 40) | ((limit >> 16) << 48) |
				  (((base >> 24) & 0xFF) << 56);
	kernel_gdt[GDT_TSS / 8 + 1] = base >> 32;

	gdtr.limit = sizeof(kernel_gdt) - 1;
	gdtr.base = (uint64_t)(uintptr_t)kernel_gdt;
	__asm__ volatile("lgdt %0" : : "m"(gdtr));
	gdt_reload_segments(GDT_KCODE, GDT_KDATA);
	__asm__ volatile("ltr %w0" : : "r"((uint16_t)GDT_TSS));
	return 0;
}
