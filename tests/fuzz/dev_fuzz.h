/* SPDX-License-Identifier: MIT */
/*
 * Shared machinery of the device-model fuzz harnesses: a whole emulated
 * PC platform (PIC, PIT, UART, RTC, PCI host with one PCI function whose
 * BARs move, POST port, i8042) on one vdev bus, a fake kernel around it,
 * and an interpreter that turns the fuzz input into port and MMIO
 * accesses, clock advances, timer ticks, received bytes and interrupt
 * acknowledges, checking invariants after every step. Each dev_*.c
 * harness picks the ports it aims at. Built with clang's libFuzzer for
 * `make fuzz-devices` and with the unit-test compiler for the replay
 * binaries `make check` runs.
 */
#ifndef KSH_DEV_FUZZ_H
#define KSH_DEV_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ksh/vdev.h>
#include <ksh/vdev_ide.h>
#include <ksh/vdev_legacy.h>
#include <ksh/vdev_ne2k.h>
#include <ksh/vdev_pci.h>
#include <ksh/vdev_pic.h>
#include <ksh/vdev_pit.h>
#include <ksh/vdev_rtc.h>
#include <ksh/vdev_uart.h>

#include "fuzz_input.h"

#define FZ_MEM_BASE   0x100000u
#define FZ_MEM_SIZE   0x2000u
#define FZ_TIME_LIMIT (1ull << 62)

#define FZ_CHECK(cond)                                                         \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: invariant failed: %s\n",       \
				__FILE__, __LINE__, #cond);                    \
			abort();                                               \
		}                                                              \
	} while (0)

/* A PCI function whose BARs become vdev ranges when programmed; a
 * DWORD write at BAR0 offset 0 starts a "DMA" through the checked
 * guest-memory accessor. */
struct fz_pcidev {
	struct vdev dev;
	struct vpci_dev pci;
	uint8_t regs[64];
	uint8_t dma[64];
};

struct fz_machine {
	struct vdev_env env;
	struct vdev_irq_chip rec; /* records lines, forwards to the PIC */
	struct vdev_bus bus;
	uint64_t now;
	uint8_t mem[FZ_MEM_SIZE];
	bool level[16];
	unsigned int resets;
	uint64_t mem_faults;
	uint8_t tx_budget; /* the UART backend takes this many, then stalls */
	struct vpic pic;
	struct vpit pit;
	struct vuart uart;
	struct vrtc rtc;
	struct vpci_host pci;
	struct fz_pcidev pdev;
	struct vpost post;
	struct vkbc kbc;
	struct vne2k ne;
	uint64_t frames_out;
	struct vide ide;
	uint8_t disk0[64 * VIDE_SECTOR];
	uint8_t disk1[8 * VIDE_SECTOR];
	bool disk_fail;
};

static struct fz_machine fz_m;

/* Block backends: the model may ask only for sectors the disk has. */
static int fz_blk_read(void *opaque, uint64_t lba, uint8_t *buf)
{
	const uint8_t *disk = opaque;
	uint64_t n = disk == fz_m.disk0 ? 64 : 8;

	FZ_CHECK(lba < n);
	if (fz_m.disk_fail)
		return -1;
	memcpy(buf, disk + lba * VIDE_SECTOR, VIDE_SECTOR);
	return 0;
}

static int fz_blk_write(void *opaque, uint64_t lba, const uint8_t *buf)
{
	uint8_t *disk = opaque;

	FZ_CHECK(disk == fz_m.disk0 && lba < 64);
	if (fz_m.disk_fail)
		return -1;
	memcpy(disk + lba * VIDE_SECTOR, buf, VIDE_SECTOR);
	return 0;
}

static const struct vblk_backend fz_disk0 = {
    .read = fz_blk_read,
    .write = fz_blk_write,
    .opaque = fz_m.disk0,
    .sectors = 64,
};

static const struct vblk_backend fz_disk1 = {
    .read = fz_blk_read,
    .write = fz_blk_write,
    .opaque = fz_m.disk1,
    .sectors = 8,
    .readonly = true,
};

