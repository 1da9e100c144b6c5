// SPDX-License-Identifier: MIT
/*
 * IDE (ATA) primary channel, PIO data transfers.
 *
 * References: ATA/ATAPI-6 (T13/1410D rev. 3b): 6.x register block
 * (Data, Error/Features, Sector Count, LBA Low/Mid/High, Device,
 * Status/Command, Alternate Status/Device Control with nIEN, SRST and
 * HOB), 6.20 "48-bit Address feature set" (two-deep registers), 8.15
 * IDENTIFY DEVICE (word layout), 8.27 READ MULTIPLE, 8.34 READ SECTORS,
 * 8.35 READ SECTORS EXT, 8.39 SET MULTIPLE MODE, 8.62/8.63 WRITE
 * SECTORS (EXT), 8.58 WRITE MULTIPLE, 9.5 "PIO data-in" and 9.6 "PIO
 * data-out" protocols (when DRQ and INTRQ are asserted), 9.2/9.3 the
 * software reset protocol and the device signature. PIIX3 IDE
 * function: Intel 82371SB datasheet, IDETIM registers 40h-43h (bit 15
 * IDE decode enable). The drive does the work at once: BSY is never
 * seen.
 */
#include <ksh/vdev_ide.h>

#include "vdev_string.h"

enum {
	ST_ERR = 0x01,
	ST_DRQ = 0x08,
	ST_DSC = 0x10,
	ST_DRDY = 0x40,
	ST_BSY = 0x80,

	ERR_AMNF = 0x01, /* after reset: diagnostics passed */
	ERR_ABRT = 0x04,
	ERR_IDNF = 0x10,
	ERR_UNC = 0x40,

	DEV_LBA = 0x40,
	DEV_DRV = 0x10,
	CTL_NIEN = 0x02,
	CTL_SRST = 0x04,
	CTL_HOB = 0x80,

	IDE_HEADS = 16,
	IDE_SPT = 63,
	MAX_MULT = 16,
};

static struct vide_drive *cur(struct vide *d)
{
	return &d->drive[(d->r.device & DEV_DRV) ? 1 : 0];
}

static void ide_update_irq(struct vide *d)
{
	bool level = d->intrq && !(d->devctl & CTL_NIEN);

	if (level != d->irq_level) {
		d->irq_level = level;
		vdev_set_irq(&d->dev, 14, level);
	}
}

static void ide_raise(struct vide *d)
{
	d->intrq = true;
	ide_update_irq(d);
}

static void ide_error(struct vide *d, uint8_t err)
{
	d->r.error = err;
	d->r.status = ST_DRDY | ST_DSC | ST_ERR;
	d->left = 0;
	d->pos = d->len = 0;
	ide_raise(d);
}

/* ---- IDENTIFY DEVICE -------------------------------------------------- */

static void put_word(uint8_t *buf, unsigned int w, uint16_t v)
{
	buf[2 * w] = (uint8_t)v;
	buf[2 * w + 1] = (uint8_t)(v >> 8);
}

/* ATA strings: two characters a word, the first in the high byte,
 * padded with spaces. */
static void put_string(uint8_t *buf, unsigned int w, unsigned int words,
		       const char *s)
{
	for (unsigned int i = 0; i < 2 * words; i++) {
		char c = *s ? *s++ : ' ';

		buf[2 * w + (i ^ 1)] = (uint8_t)c;
	}
}

