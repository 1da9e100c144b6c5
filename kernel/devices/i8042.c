// SPDX-License-Identifier: MIT
/*
 * i8042 keyboard controller, the part an OS needs without a keyboard.
 *
 * Reference: IBM PC/AT Technical Reference, "Keyboard Controller":
 * status register (bit 0 output buffer full, 1 input buffer full, 2
 * system flag, 3 command/data, 4 inhibit switch, 5 auxiliary output
 * buffer full, 6 general time-out, 7 parity error), controller command
 * byte (bit 0 keyboard interrupt, 1 aux interrupt, 2 system flag, 4
 * disable keyboard, 5 disable aux, 6 translate), commands 20h/60h
 * (read/write command byte), AAh self test (55h), ABh/A9h interface
 * tests (00h), ADh/AEh and A7h/A8h disable/enable, C0h read input port,
 * D0h/D1h read/write output port (bit 0 drives the system reset line,
 * active low), D2h/D3h/D4h (keyboard/aux output buffer, write to aux),
 * F0h-FFh pulse output port bits 3-0 low where the command has a 0 (FEh
 * pulses reset). The controller works instantly, so IBF is never set.
 * A byte for an absent device gets the time-out reply FEh with status
 * bit 6, which Linux's i8042 driver reads as "no device".
 */
#include <ksh/vdev_legacy.h>

#include "vdev_string.h"

enum {
	KBC_DATA = 0x60,
	KBC_CMD = 0x64,

	ST_OBF = 0x01,
	ST_SYS = 0x04,
	ST_CMD = 0x08,
	ST_UNLOCKED = 0x10,
	ST_AUX_OBF = 0x20,
	ST_TIMEOUT = 0x40,

	CTR_KBD_INT = 0x01,
	CTR_AUX_INT = 0x02,
	CTR_SYS = 0x04,
	CTR_KBD_OFF = 0x10,
	CTR_AUX_OFF = 0x20,

	OUT_RESET = 0x01, /* active low: 0 resets the system */
	OUT_A20 = 0x02,

	VKBC_AUX = 0x01,
	VKBC_TIMEOUT = 0x02,
};

static void kbc_update_irq(struct vkbc *k)
{
	bool aux = k->qlen && (k->q[0].flags & VKBC_AUX);
	bool irq1 = k->qlen && !aux && (k->ctr & CTR_KBD_INT);
	bool irq12 = aux && (k->ctr & CTR_AUX_INT);

	if (irq1 != k->irq1) {
		k->irq1 = irq1;
		vdev_set_irq(&k->dev, 1, irq1);
	}
	if (irq12 != k->irq12) {
		k->irq12 = irq12;
		vdev_set_irq(&k->dev, 12, irq12);
	}
}

/* Queues a byte for the output buffer; a full queue drops it, as the
 * controller would not accept a new one before the old was read. */
static void kbc_queue(struct vkbc *k, uint8_t data, uint8_t flags)
{
	if (k->qlen >= VKBC_QUEUE)
		return;
	k->q[k->qlen].data = data;
	k->q[k->qlen].flags = flags;
	k->qlen++;
}

static void kbc_reset(struct vkbc *k)
{
	k->resets++;
	vdev_request_reset(&k->dev);
}

static void kbc_write_outport(struct vkbc *k, uint8_t v)
{
	k->outport = v | OUT_RESET;
	if (!(v & OUT_RESET))
		kbc_reset(k);
}

