/* SPDX-License-Identifier: MIT */
/*
 * Small PC legacy devices: the POST code port 0x80 (written by firmware
 * and used by Linux as an I/O delay; accepted and ignored) and the part
 * of the i8042 keyboard controller at 0x60/0x64 that operating systems
 * probe and use to reset the machine. No keyboard or mouse is attached:
 * bytes sent to them are answered with the controller's timeout reply.
 */
#ifndef KSH_VDEV_LEGACY_H
#define KSH_VDEV_LEGACY_H

#include <ksh/vdev.h>

struct vpost {
	struct vdev dev;
	uint8_t last; /* last POST code written */
	uint64_t writes;
};

/* Claims port 0x80. */
int vpost_init(struct vpost *p, struct vdev_env *env);

#define VKBC_QUEUE 4

struct vkbc_byte {
	uint8_t data;
	uint8_t flags; /* VKBC_AUX, VKBC_TIMEOUT */
};

struct vkbc {
	struct vdev dev;
	uint8_t ctr;	   /* controller command byte */
	uint8_t outport;   /* output port: bit 0 reset (active low), 1 A20 */
	uint8_t pending;   /* command waiting for its data byte, 0 if none */
	bool last_was_cmd; /* status bit 3 */
	struct vkbc_byte q[VKBC_QUEUE]; /* output buffer, head first */
	uint8_t qlen;
	bool irq1, irq12;
	uint64_t resets; /* reset requests seen */
};

/* Claims ports 0x60 and 0x64; IRQ1 (keyboard) and IRQ12 (aux). */
int vkbc_init(struct vkbc *k, struct vdev_env *env);

#endif
