// SPDX-License-Identifier: MIT
/*
 * NE2000-compatible PCI network card (DP8390 core).
 *
 * References: National Semiconductor DP8390D "NIC Network Interface
 * Controller" datasheet: 6.0 "Buffer Management" (receive ring, PSTART,
 * PSTOP, CURR, BNRY, the 4-byte receive header), 7.0 "Packet
 * Reception" (address recognition: physical, multicast hash of the top
 * 6 CRC bits, broadcast, promiscuous; runt packets), 8.0 "Packet
 * Transmission" (TPSR, TBCR, TXP), 10.0 "Remote DMA" (RSAR, RBCR, read,
 * write, completion in ISR RDC; wrap at PSTOP), 11.0 "Internal
 * Registers" (page maps, CR, ISR, IMR, DCR, TCR, TSR, RCR, RSR, tally
 * counters). Realtek RTL8029AS datasheet: PCI IDs 10EC:8029, the 32-byte
 * I/O window (data port at 10h, reset port at 1Fh), the 8029 ID bytes
 * at page 0 0Ah/0Bh ('P', 'C'), the station-address PROM read in word
 * mode (each byte twice, 57h 57h at 0Eh-0Fh). Packets are sent at once;
 * there is no collision, FIFO or CRC behaviour.
 */
#include <ksh/vdev_ne2k.h>

#include "vdev_string.h"

enum {
	CR_STP = 0x01,
	CR_STA = 0x02,
	CR_TXP = 0x04,
	CR_RD_MASK = 0x38,
	CR_RD_READ = 0x08,
	CR_RD_WRITE = 0x10,
	CR_RD_SEND = 0x18,
	CR_RD_ABORT = 0x20,

	ISR_PRX = 0x01,
	ISR_PTX = 0x02,
	ISR_TXE = 0x08,
	ISR_OVW = 0x10,
	ISR_RDC = 0x40,
	ISR_RST = 0x80,

	DCR_WTS = 0x01, /* word-wide transfers */
	TCR_LB = 0x06,	/* loopback mode bits */
	TSR_PTX = 0x01,
	TSR_ABT = 0x08,
	RCR_AR = 0x02,
	RCR_AB = 0x04,
	RCR_AM = 0x08,
	RCR_PRO = 0x10,
	RCR_MON = 0x20,
	RSR_PRX = 0x01,
	RSR_MPA = 0x10,
	RSR_PHY = 0x20,

	NE_DATA = 0x10,
	NE_RESET = 0x18,
	NE_IO_SIZE = 0x20,
	MIN_FRAME = 60,
};

/* ---- buffer memory -------------------------------------------------- */

/* Local address space: PROM at 0000h-001Fh, RAM at 4000h-BFFFh, the
 * rest reads as all ones and ignores writes. */
static uint8_t mem_get(const struct vne2k *n, uint16_t a)
{
	if (a < sizeof(n->prom))
		return n->prom[a];
	if (a >= VNE2K_MEM_START && a - VNE2K_MEM_START < VNE2K_MEM_SIZE)
		return n->mem[a - VNE2K_MEM_START];
	return 0xff;
}

static void mem_put(struct vne2k *n, uint16_t a, uint8_t v)
{
	if (a >= VNE2K_MEM_START && a - VNE2K_MEM_START < VNE2K_MEM_SIZE)
		n->mem[a - VNE2K_MEM_START] = v;
}

static bool ring_ok(const struct vne2k *n)
{
	return n->pstart < n->pstop && n->pstart >= (VNE2K_MEM_START >> 8) &&
	       n->pstop <= ((VNE2K_MEM_START + VNE2K_MEM_SIZE) >> 8) &&
	       n->curr >= n->pstart && n->curr < n->pstop &&
	       n->bnry >= n->pstart && n->bnry < n->pstop;
}

/* ---- interrupts ------------------------------------------------------- */

