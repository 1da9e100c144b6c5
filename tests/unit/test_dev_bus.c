// SPDX-License-Identifier: MIT
/* The vdev bus: dispatch, ISA-style byte splitting, unclaimed
 * addresses, overlap refusal, deadlines, and the guest-memory accessor
 * going only through the kernel's checked callback. */
#include <criterion/criterion.h>

#include <ksh/vdev.h>

#include "test_dev_env.h"

struct fake {
	struct vdev dev;
	uint8_t reg[16];
	unsigned int calls;
	unsigned int last_size;
	uint64_t deadline;
	unsigned int ticks;
};

static int fake_read(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t *val)
{
	struct fake *f = (struct fake *)dev;
	uint64_t v = 0;

	(void)idx;
	f->calls++;
	f->last_size = size;
	for (unsigned int i = 0; i < size; i++)
		v |= (uint64_t)f->reg[(off + i) % 16] << (8 * i);
	*val = v;
	return 0;
}

static int fake_write(struct vdev *dev, unsigned int idx, uint64_t off,
		      unsigned int size, uint64_t val)
{
	struct fake *f = (struct fake *)dev;

	(void)idx;
	f->calls++;
	f->last_size = size;
	for (unsigned int i = 0; i < size; i++)
		f->reg[(off + i) % 16] = (uint8_t)(val >> (8 * i));
	return 0;
}

static uint64_t fake_deadline(struct vdev *dev)
{
	return ((struct fake *)dev)->deadline;
}

static void fake_tick(struct vdev *dev, uint64_t now)
{
	struct fake *f = (struct fake *)dev;

	(void)now;
	f->ticks++;
	f->deadline = VDEV_NO_DEADLINE;
}

static const struct vdev_ops fake_ops = {
    .read = fake_read,
    .write = fake_write,
    .tick = fake_tick,
    .deadline = fake_deadline,
};

static struct tenv t;
static struct fake a, b;

static void setup(void)
{
	tenv_init(&t, true);
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	vdev_init(&a.dev, &fake_ops, "a", &t.env);
	vdev_init(&b.dev, &fake_ops, "b", &t.env);
	a.deadline = b.deadline = VDEV_NO_DEADLINE;
	cr_assert_eq(vdev_add_range(&a.dev, VDEV_PIO, 0x100, 4, VDEV_SZ1), 0);
	cr_assert_eq(
	    vdev_add_range(&a.dev, VDEV_MMIO, 0xfe000000, 16, VDEV_SZ_ALL), 1);
	cr_assert_eq(vdev_add_range(&b.dev, VDEV_PIO, 0x104, 4,
				    VDEV_SZ1 | VDEV_SZ2 | VDEV_SZ4),
		     0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &a.dev), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &b.dev), 0);
}

Test(dev_bus, whole_access_when_accepted)
{
	setup();
	tout(&t, 0x104, 4, 0x11223344);
	cr_assert_eq(b.calls, 1);
	cr_assert_eq(b.last_size, 4);
	cr_assert_eq(tin(&t, 0x104, 4), 0x11223344);
	cr_assert_eq(tin(&t, 0x106, 2), 0x1122);
}

/* A 16-bit access to an 8-bit device becomes two byte cycles; one that
 * straddles two devices is split between them. */
Test(dev_bus, split_into_bytes)
{
	setup();
	tout(&t, 0x100, 2, 0xbbaa);
	cr_assert_eq(a.calls, 2);
	cr_assert_eq(a.last_size, 1);
	cr_assert_eq(a.reg[0], 0xaa);
	cr_assert_eq(a.reg[1], 0xbb);
	tout(&t, 0x102, 4, 0x44332211);
	cr_assert_eq(a.reg[2], 0x11);
	cr_assert_eq(a.reg[3], 0x22);
	cr_assert_eq(b.reg[0], 0x33);
	cr_assert_eq(b.reg[1], 0x44);
	cr_assert_eq(tin(&t, 0x102, 4), 0x44332211);
	/* half unclaimed: those bytes read as FF, the access succeeds */
	uint32_t v;

	cr_assert_eq(vdev_bus_pio_read(&t.bus, 0x107, 2, &v), 0);
	cr_assert_eq(v, 0xff00 | b.reg[3]);
}