static uint64_t fz_now(void *host)
{
	return ((struct fz_machine *)host)->now;
}

static bool fz_mapped(uint64_t gpa, size_t len)
{
	return gpa >= FZ_MEM_BASE && len <= FZ_MEM_SIZE &&
	       gpa - FZ_MEM_BASE <= FZ_MEM_SIZE - len;
}

static int fz_mem_read(void *host, uint64_t gpa, void *dst, size_t len)
{
	struct fz_machine *m = host;

	if (!fz_mapped(gpa, len)) {
		m->mem_faults++;
		return -VDEV_EFAULT;
	}
	memcpy(dst, m->mem + (gpa - FZ_MEM_BASE), len);
	return 0;
}

static int fz_mem_write(void *host, uint64_t gpa, const void *src, size_t len)
{
	struct fz_machine *m = host;

	if (!fz_mapped(gpa, len)) {
		m->mem_faults++;
		return -VDEV_EFAULT;
	}
	memcpy(m->mem + (gpa - FZ_MEM_BASE), src, len);
	return 0;
}

static void fz_reset(void *host)
{
	((struct fz_machine *)host)->resets++;
}

static const struct vdev_env_ops fz_env_ops = {
    .now_ns = fz_now,
    .mem_read = fz_mem_read,
    .mem_write = fz_mem_write,
    .reset = fz_reset,
};

static void fz_set_irq(struct vdev_irq_chip *chip, unsigned int line,
		       bool level)
{
	struct fz_machine *m =
	    (struct fz_machine *)((char *)chip -
				  offsetof(struct fz_machine, rec));

	FZ_CHECK(line < 16);
	m->level[line] = level;
	m->pic.chip.set_irq(&m->pic.chip, line, level);
}

static bool fz_tx(void *opaque, uint8_t b)
{
	struct fz_machine *m = opaque;

	(void)b;
	if (!m->tx_budget)
		return false;
	m->tx_budget--;
	return true;
}

static const struct vuart_chr fz_chr = {.tx = fz_tx, .opaque = &fz_m};

static void fz_net_tx(void *opaque, const uint8_t *frame, size_t len)
{
	struct fz_machine *m = opaque;

	FZ_CHECK(len >= 14 && len <= VNE2K_MAX_FRAME);
	FZ_CHECK(frame == m->ne.frame);
	m->frames_out++;
}

static const struct vnet_backend fz_net = {.tx = fz_net_tx, .opaque = &fz_m};

static int fz_pdev_read(struct vdev *dev, unsigned int idx, uint64_t off,
			unsigned int size, uint64_t *val)
{
	struct fz_pcidev *p = (struct fz_pcidev *)dev;
	uint64_t v = 0;

	FZ_CHECK(idx < 3 && off < dev->ranges[idx].len);
	FZ_CHECK(off + size <= dev->ranges[idx].len);
	for (unsigned int i = 0; i < size; i++)
		v |= (uint64_t)p->regs[(off + i) % sizeof(p->regs)] << (8 * i);
	*val = v;
	return 0;
}

static int fz_pdev_write(struct vdev *dev, unsigned int idx, uint64_t off,
			 unsigned int size, uint64_t val)
{
	struct fz_pcidev *p = (struct fz_pcidev *)dev;

	FZ_CHECK(idx < 3 && off < dev->ranges[idx].len);
	FZ_CHECK(off + size <= dev->ranges[idx].len);
	for (unsigned int i = 0; i < size; i++)
		p->regs[(off + i) % sizeof(p->regs)] =
		    (uint8_t)(val >> (8 * i));
	if (idx == 0 && off == 0 && size == 4) {
		size_t len = p->regs[4] % (sizeof(p->dma) + 1);

		if (p->regs[5] & 1)
			vdev_mem_write(dev, (uint32_t)val, p->dma, len);
		else
			vdev_mem_read(dev, (uint32_t)val, p->dma, len);
	}
	return 0;
}

static const struct vdev_ops fz_pdev_ops = {
    .read = fz_pdev_read,
    .write = fz_pdev_write,
};

