/* SPDX-License-Identifier: MIT */
/*
 * Internal interfaces of the x86-64 architecture layer (not for core/).
 */
#ifndef KSH_X86_64_INTERNAL_H
#define KSH_X86_64_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/arch.h>
#include <arch/x86.h>

struct kpool;

/* GDT layout (selectors). */
#define GDT_KCODE   0x08
#define GDT_KDATA   0x10
#define GDT_TSS	    0x18 /* 16-byte descriptor: entries 3 and 4 */
#define GDT_ENTRIES 5

#define IST_STACK_PAGES 2

/* Host interrupt vectors. */
#define VEC_TIMER    0xF0
#define VEC_SPURIOUS 0xFF

int gdt_init(struct kpool *pool, const char **why);
void idt_init(void);
int paging_init(struct kpool *pool, uint64_t max_phys, const char **why);
/* The page-aligned bounds of the kernel's code (read-only, executable). */
void paging_text_range(uint64_t *lo, uint64_t *hi);
int timer_init(const char **why);
/* Host CR0/CR4/XCR0 set up for the per-vCPU x87/SSE switch (fpu.c). */
int arch_fpu_init(const char **why);
void timer_interrupt(void);

/* isr.S */
void gdt_reload_segments(uint16_t code, uint16_t data);
extern char isr_stubs[]; /* 256 stubs, ISR_STUB_SIZE bytes apart */
#define ISR_STUB_SIZE 16

/* What isr_common pushes (isr.S): saved GPRs, vector, error code, and the
 * frame the CPU pushed (SDM vol. 3 6.14.2). */
struct isr_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

void isr_dispatch(struct isr_frame *f);

/* Checks at boot that W^X holds: a write to the kernel's code and
 * instruction fetches from its data and stack must fault (#PF). Returns
 * 0, or -1 with *why saying which did not. */
int wx_selftest(const char **why);
/* A #PF the self-test provoked: resumes it and returns true. */
bool wx_fault_fixup(struct isr_frame *f);

#endif /* KSH_X86_64_INTERNAL_H */