static void ne_update_irq(struct vne2k *n)
{
	bool pending = n->isr & n->imr & 0x7f;
	uint16_t cmd = vpci_cfg_command(&n->pci.cfg);
	bool level = pending && !(cmd & VPCI_CMD_INTX_DISABLE);

	/* PCI 3.0 6.2.3: status bit 3 shows INTx regardless of disable. */
	if (pending)
		n->pci.cfg.data[0x06] |= VPCI_STATUS_INTX;
	else
		n->pci.cfg.data[0x06] &= (uint8_t)~VPCI_STATUS_INTX;
	if (level != n->irq_level) {
		n->irq_level = level;
		vdev_set_irq(&n->dev, n->irq, level);
	}
}

/* ---- reception ------------------------------------------------------ */

/* Ethernet CRC-32 (polynomial 04C11DB7h, bits in wire order): the
 * DP8390 hashes multicast addresses with its top 6 bits (7.2). */
static uint32_t ether_crc(const uint8_t *p, size_t len)
{
	uint32_t crc = 0xffffffffu;

	for (size_t i = 0; i < len; i++)
		for (unsigned int b = 0; b < 8; b++) {
			uint32_t carry = ((crc >> 31) ^ (p[i] >> b)) & 1;

			crc <<= 1;
			if (carry)
				crc ^= 0x04c11db7u;
		}
	return crc;
}

static bool address_ok(const struct vne2k *n, const uint8_t *dst)
{
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	unsigned int h;

	if (n->rcr & RCR_PRO)
		return true;
	if (!memcmp(dst, bcast, 6))
		return n->rcr & RCR_AB;
	if (dst[0] & 1) {
		if (!(n->rcr & RCR_AM))
			return false;
		h = ether_crc(dst, 6) >> 26;
		return n->mar[h >> 3] & (1u << (h & 7));
	}
	return !memcmp(dst, n->par, 6);
}

/* Pages the ring can take before CURR would reach BNRY. */
static unsigned int ring_free(const struct vne2k *n)
{
	unsigned int size = (unsigned int)(n->pstop - n->pstart);

	if (n->curr < n->bnry)
		return (unsigned int)(n->bnry - n->curr);
	return size - (unsigned int)(n->curr - n->bnry);
}

static int ne_receive(struct vne2k *n, const uint8_t *frame, size_t len)
{
	uint8_t status = RSR_PRX;
	unsigned int total, pages, next;
	uint16_t a;

	if (!ring_ok(n)) {
		n->rx_dropped++;
		return -VDEV_EINVAL;
	}
	if (!address_ok(n, frame))
		return 1;
	if (frame[0] & 1)
		status |= RSR_PHY; /* multicast or broadcast */
	if (n->rcr & RCR_MON) {
		/* Monitor mode: checked and counted, not stored. */
		n->rsr = status;
		return 0;
	}
	total = (unsigned int)len + 4;
	pages = (total + 255) / 256;
	if (pages >= ring_free(n)) {
		/* 6.2: the ring would overwrite unread packets. */
		n->isr |= ISR_OVW;
		n->rsr = RSR_MPA;
		if (n->cntr[2] < 0xff)
			n->cntr[2]++;
		n->rx_dropped++;
		ne_update_irq(n);
		return -VDEV_ENOSPC;
	}
	next = n->curr + pages;
	if (next >= n->pstop)
		next -= (unsigned int)(n->pstop - n->pstart);
	/* Header: status, next packet page, byte count with itself. */
	a = (uint16_t)(n->curr << 8);
	mem_put(n, a, status);
	mem_put(n, (uint16_t)(a + 1), (uint8_t)next);
	mem_put(n, (uint16_t)(a + 2), (uint8_t)total);
	mem_put(n, (uint16_t)(a + 3), (uint8_t)(total >> 8));
	a = (uint16_t)(a + 4);
	for (size_t i = 0; i < len; i++) {
		if (a >= (uint16_t)(n->pstop << 8))
			a = (uint16_t)(n->pstart << 8);
		mem_put(n, a++, frame[i]);
	}
	n->curr = (uint8_t)next;
	n->rsr = status;
	n->isr |= ISR_PRX;
	n->rx_frames++;
	ne_update_irq(n);
	return 0;
}

