/* SPDX-License-Identifier: MIT */
/*
 * The ksh channel device in Linux domains (kernel/chan/chan_dev.c): one
 * PCI function (kernel/devices/chandev.c, contract ksh/chandev_regs.h)
 * per `device channel` of a Linux domain, backed by kernel pages mapped
 * into the domain's nested page tables at its BARs, and wired to the
 * channel code (ksh/chan.h) with the domain as subject.
 */
#ifndef KSH_CHAN_DEV_H
#define KSH_CHAN_DEV_H

#include <stdbool.h>
#include <stdint.h>

#include <arch/vcpu.h>
#include <ksh/chan.h>
#include <ksh/tables.h>
#include <ksh/vdev.h>
#include <ksh/vdev_pci.h>

struct domain;

/* Kernel pool pages the channel devices of t need (state, descriptor
 * page, message buffer, nested page tables for their BAR placements). */
uint64_t chan_dev_pool_pages(const struct ksh_tables *t);

/*
 * chan_dev_add - builds channel device v of Linux domain d on its PCI
 * host and port bus, assigns its BARs as firmware would and maps them.
 * Returns 0, or -1 with the reason logged (the domain must not start).
 */
int chan_dev_add(struct domain *d, struct vdev_env *env, struct vdev_bus *bus,
		 struct vpci_host *pci, const struct ksh_vdev *v);

/* chan_sys.notify: raises the interrupts of the devices that wait for
 * what happened (a message queued, room made, a doorbell). */
void chan_dev_notify(void *ctx, enum chan_notify what, uint32_t index);

/* A nested page fault of a Linux domain: if it is a write to one of its
 * channel devices' read-only pages (the descriptor page, or a reader's
 * window), it is refused (audited for the window), #GP is injected and
 * true returned; otherwise false (the generic rules apply). */
bool chan_dev_npf(struct vcpu *v, const struct vm_exit *e);

#endif /* KSH_CHAN_DEV_H */
