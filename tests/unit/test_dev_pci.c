// SPDX-License-Identifier: MIT
/* PCI: configuration mechanism #1 (PCI Local Bus Spec 3.0, 3.2.2.3.2),
 * the type 0 header (6.1, 6.2), BAR sizing (6.2.5.1), capabilities
 * (6.7) and the PIIX4 reset control register (4.1.17). */
#include <criterion/criterion.h>

#include <ksh/vdev_pci.h>

#include "test_dev_env.h"

static struct tenv t;
static struct vpci_host host;
static struct vpci_dev dev;
static unsigned int written_reg, written_calls;

static void on_write(struct vpci_dev *d, unsigned int off, unsigned int size)
{
	(void)d;
	(void)size;
	written_reg = off;
	written_calls++;
}

static void setup(void)
{
	tenv_init(&t, true);
	cr_assert_eq(vpci_host_init(&host, &t.env), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &host.dev), 0);
	vpci_cfg_init(&dev.cfg, 0x1234, 0x5678, 0x020000, 0x01);
	cr_assert_eq(vpci_cfg_set_bar(&dev.cfg, 0, 32, VPCI_BAR_IO), 0);
	cr_assert_eq(vpci_cfg_set_bar(&dev.cfg, 1, 4096, 0), 0);
	cr_assert_eq(vpci_cfg_set_bar(&dev.cfg, 2, 1 << 20,
				      VPCI_BAR_MEM64 | VPCI_BAR_PREFETCH),
		     0);
	vpci_cfg_set_irq(&dev.cfg, 1, 11);
	dev.cfg_written = on_write;
	written_calls = 0;
	cr_assert_eq(vpci_host_add(&host, &dev, 3 << 3), 0);
}

static uint32_t cfg_read(unsigned int devfn, unsigned int reg,
			 unsigned int size)
{
	tout(&t, 0xcf8, 4, 0x80000000u | devfn << 8 | (reg & 0xfc));
	return tin(&t, (uint16_t)(0xcfc + (reg & 3)), size);
}

static void cfg_write(unsigned int devfn, unsigned int reg, unsigned int size,
		      uint32_t v)
{
	tout(&t, 0xcf8, 4, 0x80000000u | devfn << 8 | (reg & 0xfc));
	tout(&t, (uint16_t)(0xcfc + (reg & 3)), size, v);
}

Test(dev_pci, host_bridge_at_00_00_0)
{
	setup();
	cr_assert_eq(cfg_read(0, 0x00, 4), 0x12378086);
	cr_assert_eq(cfg_read(0, 0x08, 4), 0x06000002, "class 06 00 00");
	cr_assert_eq(cfg_read(0, 0x0e, 1), 0x00, "header type 0");
	cfg_write(0, 0x04, 2, 0);
	cr_assert_eq(cfg_read(0, 0x04, 2), 0x0006, "fixed command");
}

/* CONFIG_ADDRESS: only DWORD accesses latch; bits 30-24 and 1-0 read 0;
 * other sizes are ordinary I/O. */
Test(dev_pci, config_address_register)
{
	setup();
	tout(&t, 0xcf8, 4, 0xff00ff07);
	cr_assert_eq(tin(&t, 0xcf8, 4), 0x8000ff04);
	tout(&t, 0xcf8, 1, 0x00);
	tout(&t, 0xcfa, 2, 0x0000);
	cr_assert_eq(tin(&t, 0xcf8, 4), 0x8000ff04);
	cr_assert_eq(tin(&t, 0xcf8, 1), 0xff);
	cr_assert_eq(tin(&t, 0xcfa, 2), 0xffff);
}

/* Master abort on absent functions, other buses, or enable clear. */
Test(dev_pci, absent_reads_all_ones)
{
	setup();
	cr_assert_eq(cfg_read(1 << 3, 0, 4), 0xffffffff);
	cr_assert_eq(cfg_read((3 << 3) | 1, 0, 4), 0xffffffff, "function 1");
	tout(&t, 0xcf8, 4, 0x80010000u | 3 << 11);
	cr_assert_eq(tin(&t, 0xcfc, 4), 0xffffffff, "bus 1");
	tout(&t, 0xcf8, 4, 3 << 11);
	cr_assert_eq(tin(&t, 0xcfc, 4), 0xffffffff, "enable bit clear");
	tout(&t, 0xcf8, 4, 0x80000000u | 1 << 11 | 0x3c);
	tout(&t, 0xcfc, 1, 0x05); /* goes nowhere */
	cr_assert_eq(cfg_read(3 << 3, 0, 4), 0x56781234);
}

