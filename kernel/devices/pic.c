// SPDX-License-Identifier: MIT
/*
 * 8259A programmable interrupt controller pair, as in a PC/AT.
 *
 * References: Intel 8259A datasheet (order 231468): "Interrupt Sequence",
 * "Initialization Command Words" (ICW1-4), "Operation Command Words"
 * (OCW1-3), "Fully Nested Mode", "Special Fully Nested Mode", "Automatic
 * Rotation", "Specific Rotation", "Special Mask Mode", "Poll Command",
 * "Edge and Level Triggered Modes", "Cascade Mode". ELCR: Intel 82371AB
 * (PIIX4) datasheet, 4.2.2 "ELCR1/ELCR2 - Edge/Level Control Registers".
 *
 * Emulation choice: a device pulse (raise then lower) happens between two
 * guest instructions, so an edge request stays latched in IRR until the
 * INTA cycle. The datasheet asks the line to stay high until INTA; a line
 * that falls early gives the default IR7 there, here the request is kept.
 * The slave's INT output drives the master's IR2 as a level.
 */
#include <ksh/vdev_pic.h>

#include "vdev_string.h"

enum {
	PIC_MASTER_PORT = 0x20,
	PIC_SLAVE_PORT = 0xa0,
	PIC_ELCR_PORT = 0x4d0,
	PIC_CASCADE_IR = 2,
	/* PIIX4 4.2.2: IRQ0, 1, 2 (master) and 8, 13 (slave) are always
	 * edge triggered; their ELCR bits read 0. */
	ELCR1_MASK = 0xf8,
	ELCR2_MASK = 0xde,
};

static uint8_t level_mask(const struct vpic_chip *c)
{
	return c->ltim ? 0xff : c->elcr;
}

/* Priority of `irq`: 0 is highest. `lowest` holds the IR that rotation
 * made the lowest (7 after ICW1: fully nested, IR0 highest). */
static unsigned int prio(const struct vpic_chip *c, unsigned int irq)
{
	return (irq - c->lowest - 1) & 7;
}

/* Highest-priority IR set in `mask`, or -1. */
static int highest(const struct vpic_chip *c, uint8_t mask)
{
	for (unsigned int p = 0; p < 8; p++) {
		unsigned int irq = (c->lowest + 1 + p) & 7;

		if (mask & (1u << irq))
			return (int)irq;
	}
	return -1;
}

/* The IR this chip would present on INT now, or -1. */
static int chip_pending(const struct vpic_chip *c, bool master)
{
	uint8_t req = c->irr & ~c->imr;
	uint8_t isr = c->isr;
	int irq;

	if (c->special_mask) {
		/* Special mask mode: every unmasked level not in service
		 * may interrupt, lower ones included. */
		return highest(c, req & ~isr);
	}
	irq = highest(c, req);
	if (irq < 0)
		return -1;
	/* Special fully nested mode: a request from the slave is taken
	 * while the slave is in service, so it can nest its own levels. */
	if (master && c->sfnm && irq == PIC_CASCADE_IR)
		isr &= ~(1u << PIC_CASCADE_IR);
	if (isr) {
		int cur = highest(c, isr);

		if (prio(c, (unsigned int)irq) >= prio(c, (unsigned int)cur))
			return -1;
	}
	return irq;
}

/* Recomputes the cascade: the slave's INT is the master's IR2 level. */
static void pic_update(struct vpic *p)
{
	struct vpic_chip *m = &p->pic[0];
	uint8_t bit = 1u << PIC_CASCADE_IR;

	if (chip_pending(&p->pic[1], false) >= 0) {
		m->irr |= bit;
		m->lines |= bit;
	} else {
		m->irr &= ~bit;
		m->lines &= ~bit;
	}
}

static void chip_set_line(struct vpic_chip *c, unsigned int irq, bool level)
{
	uint8_t bit = 1u << irq;

	if (level_mask(c) & bit) {
		if (level)
			c->irr |= bit;
		else
			c->irr &= ~bit;
	} else if (level && !(c->lines & bit)) {
		c->irr |= bit; /* rising edge */
	}
	if (level)
		c->lines |= bit;
	else
		c->lines &= ~bit;
}

