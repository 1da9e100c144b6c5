// SPDX-License-Identifier: MIT
/*
 * The vdev bus: finds the device claiming a port or MMIO address and
 * calls it. Accesses that fit no range's accepted sizes are split into
 * byte accesses, little endian, the way an ISA bus splits a 16-bit cycle
 * to an 8-bit device into two byte cycles.
 */
#include <ksh/nospec.h>
#include <ksh/vdev.h>

#include "vdev_string.h"

uint64_t vdev_now(const struct vdev *dev)
{
	return dev->env->ops->now_ns(dev->env->host);
}

void vdev_set_irq(const struct vdev *dev, unsigned int line, bool level)
{
	struct vdev_irq_chip *chip = dev->env->irq;

	if (chip)
		chip->set_irq(chip, line, level);
}

int vdev_mem_read(const struct vdev *dev, uint64_t gpa, void *dst, size_t len)
{
	if (!dev->env->ops->mem_read)
		return -VDEV_EFAULT;
	return dev->env->ops->mem_read(dev->env->host, gpa, dst, len);
}

int vdev_mem_write(const struct vdev *dev, uint64_t gpa, const void *src,
		   size_t len)
{
	if (!dev->env->ops->mem_write)
		return -VDEV_EFAULT;
	return dev->env->ops->mem_write(dev->env->host, gpa, src, len);
}

void vdev_request_reset(const struct vdev *dev)
{
	if (dev->env->ops->reset)
		dev->env->ops->reset(dev->env->host);
}

void vdev_init(struct vdev *dev, const struct vdev_ops *ops, const char *name,
	       struct vdev_env *env)
{
	memset(dev, 0, sizeof(*dev));
	dev->ops = ops;
	dev->name = name;
	dev->env = env;
}

int vdev_add_range(struct vdev *dev, enum vdev_space space, uint64_t base,
		   uint64_t len, uint8_t sizes)
{
	struct vdev_range *r;

	if (dev->nranges >= VDEV_MAX_RANGES || !(sizes & VDEV_SZ1) ||
	    (sizes & ~VDEV_SZ_ALL) || (len && base + len - 1 < base))
		return -VDEV_EINVAL;
	r = &dev->ranges[dev->nranges];
	r->space = (uint8_t)space;
	r->base = base;
	r->len = len;
	r->sizes = sizes;
	return (int)dev->nranges++;
}

void vdev_bus_init(struct vdev_bus *bus, struct vdev_env *env)
{
	bus->head = NULL;
	bus->env = env;
	bus->unclaimed = 0;
}

static bool range_hit(const struct vdev_range *r, unsigned int space,
		      uint64_t addr)
{
	return r->len && r->space == space && addr >= r->base &&
	       addr - r->base < r->len;
}

static bool ranges_overlap(const struct vdev_range *a,
			   const struct vdev_range *b)
{
	if (!a->len || !b->len || a->space != b->space)
		return false;
	return a->base <= b->base + (b->len - 1) &&
	       b->base <= a->base + (a->len - 1);
}

int vdev_bus_attach(struct vdev_bus *bus, struct vdev *dev)
{
	struct vdev **tail = &bus->head;
	struct vdev *d;

	if (!dev->ops || !dev->ops->read || !dev->ops->write)
		return -VDEV_EINVAL;
	for (d = bus->head; d; d = d->next) {
		if (d == dev)
			return -VDEV_EBUSY;
		for (unsigned int i = 0; i < d->nranges; i++)
			for (unsigned int j = 0; j < dev->nranges; j++)
				if (ranges_overlap(&d->ranges[i],
						   &dev->ranges[j]))
					return -VDEV_EBUSY;
	}
	while (*tail)
		tail = &(*tail)->next;
	dev->next = NULL;
	*tail = dev;
	return 0;
}

/* The device and range claiming `addr`, or NULL. */
static struct vdev *bus_find(struct vdev_bus *bus, unsigned int space,
			     uint64_t addr, unsigned int *idx)
{
	for (struct vdev *d = bus->head; d; d = d->next)
		for (unsigned int i = 0; i < d->nranges; i++)
			if (range_hit(&d->ranges[i], space, addr)) {
				*idx = i;
				return d;
			}
	return NULL;
}

static bool size_ok(unsigned int space, unsigned int size)
{
	if (size == 1 || size == 2 || size == 4)
		return true;
	return space == VDEV_MMIO && size == 8;
}

