/* SPDX-License-Identifier: MIT */
/*
 * Emulated NE2000-compatible PCI network card: a DP8390 core with its
 * 32 KiB buffer memory and station-address PROM, behind PCI function
 * 10EC:8029 (the RTL8029's IDs, which Linux's ne2k-pci driver binds) with
 * one 32-byte I/O BAR: DP8390 registers at 0x00-0x0F, the remote-DMA
 * data port at 0x10-0x17, the reset port at 0x18-0x1F. Frames leave
 * through a network backend and arrive with vne2k_rx().
 */
#ifndef KSH_VDEV_NE2K_H
#define KSH_VDEV_NE2K_H

#include <ksh/vdev.h>
#include <ksh/vdev_pci.h>

#define VNE2K_MEM_START 0x4000u /* buffer memory: pages 40h-BFh */
#define VNE2K_MEM_SIZE	0x8000u
#define VNE2K_MAX_FRAME 1514u /* without FCS */

/* Network backend: tx gets one whole Ethernet frame (no FCS). */
struct vnet_backend {
	void (*tx)(void *opaque, const uint8_t *frame, size_t len);
	void *opaque;
};

struct vne2k {
	struct vdev dev;
	struct vpci_dev pci;
	const struct vnet_backend *net;
	unsigned int irq;
	bool irq_level;
	uint8_t cr, isr, imr, dcr, tcr, rcr, tsr, rsr;
	uint8_t pstart, pstop, bnry, curr, tpsr;
	uint16_t tbcr, rsar, rbcr;
	uint8_t par[6], mar[8];
	uint8_t cntr[3]; /* tally counters: frame, CRC, missed */
	uint8_t prom[32];
	uint8_t mem[VNE2K_MEM_SIZE];
	uint8_t frame[VNE2K_MAX_FRAME];
	uint64_t tx_frames, rx_frames, rx_dropped;
};

/* Sets up the function (not yet on a bus: the caller adds &n->pci to the
 * PCI host and &n->dev to the vdev bus). `irq` goes in the interrupt line
 * register and is the line INTA# drives. Returns 0 or -VDEV_EINVAL. */
int vne2k_init(struct vne2k *n, struct vdev_env *env, const uint8_t mac[6],
	       unsigned int irq, const struct vnet_backend *net);

/*
 * A frame from the network (no FCS; shorter ones are padded to the
 * 60-byte minimum). Returns 0 if stored in the receive ring; 1 if the
 * address filter (RCR, PAR, MAR) rejected it; -VDEV_EAGAIN if the
 * receiver is stopped or in loopback; -VDEV_ENOSPC if the ring was full
 * (missed packet: ISR OVW); -VDEV_EINVAL for a bad length or ring setup.
 */
int vne2k_rx(struct vne2k *n, const uint8_t *frame, size_t len);

#endif
