/* SPDX-License-Identifier: MIT */
/*
 * vdev: the whole world of an emulated device model.
 *
 * A device model is plain C that touches no hardware. It sees exactly:
 *   - port I/O and MMIO accesses dispatched to it by a `struct vdev_bus`
 *     (sizes 1, 2, 4 and, for MMIO, 8 bytes; little endian);
 *   - an interrupt controller it raises and lowers lines on
 *     (`struct vdev_irq_chip`, implemented by the 8259A model);
 *   - guest-physical memory, only through the kernel's accessor, which
 *     checks every range against the domain's map and rights;
 *   - a monotonic time source in nanoseconds, and a timer hook: the bus
 *     asks each device for its next deadline and ticks it when it passes;
 *   - a reset request (the i8042 and port 0xCF9 raise it).
 *
 * All state lives in structs the caller allocates; models never allocate.
 * The same sources build for the host (unit tests, fuzzing) and with the
 * kernel's freestanding flags (into libksh-kernel.a).
 *
 * How the kernel drives it (kernel/vm/linux_dom.c builds the PC):
 *   IOIO exit:  vdev_bus_pio_read / vdev_bus_pio_write with the port and
 *               size from the exit; string/REP forms loop per element and
 *               copy through guest memory themselves.
 *   NPF exit on an unmapped MMIO page: vdev_bus_mmio_read / _write.
 *   Timers:     before entering the guest call vdev_bus_tick(bus) and arm
 *               the host timer for vdev_bus_next_deadline(bus).
 *   Interrupts: vpic_has_interrupt() tells whether to open an interrupt
 *               window; when the guest can take it, vpic_ack() performs
 *               the INTA cycle and returns the vector to inject.
 */
#ifndef KSH_VDEV_H
#define KSH_VDEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Error codes, returned negated (-VDEV_EINVAL). */
enum vdev_err {
	VDEV_OK = 0,
	VDEV_ENOENT = 2,  /* no device claims the address */
	VDEV_EAGAIN = 11, /* try again later (FIFO full, backend busy) */
	VDEV_EFAULT = 14, /* guest memory not mapped with the needed rights */
	VDEV_EBUSY = 16,  /* address range already claimed */
	VDEV_EINVAL = 22, /* bad size, alignment or argument */
	VDEV_ENOSPC = 28, /* no room: data was lost (overrun) */
};

/* "No timer pending" for deadlines. */
#define VDEV_NO_DEADLINE UINT64_MAX

/* ---- services the kernel provides -------------------------------------- */

/*
 * Services of the environment. Every callback gets `host` back.
 * mem_read/mem_write copy between the model and guest-physical memory;
 * they must fail with -VDEV_EFAULT for any byte not mapped with the right
 * (read or write) in the domain's map, and copy nothing in that case.
 * now_ns is monotonic. reset may be NULL (then reset requests are only
 * counted by the model that saw them).
 */
struct vdev_env_ops {
	uint64_t (*now_ns)(void *host);
	int (*mem_read)(void *host, uint64_t gpa, void *dst, size_t len);
	int (*mem_write)(void *host, uint64_t gpa, const void *src, size_t len);
	void (*reset)(void *host);
};

/*
 * An interrupt controller's input side: set_irq drives input `line` to
 * `level` (true = asserted). Edge-triggered inputs latch the rising edge;
 * a device that signals an edge raises then lowers the line. Lines that do
 * not exist are ignored.
 */
struct vdev_irq_chip {
	void (*set_irq)(struct vdev_irq_chip *chip, unsigned int line,
			bool level);
};

struct vdev_env {
	const struct vdev_env_ops *ops;
	void *host;
	struct vdev_irq_chip *irq; /* may be NULL until the PIC is wired */
};

/* ---- the device side --------------------------------------------------- */

enum vdev_space {
	VDEV_PIO = 0,
	VDEV_MMIO = 1,
};

/* Access sizes a range accepts directly (bit n = 2^n bytes). The bus
 * splits any other access into byte accesses, as an ISA bus does. */
#define VDEV_SZ1    0x1u
#define VDEV_SZ2    0x2u
#define VDEV_SZ4    0x4u
#define VDEV_SZ8    0x8u
#define VDEV_SZ_ALL (VDEV_SZ1 | VDEV_SZ2 | VDEV_SZ4 | VDEV_SZ8)