/* CONFIG_DATA takes bytes and words at any offset within the DWORD. */
Test(dev_pci, byte_and_word_data)
{
	setup();
	cr_assert_eq(cfg_read(3 << 3, 0x00, 1), 0x34);
	cr_assert_eq(cfg_read(3 << 3, 0x01, 1), 0x12);
	cr_assert_eq(cfg_read(3 << 3, 0x02, 2), 0x5678);
	cr_assert_eq(cfg_read(3 << 3, 0x01, 2), 0x7812);
	cr_assert_eq(cfg_read(3 << 3, 0x0b, 1), 0x02, "class: network");
	cr_assert_eq(cfg_read(3 << 3, 0x3d, 1), 0x01, "INTA#");
	cr_assert_eq(cfg_read(3 << 3, 0x3c, 1), 11);
	cfg_write(3 << 3, 0x3c, 1, 10);
	cr_assert_eq(cfg_read(3 << 3, 0x3c, 1), 10);
	cfg_write(3 << 3, 0x3d, 1, 4);
	cr_assert_eq(cfg_read(3 << 3, 0x3d, 1), 0x01, "pin is read-only");
	cr_assert_eq(written_reg, 0x3d);
	cr_assert_eq(written_calls, 2);
}

/* 6.2.5.1: write all ones, read back ~(size - 1) with the type bits. */
Test(dev_pci, bar_sizing)
{
	setup();
	for (unsigned int b = 0; b < 6; b++)
		cfg_write(3 << 3, 0x10 + 4 * b, 4, 0xffffffff);
	cr_assert_eq(cfg_read(3 << 3, 0x10, 4), 0xffffffe1);
	cr_assert_eq(cfg_read(3 << 3, 0x14, 4), 0xfffff000);
	cr_assert_eq(cfg_read(3 << 3, 0x18, 4), 0xfff0000c);
	cr_assert_eq(cfg_read(3 << 3, 0x1c, 4), 0xffffffff);
	cr_assert_eq(cfg_read(3 << 3, 0x20, 4), 0x00000000, "no BAR4");
	cr_assert_eq(cfg_read(3 << 3, 0x30, 4), 0x00000000, "no ROM");
	cfg_write(3 << 3, 0x10, 4, 0xc001);
	cfg_write(3 << 3, 0x14, 4, 0xfebf1234);
	cfg_write(3 << 3, 0x18, 4, 0x00200000);
	cfg_write(3 << 3, 0x1c, 4, 0x00000001);
	cr_assert_eq(vpci_cfg_bar_addr(&dev.cfg, 0), 0xc000);
	cr_assert_eq(vpci_cfg_bar_addr(&dev.cfg, 1), 0xfebf1000);
	cr_assert_eq(vpci_cfg_bar_addr(&dev.cfg, 2), 0x100200000ull);

	struct vdev_range r;

	vpci_cfg_bar_range(&dev.cfg, 0, &r, VDEV_SZ1);
	cr_assert_eq(r.len, 0, "I/O decode off");
	cfg_write(3 << 3, 0x04, 2, VPCI_CMD_IO);
	vpci_cfg_bar_range(&dev.cfg, 0, &r, VDEV_SZ1);
	cr_assert_eq(r.space, VDEV_PIO);
	cr_assert_eq(r.base, 0xc000);
	cr_assert_eq(r.len, 32);
	vpci_cfg_bar_range(&dev.cfg, 1, &r, VDEV_SZ4);
	cr_assert_eq(r.len, 0, "memory decode off");
	cfg_write(3 << 3, 0x04, 2, VPCI_CMD_MEM);
	vpci_cfg_bar_range(&dev.cfg, 2, &r, VDEV_SZ4);
	cr_assert_eq(r.space, VDEV_MMIO);
	cr_assert_eq(r.base, 0x100200000ull);
	cr_assert_eq(r.len, 1 << 20);
}

/* Read-only IDs and class; writable command bits only; status error
 * bits cleared by writing 1 (6.2.3). */