static void pic_set_irq(struct vdev_irq_chip *chip, unsigned int line,
			bool level)
{
	struct vpic *p =
	    (struct vpic *)((char *)chip - offsetof(struct vpic, chip));

	/* IR2 of the master is the cascade input, not a device line. */
	if (line >= 16 || line == PIC_CASCADE_IR)
		return;
	chip_set_line(&p->pic[line >> 3], line & 7, level);
	pic_update(p);
}

/* INTA on one chip: the request goes in service (edge latches clear;
 * level requests stay while the line is high). */
static void chip_intack(struct vpic_chip *c, unsigned int irq)
{
	uint8_t bit = 1u << irq;

	if (!(level_mask(c) & bit))
		c->irr &= ~bit;
	if (c->auto_eoi) {
		if (c->rotate_on_aeoi)
			c->lowest = (uint8_t)irq;
	} else {
		c->isr |= bit;
	}
}

bool vpic_has_interrupt(const struct vpic *pic)
{
	return chip_pending(&pic->pic[0], true) >= 0;
}

uint8_t vpic_ack(struct vpic *p)
{
	struct vpic_chip *m = &p->pic[0], *s = &p->pic[1];
	int irq = chip_pending(m, true);
	uint8_t vec;

	if (irq < 0) {
		/* "Interrupt Sequence": no request at INTA gives IR7's
		 * vector and sets no ISR bit. */
		p->spurious++;
		return m->vector_base | 7;
	}
	chip_intack(m, (unsigned int)irq);
	if (irq == PIC_CASCADE_IR) {
		int sirq = chip_pending(s, false);

		if (sirq < 0) {
			/* The slave's request went away: the slave answers
			 * IR7 (spurious IRQ15) but the master's IR2 stays in
			 * service and needs its EOI. */
			p->spurious++;
			vec = s->vector_base | 7;
		} else {
			chip_intack(s, (unsigned int)sirq);
			vec = s->vector_base | (uint8_t)sirq;
		}
	} else {
		vec = m->vector_base | (uint8_t)irq;
	}
	pic_update(p);
	return vec;
}

/* Poll command: the read is an INTA for this chip alone. Poll word:
 * bit 7 = a request was found, bits 2-0 = its level. */
static uint8_t chip_poll(struct vpic_chip *c, bool master)
{
	int irq = chip_pending(c, master);

	if (irq < 0)
		return 0;
	chip_intack(c, (unsigned int)irq);
	return 0x80 | (uint8_t)irq;
}

static void chip_icw1(struct vpic_chip *c, uint8_t val)
{
	c->ltim = val & 0x08;
	c->single = val & 0x02;
	c->icw4_needed = val & 0x01;
	/* ICW1 resets: edge sense (an input must go low-to-high again),
	 * IMR cleared, IR7 lowest priority, special mask mode off, status
	 * read set to IRR; ICW4 functions zero if IC4 = 0. The ISR is also
	 * cleared so a reinitialised chip does not stay blocked. */
	c->irr = level_mask(c) & c->lines; /* level inputs: as they are */
	c->isr = 0;
	c->imr = 0;
	c->lowest = 7;
	c->special_mask = false;
	c->read_isr = false;
	c->poll = false;
	c->rotate_on_aeoi = false;
	c->icw3 = 7;
	if (!c->icw4_needed) {
		c->auto_eoi = false;
		c->sfnm = false;
		c->upm = false;
	}
	c->init_step = 2;
}

static void chip_ocw2(struct vpic_chip *c, uint8_t val)
{
	unsigned int level = val & 7;
	int irq;

	switch (val >> 5) {
	case 0: /* clear rotate in automatic EOI mode */
		c->rotate_on_aeoi = false;
		break;
	case 4: /* set rotate in automatic EOI mode */
		c->rotate_on_aeoi = true;
		break;
	case 1: /* non-specific EOI */
	case 5: /* rotate on non-specific EOI */
		irq = highest(c, c->isr);
		if (irq >= 0) {
			c->isr &= ~(1u << irq);
			if (val >> 5 == 5)
				c->lowest = (uint8_t)irq;
		}
		break;
	case 3: /* specific EOI */
		c->isr &= ~(1u << level);
		break;
	case 7: /* rotate on specific EOI */
		c->isr &= ~(1u << level);
		c->lowest = (uint8_t)level;
		break;
	case 6: /* set priority */
		c->lowest = (uint8_t)level;
		break;
	default: /* 2: no operation */
		break;
	}
}