static void identify(struct vide *d, const struct vide_drive *drv)
{
	uint64_t n = drv->blk->sectors;
	uint64_t cyl = n / (IDE_HEADS * IDE_SPT);
	uint64_t lba28 = n < 0x0fffffff ? n : 0x0fffffff;
	uint8_t *b = d->buf;

	if (cyl > 16383)
		cyl = 16383;
	memset(b, 0, VIDE_SECTOR);
	put_word(b, 0, 0x0040); /* ATA device, not removable */
	put_word(b, 1, (uint16_t)cyl);
	put_word(b, 3, IDE_HEADS);
	put_word(b, 6, IDE_SPT);
	put_string(b, 10, 10, drv == &d->drive[0] ? "KSH-IDE-0" : "KSH-IDE-1");
	put_string(b, 23, 4, "1.0");
	put_string(b, 27, 20, "KSH VIRTUAL DISK");
	put_word(b, 47, 0x8000 | MAX_MULT);
	put_word(b, 49, 0x0200); /* LBA supported; no DMA */
	put_word(b, 50, 0x4000);
	put_word(b, 53, 0x0001); /* words 54-58 valid */
	put_word(b, 54, (uint16_t)cyl);
	put_word(b, 55, IDE_HEADS);
	put_word(b, 56, IDE_SPT);
	put_word(b, 57, (uint16_t)(cyl * IDE_HEADS * IDE_SPT));
	put_word(b, 58, (uint16_t)((cyl * IDE_HEADS * IDE_SPT) >> 16));
	put_word(b, 59, drv->mult ? (uint16_t)(0x0100 | drv->mult) : 0);
	put_word(b, 60, (uint16_t)lba28);
	put_word(b, 61, (uint16_t)(lba28 >> 16));
	put_word(b, 80, 0x007e); /* ATA-1 to ATA-6 */
	/* 48-bit addressing, FLUSH CACHE, FLUSH CACHE EXT; words 83, 84,
	 * 87 carry the 01b signature in bits 15-14. */
	put_word(b, 83, 0x4000 | 0x2000 | 0x1000 | 0x0400);
	put_word(b, 84, 0x4000);
	put_word(b, 86, 0x2000 | 0x1000 | 0x0400);
	put_word(b, 87, 0x4000);
	for (unsigned int i = 0; i < 4; i++)
		put_word(b, 100 + i, (uint16_t)(n >> (16 * i)));
}

/* ---- data transfers ------------------------------------------------- */

static bool address(struct vide *d, bool ext, uint64_t *lba, uint32_t *count)
{
	const struct vide_regs *r = &d->r;

	if (ext) {
		*lba = (uint64_t)r->lba_hi_hob << 40 |
		       (uint64_t)r->lba_mid_hob << 32 |
		       (uint64_t)r->lba_lo_hob << 24 |
		       (uint64_t)r->lba_hi << 16 | (uint64_t)r->lba_mid << 8 |
		       r->lba_lo;
		*count = (uint32_t)(r->count_hob << 8 | r->count);
		if (!*count)
			*count = 65536;
	} else {
		*count = r->count ? r->count : 256;
		if (r->device & DEV_LBA) {
			*lba = (uint64_t)(r->device & 0x0f) << 24 |
			       (uint64_t)r->lba_hi << 16 |
			       (uint64_t)r->lba_mid << 8 | r->lba_lo;
		} else {
			/* CHS with the geometry IDENTIFY reports */
			uint64_t c = (uint64_t)(r->lba_hi << 8 | r->lba_mid);

			if (r->lba_lo == 0 || r->lba_lo > IDE_SPT)
				return false;
			*lba = (c * IDE_HEADS + (r->device & 0x0f)) * IDE_SPT +
			       r->lba_lo - 1;
		}
	}
	return *lba < cur(d)->blk->sectors &&
	       *count <= cur(d)->blk->sectors - *lba;
}

/* Opens the next DRQ block: for reads the sectors are fetched now.
 * 9.5: data-in raises INTRQ with every block; 9.6: data-out raises it
 * when a block is wanted, except the first. */
static void next_block(struct vide *d, bool first)
{
	const struct vide_drive *drv = cur(d);
	bool multiple = d->cmd == 0xc4 || d->cmd == 0xc5 || d->cmd == 0x29 ||
			d->cmd == 0x39;
	uint32_t per = multiple ? drv->mult : 1;

	d->block = d->left < per ? d->left : per;
	d->pos = 0;
	d->len = d->block * VIDE_SECTOR;
	if (!d->writing) {
		for (uint32_t i = 0; i < d->block; i++)
			if (drv->blk->read(drv->blk->opaque, d->lba + i,
					   d->buf + i * VIDE_SECTOR)) {
				ide_error(d, ERR_UNC);
				return;
			}
	}
	d->r.status = ST_DRDY | ST_DSC | ST_DRQ;
	if (!d->writing || !first)
		ide_raise(d);
}

