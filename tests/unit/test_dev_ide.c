// SPDX-License-Identifier: MIT
/* IDE PIO: checked against ATA/ATAPI-6 (T13/1410D) sections named in
 * each test, driven as Linux's libata SFF code drives it. */
#include <criterion/criterion.h>

#include <ksh/vdev_ide.h>

#include "test_dev_env.h"

#define DISK_SECTORS 20000

static struct tenv t;
static struct vide ide;
static uint8_t disk[DISK_SECTORS * 512ull];
static bool fail_io;

static int blk_read(void *opaque, uint64_t lba, uint8_t *buf)
{
	(void)opaque;
	if (fail_io)
		return -1;
	memcpy(buf, disk + lba * 512, 512);
	return 0;
}

static int blk_write(void *opaque, uint64_t lba, const uint8_t *buf)
{
	(void)opaque;
	if (fail_io)
		return -1;
	memcpy(disk + lba * 512, buf, 512);
	return 0;
}

static struct vblk_backend blk = {
    .read = blk_read, .write = blk_write, .sectors = DISK_SECTORS};

static void setup(void)
{
	tenv_init(&t, true);
	fail_io = false;
	blk.readonly = false;
	for (size_t i = 0; i < sizeof(disk); i++)
		disk[i] = (uint8_t)(i / 512 + i);
	cr_assert_eq(vide_init(&ide, &t.env, &blk, NULL), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &ide.dev), 0);
}

static uint8_t st(void)
{
	return tinb(&t, 0x1f7);
}

static void lba28(uint32_t lba, uint8_t count)
{
	toutb(&t, 0x1f2, count);
	toutb(&t, 0x1f3, (uint8_t)lba);
	toutb(&t, 0x1f4, (uint8_t)(lba >> 8));
	toutb(&t, 0x1f5, (uint8_t)(lba >> 16));
	toutb(&t, 0x1f6, (uint8_t)(0xe0 | ((lba >> 24) & 0x0f)));
}

static void read_block(uint8_t *p, size_t bytes)
{
	for (size_t i = 0; i < bytes; i += 2) {
		uint32_t w = tin(&t, 0x1f0, 2);

		p[i] = (uint8_t)w;
		p[i + 1] = (uint8_t)(w >> 8);
	}
}

/* 9.3: after reset the device shows the ATA signature, DRDY. */
Test(dev_ide, signature_after_reset)
{
	setup();
	toutb(&t, 0x3f6, 0x04);
	cr_assert_eq(tinb(&t, 0x3f6) & 0x80, 0x80, "BSY during SRST");
	toutb(&t, 0x3f6, 0x00);
	cr_assert_eq(st(), 0x50);
	cr_assert_eq(tinb(&t, 0x1f1), 0x01, "diagnostics passed");
	cr_assert_eq(tinb(&t, 0x1f2), 0x01);
	cr_assert_eq(tinb(&t, 0x1f3), 0x01);
	cr_assert_eq(tinb(&t, 0x1f4), 0x00);
	cr_assert_eq(tinb(&t, 0x1f5), 0x00);
	toutb(&t, 0x1f6, 0xb0); /* slave: absent */
	cr_assert_eq(st(), 0x00);
	toutb(&t, 0x1f7, 0xec);
	cr_assert_not(t.level[14], "absent drive does not answer");
}

/* 8.15 IDENTIFY DEVICE: 256 words, strings byte-swapped, capacity. */
Test(dev_ide, identify)
{
	uint8_t id[512];

	setup();
	toutb(&t, 0x1f6, 0xa0);
	toutb(&t, 0x1f7, 0xec);
	cr_assert(t.level[14]);
	cr_assert_eq(tinb(&t, 0x3f6), 0x58, "DRDY DSC DRQ");
	cr_assert(t.level[14], "alternate status leaves INTRQ");
	cr_assert_eq(st(), 0x58);
	cr_assert_not(t.level[14], "status read clears INTRQ");
	read_block(id, sizeof(id));
	cr_assert_eq(st(), 0x50);
	/* word 27 on: first character in the high byte of each word */
	static const char model[] = "KSH VIRTUAL DISK    ";

	for (unsigned int i = 0; i < 20; i++)
		cr_assert_eq(id[54 + (i ^ 1)], model[i], "model char %u", i);
	cr_assert_eq(id[120] | id[121] << 8 | id[122] << 16 | id[123] << 24,
		     DISK_SECTORS);
	cr_assert_eq(id[200] | id[201] << 8, DISK_SECTORS);
	cr_assert_eq((id[166] | id[167] << 8) & 0x0400, 0x0400, "LBA48");
	cr_assert_eq((id[98] | id[99] << 8) & 0x0200, 0x0200, "LBA");
	cr_assert_eq(id[94], 16, "max multiple");
}