static void fz_pdev_cfg_written(struct vpci_dev *d, unsigned int off,
				unsigned int size)
{
	struct fz_pcidev *p =
	    (struct fz_pcidev *)((char *)d - offsetof(struct fz_pcidev, pci));

	(void)off;
	(void)size;
	vpci_cfg_bar_range(&d->cfg, 0, &p->dev.ranges[0], VDEV_SZ1 | VDEV_SZ4);
	vpci_cfg_bar_range(&d->cfg, 1, &p->dev.ranges[1], VDEV_SZ_ALL);
	vpci_cfg_bar_range(&d->cfg, 2, &p->dev.ranges[2], VDEV_SZ_ALL);
}

static void fz_setup(struct fz_machine *m, int64_t epoch)
{
	struct vrtc_config rc = {.epoch_s = epoch,
				 .ram_below_4g = 512ull << 20,
				 .ram_above_4g = 1ull << 32};

	memset(m, 0, sizeof(*m));
	m->now = 1000000000ull;
	m->env.ops = &fz_env_ops;
	m->env.host = m;
	m->rec.set_irq = fz_set_irq;
	m->env.irq = &m->rec;
	vdev_bus_init(&m->bus, &m->env);
	FZ_CHECK(vpic_init(&m->pic, &m->env) == 0);
	FZ_CHECK(m->env.irq == &m->rec);
	FZ_CHECK(vpit_init(&m->pit, &m->env) == 0);
	FZ_CHECK(vuart_init(&m->uart, &m->env, 0x3f8, 4, &fz_chr) == 0);
	FZ_CHECK(vrtc_init(&m->rtc, &m->env, &rc) == 0);
	FZ_CHECK(vpci_host_init(&m->pci, &m->env) == 0);
	FZ_CHECK(vpost_init(&m->post, &m->env) == 0);
	FZ_CHECK(vkbc_init(&m->kbc, &m->env) == 0);

	vdev_init(&m->pdev.dev, &fz_pdev_ops, "fuzz-pci", &m->env);
	for (unsigned int i = 0; i < 3; i++)
		FZ_CHECK(vdev_add_range(&m->pdev.dev, VDEV_PIO, 0, 0,
					VDEV_SZ1) == (int)i);
	vpci_cfg_init(&m->pdev.pci.cfg, 0x1af4, 0x7fff, 0xff0000, 0);
	FZ_CHECK(vpci_cfg_set_bar(&m->pdev.pci.cfg, 0, 32, VPCI_BAR_IO) == 0);
	FZ_CHECK(vpci_cfg_set_bar(&m->pdev.pci.cfg, 1, 4096, 0) == 0);
	FZ_CHECK(vpci_cfg_set_bar(&m->pdev.pci.cfg, 2, 8192, VPCI_BAR_MEM64) ==
		 0);
	FZ_CHECK(vpci_cfg_add_cap(&m->pdev.pci.cfg, 0x05, 14) == 0x40);
	m->pdev.pci.cfg.wmask[0x42] = 0xff;
	vpci_cfg_set_irq(&m->pdev.pci.cfg, 1, 11);
	m->pdev.pci.cfg_written = fz_pdev_cfg_written;
	FZ_CHECK(vpci_host_add(&m->pci, &m->pdev.pci, 2 << 3) == 0);
	/* Programmed as firmware would leave them; the input may move
	 * them. */
	vpci_cfg_write(&m->pdev.pci.cfg, 0x10, 4, 0xc000);
	vpci_cfg_write(&m->pdev.pci.cfg, 0x14, 4, 0xfebf0000);
	vpci_cfg_write(&m->pdev.pci.cfg, 0x1c, 4, 1);
	vpci_cfg_write(&m->pdev.pci.cfg, 0x04, 2, VPCI_CMD_IO | VPCI_CMD_MEM);
	fz_pdev_cfg_written(&m->pdev.pci, 0x04, 2);

	static const uint8_t mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};

	FZ_CHECK(vne2k_init(&m->ne, &m->env, mac, 10, &fz_net) == 0);
	FZ_CHECK(vpci_host_add(&m->pci, &m->ne.pci, 4 << 3) == 0);
	vpci_cfg_write(&m->ne.pci.cfg, 0x10, 4, 0xc100);
	vpci_cfg_write(&m->ne.pci.cfg, 0x04, 2, VPCI_CMD_IO);
	m->ne.pci.cfg_written(&m->ne.pci, 0x04, 2);

	FZ_CHECK(vdev_bus_attach(&m->bus, &m->pic.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->pit.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->uart.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->rtc.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->pci.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->post.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->kbc.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->pdev.dev) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->ne.dev) == 0);
	FZ_CHECK(vide_init(&m->ide, &m->env, &fz_disk0, &fz_disk1) == 0);
	FZ_CHECK(vpci_host_add(&m->pci, &m->ide.pci, 1 << 3 | 1) == 0);
	FZ_CHECK(vdev_bus_attach(&m->bus, &m->ide.dev) == 0);
}