static void start_transfer(struct vide *d, bool ext, bool writing)
{
	const struct vide_drive *drv = cur(d);
	bool multiple = d->cmd == 0xc4 || d->cmd == 0xc5 || d->cmd == 0x29 ||
			d->cmd == 0x39;
	uint64_t lba;
	uint32_t count;

	if (multiple && !drv->mult) {
		ide_error(d, ERR_ABRT); /* 8.27: multiple mode not set */
		return;
	}
	if (writing && drv->blk->readonly) {
		ide_error(d, ERR_ABRT);
		return;
	}
	if (!address(d, ext, &lba, &count)) {
		ide_error(d, ERR_IDNF);
		return;
	}
	d->writing = writing;
	d->lba = lba;
	d->left = count;
	next_block(d, true);
}

/* The host took or gave the whole block. */
static void block_done(struct vide *d)
{
	const struct vide_drive *drv = cur(d);

	if (d->cmd == 0xec) {
		d->left = 0;
		d->r.status = ST_DRDY | ST_DSC;
		return;
	}
	if (d->writing) {
		for (uint32_t i = 0; i < d->block; i++)
			if (drv->blk->write(drv->blk->opaque, d->lba + i,
					    d->buf + i * VIDE_SECTOR)) {
				ide_error(d, ERR_UNC);
				return;
			}
		d->sectors_written += d->block;
	} else {
		d->sectors_read += d->block;
	}
	d->lba += d->block;
	d->left -= d->block;
	if (d->left) {
		next_block(d, false);
		return;
	}
	d->r.status = ST_DRDY | ST_DSC;
	d->len = d->pos = 0;
	if (d->writing)
		ide_raise(d); /* 9.6: command completion */
}

static bool data_phase(const struct vide *d, bool writing)
{
	return (d->r.status & ST_DRQ) && d->writing == writing &&
	       d->pos < d->len;
}

static uint32_t data_read(struct vide *d, unsigned int size)
{
	uint32_t v = 0;

	if (!data_phase(d, false))
		return 0xffffffffu;
	for (unsigned int i = 0; i < size && d->pos < d->len; i++)
		v |= (uint32_t)d->buf[d->pos++] << (8 * i);
	if (d->pos >= d->len)
		block_done(d);
	return v;
}

static void data_write(struct vide *d, unsigned int size, uint32_t v)
{
	if (!data_phase(d, true))
		return;
	for (unsigned int i = 0; i < size && d->pos < d->len; i++)
		d->buf[d->pos++] = (uint8_t)(v >> (8 * i));
	if (d->pos >= d->len)
		block_done(d);
}

/* ---- commands --------------------------------------------------------- */