/* 8.34 + 9.5: READ SECTORS, INTRQ per sector, DRQ off at the end. */
Test(dev_ide, read_sectors)
{
	uint8_t buf[512];

	setup();
	lba28(1000, 3);
	toutb(&t, 0x1f7, 0x20);
	for (int s = 0; s < 3; s++) {
		cr_assert(t.level[14], "sector %d", s);
		cr_assert_eq(st(), 0x58);
		read_block(buf, sizeof(buf));
		cr_assert_eq(memcmp(buf, disk + (1000 + s) * 512ull, 512), 0);
	}
	cr_assert_eq(st(), 0x50);
	cr_assert_not(t.level[14]);
	cr_assert_eq(ide.sectors_read, 3);
	cr_assert_eq(tin(&t, 0x1f0, 2), 0xffff, "no data outside DRQ");
}

/* 8.62 + 9.6: WRITE SECTORS: DRQ without INTRQ for the first block,
 * INTRQ for each further block and at completion. 32-bit data I/O. */
Test(dev_ide, write_sectors)
{
	setup();
	lba28(7, 2);
	toutb(&t, 0x1f7, 0x30);
	cr_assert_not(t.level[14]);
	cr_assert_eq(tinb(&t, 0x3f6), 0x58);
	for (int s = 0; s < 2; s++) {
		for (int i = 0; i < 128; i++)
			tout(&t, 0x1f0, 4,
			     0xa5a50000u | (uint32_t)(s * 128 + i));
		cr_assert(t.level[14]);
		st();
	}
	cr_assert_eq(st(), 0x50);
	cr_assert_eq(disk[7 * 512], 0x00);
	cr_assert_eq(disk[7 * 512 + 3], 0xa5);
	cr_assert_eq(disk[8 * 512 + 4], 129 & 0xff);
	cr_assert_eq(ide.sectors_written, 2);
}

/* 6.20, 8.35: the 48-bit LBA comes from the HOB (previous) register
 * contents; HOB in device control reads them back. */
Test(dev_ide, lba48)
{
	uint8_t buf[512];
	uint64_t lba = 0x4321;

	setup();
	toutb(&t, 0x1f2, 0x00); /* count 15:8 */
	toutb(&t, 0x1f2, 0x01);
	toutb(&t, 0x1f3, 0x00); /* LBA 31:24 */
	toutb(&t, 0x1f3, (uint8_t)lba);
	toutb(&t, 0x1f4, 0x00);
	toutb(&t, 0x1f4, (uint8_t)(lba >> 8));
	toutb(&t, 0x1f5, 0x00);
	toutb(&t, 0x1f5, 0x00);
	toutb(&t, 0x1f6, 0x40);
	toutb(&t, 0x3f6, 0x80);
	cr_assert_eq(tinb(&t, 0x1f2), 0x00, "HOB: previous count");
	toutb(&t, 0x3f6, 0x00);
	cr_assert_eq(tinb(&t, 0x1f2), 0x01);
	toutb(&t, 0x1f7, 0x24);
	cr_assert_eq(st(), 0x58);
	read_block(buf, sizeof(buf));
	cr_assert_eq(memcmp(buf, disk + lba * 512, 512), 0);
	cr_assert_eq(st(), 0x50);
	/* beyond the end: IDNF */
	toutb(&t, 0x1f3, 0x01); /* LBA 31:24 = 1: far out */
	toutb(&t, 0x1f3, 0x00);
	toutb(&t, 0x1f7, 0x24);
	cr_assert_eq(st(), 0x51);
	cr_assert_eq(tinb(&t, 0x1f1), 0x10);
}

/* 8.39/8.27: READ MULTIPLE needs SET MULTIPLE MODE; then one INTRQ per
 * block of `mult` sectors. */