static void kbc_command(struct vkbc *k, uint8_t cmd)
{
	switch (cmd) {
	case 0x20:
		kbc_queue(k, k->ctr, 0);
		break;
	case 0x60:
	case 0xd1:
	case 0xd2:
	case 0xd3:
	case 0xd4:
		k->pending = cmd; /* the data byte follows at 0x60 */
		break;
	case 0xa7:
		k->ctr |= CTR_AUX_OFF;
		break;
	case 0xa8:
		k->ctr &= (uint8_t)~CTR_AUX_OFF;
		break;
	case 0xa9: /* aux interface test: no error */
	case 0xab: /* keyboard interface test: no error */
		kbc_queue(k, 0x00, 0);
		break;
	case 0xaa:
		k->ctr |= CTR_SYS;
		kbc_queue(k, 0x55, 0);
		break;
	case 0xad:
		k->ctr |= CTR_KBD_OFF;
		break;
	case 0xae:
		k->ctr &= (uint8_t)~CTR_KBD_OFF;
		break;
	case 0xc0:
		kbc_queue(k, 0x00, 0);
		break;
	case 0xd0:
		kbc_queue(k, k->outport, 0);
		break;
	default:
		/* F0h-FFh: pulse the output bits whose command bit is 0. */
		if (cmd >= 0xf0 && !(cmd & OUT_RESET))
			kbc_reset(k);
		break;
	}
}

static void kbc_data(struct vkbc *k, uint8_t v)
{
	uint8_t cmd = k->pending;

	k->pending = 0;
	switch (cmd) {
	case 0x60:
		k->ctr = v;
		break;
	case 0xd1:
		kbc_write_outport(k, v);
		break;
	case 0xd2:
		kbc_queue(k, v, 0);
		break;
	case 0xd3:
		kbc_queue(k, v, VKBC_AUX);
		break;
	case 0xd4:
		kbc_queue(k, 0xfe, VKBC_AUX | VKBC_TIMEOUT);
		break;
	default: /* to the keyboard, which is not there */
		kbc_queue(k, 0xfe, VKBC_TIMEOUT);
		break;
	}
}

static uint8_t kbc_status(const struct vkbc *k)
{
	uint8_t st = ST_UNLOCKED;

	if (k->ctr & CTR_SYS)
		st |= ST_SYS;
	if (k->last_was_cmd)
		st |= ST_CMD;
	if (k->qlen) {
		st |= ST_OBF;
		if (k->q[0].flags & VKBC_AUX)
			st |= ST_AUX_OBF;
		if (k->q[0].flags & VKBC_TIMEOUT)
			st |= ST_TIMEOUT;
	}
	return st;
}

static int kbc_read(struct vdev *dev, unsigned int idx, uint64_t off,
		    unsigned int size, uint64_t *val)
{
	struct vkbc *k = (struct vkbc *)dev;

	(void)off;
	(void)size;
	if (idx == 1) {
		*val = kbc_status(k);
		return 0;
	}
	if (!k->qlen) {
		*val = 0x00;
		return 0;
	}
	*val = k->q[0].data;
	k->qlen--;
	for (unsigned int i = 0; i < k->qlen; i++)
		k->q[i] = k->q[i + 1];
	kbc_update_irq(k);
	return 0;
}

static int kbc_write(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t val)
{
	struct vkbc *k = (struct vkbc *)dev;

	(void)off;
	(void)size;
	k->last_was_cmd = idx == 1;
	if (idx == 1) {
		k->pending = 0;
		kbc_command(k, (uint8_t)val);
	} else {
		kbc_data(k, (uint8_t)val);
	}
	kbc_update_irq(k);
	return 0;
}

static const struct vdev_ops kbc_ops = {
    .read = kbc_read,
    .write = kbc_write,
};

int vkbc_init(struct vkbc *k, struct vdev_env *env)
{
	memset(k, 0, sizeof(*k));
	vdev_init(&k->dev, &kbc_ops, "i8042", env);
	if (vdev_add_range(&k->dev, VDEV_PIO, KBC_DATA, 1, VDEV_SZ1) < 0 ||
	    vdev_add_range(&k->dev, VDEV_PIO, KBC_CMD, 1, VDEV_SZ1) < 0)
		return -VDEV_EINVAL;
	/* As a PC BIOS leaves it: translation, system flag, keyboard
	 * interrupt on; A20 enabled, reset line inactive. */
	k->ctr = 0x45;
	k->outport = OUT_RESET | OUT_A20;
	return 0;
}