static void ide_command(struct vide *d, uint8_t cmd)
{
	struct vide_drive *drv = cur(d);

	if (!drv->blk)
		return; /* no device answers */
	d->cmd = cmd;
	d->r.error = 0;
	d->left = 0;
	d->len = d->pos = 0;
	switch (cmd) {
	case 0xec: /* IDENTIFY DEVICE */
		identify(d, drv);
		d->writing = false;
		d->block = d->left = 1;
		d->len = VIDE_SECTOR;
		d->r.status = ST_DRDY | ST_DSC | ST_DRQ;
		ide_raise(d);
		break;
	case 0x20: /* READ SECTORS (with and without retry) */
	case 0x21:
	case 0xc4: /* READ MULTIPLE */
		start_transfer(d, false, false);
		break;
	case 0x24: /* READ SECTORS EXT */
	case 0x29: /* READ MULTIPLE EXT */
		start_transfer(d, true, false);
		break;
	case 0x30: /* WRITE SECTORS */
	case 0x31:
	case 0xc5: /* WRITE MULTIPLE */
		start_transfer(d, false, true);
		break;
	case 0x34: /* WRITE SECTORS EXT */
	case 0x39: /* WRITE MULTIPLE EXT */
		start_transfer(d, true, true);
		break;
	case 0xc6: /* SET MULTIPLE MODE: a power of two up to word 47 */
		if (d->r.count > MAX_MULT || (d->r.count & (d->r.count - 1))) {
			ide_error(d, ERR_ABRT);
			break;
		}
		drv->mult = d->r.count;
		d->r.status = ST_DRDY | ST_DSC;
		ide_raise(d);
		break;
	case 0x40: /* READ VERIFY SECTORS */
	case 0x42: /* READ VERIFY SECTORS EXT */
	{
		uint64_t lba;
		uint32_t count;

		if (!address(d, cmd == 0x42, &lba, &count)) {
			ide_error(d, ERR_IDNF);
			break;
		}
		d->r.status = ST_DRDY | ST_DSC;
		ide_raise(d);
		break;
	}
	case 0xe5: /* CHECK POWER MODE: active */
		d->r.count = 0xff;
		d->r.status = ST_DRDY | ST_DSC;
		ide_raise(d);
		break;
	case 0x10: /* RECALIBRATE (obsolete, harmless) */
	case 0x91: /* INITIALIZE DEVICE PARAMETERS: geometry is fixed */
	case 0xe0: /* STANDBY IMMEDIATE */
	case 0xe1: /* IDLE IMMEDIATE */
	case 0xe7: /* FLUSH CACHE: writes are not cached */
	case 0xea: /* FLUSH CACHE EXT */
	case 0xef: /* SET FEATURES: transfer modes accepted */
		d->r.status = ST_DRDY | ST_DSC;
		ide_raise(d);
		break;
	default: /* IDENTIFY PACKET DEVICE, DMA and the rest: not here */
		ide_error(d, ERR_ABRT);
		break;
	}
}

/* 9.2/9.3: after SRST each device shows the ATA signature. */
static void ide_soft_reset(struct vide *d)
{
	d->r.count = 1;
	d->r.lba_lo = 1;
	d->r.lba_mid = 0;
	d->r.lba_hi = 0;
	d->r.device = 0;
	d->r.error = ERR_AMNF;
	d->r.status = ST_DRDY | ST_DSC;
	d->left = 0;
	d->len = d->pos = 0;
	d->intrq = false;
	ide_update_irq(d);
}

/* ---- registers -------------------------------------------------------- */

static uint8_t hob(const struct vide *d, uint8_t cur_v, uint8_t prev)
{
	return (d->devctl & CTL_HOB) ? prev : cur_v;
}

static uint8_t status(struct vide *d)
{
	if (!cur(d)->blk)
		return 0x00; /* nothing there: the bus reads 0 */
	return d->r.status;
}

static uint8_t reg_read(struct vide *d, unsigned int r)
{
	const struct vide_regs *x = &d->r;

	if (!cur(d)->blk && r != 6)
		return 0x00;
	switch (r) {
	case 1:
		return x->error;
	case 2:
		return hob(d, x->count, x->count_hob);
	case 3:
		return hob(d, x->lba_lo, x->lba_lo_hob);
	case 4:
		return hob(d, x->lba_mid, x->lba_mid_hob);
	case 5:
		return hob(d, x->lba_hi, x->lba_hi_hob);
	case 6:
		return x->device | 0xa0; /* bits 7, 5 obsolete, read 1 */
	default:
		/* Reading Status clears INTRQ (6.x Status register). */
		d->intrq = false;
		ide_update_irq(d);
		return status(d);
	}
}

static void push(uint8_t *v, uint8_t *prev, uint8_t n)
{
	*prev = *v;
	*v = n;
}

