// SPDX-License-Identifier: MIT
/* Output, TSS and shutdown helpers of the Bochs VMX test app. */
#include "vmxtest.h"

#include <arch/arch.h>
#include <ksh/kprintf.h>
#include <stdarg.h>

static void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port));
}

static uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void t_putc(char c)
{
	/* COM1 as the firmware left it; wait for the transmitter. */
	for (int i = 0; i < 100000 && !(inb(0x3fd) & 0x20); i++)
		;
	outb(0x3f8, (uint8_t)c);
	outb(0xe9, (uint8_t)c);
}

/* What the backend calls of the kernel's, for this harness: kprintf over
 * the same serial output (the kernel's formatter, kfmt.c) and CPUID. */
static void kput(char c, void *ctx)
{
	(void)ctx;
	t_putc(c);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kfmt(kput, NULL, fmt, ap);
	va_end(ap);
}

void arch_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(out[0]), "=b"(out[1]), "=c"(out[2]),
			   "=d"(out[3])
			 : "a"(leaf), "c"(subleaf));
}

void t_puts(const char *s)
{
	while (*s)
		t_putc(*s++);
}

void t_putu(uint64_t v)
{
	char b[21];
	int i = 20;

	b[i] = 0;
	do {
		b[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	t_puts(b + i);
}

void t_putx(uint64_t v)
{
	char b[19];

	b[0] = '0';
	b[1] = 'x';
	for (int i = 0; i < 16; i++)
		b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
	b[18] = 0;
	t_puts(b);
}

uint64_t t_rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

struct dtr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

static uint64_t gdt[64] __attribute__((aligned(16)));
static uint8_t tss[104] __attribute__((aligned(16)));

int t_install_tss(void)
{
	struct dtr d;
	unsigned n;
	uint64_t base = (uint64_t)(uintptr_t)tss;
	uint16_t sel, tr;

	__asm__ volatile("sgdt %0" : "=m"(d));
	n = (d.limit + 1u) / 8u;
	if (n + 2 > 64)
		return -1;
	for (unsigned i = 0; i < n; i++)
		gdt[i] = ((const uint64_t *)(uintptr_t)d.base)[i];
	/* 64-bit available TSS descriptor, 16 bytes (SDM 7.2.3). */
	gdt[n] = (sizeof(tss) - 1) | (base & 0xFFFFFFull) << 16 |
		 0x89ull << 40 | ((base >> 24) & 0xFFull) << 56;
	gdt[n + 1] = base >> 32;
	*(uint16_t *)(tss + 102) = sizeof(tss); /* no I/O bitmap */
	d.base = (uint64_t)(uintptr_t)gdt;
	d.limit = (uint16_t)((n + 2) * 8 - 1);
	sel = (uint16_t)(n * 8);
	__asm__ volatile("lgdt %0; ltr %1" ::"m"(d), "r"(sel) : "memory");
	__asm__ volatile("str %0" : "=r"(tr));
	return tr == sel ? 0 : -1;
}

void t_shutdown(void)
{
	/* Let the UART finish sending (LSR bit 6, transmitter empty): Bochs
	 * models the line speed, and bytes still in flight at shutdown are
	 * lost. */
	for (int i = 0; i < 1000000 && !(inb(0x3fd) & 0x40); i++)
		;
	for (const char *s = "Shutdown"; *s; s++)
		outb(0x8900, (uint8_t)*s);
}