/* ---- invariants ---------------------------------------------------- */

static void fz_check_pic(struct fz_machine *m)
{
	for (unsigned int c = 0; c < 2; c++) {
		const struct vpic_chip *p = &m->pic.pic[c];
		uint8_t lvl = p->ltim ? 0xff : p->elcr;

		FZ_CHECK(p->init_step == 0 ||
			 (p->init_step >= 2 && p->init_step <= 4));
		FZ_CHECK(p->lowest < 8);
		FZ_CHECK((p->vector_base & 7) == 0);
		FZ_CHECK((p->elcr & ~p->elcr_mask) == 0);
		for (unsigned int i = 0; i < 8; i++) {
			unsigned int line = c * 8 + i;
			bool in = p->lines & (1u << i);

			if (line == 2)
				continue; /* the cascade, not a device line */
			/* The controller saw exactly what was driven. */
			FZ_CHECK(in == m->level[line]);
			/* A level-triggered request is its line. */
			if (lvl & (1u << i))
				FZ_CHECK(!!(p->irr & (1u << i)) == in);
		}
	}
	/* The master's IR2 is the slave's INT output. */
	FZ_CHECK(!!(m->pic.pic[0].irr & 4) == !!(m->pic.pic[0].lines & 4));
}

static void fz_check(struct fz_machine *m)
{
	const struct vuart *u = &m->uart;
	const struct vkbc *k = &m->kbc;

	fz_check_pic(m);
	/* UART FIFOs within bounds and the IRQ line as the model says. */
	FZ_CHECK(u->rx.count <= VUART_FIFO_SIZE);
	FZ_CHECK(u->tx.count <= VUART_FIFO_SIZE);
	FZ_CHECK(u->rx.head < VUART_FIFO_SIZE && u->tx.head < VUART_FIFO_SIZE);
	if (!(u->fcr & 1)) {
		FZ_CHECK(u->rx.count <= 1);
		FZ_CHECK(u->tx.count <= 1);
	}
	FZ_CHECK(u->irq_level == m->level[4]);
	FZ_CHECK(u->ier <= 0x0f && u->mcr <= 0x1f);
	/* PIT: decoded control words only. */
	for (unsigned int c = 0; c < 3; c++) {
		FZ_CHECK(m->pit.ch[c].mode <= 5);
		FZ_CHECK(m->pit.ch[c].rw <= 3);
	}
	/* RTC: 7-bit index, only PF/AF/UF latched, IRQ8 as the model
	 * says. */
	FZ_CHECK(m->rtc.index < 128);
	FZ_CHECK((m->rtc.flags & ~0x70) == 0);
	FZ_CHECK(m->rtc.irq_level == m->level[8]);
	/* i8042 */
	FZ_CHECK(k->qlen <= VKBC_QUEUE);
	FZ_CHECK(k->irq1 == m->level[1] && k->irq12 == m->level[12]);
	FZ_CHECK(k->outport & 1);
	/* PCI BAR ranges: either off or exactly the BAR. */
	for (unsigned int i = 0; i < 3; i++) {
		const struct vdev_range *r = &m->pdev.dev.ranges[i];

		FZ_CHECK(r->len == 0 || r->len == m->pdev.pci.cfg.bar_size[i]);
	}
	FZ_CHECK((m->pci.config_address & 0x7f000003u) == 0);
	/* NE2000: INTx is ISR & IMR unless disabled; the window is the
	 * BAR or nothing. */
	FZ_CHECK(m->ne.irq_level == m->level[10]);
	FZ_CHECK(m->ne.irq_level ==
		 (!!(m->ne.isr & m->ne.imr & 0x7f) &&
		  !(vpci_cfg_command(&m->ne.pci.cfg) & VPCI_CMD_INTX_DISABLE)));
	FZ_CHECK(m->ne.dev.ranges[0].len == 0 || m->ne.dev.ranges[0].len == 32);
	/* IDE: the transfer stays inside its buffer; DRQ only with data. */
	FZ_CHECK(m->ide.pos <= m->ide.len && m->ide.len <= sizeof(m->ide.buf));
	FZ_CHECK(m->ide.block <= 16);
	FZ_CHECK(!(m->ide.r.status & 0x08) || m->ide.pos < m->ide.len);
	FZ_CHECK(m->ide.irq_level == m->level[14]);
}