static void chip_write(struct vpic_chip *c, unsigned int a0, uint8_t val)
{
	if (a0 == 0) {
		if (val & 0x10)
			chip_icw1(c, val);
		else if (val & 0x08) { /* OCW3 */
			if (val & 0x04)
				c->poll = true;
			if (val & 0x02)
				c->read_isr = val & 0x01;
			if (val & 0x40)
				c->special_mask = val & 0x20;
		} else {
			chip_ocw2(c, val);
		}
		return;
	}
	switch (c->init_step) {
	case 2:
		c->vector_base = val & 0xf8;
		c->init_step = c->single ? (c->icw4_needed ? 4 : 0) : 3;
		break;
	case 3:
		c->icw3 = val;
		c->init_step = c->icw4_needed ? 4 : 0;
		break;
	case 4:
		c->upm = val & 0x01;
		c->auto_eoi = val & 0x02;
		c->sfnm = val & 0x10;
		c->init_step = 0;
		break;
	default: /* OCW1 */
		c->imr = val;
		break;
	}
}

static int pic_read(struct vdev *dev, unsigned int idx, uint64_t off,
		    unsigned int size, uint64_t *val)
{
	struct vpic *p = (struct vpic *)dev;
	struct vpic_chip *c;

	(void)size;
	if (idx == 2) {
		*val = p->pic[off & 1].elcr;
		return 0;
	}
	c = &p->pic[idx & 1];
	if (c->poll) {
		c->poll = false;
		*val = chip_poll(c, idx == 0);
		pic_update(p);
	} else if (off == 0) {
		*val = c->read_isr ? c->isr : c->irr;
	} else {
		*val = c->imr;
	}
	return 0;
}

static int pic_write(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t val)
{
	struct vpic *p = (struct vpic *)dev;
	struct vpic_chip *c;

	(void)size;
	if (idx == 2) {
		c = &p->pic[off & 1];
		c->elcr = (uint8_t)val & c->elcr_mask;
		/* A line made level-triggered requests as long as high. */
		c->irr = (c->irr & ~level_mask(c)) | (c->lines & level_mask(c));
	} else {
		chip_write(&p->pic[idx & 1], (unsigned int)off, (uint8_t)val);
	}
	pic_update(p);
	return 0;
}

static const struct vdev_ops pic_ops = {
    .read = pic_read,
    .write = pic_write,
};

int vpic_init(struct vpic *p, struct vdev_env *env)
{
	memset(p, 0, sizeof(*p));
	vdev_init(&p->dev, &pic_ops, "pic", env);
	if (vdev_add_range(&p->dev, VDEV_PIO, PIC_MASTER_PORT, 2, VDEV_SZ1) <
		0 ||
	    vdev_add_range(&p->dev, VDEV_PIO, PIC_SLAVE_PORT, 2, VDEV_SZ1) <
		0 ||
	    vdev_add_range(&p->dev, VDEV_PIO, PIC_ELCR_PORT, 2, VDEV_SZ1) < 0)
		return -VDEV_EINVAL;
	p->chip.set_irq = pic_set_irq;
	/* The state a PC BIOS leaves: all masked, vectors 08h and 70h. */
	for (unsigned int i = 0; i < 2; i++) {
		p->pic[i].imr = 0xff;
		p->pic[i].lowest = 7;
		p->pic[i].upm = true;
	}
	p->pic[0].vector_base = 0x08;
	p->pic[1].vector_base = 0x70;
	p->pic[0].icw3 = 1u << PIC_CASCADE_IR;
	p->pic[1].icw3 = PIC_CASCADE_IR;
	p->pic[0].elcr_mask = ELCR1_MASK;
	p->pic[1].elcr_mask = ELCR2_MASK;
	if (!env->irq)
		env->irq = &p->chip;
	return 0;
}