/*
 * One access. If a single range holds all `size` bytes and accepts the
 * size, the device gets it whole; otherwise it becomes byte accesses, each
 * dispatched on its own (unclaimed bytes read as 0xFF).
 */
static int bus_access(struct vdev_bus *bus, unsigned int space, uint64_t addr,
		      unsigned int size, bool write, uint64_t *val)
{
	unsigned int idx;
	struct vdev *d = bus_find(bus, space, addr, &idx);
	uint64_t out = 0;
	bool claimed = false;
	int rc = 0;

	if (d) {
		const struct vdev_range *r = &d->ranges[idx];
		uint64_t off = addr - r->base;

		if ((r->sizes & size) && r->len - off >= size) {
			/* The model indexes its registers with off: keep it
			 * inside the range on every path (ksh/nospec.h). */
			off = ksh_index_nospec(off, r->len);
			if (write)
				return d->ops->write(d, idx, off, size, *val);
			rc = d->ops->read(d, idx, off, size, &out);
			*val = rc ? ~0ull : out;
			return rc;
		}
	}
	if (size == 1) {
		bus->unclaimed++;
		if (!write)
			*val = 0xff;
		return -VDEV_ENOENT;
	}
	for (unsigned int i = 0; i < size; i++) {
		uint64_t b = write ? (*val >> (8 * i)) & 0xff : 0;
		int r = bus_access(bus, space, addr + i, 1, write, &b);

		if (r == 0)
			claimed = true;
		else if (r != -VDEV_ENOENT && !rc)
			rc = r;
		if (!write)
			out |= (b & 0xff) << (8 * i);
	}
	if (!write)
		*val = out;
	if (rc)
		return rc;
	return claimed ? 0 : -VDEV_ENOENT;
}

int vdev_bus_pio_read(struct vdev_bus *bus, uint16_t port, unsigned int size,
		      uint32_t *val)
{
	uint64_t v = 0;
	int rc;

	if (!size_ok(VDEV_PIO, size) || (uint32_t)port + size > 0x10000u) {
		*val = ~0u;
		return -VDEV_EINVAL;
	}
	rc = bus_access(bus, VDEV_PIO, port, size, false, &v);
	if (size < 4)
		v &= (1ull << (8 * size)) - 1;
	*val = (uint32_t)v;
	return rc;
}

int vdev_bus_pio_write(struct vdev_bus *bus, uint16_t port, unsigned int size,
		       uint32_t val)
{
	uint64_t v = val;

	if (!size_ok(VDEV_PIO, size) || (uint32_t)port + size > 0x10000u)
		return -VDEV_EINVAL;
	if (size < 4)
		v &= (1ull << (8 * size)) - 1;
	return bus_access(bus, VDEV_PIO, port, size, true, &v);
}

int vdev_bus_mmio_read(struct vdev_bus *bus, uint64_t gpa, unsigned int size,
		       uint64_t *val)
{
	uint64_t v = 0;
	int rc;

	if (!size_ok(VDEV_MMIO, size) || gpa + (size - 1) < gpa) {
		*val = ~0ull;
		return -VDEV_EINVAL;
	}
	rc = bus_access(bus, VDEV_MMIO, gpa, size, false, &v);
	if (size < 8)
		v &= (1ull << (8 * size)) - 1;
	*val = v;
	return rc;
}

int vdev_bus_mmio_write(struct vdev_bus *bus, uint64_t gpa, unsigned int size,
			uint64_t val)
{
	if (!size_ok(VDEV_MMIO, size) || gpa + (size - 1) < gpa)
		return -VDEV_EINVAL;
	if (size < 8)
		val &= (1ull << (8 * size)) - 1;
	return bus_access(bus, VDEV_MMIO, gpa, size, true, &val);
}

void vdev_bus_tick(struct vdev_bus *bus)
{
	uint64_t now = bus->env->ops->now_ns(bus->env->host);

	for (struct vdev *d = bus->head; d; d = d->next)
		if (d->ops->tick && d->ops->deadline &&
		    d->ops->deadline(d) <= now)
			d->ops->tick(d, now);
}

uint64_t vdev_bus_next_deadline(struct vdev_bus *bus)
{
	uint64_t best = VDEV_NO_DEADLINE;

	for (struct vdev *d = bus->head; d; d = d->next)
		if (d->ops->deadline) {
			uint64_t t = d->ops->deadline(d);

			if (t < best)
				best = t;
		}
	return best;
}