int vne2k_rx(struct vne2k *n, const uint8_t *frame, size_t len)
{
	uint8_t pad[MIN_FRAME];

	if (len < 14 || len > VNE2K_MAX_FRAME)
		return -VDEV_EINVAL;
	if ((n->cr & CR_STP) || !(n->cr & CR_STA) || (n->tcr & TCR_LB)) {
		n->rx_dropped++;
		return -VDEV_EAGAIN;
	}
	if (len < MIN_FRAME) {
		memset(pad, 0, sizeof(pad));
		memcpy(pad, frame, len);
		return ne_receive(n, pad, sizeof(pad));
	}
	return ne_receive(n, frame, len);
}

/* ---- transmission ----------------------------------------------------- */

static void ne_transmit(struct vne2k *n)
{
	uint16_t a = (uint16_t)(n->tpsr << 8);
	size_t len = n->tbcr;

	n->cr &= (uint8_t)~CR_TXP;
	if (len > VNE2K_MAX_FRAME || len < 14) {
		/* Not an Ethernet frame we can hand on: aborted. */
		n->tsr = TSR_ABT;
		n->isr |= ISR_TXE;
		ne_update_irq(n);
		return;
	}
	for (size_t i = 0; i < len; i++)
		n->frame[i] = mem_get(n, (uint16_t)(a + i));
	n->tsr = TSR_PTX;
	n->isr |= ISR_PTX;
	n->tx_frames++;
	if (n->tcr & TCR_LB) {
		/* Loopback: the frame comes back to our own receiver. */
		if (len < MIN_FRAME) {
			memset(n->frame + len, 0, MIN_FRAME - len);
			len = MIN_FRAME;
		}
		ne_receive(n, n->frame, len);
	} else if (n->net && n->net->tx) {
		n->net->tx(n->net->opaque, n->frame, len);
	}
	ne_update_irq(n);
}

/* ---- remote DMA ----------------------------------------------------- */

static void rdma_step(struct vne2k *n, unsigned int bytes)
{
	n->rsar = (uint16_t)(n->rsar + bytes);
	/* 10.0: remote DMA wraps in the ring like the local DMA. */
	if (n->pstart < n->pstop && n->rsar == (uint16_t)(n->pstop << 8))
		n->rsar = (uint16_t)(n->pstart << 8);
	n->rbcr = n->rbcr > bytes ? (uint16_t)(n->rbcr - bytes) : 0;
	if (!n->rbcr) {
		n->isr |= ISR_RDC;
		ne_update_irq(n);
	}
}

/* A data-port access moves one word in word mode whatever its width
 * (the RTL8029 and NE2000 clones behave so), four bytes for a dword. */
static unsigned int rdma_width(const struct vne2k *n, unsigned int size)
{
	if (size == 4)
		return 4;
	return (n->dcr & DCR_WTS) ? 2 : size;
}

static uint32_t data_read(struct vne2k *n, unsigned int size)
{
	unsigned int w = rdma_width(n, size);
	uint32_t v = 0;

	if ((n->cr & CR_RD_MASK) != CR_RD_READ || !n->rbcr)
		return 0xffffffffu;
	for (unsigned int i = 0; i < w; i++)
		v |= (uint32_t)mem_get(n, (uint16_t)(n->rsar + i)) << (8 * i);
	rdma_step(n, w);
	return v;
}

static void data_write(struct vne2k *n, unsigned int size, uint32_t v)
{
	unsigned int w = rdma_width(n, size);

	if ((n->cr & CR_RD_MASK) != CR_RD_WRITE || !n->rbcr)
		return;
	for (unsigned int i = 0; i < w; i++)
		mem_put(n, (uint16_t)(n->rsar + i), (uint8_t)(v >> (8 * i)));
	rdma_step(n, w);
}

/* ---- registers -------------------------------------------------------- */

static void ne_reset(struct vne2k *n)
{
	n->cr = CR_STP | CR_RD_ABORT;
	n->isr = ISR_RST;
	n->imr = 0;
	n->dcr = 0;
	n->tcr = 0;
	n->rcr = 0;
	n->rbcr = 0;
	ne_update_irq(n);
}

