/* SPDX-License-Identifier: MIT */
/*
 * Emulated 8259A pair as wired in a PC/AT: master at 0x20/0x21, slave at
 * 0xA0/0xA1 cascaded on the master's IR2, and the PIIX edge/level control
 * registers (ELCR) at 0x4D0/0x4D1. Lines 0-7 are the master's IR0-7,
 * 8-15 the slave's. The model is the domain's interrupt controller: its
 * `chip` member is what device models raise and lower lines on.
 */
#ifndef KSH_VDEV_PIC_H
#define KSH_VDEV_PIC_H

#include <ksh/vdev.h>

struct vpic_chip {
	uint8_t irr;	     /* interrupt request register */
	uint8_t isr;	     /* in-service register */
	uint8_t imr;	     /* interrupt mask register (OCW1) */
	uint8_t elcr;	     /* 1 = level triggered (ELCR or ICW1.LTIM) */
	uint8_t elcr_mask;   /* ELCR bits that exist */
	uint8_t lines;	     /* current input levels */
	uint8_t vector_base; /* ICW2 T7-T3 */
	uint8_t icw3;
	uint8_t lowest;	   /* IR with the lowest priority (rotation) */
	uint8_t init_step; /* 0: ready; 2, 3, 4: expecting ICWn */
	bool icw4_needed;
	bool single;
	bool ltim;
	bool auto_eoi;
	bool rotate_on_aeoi;
	bool sfnm; /* special fully nested mode */
	bool special_mask;
	bool read_isr; /* OCW3 RIS: port A0=0 reads ISR, else IRR */
	bool poll;     /* OCW3 P: the next read is a poll */
	bool upm;      /* ICW4 uPM (1 = 8086 mode) */
};

struct vpic {
	struct vdev dev;
	struct vdev_irq_chip chip; /* lines 0-15 */
	struct vpic_chip pic[2];   /* [0] master, [1] slave */
	uint64_t spurious;	   /* INTA cycles that found no request */
};

/* Ports: 0x20-0x21, 0xA0-0xA1, 0x4D0-0x4D1. Sets env->irq to &pic->chip
 * when env has no interrupt controller yet. Returns 0 or -VDEV_EINVAL. */
int vpic_init(struct vpic *pic, struct vdev_env *env);

/* True if the master's INT output is asserted: an unmasked request of
 * higher priority than anything in service is waiting. */
bool vpic_has_interrupt(const struct vpic *pic);
/* The INTA cycle: moves the winning request to in-service (unless
 * auto-EOI) and returns its vector. With no request left it returns the
 * spurious vector of the master's (or, behind IR2, the slave's) IR7. */
uint8_t vpic_ack(struct vpic *pic);

#endif
