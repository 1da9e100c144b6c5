// SPDX-License-Identifier: MIT
/*
 * Boot self-test of the kernel's W^X page tables (paging.c; SDM vol. 3A
 * 4.6): it runs the accesses an attacker would need and requires each to
 * fault, so a kernel whose protection is off refuses to start instead of
 * running without it. #PF error code bits (SDM vol. 3A 4.7): P (bit 0) a
 * protection violation, W/R (bit 1) a write, I/D (bit 4) a fetch.
 */
#include "x86_64.h"

#include <ksh/kprintf.h>

#define PF_P  (1ull << 0)
#define PF_W  (1ull << 1)
#define PF_ID (1ull << 4)
#define RET   0xC3

uint64_t wx_probe_write(uint8_t *p);
uint64_t wx_probe_exec(void *p);
extern char wx_probe_write_insn[], wx_probe_fault_exit[];

/* The one fault the self-test expects next; only an exact match of the
 * faulting RIP is fixed up, any other #PF stays a kernel bug. */
static struct {
	uint64_t rip;
	bool armed, hit;
	uint64_t error, cr2;
} wx_expect;

/* A RET in .data: must not be executable. */
static volatile uint8_t wx_data_ret = RET;

bool wx_fault_fixup(struct isr_frame *f)
{
	if (f->vector != 14 || !wx_expect.armed || f->rip != wx_expect.rip)
		return false;
	__asm__ volatile("mov %%cr2, %0" : "=r"(wx_expect.cr2));
	wx_expect.error = f->error;
	wx_expect.hit = true;
	wx_expect.armed = false;
	f->rip = (uint64_t)(uintptr_t)wx_probe_fault_exit;
	return true;
}

/* Runs one probe; true when it faulted with all of `bits` in the error
 * code and CR2 = target. */
static bool probe(uint64_t (*fn)(void *), void *target, uint64_t fault_rip,
		  uint64_t bits)
{
	uint64_t faulted;

	wx_expect.rip = fault_rip;
	wx_expect.hit = false;
	wx_expect.armed = true;
	faulted = fn(target);
	wx_expect.armed = false;
	return faulted && wx_expect.hit && (wx_expect.error & bits) == bits &&
	       wx_expect.cr2 == (uint64_t)(uintptr_t)target;
}

static uint64_t probe_write(void *p)
{
	return wx_probe_write(p);
}

int wx_selftest(const char **why)
{
	volatile uint8_t stack_ret = RET;
	uint64_t lo, hi;
	/* A byte of kernel code: the self-test's own probe. */
	uint8_t *text = (uint8_t *)(uintptr_t)wx_probe_write_insn;

	paging_text_range(&lo, &hi);
	if (!probe(probe_write, text, (uint64_t)(uintptr_t)wx_probe_write_insn,
		   PF_P | PF_W)) {
		*why = "a write to kernel code did not fault";
		return -1;
	}
	if (!probe(wx_probe_exec, (void *)(uintptr_t)&wx_data_ret,
		   (uint64_t)(uintptr_t)&wx_data_ret, PF_P | PF_ID)) {
		*why = "code in kernel data ran";
		return -1;
	}
	if (!probe(wx_probe_exec, (void *)(uintptr_t)&stack_ret,
		   (uint64_t)(uintptr_t)&stack_ret, PF_P | PF_ID)) {
		*why = "code on the kernel stack ran";
		return -1;
	}
	kprintf("ksh: W^X: kernel code %lx-%lx read-only, all else "
		"non-executable (self-test: write to code and fetch from "
		"data and stack fault)\n",
		lo, hi);
	return 0;
}