struct vdev_range {
	uint64_t base;
	uint64_t len;  /* 0: range disabled (a BAR not yet programmed) */
	uint8_t space; /* enum vdev_space */
	uint8_t sizes; /* VDEV_SZ* mask; must include VDEV_SZ1 */
};

#define VDEV_MAX_RANGES 4

struct vdev;

/*
 * Device operations. `idx` is the index of the range hit and `off` the
 * offset inside it; `size` is one the range accepts. read stores the value
 * (zero-extended) in *val. Both return 0, or a negative error the bus
 * passes on. tick is called with the current time once now >= the
 * device's deadline; deadline returns the next time the device needs a
 * tick (VDEV_NO_DEADLINE if none). tick and deadline may be NULL.
 */
struct vdev_ops {
	int (*read)(struct vdev *dev, unsigned int idx, uint64_t off,
		    unsigned int size, uint64_t *val);
	int (*write)(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t val);
	void (*tick)(struct vdev *dev, uint64_t now_ns);
	uint64_t (*deadline)(struct vdev *dev);
};

/* Embedded as the first member of every model's state. */
struct vdev {
	const struct vdev_ops *ops;
	const char *name;
	struct vdev_env *env;
	struct vdev_range ranges[VDEV_MAX_RANGES];
	unsigned int nranges;
	struct vdev *next; /* bus list, owned by the bus */
};

/* Helpers for models. */
uint64_t vdev_now(const struct vdev *dev);
void vdev_set_irq(const struct vdev *dev, unsigned int line, bool level);
int vdev_mem_read(const struct vdev *dev, uint64_t gpa, void *dst, size_t len);
int vdev_mem_write(const struct vdev *dev, uint64_t gpa, const void *src,
		   size_t len);
void vdev_request_reset(const struct vdev *dev);

/* Fills the common part of a device: no ranges yet. */
void vdev_init(struct vdev *dev, const struct vdev_ops *ops, const char *name,
	       struct vdev_env *env);
/* Adds a range; returns its index or -VDEV_EINVAL (full, bad sizes). */
int vdev_add_range(struct vdev *dev, enum vdev_space space, uint64_t base,
		   uint64_t len, uint8_t sizes);

/* ---- the bus ------------------------------------------------------------ */

struct vdev_bus {
	struct vdev *head;
	struct vdev_env *env;
	uint64_t unclaimed; /* accesses no device claimed (for the log) */
};

void vdev_bus_init(struct vdev_bus *bus, struct vdev_env *env);
/* Attaches a device; -VDEV_EBUSY if one of its enabled ranges overlaps an
 * attached device's. Ranges a device enables later (PCI BARs) are not
 * checked: the first device in attach order that claims an address wins. */
int vdev_bus_attach(struct vdev_bus *bus, struct vdev *dev);

/*
 * Port I/O, size 1, 2 or 4. A read of an address no device claims returns
 * all ones, as an undriven ISA bus does, and -VDEV_ENOENT; a write there
 * is dropped with -VDEV_ENOENT. An access that does not fit a single
 * range's accepted sizes is split into byte accesses. Returns 0,
 * -VDEV_ENOENT, -VDEV_EINVAL (bad size or port + size > 0x10000) or a
 * device's error.
 */
int vdev_bus_pio_read(struct vdev_bus *bus, uint16_t port, unsigned int size,
		      uint32_t *val);
int vdev_bus_pio_write(struct vdev_bus *bus, uint16_t port, unsigned int size,
		       uint32_t val);
/* MMIO, size 1, 2, 4 or 8; same rules. */
int vdev_bus_mmio_read(struct vdev_bus *bus, uint64_t gpa, unsigned int size,
		       uint64_t *val);
int vdev_bus_mmio_write(struct vdev_bus *bus, uint64_t gpa, unsigned int size,
			uint64_t val);

/* Ticks every device whose deadline has passed (time from env->now_ns). */
void vdev_bus_tick(struct vdev_bus *bus);
/* Earliest deadline of all devices, or VDEV_NO_DEADLINE. */
uint64_t vdev_bus_next_deadline(struct vdev_bus *bus);

#endif
