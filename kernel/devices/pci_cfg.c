// SPDX-License-Identifier: MIT
/*
 * PCI configuration space of an emulated function.
 *
 * Reference: PCI Local Bus Specification 3.0: 6.1 "Configuration Space
 * Organization" (reads of unimplemented registers return 0), 6.2.1
 * "Device Identification", 6.2.2 "Device Control" (Command), 6.2.3
 * "Device Status" (error bits are cleared by writing 1), 6.2.4
 * "Miscellaneous Registers" (interrupt line/pin), 6.2.5.1 "Address
 * Maps" (BAR sizing: write all ones, read back, the low bits give the
 * type), 6.7 "Capabilities List".
 */
#include <ksh/nospec.h>
#include <ksh/vdev_pci.h>

#include "vdev_string.h"

enum {
	CFG_VENDOR = 0x00,
	CFG_DEVICE = 0x02,
	CFG_COMMAND = 0x04,
	CFG_STATUS = 0x06,
	CFG_REVISION = 0x08,
	CFG_CLASS = 0x09,
	CFG_CACHE_LINE = 0x0c,
	CFG_LATENCY = 0x0d,
	CFG_BAR0 = 0x10,
	CFG_CAP_PTR = 0x34,
	CFG_INT_LINE = 0x3c,
	CFG_INT_PIN = 0x3d,
	CFG_CAP_START = 0x40,
};

