// SPDX-License-Identifier: MIT
/*
 * Time: the TSC is the clock, the local APIC timer in one-shot mode the
 * preemption source (SDM vol. 3 10.5.4). Both are calibrated against PIT
 * channel 2 (8254 datasheet; gate and OUT2 on port 0x61), whose rate is
 * fixed at 1.193182 MHz. Under QEMU TCG the TSC is the host's and the PIT
 * and APIC follow QEMU's virtual clock, so calibrating is required.
 */
#include "x86_64.h"

#include <ksh/kprintf.h>

#define PIT_HZ	     1193182ull
#define PIT_CH2	     0x42
#define PIT_CMD	     0x43
#define PORT_B	     0x61  /* bit 0: gate 2, bit 1: speaker, bit 5: OUT2 */
#define CALIB_TICKS  23864 /* 20 ms */
#define APIC_TPR     0x080
#define APIC_EOI     0x0B0
#define APIC_SVR     0x0F0
#define APIC_LVT_TMR 0x320
#define APIC_TMR_ICR 0x380
#define APIC_TMR_CCR 0x390
#define APIC_TMR_DCR 0x3E0
#define LVT_MASKED   (1u << 16)

static volatile uint32_t *apic;
static uint64_t tsc_hz, apic_khz, tsc_boot, ns_mult;
static volatile bool timer_fired;

static uint32_t apic_read(uint32_t reg)
{
	return apic[reg / 4];
}

static void apic_write(uint32_t reg, uint32_t v)
{
	apic[reg / 4] = v;
}

int timer_init(const char **why)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);
	uint64_t t0, t1;
	uint32_t c0, c1;
	uint8_t b;

	if (!(cpuid(1, 0).edx & (1u << 9))) {
		*why = "no local APIC (CPUID.1:EDX.APIC)";
		return -1;
	}
	/* Global enable, xAPIC (not x2APIC) mode: MMIO at the base. Leaving
	 * x2APIC mode must go through disabled (SDM vol. 3 10.12.5). */
	if (base & (1ull << 10))
		wrmsr(MSR_APIC_BASE, base & ~(3ull << 10));
	wrmsr(MSR_APIC_BASE, (base | (1ull << 11)) & ~(1ull << 10));
	apic = (volatile uint32_t *)(uintptr_t)(base & 0xFFFFFF000ull);
	apic_write(APIC_SVR, 0x100 | VEC_SPURIOUS);
	apic_write(APIC_TPR, 0);
	apic_write(APIC_TMR_DCR, 0xB); /* divide by 1 */
	apic_write(APIC_LVT_TMR, LVT_MASKED | VEC_TIMER);

	/* PIT channel 2, mode 0 (interrupt on terminal count): OUT2 goes
	 * high when CALIB_TICKS have elapsed. */
	b = inb(PORT_B);
	outb(PORT_B, (uint8_t)((b & ~0x03) | 0x00));
	outb(PIT_CMD, 0xB0); /* channel 2, lobyte/hibyte, mode 0, binary */
	outb(PIT_CH2, CALIB_TICKS & 0xFF);
	outb(PIT_CH2, CALIB_TICKS >> 8);
	apic_write(APIC_TMR_ICR, 0xFFFFFFFFu);
	c0 = apic_read(APIC_TMR_CCR);
	t0 = rdtsc();
	outb(PORT_B, (uint8_t)((b & ~0x02) | 0x01)); /* gate on */
	for (uint64_t spin = 0; !(inb(PORT_B) & 0x20); spin++)
		if (spin > 100000000ull) {
			*why = "PIT channel 2 never counted down";
			return -1;
		}
	t1 = rdtsc();
	c1 = apic_read(APIC_TMR_CCR);
	outb(PORT_B, b);
	apic_write(APIC_TMR_ICR, 0);

	tsc_hz = (t1 - t0) * PIT_HZ / CALIB_TICKS;
	apic_khz = (uint64_t)(c0 - c1) * PIT_HZ / CALIB_TICKS / 1000;
	if (tsc_hz < 1000000 || apic_khz == 0) {
		*why = "timer calibration gave an implausible rate";
		return -1;
	}
	/* ns = ticks * ns_mult >> 32; 1e9 << 32 fits in 64 bits. */
	ns_mult = (1000000000ull << 32) / tsc_hz;
	tsc_boot = rdtsc();
	apic_write(APIC_LVT_TMR, VEC_TIMER); /* one-shot, unmasked */
	kprintf("ksh: time: TSC %lu kHz, APIC timer %lu kHz (PIT "
		"calibrated)\n",
		tsc_hz / 1000, apic_khz);
	return 0;
}

uint64_t arch_time_ns(void)
{
	unsigned __int128 d = rdtsc() - tsc_boot;

	return (uint64_t)((d * ns_mult) >> 32);
}

uint64_t arch_cycles(void)
{
	return rdtsc();
}

uint64_t arch_tsc_hz(void)
{
	return tsc_hz;
}

void arch_timer_arm(uint64_t ns)
{
	uint64_t count;

	timer_fired = false;
	if (ns == 0) {
		apic_write(APIC_TMR_ICR, 0);
		return;
	}
	if (ns > 10000000000ull)
		ns = 10000000000ull;
	count = ns * apic_khz / 1000000;
	if (count == 0)
		count = 1;
	if (count > 0xFFFFFFFFull)
		count = 0xFFFFFFFFull;
	apic_write(APIC_TMR_ICR, (uint32_t)count);
}

bool arch_timer_fired(void)
{
	return timer_fired;
}

void timer_interrupt(void)
{
	timer_fired = true;
	apic_write(APIC_EOI, 0);
}

void arch_take_interrupts(void)
{
	/* One instruction after STI runs before interrupts are taken
	 * (SDM vol. 3 6.8.3): the NOP is that window. */
	__asm__ volatile("sti; nop; cli" ::: "memory");
}

void arch_wait_for_interrupt(void)
{
	/* STI's shadow covers HLT, so no interrupt is lost in between. */
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}

void arch_stop_machine(uint8_t code)
{
	outb(0xF4, code);
	cpu_halt_forever();
}
