/* SPDX-License-Identifier: MIT */
/*
 * A fake kernel for device-model unit tests: a settable clock, a small
 * guest memory whose map the accessor checks, an interrupt recorder and a
 * reset counter, plus a bus.
 */
#ifndef KSH_TEST_DEV_ENV_H
#define KSH_TEST_DEV_ENV_H

#include <string.h>

#include <ksh/vdev.h>

#define TENV_MEM_BASE 0x1000u
#define TENV_MEM_SIZE 0x1000u

struct tenv {
	struct vdev_env env;
	struct vdev_irq_chip rec; /* recording controller */
	struct vdev_bus bus;
	uint64_t now;
	uint8_t mem[TENV_MEM_SIZE];
	bool mem_readonly;
	unsigned int resets;
	bool level[16];
	unsigned int rises[16];
	unsigned int falls[16];
};

static inline struct tenv *tenv_of(void *host)
{
	return host;
}

static inline uint64_t tenv_now(void *host)
{
	return tenv_of(host)->now;
}

static inline bool tenv_mapped(uint64_t gpa, size_t len)
{
	return gpa >= TENV_MEM_BASE && len <= TENV_MEM_SIZE &&
	       gpa - TENV_MEM_BASE <= TENV_MEM_SIZE - len;
}

static inline int tenv_mem_read(void *host, uint64_t gpa, void *dst, size_t len)
{
	if (!tenv_mapped(gpa, len))
		return -VDEV_EFAULT;
	memcpy(dst, tenv_of(host)->mem + (gpa - TENV_MEM_BASE), len);
	return 0;
}

static inline int tenv_mem_write(void *host, uint64_t gpa, const void *src,
				 size_t len)
{
	struct tenv *t = tenv_of(host);

	if (!tenv_mapped(gpa, len) || t->mem_readonly)
		return -VDEV_EFAULT;
	memcpy(t->mem + (gpa - TENV_MEM_BASE), src, len);
	return 0;
}

static inline void tenv_reset(void *host)
{
	tenv_of(host)->resets++;
}

static inline void tenv_set_irq(struct vdev_irq_chip *chip, unsigned int line,
				bool level)
{
	struct tenv *t =
	    (struct tenv *)((char *)chip - offsetof(struct tenv, rec));

	if (line >= 16)
		return;
	if (level && !t->level[line])
		t->rises[line]++;
	if (!level && t->level[line])
		t->falls[line]++;
	t->level[line] = level;
}

static const struct vdev_env_ops tenv_ops = {
    .now_ns = tenv_now,
    .mem_read = tenv_mem_read,
    .mem_write = tenv_mem_write,
    .reset = tenv_reset,
};

/* with_recorder: device IRQs go to the recorder, not to a PIC. */
static inline void tenv_init(struct tenv *t, bool with_recorder)
{
	memset(t, 0, sizeof(*t));
	t->env.ops = &tenv_ops;
	t->env.host = t;
	t->rec.set_irq = tenv_set_irq;
	t->env.irq = with_recorder ? &t->rec : NULL;
	vdev_bus_init(&t->bus, &t->env);
}

static inline uint32_t tin(struct tenv *t, uint16_t port, unsigned int size)
{
	uint32_t v = 0;

	vdev_bus_pio_read(&t->bus, port, size, &v);
	return v;
}

static inline uint8_t tinb(struct tenv *t, uint16_t port)
{
	return (uint8_t)tin(t, port, 1);
}

static inline void tout(struct tenv *t, uint16_t port, unsigned int size,
			uint32_t v)
{
	vdev_bus_pio_write(&t->bus, port, size, v);
}

static inline void toutb(struct tenv *t, uint16_t port, uint8_t v)
{
	tout(t, port, 1, v);
}

/* Advances the clock and ticks what is due. */
static inline void tenv_advance(struct tenv *t, uint64_t ns)
{
	t->now += ns;
	vdev_bus_tick(&t->bus);
}

#endif