/* ---- the interpreter ------------------------------------------------ */

/* Two bytes, low first: one call per byte so the order of reading does
 * not depend on the compiler (libFuzzer and replay builds differ). */
static uint16_t fz_u16(struct fz_input *in)
{
	uint16_t lo = fz_u8(in);

	return (uint16_t)(lo | fz_u8(in) << 8);
}

static unsigned int fz_size(uint8_t b)
{
	static const uint8_t sizes[4] = {1, 1, 2, 4};

	return sizes[b & 3];
}

/* The kernel's side of a timer interrupt: tick, then the next deadline
 * must lie in the future or the kernel would spin. */
static void fz_tick(struct fz_machine *m)
{
	vdev_bus_tick(&m->bus);
	FZ_CHECK(vdev_bus_next_deadline(&m->bus) > m->now);
}

static void fz_advance(struct fz_machine *m, uint64_t ns)
{
	/* Jump in steps no longer than the next deadline, as a kernel
	 * whose timer fires on time would. */
	uint64_t target = m->now + ns;

	if (target > FZ_TIME_LIMIT)
		target = FZ_TIME_LIMIT;
	for (unsigned int guard = 0; guard < 64 && m->now < target; guard++) {
		uint64_t d = vdev_bus_next_deadline(&m->bus);

		m->now = d < target ? d : target;
		fz_tick(m);
	}
	m->now = target;
}

/* The injector: if the PIC asserts INT, take the vector. */
static void fz_ack(struct fz_machine *m)
{
	uint8_t master = m->pic.pic[0].vector_base;
	uint8_t slave = m->pic.pic[1].vector_base;
	uint8_t v;

	if (!vpic_has_interrupt(&m->pic))
		return;
	v = vpic_ack(&m->pic);
	FZ_CHECK((v & 0xf8) == master || (v & 0xf8) == slave);
}

static void fz_mmio(struct fz_machine *m, struct fz_input *in, bool write)
{
	static const uint8_t sizes[4] = {1, 2, 4, 8};
	unsigned int bar = 1 + (fz_u8(in) & 1);
	uint64_t gpa =
	    vpci_cfg_bar_addr(&m->pdev.pci.cfg, bar) + (fz_u8(in) % 0x40) - 8;
	unsigned int size = sizes[fz_u8(in) & 3];
	uint64_t v = 0;

	if (write)
		vdev_bus_mmio_write(&m->bus, gpa, size, fz_u32(in));
	else
		FZ_CHECK(vdev_bus_mmio_read(&m->bus, gpa, size, &v) != 0 ||
			 size == 8 || v >> (8 * size) == 0);
}

/* A frame from the network for the NE2000: to us, broadcast, multicast
 * or elsewhere, of any length around the legal ones. */