static void reg_write(struct vide *d, unsigned int r, uint8_t v)
{
	struct vide_regs *x = &d->r;

	/* Writing a command-block register clears HOB (6.20). */
	d->devctl &= (uint8_t)~CTL_HOB;
	switch (r) {
	case 1:
		push(&x->feature, &x->feature_hob, v);
		break;
	case 2:
		push(&x->count, &x->count_hob, v);
		break;
	case 3:
		push(&x->lba_lo, &x->lba_lo_hob, v);
		break;
	case 4:
		push(&x->lba_mid, &x->lba_mid_hob, v);
		break;
	case 5:
		push(&x->lba_hi, &x->lba_hi_hob, v);
		break;
	case 6:
		x->device = v & 0x5f;
		break;
	default:
		ide_command(d, v);
		break;
	}
}

static int ide_read(struct vdev *dev, unsigned int idx, uint64_t off,
		    unsigned int size, uint64_t *val)
{
	struct vide *d = (struct vide *)dev;

	if (idx == 1) { /* Alternate Status: INTRQ untouched */
		*val = status(d);
		return 0;
	}
	if (off == 0) {
		uint32_t v = data_read(d, size);

		*val = size == 4 ? v : v & ((1u << (8 * size)) - 1);
		return 0;
	}
	*val = reg_read(d, (unsigned int)off);
	return 0;
}

static int ide_write(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t val)
{
	struct vide *d = (struct vide *)dev;

	if (idx == 1) { /* Device Control */
		bool srst = val & CTL_SRST;

		if ((d->devctl & CTL_SRST) && !srst)
			ide_soft_reset(d);
		d->devctl = (uint8_t)val & (CTL_NIEN | CTL_SRST | CTL_HOB);
		if (srst) {
			d->r.status = ST_BSY;
			d->left = 0;
			d->len = d->pos = 0;
		}
		ide_update_irq(d);
		return 0;
	}
	if (off == 0)
		data_write(d, size, (uint32_t)val);
	else
		reg_write(d, (unsigned int)off, (uint8_t)val);
	return 0;
}

static const struct vdev_ops ide_ops = {
    .read = ide_read,
    .write = ide_write,
};

/* IDETIM bit 15 (config byte 41h bit 7) enables the primary ports. */
static void ide_cfg_written(struct vpci_dev *p, unsigned int off,
			    unsigned int size)
{
	struct vide *d =
	    (struct vide *)((char *)p - offsetof(struct vide, pci));
	bool on = p->cfg.data[0x41] & 0x80;

	(void)off;
	(void)size;
	d->dev.ranges[0].len = on ? 8 : 0;
	d->dev.ranges[1].len = on ? 1 : 0;
}

static bool blk_ok(const struct vblk_backend *b)
{
	return !b || (b->read && b->write && b->sectors);
}

int vide_init(struct vide *d, struct vdev_env *env,
	      const struct vblk_backend *master,
	      const struct vblk_backend *slave)
{
	memset(d, 0, sizeof(*d));
	vdev_init(&d->dev, &ide_ops, "ide", env);
	if (!blk_ok(master) || !blk_ok(slave) ||
	    vdev_add_range(&d->dev, VDEV_PIO, 0x1f0, 8,
			   VDEV_SZ1 | VDEV_SZ2 | VDEV_SZ4) < 0 ||
	    vdev_add_range(&d->dev, VDEV_PIO, 0x3f6, 1, VDEV_SZ1) < 0)
		return -VDEV_EINVAL;
	d->drive[0].blk = master;
	d->drive[1].blk = slave;
	/* PIIX3 IDE, compatibility mode, no bus master (prog-if 00h). */
	vpci_cfg_init(&d->pci.cfg, 0x8086, 0x7010, 0x010100, 0x00);
	for (unsigned int i = 0x40; i < 0x44; i++)
		d->pci.cfg.wmask[i] = 0xff;
	d->pci.cfg.data[0x41] = 0x80; /* primary decode on */
	d->pci.cfg_written = ide_cfg_written;
	ide_soft_reset(d);
	return 0;
}
