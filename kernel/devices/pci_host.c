// SPDX-License-Identifier: MIT
/*
 * PCI host bridge with configuration mechanism #1.
 *
 * Reference: PCI Local Bus Specification 3.0, 3.2.2.3.2 "Software
 * Generation of Configuration Transactions": CONFIG_ADDRESS at 0xCF8 is
 * latched only by full DWORD accesses (bit 31 enable, bus 23-16, device
 * 15-11, function 10-8, register 7-2; bits 1-0 read as 0); CONFIG_DATA
 * at 0xCFC-0xCFF takes byte, word and dword accesses; other accesses
 * to 0xCF8-0xCFB are ordinary I/O. A configuration read of a function
 * that does not exist ends in master abort: all ones.
 * 0xCF9 byte: Intel 82371AB (PIIX4) 4.1.17 "RC - Reset Control
 * Register": a 0-to-1 transition of bit 2 (RCPU) resets the system.
 */
#include <ksh/vdev_pci.h>

#include "vdev_string.h"

#define CONFIG_ENABLE 0x80000000u
#define RCR_SRST      0x02u
#define RCR_RCPU      0x04u

/* The function CONFIG_ADDRESS selects, or NULL. */
static struct vpci_dev *selected(struct vpci_host *h)
{
	uint32_t a = h->config_address;
	uint8_t devfn = (uint8_t)(a >> 8);

	if (!(a & CONFIG_ENABLE) || ((a >> 16) & 0xff) != 0)
		return NULL;
	for (struct vpci_dev *d = h->devs; d; d = d->next)
		if (d->devfn == devfn)
			return d;
	return NULL;
}

static int host_read(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t *val)
{
	struct vpci_host *h = (struct vpci_host *)dev;
	struct vpci_dev *d;

	(void)idx;
	*val = size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
	if (off < 4) {
		if (off == 0 && size == 4)
			*val = h->config_address;
		else if (off == 1 && size == 1)
			*val = h->rcr;
		return 0;
	}
	d = selected(h);
	if (d && (off - 4) + size <= 4)
		*val = vpci_cfg_read(
		    &d->cfg,
		    (h->config_address & 0xfc) + (unsigned int)(off - 4), size);
	return 0;
}

static int host_write(struct vdev *dev, unsigned int idx, uint64_t off,
		      unsigned int size, uint64_t val)
{
	struct vpci_host *h = (struct vpci_host *)dev;
	struct vpci_dev *d;
	unsigned int reg;

	(void)idx;
	if (off < 4) {
		if (off == 0 && size == 4) {
			/* Bits 30-24 are reserved and 1-0 read as zero. */
			h->config_address = (uint32_t)val & 0x80fffffcu;
		} else if (off == 1 && size == 1) {
			if ((val & RCR_RCPU) && !(h->rcr & RCR_RCPU)) {
				h->resets++;
				vdev_request_reset(dev);
			}
			h->rcr = (uint8_t)val & RCR_SRST;
		}
		return 0;
	}
	d = selected(h);
	if (!d || (off - 4) + size > 4)
		return 0; /* master abort: the write goes nowhere */
	reg = (h->config_address & 0xfc) + (unsigned int)(off - 4);
	vpci_cfg_write(&d->cfg, reg, size, (uint32_t)val);
	if (d->cfg_written)
		d->cfg_written(d, reg, size);
	return 0;
}

static const struct vdev_ops host_ops = {
    .read = host_read,
    .write = host_write,
};

int vpci_host_add(struct vpci_host *h, struct vpci_dev *d, uint8_t devfn)
{
	struct vpci_dev **tail = &h->devs;

	for (struct vpci_dev *e = h->devs; e; e = e->next)
		if (e == d)
			return -VDEV_EINVAL;
		else if (e->devfn == devfn)
			return -VDEV_EBUSY;
	while (*tail)
		tail = &(*tail)->next;
	d->devfn = devfn;
	d->next = NULL;
	*tail = d;
	return 0;
}

int vpci_host_init(struct vpci_host *h, struct vdev_env *env)
{
	memset(h, 0, sizeof(*h));
	vdev_init(&h->dev, &host_ops, "pci-host", env);
	if (vdev_add_range(&h->dev, VDEV_PIO, 0xcf8, 8,
			   VDEV_SZ1 | VDEV_SZ2 | VDEV_SZ4) < 0)
		return -VDEV_EINVAL;
	/* 00:00.0, class 06 00 00 (host bridge). The 440FX IDs are the
	 * ones Linux knows as a plain host bridge; nothing else of that
	 * chipset is emulated, and its registers read as zero. */
	vpci_cfg_init(&h->bridge.cfg, 0x8086, 0x1237, 0x060000, 0x02);
	vpci_cfg_write(&h->bridge.cfg, 0x04, 2, VPCI_CMD_MEM | VPCI_CMD_MASTER);
	h->bridge.cfg.wmask[0x04] = 0;
	h->bridge.cfg.wmask[0x05] = 0;
	return vpci_host_add(h, &h->bridge, 0);
}