static void put(uint8_t *p, unsigned int size, uint32_t v)
{
	for (unsigned int i = 0; i < size; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get(const uint8_t *p, unsigned int size)
{
	uint32_t v = 0;

	for (unsigned int i = 0; i < size; i++)
		v |= (uint32_t)p[i] << (8 * i);
	return v;
}

void vpci_cfg_init(struct vpci_cfg *c, uint16_t vendor, uint16_t device,
		   uint32_t class_code, uint8_t revision)
{
	memset(c, 0, sizeof(*c));
	put(&c->data[CFG_VENDOR], 2, vendor);
	put(&c->data[CFG_DEVICE], 2, device);
	c->data[CFG_REVISION] = revision;
	put(&c->data[CFG_CLASS], 3, class_code);
	put(&c->wmask[CFG_COMMAND], 2,
	    VPCI_CMD_IO | VPCI_CMD_MEM | VPCI_CMD_MASTER | VPCI_CMD_PARITY |
		VPCI_CMD_SERR | VPCI_CMD_INTX_DISABLE);
	/* Status 15-11 (parity, SERR, master/target aborts) and 8 (master
	 * data parity error) are write-1-to-clear. */
	put(&c->w1c[CFG_STATUS], 2, 0xf900);
	c->wmask[CFG_CACHE_LINE] = 0xff;
	c->wmask[CFG_LATENCY] = 0xff;
	c->wmask[CFG_INT_LINE] = 0xff;
	c->cap_end = CFG_CAP_START;
}

static bool pow2(uint64_t v)
{
	return v && !(v & (v - 1));
}

int vpci_cfg_set_bar(struct vpci_cfg *c, unsigned int bar, uint64_t size,
		     unsigned int type)
{
	bool io = type & VPCI_BAR_IO, is64 = type & VPCI_BAR_MEM64;
	unsigned int off = CFG_BAR0 + 4 * bar;
	uint64_t mask;

	if (bar >= VPCI_NUM_BARS || !pow2(size) ||
	    (io && (type & ~VPCI_BAR_IO)) || (io && (size < 4 || size > 256)) ||
	    (!io && size < 16) || (is64 && bar + 1 >= VPCI_NUM_BARS) ||
	    (!is64 && size > 0x80000000u))
		return -VDEV_EINVAL;
	c->bar_size[bar] = size;
	mask = ~(size - 1);
	/* The low bits hold the type, read-only; the address bits below
	 * the size read as zero, which is what sizing reads back. */
	put(&c->data[off], 4, type);
	put(&c->wmask[off], 4, (uint32_t)mask & (io ? ~3u : ~15u));
	if (is64) {
		put(&c->data[off + 4], 4, 0);
		put(&c->wmask[off + 4], 4, (uint32_t)(mask >> 32));
		c->bar_size[bar + 1] = 0;
	}
	return 0;
}

int vpci_cfg_add_cap(struct vpci_cfg *c, uint8_t id, unsigned int len)
{
	unsigned int off = c->cap_end, end;

	/* cap_end is 0 once the space is used up. */
	if (off < CFG_CAP_START || len < 2 || len > VPCI_CFG_SIZE ||
	    off + len > VPCI_CFG_SIZE)
		return -VDEV_ENOSPC;
	c->data[off] = id;
	c->data[off + 1] = 0;
	if (c->cap_last)
		c->data[c->cap_last + 1] = (uint8_t)off;
	else
		c->data[CFG_CAP_PTR] = (uint8_t)off;
	c->data[CFG_STATUS] |= VPCI_STATUS_CAP_LIST;
	c->cap_last = (uint8_t)off;
	/* Capabilities are DWORD aligned (6.7). */
	end = (off + len + 3) & ~3u;
	c->cap_end = end < VPCI_CFG_SIZE ? (uint8_t)end : 0;
	return (int)off;
}

void vpci_cfg_set_irq(struct vpci_cfg *c, uint8_t pin, uint8_t line)
{
	c->data[CFG_INT_PIN] = pin;
	c->data[CFG_INT_LINE] = line;
}

static bool range_ok(unsigned int off, unsigned int size)
{
	return (size == 1 || size == 2 || size == 4) &&
	       off + size <= VPCI_CFG_SIZE;
}

uint32_t vpci_cfg_read(const struct vpci_cfg *c, unsigned int off,
		       unsigned int size)
{
	if (!range_ok(off, size))
		return ~0u;
	/* A guest-chosen offset: clamped on every path (ksh/nospec.h). */
	off = (unsigned int)ksh_index_nospec(off, VPCI_CFG_SIZE - size + 1);
	return get(&c->data[off], size);
}

void vpci_cfg_write(struct vpci_cfg *c, unsigned int off, unsigned int size,
		    uint32_t val)
{
	if (!range_ok(off, size))
		return;
	for (unsigned int i = 0; i < size; i++) {
		unsigned int o =
		    (unsigned int)ksh_index_nospec(off + i, VPCI_CFG_SIZE);
		uint8_t v = (uint8_t)(val >> (8 * i));

		c->data[o] =
		    (uint8_t)((c->data[o] & ~c->wmask[o]) | (v & c->wmask[o]));
		c->data[o] &= (uint8_t) ~(v & c->w1c[o]);
	}
}

uint16_t vpci_cfg_command(const struct vpci_cfg *c)
{
	return (uint16_t)get(&c->data[CFG_COMMAND], 2);
}

uint64_t vpci_cfg_bar_addr(const struct vpci_cfg *c, unsigned int bar)
{
	unsigned int off = CFG_BAR0 + 4 * bar;
	uint32_t lo;

	if (bar >= VPCI_NUM_BARS || !c->bar_size[bar])
		return 0;
	lo = get(&c->data[off], 4);
	if (lo & VPCI_BAR_IO)
		return lo & ~3u;
	if (lo & VPCI_BAR_MEM64)
		return (uint64_t)get(&c->data[off + 4], 4) << 32 | (lo & ~15u);
	return lo & ~15u;
}

void vpci_cfg_bar_range(const struct vpci_cfg *c, unsigned int bar,
			struct vdev_range *r, uint8_t sizes)
{
	uint64_t addr = vpci_cfg_bar_addr(c, bar);
	bool io =
	    bar < VPCI_NUM_BARS && (c->data[CFG_BAR0 + 4 * bar] & VPCI_BAR_IO);
	uint16_t cmd = vpci_cfg_command(c);

	r->space = io ? VDEV_PIO : VDEV_MMIO;
	r->sizes = sizes;
	r->base = addr;
	r->len = 0;
	if (!addr || (io && !(cmd & VPCI_CMD_IO)) ||
	    (!io && !(cmd & VPCI_CMD_MEM)))
		return;
	/* An I/O BAR beyond the 64 KiB port space decodes nothing. */
	if (io && addr + c->bar_size[bar] > 0x10000)
		return;
	if (addr + c->bar_size[bar] - 1 < addr)
		return;
	r->len = c->bar_size[bar];
}