static void cr_write(struct vne2k *n, uint8_t v)
{
	if (v & CR_STP) {
		n->isr |= ISR_RST;
	} else if (v & CR_STA) {
		n->isr &= (uint8_t)~ISR_RST;
	}
	/* Keep STA/STP when neither is given (11.1: writing 0 to both
	 * leaves the NIC as it was). */
	if (!(v & (CR_STP | CR_STA)))
		v |= n->cr & (CR_STP | CR_STA);
	n->cr = v & (uint8_t)~CR_TXP;
	if ((v & CR_RD_MASK) == CR_RD_READ || (v & CR_RD_MASK) == CR_RD_WRITE) {
		if (!n->rbcr) {
			n->isr |= ISR_RDC; /* nothing to move */
		}
	}
	if ((v & CR_TXP) && (n->cr & CR_STA) && !(n->cr & CR_STP))
		ne_transmit(n);
	ne_update_irq(n);
}

static uint8_t reg_read(struct vne2k *n, unsigned int r)
{
	unsigned int page = n->cr >> 6;
	uint8_t v;

	if (r == 0)
		return n->cr;
	if (page == 1)
		return r <= 6	? n->par[r - 1]
		       : r == 7 ? n->curr
				: n->mar[r - 8];
	if (page == 2) {
		switch (r) {
		case 0x01:
			return n->pstart;
		case 0x02:
			return n->pstop;
		case 0x04:
			return n->tpsr;
		case 0x0c:
			return n->rcr;
		case 0x0d:
			return n->tcr;
		case 0x0e:
			return n->dcr;
		case 0x0f:
			return n->imr | 0x80;
		default:
			return 0;
		}
	}
	if (page == 3)
		return 0; /* RTL8029 configuration registers: defaults */
	switch (r) {
	case 0x01:
		return 0; /* CLDA0 */
	case 0x02:
		return n->curr; /* CLDA1 */
	case 0x03:
		return n->bnry;
	case 0x04:
		return n->tsr;
	case 0x07:
		return n->isr;
	case 0x08:
		return (uint8_t)n->rsar;
	case 0x09:
		return (uint8_t)(n->rsar >> 8);
	case 0x0a:
		return 0x50; /* RTL8029 ID: 'P' */
	case 0x0b:
		return 0x43; /* 'C' */
	case 0x0c:
		return n->rsr;
	case 0x0d:
	case 0x0e:
	case 0x0f:
		/* Tally counters clear when read. */
		v = n->cntr[r - 0x0d];
		n->cntr[r - 0x0d] = 0;
		return v;
	default: /* NCR, FIFO */
		return 0;
	}
}

static void reg_write(struct vne2k *n, unsigned int r, uint8_t v)
{
	unsigned int page = n->cr >> 6;

	if (r == 0) {
		cr_write(n, v);
		return;
	}
	if (page == 1) {
		if (r <= 6)
			n->par[r - 1] = v;
		else if (r == 7)
			n->curr = v;
		else
			n->mar[r - 8] = v;
		return;
	}
	if (page != 0)
		return; /* page 2 writes are for diagnostics; page 3 RTL */
	switch (r) {
	case 0x01:
		n->pstart = v;
		break;
	case 0x02:
		n->pstop = v;
		break;
	case 0x03:
		n->bnry = v;
		break;
	case 0x04:
		n->tpsr = v;
		break;
	case 0x05:
		n->tbcr = (uint16_t)((n->tbcr & 0xff00) | v);
		break;
	case 0x06:
		n->tbcr = (uint16_t)((n->tbcr & 0x00ff) | v << 8);
		break;
	case 0x07:
		n->isr &= (uint8_t) ~(v & 0x7f); /* write 1 to clear; RST
						   follows the NIC state */
		break;
	case 0x08:
		n->rsar = (uint16_t)((n->rsar & 0xff00) | v);
		break;
	case 0x09:
		n->rsar = (uint16_t)((n->rsar & 0x00ff) | v << 8);
		break;
	case 0x0a:
		n->rbcr = (uint16_t)((n->rbcr & 0xff00) | v);
		break;
	case 0x0b:
		n->rbcr = (uint16_t)((n->rbcr & 0x00ff) | v << 8);
		break;
	case 0x0c:
		n->rcr = v & 0x3f;
		break;
	case 0x0d:
		n->tcr = v & 0x1f;
		break;
	case 0x0e:
		n->dcr = v & 0x7f;
		break;
	default: /* 0x0f */
		n->imr = v & 0x7f;
		break;
	}
	ne_update_irq(n);
}

