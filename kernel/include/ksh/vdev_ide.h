/* SPDX-License-Identifier: MIT */
/*
 * Emulated IDE (ATA) primary channel, PIO only: command block at
 * 0x1F0-0x1F7, control block at 0x3F6, INTRQ on IRQ14, up to two disks
 * (master, slave) on block backends. It is also PCI function 8086:7010
 * (PIIX3 IDE) in compatibility mode without bus-master DMA, so Linux's
 * ata_piix driver finds it; the secondary channel is disabled.
 */
#ifndef KSH_VDEV_IDE_H
#define KSH_VDEV_IDE_H

#include <ksh/vdev.h>
#include <ksh/vdev_pci.h>

#define VIDE_SECTOR 512u

/* Block backend: one 512-byte sector at a time; 0 or a negative error
 * (the command then ends with an uncorrectable-data error). */
struct vblk_backend {
	int (*read)(void *opaque, uint64_t lba, uint8_t *buf);
	int (*write)(void *opaque, uint64_t lba, const uint8_t *buf);
	void *opaque;
	uint64_t sectors;
	bool readonly;
};

/* Command-block registers; the *_hob copies are the previous contents
 * the 48-bit commands use (ATA/ATAPI-6 6.20, "HOB"). */
struct vide_regs {
	uint8_t feature, count, lba_lo, lba_mid, lba_hi;
	uint8_t feature_hob, count_hob, lba_lo_hob, lba_mid_hob, lba_hi_hob;
	uint8_t device, error, status;
};

struct vide_drive {
	const struct vblk_backend *blk; /* NULL: no drive */
	uint8_t mult; /* SET MULTIPLE MODE block size, 0 = off */
};

struct vide {
	struct vdev dev;
	struct vpci_dev pci;
	struct vide_drive drive[2];
	struct vide_regs r;
	uint8_t devctl; /* device control: nIEN, SRST, HOB */
	bool intrq;
	bool irq_level;
	/* the PIO transfer in progress */
	uint8_t cmd;
	bool writing;
	uint64_t lba;	/* next sector to transfer */
	uint32_t left;	/* sectors left, the current block included */
	uint32_t block; /* sectors in the current DRQ block */
	uint32_t pos;	/* byte position in buf */
	uint32_t len;	/* bytes in buf for this block */
	uint8_t buf[VIDE_SECTOR * 16];
	uint64_t sectors_read, sectors_written;
};

/* master and slave may be NULL. Returns 0 or -VDEV_EINVAL. */
int vide_init(struct vide *ide, struct vdev_env *env,
	      const struct vblk_backend *master,
	      const struct vblk_backend *slave);

#endif
