/* SPDX-License-Identifier: MIT */
/*
 * Hooks generic kernel code calls on the architecture layer
 * (kernel/arch/x86_64/). Vendor virtualization code is not here: it sits
 * behind struct vcpu_ops (arch/vcpu.h).
 */
#ifndef KSH_ARCH_ARCH_H
#define KSH_ARCH_ARCH_H

#include <stdbool.h>
#include <stdint.h>

struct boot_info;
struct kpool;

/* COM1, 115200 8N1, polled: usable from the first line of efi_main and
 * after ExitBootServices alike. */
void arch_serial_init(void);
void arch_serial_putc(char c);
/* A received byte (0-255), or -1 when none is waiting. Adds 1 to *lost
 * when the port reports an overrun (bytes lost before this read). */
int arch_serial_getc(uint64_t *lost);

/* Takes over the CPU after ExitBootServices: own GDT with a TSS, IDT whose
 * handlers dump registers and halt, own identity page tables covering
 * [0, max_phys), local APIC timer calibrated against the PIT. Page-table
 * and stack memory come from the kernel pool. Returns 0 or a negative
 * number with *why set. */
int arch_init(const struct boot_info *bi, struct kpool *pool, const char **why);

/* Nanoseconds since arch_init (TSC calibrated against the PIT). */
uint64_t arch_time_ns(void);
/* Converts TSC ticks to nanoseconds and back, for benchmarks. */
uint64_t arch_tsc_hz(void);

/* The CPU's cycle counter (TSC), for benchmarks. */
uint64_t arch_cycles(void);

/* Arms the one-shot host timer to fire in ns nanoseconds (0 disarms). */
void arch_timer_arm(uint64_t ns);
/* True once the armed timer has fired (cleared by arch_timer_arm). */
bool arch_timer_fired(void);
/* Lets a pending host interrupt be delivered (the host runs with IF=0;
 * after an INTR exit the interrupt is still pending at the APIC). */
void arch_take_interrupts(void);
/* Sleeps until the next host interrupt. */
void arch_wait_for_interrupt(void);

/* Ends the machine: under QEMU the isa-debug-exit device (port 0xf4)
 * ends the emulator with status (code << 1) | 1; on hardware the write
 * goes nowhere and the CPU halts. */
__attribute__((noreturn)) void arch_stop_machine(uint8_t code);

/* Switches to the stack ending at top and calls fn(arg); never returns. */
__attribute__((noreturn)) void arch_call_on_stack(void *top, void (*fn)(void *),
						  void *arg);

/* Host pages arch_init takes from the pool for max_phys (page tables). */
uint64_t paging_pages(uint64_t max_phys);

/* Runs CPUID on the host. */
void arch_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t out[4]);

#endif /* KSH_ARCH_ARCH_H */
