/* SPDX-License-Identifier: MIT */
/*
 * Emulated 8254 programmable interval timer at 0x40-0x43, with the PC/AT
 * system control port B (0x61: channel 2 gate, speaker enable, OUT2 and
 * refresh toggle). Channel 0 drives IRQ0; channels 0 and 1 have their gate
 * tied high. Counter values are derived from the time source at the
 * 8254's 1.193182 MHz input clock, so nothing needs ticking except the
 * IRQ0 edges (the deadline op).
 */
#ifndef KSH_VDEV_PIT_H
#define KSH_VDEV_PIT_H

#include <ksh/vdev.h>

#define VPIT_HZ 1193182u

struct vpit_channel {
	uint8_t mode; /* 0-5 */
	uint8_t rw;   /* 1 LSB, 2 MSB, 3 LSB then MSB */
	bool bcd;
	bool gate;
	bool loaded;  /* a count is in the counting element */
	bool running; /* counting (gate allows it, trigger seen) */
	bool null_count;
	bool write_msb_next; /* RW=3: LSB written, MSB expected */
	bool read_msb_next;
	bool latch_valid;
	bool latch_msb_next;
	bool status_latched;
	bool pending_valid; /* modes 2/3: count written while counting */
	bool triggered;	    /* modes 1/5: a gate rising edge started counting */
	uint8_t write_lsb;
	uint8_t status;
	uint16_t count; /* count register (0 = 2^16 or 10^4 in BCD) */
	uint16_t pending_count;
	uint16_t latched;
	uint16_t frozen;       /* value shown while not counting */
	uint64_t start_ns;     /* time `run_ticks` was last sampled */
	uint64_t paused_ticks; /* ticks counted before start_ns */
	uint64_t origin;       /* tick at which the current count began */
	uint64_t pending_at;   /* tick at which pending_count takes over */
	uint64_t irq_done;     /* ticks up to which IRQ edges were delivered */
};

struct vpit {
	struct vdev dev;
	struct vpit_channel ch[3];
	uint8_t port61;	    /* bits 0-3 as written */
	unsigned int irq;   /* line for channel 0 (0) */
	uint64_t irq_edges; /* IRQ0 edges delivered */
};

/* Ports 0x40-0x43 and 0x61. Returns 0 or -VDEV_EINVAL. */
int vpit_init(struct vpit *pit, struct vdev_env *env);

/* Counter value and OUT level of channel `c` at the current time (for
 * tests and the kernel's debug dump). */
uint16_t vpit_count(struct vpit *pit, unsigned int c);
bool vpit_out(struct vpit *pit, unsigned int c);

#endif
