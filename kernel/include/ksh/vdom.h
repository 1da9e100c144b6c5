/* SPDX-License-Identifier: MIT */
/*
 * Linux domains on emulated PC devices (kernel/vm/linux_dom.c,
 * kernel/vm/msr_emul.c): the domain's device models from the tables
 * (kernel/devices, behind ksh/vdev.h) attached to the port-I/O exit path,
 * their interrupts delivered through the virtual 8259A pair, their timers
 * ticked from the kernel's clock, and the CPUID leaves and MSRs a Linux
 * guest sees. Native and Multiboot domains have no vdom and keep the
 * kernel's plain exit rules.
 */
#ifndef KSH_VDOM_H
#define KSH_VDOM_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/vcpu.h>
#include <ksh/exit.h>
#include <ksh/tables.h>

struct domain;
struct vdom;

/* Kernel pool pages the Linux domains of t need for their devices. */
uint64_t vdom_pool_pages(const struct ksh_tables *t);

/* Builds the devices of a Linux domain (d->vdom); logs them. Returns 0,
 * or -1 with the reason logged: the domain must not start. Other kinds
 * get no vdom and 0. */
int vdom_setup(struct domain *d);

/* Before entering d: ticks its device timers, hands a pending PIC
 * interrupt to the vCPU, lowers *deadline to the next device deadline.
 * Returns false when the vCPU is halted with nothing to deliver: the
 * caller waits for *deadline instead of entering. */
bool vdom_prepare(struct domain *d, uint64_t *deadline);

/* Exits of a Linux domain that vdom handles. */
enum exit_action vdom_io(struct vcpu *v, const struct vm_exit *e);
enum exit_action vdom_hlt(struct vcpu *v, const struct vm_exit *e);
enum exit_action vdom_msr(struct vcpu *v, const struct vm_exit *e);
enum exit_action vdom_dr(struct vcpu *v, const struct vm_exit *e);
/* A #DB about to be reflected: the guest's DR6 and DR7 (which vdom
 * keeps) change as the CPU would change them (SDM vol. 3A 17.2.3,
 * 17.2.4): dr6_bits are the B0-B3/BD/BS/BT this #DB sets. */
void vdom_db(struct vcpu *v, uint64_t dr6_bits);
/* A triple fault: the domain stops, with its report. */
enum exit_action vdom_shutdown(struct vcpu *v, const struct vm_exit *e);
/* Hides from a Linux domain's CPUID what vdom does not emulate. */
void vdom_cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4]);
/* Counts an exit by reason (printed when the domain stops). */
void vdom_count_exit(struct vcpu *v, const struct vm_exit *e);
/* Logs the exit counts of d. */
void vdom_report(struct domain *d);

/* The MSR set of a Linux domain (msr_emul.c, pure): 0 and *val for a
 * read, 0 for an accepted write, 1 for #GP. tsc is the guest's TSC now. */
int msr_emul_read(uint32_t index, uint64_t tsc, uint64_t *val);
int msr_emul_write(uint32_t index, uint64_t val);

#endif /* KSH_VDOM_H */