static int ne_read(struct vdev *dev, unsigned int idx, uint64_t off,
		   unsigned int size, uint64_t *val)
{
	struct vne2k *n = (struct vne2k *)dev;
	uint64_t v = 0;

	(void)idx;
	if (off >= NE_DATA && off < NE_RESET) {
		*val = data_read(n, size) &
		       (size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1);
		return 0;
	}
	for (unsigned int i = 0; i < size; i++) {
		unsigned int r = (unsigned int)off + i;
		uint8_t b;

		if (r >= NE_RESET) {
			/* Reading the reset port resets the NIC. */
			ne_reset(n);
			b = 0;
		} else if (r >= NE_DATA) {
			b = 0xff;
		} else {
			b = reg_read(n, r);
		}
		v |= (uint64_t)b << (8 * i);
	}
	*val = v;
	return 0;
}

static int ne_write(struct vdev *dev, unsigned int idx, uint64_t off,
		    unsigned int size, uint64_t val)
{
	struct vne2k *n = (struct vne2k *)dev;

	(void)idx;
	if (off >= NE_DATA && off < NE_RESET) {
		data_write(n, size, (uint32_t)val);
		return 0;
	}
	for (unsigned int i = 0; i < size; i++) {
		unsigned int r = (unsigned int)off + i;

		if (r < NE_DATA)
			reg_write(n, r, (uint8_t)(val >> (8 * i)));
		/* writes to the reset port only end the reset pulse */
	}
	return 0;
}

static const struct vdev_ops ne_ops = {
    .read = ne_read,
    .write = ne_write,
};

/* The BAR or the command register changed: follow the I/O window. */
static void ne_cfg_written(struct vpci_dev *d, unsigned int off,
			   unsigned int size)
{
	struct vne2k *n =
	    (struct vne2k *)((char *)d - offsetof(struct vne2k, pci));

	(void)off;
	(void)size;
	vpci_cfg_bar_range(&d->cfg, 0, &n->dev.ranges[0],
			   VDEV_SZ1 | VDEV_SZ2 | VDEV_SZ4);
	ne_update_irq(n);
}

int vne2k_init(struct vne2k *n, struct vdev_env *env, const uint8_t mac[6],
	       unsigned int irq, const struct vnet_backend *net)
{
	memset(n, 0, sizeof(*n));
	vdev_init(&n->dev, &ne_ops, "ne2k", env);
	if (irq >= 16 || vdev_add_range(&n->dev, VDEV_PIO, 0, 0,
					VDEV_SZ1 | VDEV_SZ2 | VDEV_SZ4) < 0)
		return -VDEV_EINVAL;
	vpci_cfg_init(&n->pci.cfg, 0x10ec, 0x8029, 0x020000, 0x00);
	if (vpci_cfg_set_bar(&n->pci.cfg, 0, NE_IO_SIZE, VPCI_BAR_IO) < 0)
		return -VDEV_EINVAL;
	vpci_cfg_set_irq(&n->pci.cfg, 1, (uint8_t)irq);
	n->pci.cfg_written = ne_cfg_written;
	n->net = net;
	n->irq = irq;
	/* Word-mode PROM image: each byte twice, 'W' 'W' at 0Eh-0Fh. */
	for (unsigned int i = 0; i < 6; i++)
		n->prom[2 * i] = n->prom[2 * i + 1] = mac[i];
	for (unsigned int i = 28; i < 32; i++)
		n->prom[i] = 0x57;
	ne_reset(n);
	return 0;
}
