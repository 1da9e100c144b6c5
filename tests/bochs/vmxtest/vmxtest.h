/* SPDX-License-Identifier: MIT */
/* Host-side helpers of the Bochs VMX test app (support.c). */
#ifndef KSH_VMXTEST_H
#define KSH_VMXTEST_H

#include <stdint.h>

void t_puts(const char *s);
void t_putu(uint64_t v);
void t_putx(uint64_t v);
uint64_t t_rdtsc(void);
/* Appends a 64-bit TSS to a copy of the firmware's GDT and loads TR:
 * OVMF leaves TR = 0, and VM entry needs a host TR (SDM 27.2.3). */
int t_install_tss(void);
/* Ends Bochs: "Shutdown" to port 0x8900. */
void t_shutdown(void);

#endif