Test(dev_ide, read_multiple)
{
	uint8_t buf[4 * 512];

	setup();
	lba28(0, 6);
	toutb(&t, 0x1f7, 0xc4);
	cr_assert_eq(st(), 0x51, "multiple mode off: aborted");
	cr_assert_eq(tinb(&t, 0x1f1), 0x04);
	toutb(&t, 0x1f2, 3);
	toutb(&t, 0x1f7, 0xc6);
	cr_assert_eq(st(), 0x51, "3 is not a power of two");
	toutb(&t, 0x1f2, 4);
	toutb(&t, 0x1f7, 0xc6);
	cr_assert_eq(st(), 0x50);
	lba28(100, 6);
	toutb(&t, 0x1f7, 0xc4);
	cr_assert_eq(st(), 0x58);
	read_block(buf, 4 * 512);
	cr_assert_eq(memcmp(buf, disk + 100 * 512, 4 * 512), 0);
	cr_assert(t.level[14], "second block");
	cr_assert_eq(st(), 0x58);
	read_block(buf, 2 * 512);
	cr_assert_eq(memcmp(buf, disk + 104 * 512, 2 * 512), 0);
	cr_assert_eq(st(), 0x50);
}

/* CHS addressing with the reported geometry (16 heads, 63 sectors). */
Test(dev_ide, chs_address)
{
	uint8_t buf[512];

	setup();
	toutb(&t, 0x1f2, 1);
	toutb(&t, 0x1f3, 5); /* sector 5 */
	toutb(&t, 0x1f4, 2); /* cylinder 2 */
	toutb(&t, 0x1f5, 0);
	toutb(&t, 0x1f6, 0xa3); /* head 3, CHS */
	toutb(&t, 0x1f7, 0x20);
	read_block(buf, sizeof(buf));
	cr_assert_eq(memcmp(buf, disk + ((2 * 16 + 3) * 63 + 4) * 512ull, 512),
		     0);
}

/* nIEN masks INTRQ; errors abort with ABRT/UNC; a read-only disk
 * refuses writes; unknown commands abort. */
Test(dev_ide, errors_and_nien)
{
	setup();
	toutb(&t, 0x3f6, 0x02);
	lba28(0, 1);
	toutb(&t, 0x1f7, 0x20);
	cr_assert_not(t.level[14]);
	toutb(&t, 0x3f6, 0x00);
	cr_assert(t.level[14]);
	read_block((uint8_t[512]){0}, 512);
	fail_io = true;
	toutb(&t, 0x1f7, 0x20);
	cr_assert_eq(st(), 0x51);
	cr_assert_eq(tinb(&t, 0x1f1), 0x40, "UNC");
	fail_io = false;
	blk.readonly = true;
	toutb(&t, 0x1f7, 0x30);
	cr_assert_eq(st(), 0x51);
	cr_assert_eq(tinb(&t, 0x1f1), 0x04);
	toutb(&t, 0x1f7, 0xa1); /* IDENTIFY PACKET DEVICE */
	cr_assert_eq(st(), 0x51);
	toutb(&t, 0x1f7, 0xe7);
	cr_assert_eq(st(), 0x50, "FLUSH CACHE");
	toutb(&t, 0x1f7, 0xe5);
	cr_assert_eq(tinb(&t, 0x1f2), 0xff, "active");
}

/* PIIX3 IDE function: class 01 01 00, IDETIM bit 15 gates the ports. */
Test(dev_ide, pci_function)
{
	setup();
	cr_assert_eq(vpci_cfg_read(&ide.pci.cfg, 0, 4), 0x70108086);
	cr_assert_eq(vpci_cfg_read(&ide.pci.cfg, 0x08, 4) >> 8, 0x010100);
	cr_assert_eq(vpci_cfg_read(&ide.pci.cfg, 0x41, 1), 0x80);
	vpci_cfg_write(&ide.pci.cfg, 0x40, 2, 0x0000);
	ide.pci.cfg_written(&ide.pci, 0x40, 2);
	cr_assert_eq(st(), 0xff, "decode off");
	vpci_cfg_write(&ide.pci.cfg, 0x40, 2, 0x8000);
	ide.pci.cfg_written(&ide.pci, 0x40, 2);
	cr_assert_eq(st(), 0x50);
	struct vblk_backend bad = {.read = blk_read};

	cr_assert_eq(vide_init(&ide, &t.env, &bad, NULL), -VDEV_EINVAL);
}