Test(dev_bus, unclaimed_and_bad_sizes)
{
	setup();
	uint32_t v = 0;
	uint64_t w = 0;

	cr_assert_eq(vdev_bus_pio_read(&t.bus, 0x3f8, 1, &v), -VDEV_ENOENT);
	cr_assert_eq(v, 0xff);
	cr_assert_eq(vdev_bus_pio_read(&t.bus, 0x3f8, 4, &v), -VDEV_ENOENT);
	cr_assert_eq(v, 0xffffffff);
	cr_assert_eq(vdev_bus_pio_write(&t.bus, 0x3f8, 2, 0), -VDEV_ENOENT);
	cr_assert_eq(vdev_bus_pio_read(&t.bus, 0x100, 3, &v), -VDEV_EINVAL);
	cr_assert_eq(vdev_bus_pio_read(&t.bus, 0x100, 8, &v), -VDEV_EINVAL);
	cr_assert_eq(vdev_bus_pio_write(&t.bus, 0xffff, 2, 0), -VDEV_EINVAL);
	cr_assert_eq(vdev_bus_mmio_read(&t.bus, ~0ull, 2, &w), -VDEV_EINVAL);
	cr_assert_eq(vdev_bus_mmio_read(&t.bus, 0x1000, 8, &w), -VDEV_ENOENT);
	cr_assert_eq(w, ~0ull);
	cr_assert_eq(a.calls + b.calls, 0);
	cr_assert_eq(t.bus.unclaimed, 1 + 4 + 2 + 8);
}

Test(dev_bus, mmio_eight_bytes)
{
	setup();
	uint64_t v;

	cr_assert_eq(
	    vdev_bus_mmio_write(&t.bus, 0xfe000008, 8, 0x0102030405060708ull),
	    0);
	cr_assert_eq(a.last_size, 8);
	cr_assert_eq(vdev_bus_mmio_read(&t.bus, 0xfe000008, 8, &v), 0);
	cr_assert_eq(v, 0x0102030405060708ull);
	/* crossing the end of the range: split, tail unclaimed */
	cr_assert_eq(vdev_bus_mmio_read(&t.bus, 0xfe00000c, 8, &v), 0);
	cr_assert_eq(v, 0xffffffff01020304ull);
}

Test(dev_bus, overlap_refused)
{
	setup();
	struct fake c;

	vdev_init(&c.dev, &fake_ops, "c", &t.env);
	vdev_add_range(&c.dev, VDEV_PIO, 0x103, 1, VDEV_SZ1);
	cr_assert_eq(vdev_bus_attach(&t.bus, &c.dev), -VDEV_EBUSY);
	cr_assert_eq(vdev_bus_attach(&t.bus, &a.dev), -VDEV_EBUSY, "twice");
	vdev_init(&c.dev, &fake_ops, "c", &t.env);
	vdev_add_range(&c.dev, VDEV_MMIO, 0x103, 1, VDEV_SZ1);
	cr_assert_eq(vdev_bus_attach(&t.bus, &c.dev), 0, "other space");
	cr_assert_eq(vdev_add_range(&c.dev, VDEV_PIO, 0, 1, VDEV_SZ2),
		     -VDEV_EINVAL, "byte access is mandatory");
	cr_assert_eq(vdev_add_range(&c.dev, VDEV_PIO, ~0ull, 2, VDEV_SZ1),
		     -VDEV_EINVAL, "wraps");
}

Test(dev_bus, deadlines_and_tick)
{
	setup();
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), VDEV_NO_DEADLINE);
	a.deadline = 500;
	b.deadline = 300;
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), 300);
	t.now = 299;
	vdev_bus_tick(&t.bus);
	cr_assert_eq(a.ticks + b.ticks, 0);
	t.now = 300;
	vdev_bus_tick(&t.bus);
	cr_assert_eq(b.ticks, 1);
	cr_assert_eq(a.ticks, 0);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), 500);
}

/* Models reach guest memory only through the kernel's accessor, which
 * refuses unmapped or read-only ranges. */
Test(dev_bus, guest_memory_accessor)
{
	setup();
	uint8_t buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};

	cr_assert_eq(vdev_mem_write(&a.dev, TENV_MEM_BASE + 8, buf, 8), 0);
	memset(buf, 0, sizeof(buf));
	cr_assert_eq(vdev_mem_read(&a.dev, TENV_MEM_BASE + 8, buf, 8), 0);
	cr_assert_eq(buf[7], 8);
	cr_assert_eq(vdev_mem_read(&a.dev, TENV_MEM_BASE - 1, buf, 2),
		     -VDEV_EFAULT);
	cr_assert_eq(
	    vdev_mem_read(&a.dev, TENV_MEM_BASE + TENV_MEM_SIZE - 4, buf, 8),
	    -VDEV_EFAULT);
	t.mem_readonly = true;
	cr_assert_eq(vdev_mem_write(&a.dev, TENV_MEM_BASE, buf, 1),
		     -VDEV_EFAULT);
	vdev_request_reset(&a.dev);
	cr_assert_eq(t.resets, 1);
}