static void fz_frame(struct fz_machine *m, struct fz_input *in)
{
	static const uint8_t dsts[4][6] = {
	    {0x52, 0x54, 0x00, 0x12, 0x34, 0x56},
	    {0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
	    {0x01, 0x00, 0x5e, 0x00, 0x00, 0x01},
	    {0x02, 0x00, 0x00, 0x00, 0x00, 0x07},
	};
	static uint8_t f[VNE2K_MAX_FRAME + 8];
	uint8_t sel = fz_u8(in);
	size_t len = (size_t)fz_u8(in) * 6 + (sel >> 2);

	if (len > sizeof(f))
		len = sizeof(f);
	memset(f, sel, sizeof(f));
	memcpy(f, dsts[sel & 3], 6);
	vne2k_rx(&m->ne, f, len);
}

/* Bridge, IDE, fuzz device, NE2000. */
static const uint8_t fz_devfns[4] = {0x00, 0x09, 0x10, 0x20};

/*
 * Runs the input. `ports` are the ports the harness aims at; a few ops
 * reach any port so interactions between models are covered too.
 */
static void fz_run(const uint8_t *data, size_t size, const uint16_t *ports,
		   size_t nports)
{
	struct fz_machine *m = &fz_m;
	struct fz_input in = {data, size};
	int64_t epoch = (int64_t)(fz_u32(&in) % 4102444800u);

	fz_setup(m, epoch);
	fz_check(m);
	while (in.n) {
		uint8_t op = fz_u8(&in);
		uint16_t port = ports[fz_u8(&in) % nports];
		uint32_t v;

		switch (op % 13) {
		case 0:
		case 1:
			vdev_bus_pio_write(&m->bus, port, fz_size(op >> 4),
					   fz_u16(&in));
			break;
		case 2:
		case 3:
			vdev_bus_pio_read(&m->bus, port, fz_size(op >> 4), &v);
			break;
		case 4:
			port = fz_u16(&in);
			if (op & 0x10)
				vdev_bus_pio_write(&m->bus, port,
						   fz_size(op >> 5),
						   fz_u32(&in));
			else
				vdev_bus_pio_read(&m->bus, port,
						  fz_size(op >> 5), &v);
			break;
		case 5: {
			/* Up to ~2^40 ns: from sub-tick to days. */
			uint64_t ns = fz_u8(&in) + 1u;

			fz_advance(m, ns << (fz_u8(&in) % 41));
			break;
		}
		case 6:
			fz_tick(m);
			break;
		case 7:
			if (vuart_rx_room(&m->uart) || (op & 0x80))
				vuart_rx(&m->uart, fz_u8(&in));
			break;
		case 8:
			fz_ack(m);
			break;
		case 9:
			fz_mmio(m, &in, op & 0x10);
			break;
		case 10:
			m->tx_budget = fz_u8(&in);
			vuart_tx_kick(&m->uart);
			m->disk_fail = m->tx_budget == 0xff;
			break;
		case 11:
			fz_frame(m, &in);
			break;
		default:
			/* A DWORD to CONFIG_ADDRESS for one of the
			 * functions, then a data access. */
			vdev_bus_pio_write(&m->bus, 0xcf8, 4,
					   0x80000000u |
					       fz_devfns[(op >> 4) & 3] << 8 |
					       (fz_u8(&in) & 0xfc));
			vdev_bus_pio_write(&m->bus,
					   (uint16_t)(0xcfc + (op >> 6)),
					   fz_size(op >> 5), fz_u32(&in));
			break;
		}
#ifdef FZ_TRACE
		/* Replay debugging: cc -DFZ_TRACE ... */
		fprintf(stderr,
			"op %3u port %#x | m irr %02x isr %02x imr %02x "
			"elcr %02x lines %02x ltim %d | s irr %02x isr %02x "
			"imr %02x elcr %02x lines %02x ltim %d\n",
			op, port, m->pic.pic[0].irr, m->pic.pic[0].isr,
			m->pic.pic[0].imr, m->pic.pic[0].elcr,
			m->pic.pic[0].lines, m->pic.pic[0].ltim,
			m->pic.pic[1].irr, m->pic.pic[1].isr, m->pic.pic[1].imr,
			m->pic.pic[1].elcr, m->pic.pic[1].lines,
			m->pic.pic[1].ltim);
#endif
		fz_check(m);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