Test(dev_pci, readonly_and_w1c)
{
	setup();
	cfg_write(3 << 3, 0x00, 4, 0);
	cr_assert_eq(cfg_read(3 << 3, 0x00, 4), 0x56781234);
	cfg_write(3 << 3, 0x08, 4, 0);
	cr_assert_eq(cfg_read(3 << 3, 0x08, 4), 0x02000001);
	cfg_write(3 << 3, 0x04, 2, 0xffff);
	cr_assert_eq(cfg_read(3 << 3, 0x04, 2), 0x0547);
	dev.cfg.data[0x07] |= 0x20 | 0x10; /* received master abort... */
	dev.cfg.data[0x06] |= 0x08;	   /* ...and interrupt status */
	cfg_write(3 << 3, 0x06, 2, 0x0000);
	cr_assert_eq(cfg_read(3 << 3, 0x06, 2), 0x3008);
	cfg_write(3 << 3, 0x06, 2, 0x2008);
	cr_assert_eq(cfg_read(3 << 3, 0x06, 2), 0x1008,
		     "only the written 1 clears; INTx status is read-only");
	cfg_write(3 << 3, 0x0c, 1, 0x10);
	cr_assert_eq(cfg_read(3 << 3, 0x0c, 1), 0x10, "cache line size");
}

/* 6.7: status bit 4, pointer at 34h, DWORD-aligned chain ending in 0. */
Test(dev_pci, capability_list)
{
	setup();
	cr_assert_eq(cfg_read(3 << 3, 0x06, 2) & 0x10, 0);
	cr_assert_eq(vpci_cfg_add_cap(&dev.cfg, 0x05, 10), 0x40);
	cr_assert_eq(vpci_cfg_add_cap(&dev.cfg, 0x09, 4), 0x4c);
	cr_assert_eq(cfg_read(3 << 3, 0x06, 2) & 0x10, 0x10);
	cr_assert_eq(cfg_read(3 << 3, 0x34, 1), 0x40);
	cr_assert_eq(cfg_read(3 << 3, 0x40, 2), 0x4c05);
	cr_assert_eq(cfg_read(3 << 3, 0x4c, 2), 0x0009);
	cfg_write(3 << 3, 0x34, 1, 0x80);
	cr_assert_eq(cfg_read(3 << 3, 0x34, 1), 0x40);
	/* filling the space ends with ENOSPC, never an overlap */
	int last = 0x4c, off;

	while ((off = vpci_cfg_add_cap(&dev.cfg, 0x09, 16)) > 0) {
		cr_assert_gt(off, last);
		cr_assert_leq(off + 16, 256);
		last = off;
	}
	cr_assert_eq(off, -VDEV_ENOSPC);
}

Test(dev_pci, bad_arguments)
{
	setup();
	struct vpci_cfg c;

	vpci_cfg_init(&c, 1, 2, 3, 4);
	cr_assert_eq(vpci_cfg_set_bar(&c, 0, 24, 0), -VDEV_EINVAL);
	cr_assert_eq(vpci_cfg_set_bar(&c, 0, 8, 0), -VDEV_EINVAL);
	cr_assert_eq(vpci_cfg_set_bar(&c, 0, 512, VPCI_BAR_IO), -VDEV_EINVAL);
	cr_assert_eq(vpci_cfg_set_bar(&c, 5, 4096, VPCI_BAR_MEM64),
		     -VDEV_EINVAL);
	cr_assert_eq(vpci_cfg_set_bar(&c, 6, 4096, 0), -VDEV_EINVAL);
	cr_assert_eq(vpci_cfg_read(&c, 254, 4), 0xffffffff);
	cr_assert_eq(vpci_cfg_read(&c, 0, 3), 0xffffffff);
	vpci_cfg_write(&c, 255, 2, 0);
	cr_assert_eq(vpci_host_add(&host, &dev, 5), -VDEV_EINVAL, "twice");
	struct vpci_dev other = {.cfg = c};

	cr_assert_eq(vpci_host_add(&host, &other, 3 << 3), -VDEV_EBUSY);
}

/* PIIX4 RC: a 0-to-1 transition of bit 2 resets; Linux's reboot=pci
 * writes 02h then 06h. */
Test(dev_pci, reset_control_cf9)
{
	setup();
	toutb(&t, 0xcf9, 0x02);
	cr_assert_eq(t.resets, 0);
	cr_assert_eq(tinb(&t, 0xcf9), 0x02);
	toutb(&t, 0xcf9, 0x06);
	cr_assert_eq(t.resets, 1);
	cr_assert_eq(host.resets, 1);
}
