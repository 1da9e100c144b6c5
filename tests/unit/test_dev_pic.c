// SPDX-License-Identifier: MIT
/* 8259A pair: checked against the Intel 8259A datasheet (order 231468)
 * sections named in each test, and the PIIX4 ELCR registers. */
#include <criterion/criterion.h>

#include <ksh/vdev_pic.h>

#include "test_dev_env.h"

static struct tenv t;
static struct vpic pic;

/* Linux's init_8259A sequence: master vectors 0x30, slave 0x38. */
static void pic_setup(uint8_t master_icw4, uint8_t slave_icw4)
{
	tenv_init(&t, false);
	cr_assert_eq(vpic_init(&pic, &t.env), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &pic.dev), 0);
	cr_assert_eq(t.env.irq, &pic.chip);
	toutb(&t, 0x20, 0x11); /* ICW1: edge, cascade, ICW4 needed */
	toutb(&t, 0x21, 0x30); /* ICW2 */
	toutb(&t, 0x21, 0x04); /* ICW3: slave on IR2 */
	toutb(&t, 0x21, master_icw4);
	toutb(&t, 0xa0, 0x11);
	toutb(&t, 0xa1, 0x38);
	toutb(&t, 0xa1, 0x02); /* ICW3: slave id 2 */
	toutb(&t, 0xa1, slave_icw4);
	toutb(&t, 0x21, 0x00); /* OCW1: unmask all */
	toutb(&t, 0xa1, 0x00);
}

static void irq(unsigned int line, bool level)
{
	pic.chip.set_irq(&pic.chip, line, level);
}

static void pulse(unsigned int line)
{
	irq(line, true);
	irq(line, false);
}

static uint8_t isr(uint16_t base)
{
	toutb(&t, base, 0x0b); /* OCW3: read ISR */
	return tinb(&t, base);
}

static uint8_t irr(uint16_t base)
{
	toutb(&t, base, 0x0a); /* OCW3: read IRR */
	return tinb(&t, base);
}

Test(dev_pic, reset_state_is_masked)
{
	tenv_init(&t, false);
	vpic_init(&pic, &t.env);
	vdev_bus_attach(&t.bus, &pic.dev);
	cr_assert_eq(tinb(&t, 0x21), 0xff);
	cr_assert_eq(tinb(&t, 0xa1), 0xff);
	pulse(1);
	cr_assert_not(vpic_has_interrupt(&pic));
}

/* "Interrupt Sequence": INTA moves the IRR bit to ISR and sends the
 * vector T7-T3 from ICW2 with the level in the low bits. */
Test(dev_pic, vector_and_eoi)
{
	pic_setup(0x01, 0x01);
	cr_assert_eq(tinb(&t, 0x21), 0x00);
	cr_assert_not(vpic_has_interrupt(&pic));
	pulse(1);
	cr_assert(vpic_has_interrupt(&pic));
	cr_assert_eq(irr(0x20), 0x02);
	cr_assert_eq(vpic_ack(&pic), 0x31);
	cr_assert_eq(irr(0x20), 0x00);
	cr_assert_eq(isr(0x20), 0x02);
	cr_assert_not(vpic_has_interrupt(&pic));
	toutb(&t, 0x20, 0x20); /* OCW2: non-specific EOI */
	cr_assert_eq(isr(0x20), 0x00);
}

/* "Fully Nested Mode": IR0 highest; a request is taken only if its
 * priority is above everything in service. */
Test(dev_pic, fully_nested_priority)
{
	pic_setup(0x01, 0x01);
	pulse(3);
	pulse(1);
	cr_assert_eq(vpic_ack(&pic), 0x31);
	cr_assert_not(vpic_has_interrupt(&pic), "IR3 below IR1");
	pulse(0);
	cr_assert(vpic_has_interrupt(&pic), "IR0 nests over IR1");
	cr_assert_eq(vpic_ack(&pic), 0x30);
	cr_assert_eq(isr(0x20), 0x03);
	toutb(&t, 0x20, 0x20); /* clears the highest: IR0 */
	cr_assert_eq(isr(0x20), 0x02);
	toutb(&t, 0x20, 0x20);
	cr_assert_eq(vpic_ack(&pic), 0x33);
}

/* OCW1: a masked level is not presented but stays requested. */
Test(dev_pic, mask_holds_request)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x21, 0x10);
	cr_assert_eq(tinb(&t, 0x21), 0x10);
	pulse(4);
	cr_assert_not(vpic_has_interrupt(&pic));
	toutb(&t, 0x21, 0x00);
	cr_assert_eq(vpic_ack(&pic), 0x34);
}

/* "Cascade Mode": a slave request raises the master's IR2; the vector
 * comes from the slave, and both chips need an EOI. */
Test(dev_pic, cascade_on_ir2)
{
	pic_setup(0x01, 0x01);
	pulse(10);
	cr_assert(vpic_has_interrupt(&pic));
	cr_assert_eq(irr(0x20), 0x04);
	cr_assert_eq(vpic_ack(&pic), 0x3a);
	cr_assert_eq(isr(0x20), 0x04);
	cr_assert_eq(isr(0xa0), 0x04);
	pulse(11);
	cr_assert_not(vpic_has_interrupt(&pic), "IR2 in service");
	toutb(&t, 0xa0, 0x20);
	cr_assert_not(vpic_has_interrupt(&pic), "master IR2 still in service");
	toutb(&t, 0x20, 0x20);
	cr_assert_eq(vpic_ack(&pic), 0x3b);
	/* a masked slave line does not reach the master */
	toutb(&t, 0xa0, 0x20);
	toutb(&t, 0x20, 0x20);
	toutb(&t, 0xa1, 0x01);
	pulse(8);
	cr_assert_not(vpic_has_interrupt(&pic));
	toutb(&t, 0x21, 0x04);
	toutb(&t, 0xa1, 0x00);
	cr_assert_not(vpic_has_interrupt(&pic), "master masks IR2");
}

/* OCW2 specific EOI (011 L2-L0) clears exactly that ISR bit. */
Test(dev_pic, specific_eoi)
{
	pic_setup(0x01, 0x01);
	pulse(5);
	cr_assert_eq(vpic_ack(&pic), 0x35);
	pulse(0);
	cr_assert_eq(vpic_ack(&pic), 0x30);
	toutb(&t, 0x20, 0x65); /* specific EOI for IR5 */
	cr_assert_eq(isr(0x20), 0x01);
	toutb(&t, 0x20, 0x60);
	cr_assert_eq(isr(0x20), 0x00);
}

/* ICW4 AEOI: the ISR bit is reset at the end of INTA. */
Test(dev_pic, auto_eoi)
{
	pic_setup(0x03, 0x03);
	pulse(6);
	cr_assert_eq(vpic_ack(&pic), 0x36);
	cr_assert_eq(isr(0x20), 0x00);
	pulse(7);
	cr_assert(vpic_has_interrupt(&pic));
	cr_assert_eq(vpic_ack(&pic), 0x37);
}

/* "Edge and Level Triggered Modes" and the PIIX4 ELCR: a level request
 * stays while the line is high, an edge request needs a new rising
 * edge; reserved ELCR bits (IRQ0-2, 8, 13) read 0. */
Test(dev_pic, edge_and_level)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x4d0, 0xff);
	toutb(&t, 0x4d1, 0xff);
	cr_assert_eq(tinb(&t, 0x4d0), 0xf8);
	cr_assert_eq(tinb(&t, 0x4d1), 0xde);
	toutb(&t, 0x4d0, 0x20); /* IRQ5 level, others edge */
	toutb(&t, 0x4d1, 0x00);

	irq(5, true);
	cr_assert_eq(vpic_ack(&pic), 0x35);
	toutb(&t, 0x20, 0x20);
	cr_assert(vpic_has_interrupt(&pic), "level still high");
	cr_assert_eq(vpic_ack(&pic), 0x35);
	irq(5, false);
	toutb(&t, 0x20, 0x20);
	cr_assert_not(vpic_has_interrupt(&pic));

	irq(3, true); /* edge, held high */
	cr_assert_eq(vpic_ack(&pic), 0x33);
	toutb(&t, 0x20, 0x20);
	cr_assert_not(vpic_has_interrupt(&pic), "no new edge");
	irq(3, false);
	irq(3, true);
	cr_assert_eq(vpic_ack(&pic), 0x33);
}

/* ICW1 LTIM makes every input of that chip level triggered. */
Test(dev_pic, icw1_ltim)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x20, 0x19);
	toutb(&t, 0x21, 0x30);
	toutb(&t, 0x21, 0x04);
	toutb(&t, 0x21, 0x01);
	irq(4, true);
	irq(4, false);
	cr_assert_not(vpic_has_interrupt(&pic), "level request withdrawn");
}

/* "Poll Command": OCW3 P=1 makes the next read return 1000 0WWW and
 * act as INTA. */
Test(dev_pic, poll_mode)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x20, 0x0c);
	cr_assert_eq(tinb(&t, 0x20), 0x00, "nothing requested");
	pulse(6);
	pulse(2 + 8); /* slave IR2 */
	toutb(&t, 0xa0, 0x0c);
	cr_assert_eq(tinb(&t, 0xa0), 0x82);
	cr_assert_eq(isr(0xa0), 0x04);
	toutb(&t, 0x20, 0x0c);
	cr_assert_eq(tinb(&t, 0x21), 0x86, "poll works on either port");
	cr_assert_eq(isr(0x20), 0x40);
	cr_assert_eq(tinb(&t, 0x21), 0x00, "poll is one read only");
}

/* "Interrupt Sequence": a request gone before INTA gives IR7's vector
 * and no ISR bit; behind IR2 the slave gives its IR7 while the master's
 * IR2 goes in service. */
Test(dev_pic, spurious_irq7_and_irq15)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x4d0, 0x08);
	toutb(&t, 0x4d1, 0x10);
	irq(3, true);
	cr_assert(vpic_has_interrupt(&pic));
	irq(3, false);
	cr_assert_eq(vpic_ack(&pic), 0x37);
	cr_assert_eq(isr(0x20), 0x00);
	cr_assert_eq(pic.spurious, 1);

	/* slave: take the master's view before the request vanishes */
	irq(12, true);
	cr_assert(vpic_has_interrupt(&pic));
	pic.pic[1].imr = 0x10;	/* the slave masks it at the last moment */
	pic.pic[0].irr |= 0x04; /* the master had latched IR2 */
	cr_assert_eq(vpic_ack(&pic), 0x3f);
	cr_assert_eq(isr(0x20), 0x04, "master IR2 needs its EOI");
	cr_assert_eq(isr(0xa0), 0x00);
	cr_assert_eq(pic.spurious, 2);
}

/* OCW2 set priority (110) and rotate on non-specific EOI (101). */
Test(dev_pic, rotation)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x20, 0xc3); /* IR3 lowest: IR4 highest */
	pulse(1);
	pulse(5);
	cr_assert_eq(vpic_ack(&pic), 0x35);
	toutb(&t, 0x20, 0xa0); /* rotate on EOI: IR5 becomes lowest */
	cr_assert_eq(isr(0x20), 0x00);
	pulse(5);
	cr_assert_eq(vpic_ack(&pic), 0x31, "IR1 now above IR5");
	toutb(&t, 0x20, 0xe1); /* rotate on specific EOI 1 */
	cr_assert_eq(isr(0x20), 0x00);
	cr_assert_eq(vpic_ack(&pic), 0x35);
}

/* Rotate in AEOI mode (OCW2 100): each acknowledged level becomes the
 * lowest. */
Test(dev_pic, rotate_in_auto_eoi)
{
	pic_setup(0x03, 0x03);
	toutb(&t, 0x20, 0x80);
	pulse(0);
	pulse(1);
	cr_assert_eq(vpic_ack(&pic), 0x30);
	pulse(0);
	cr_assert_eq(vpic_ack(&pic), 0x31, "IR0 rotated to lowest");
	cr_assert_eq(vpic_ack(&pic), 0x30);
}

/* "Special Mask Mode": with SMM on, masking the in-service level lets
 * lower levels in. */
Test(dev_pic, special_mask_mode)
{
	pic_setup(0x01, 0x01);
	pulse(1);
	cr_assert_eq(vpic_ack(&pic), 0x31);
	pulse(4);
	cr_assert_not(vpic_has_interrupt(&pic));
	toutb(&t, 0x20, 0x68); /* OCW3: set special mask */
	toutb(&t, 0x21, 0x02); /* mask IR1 */
	cr_assert(vpic_has_interrupt(&pic));
	cr_assert_eq(vpic_ack(&pic), 0x34);
	toutb(&t, 0x20, 0x48); /* reset special mask */
	toutb(&t, 0x21, 0x00);
	cr_assert_eq(isr(0x20), 0x12);
}

/* "Special Fully Nested Mode": the master takes a higher slave request
 * while the slave is in service; without SFNM it is held. */
Test(dev_pic, special_fully_nested)
{
	pic_setup(0x01, 0x01);
	pulse(12);
	cr_assert_eq(vpic_ack(&pic), 0x3c);
	pulse(9);
	cr_assert_not(vpic_has_interrupt(&pic));

	pic_setup(0x11, 0x01);
	pulse(12);
	cr_assert_eq(vpic_ack(&pic), 0x3c);
	pulse(9);
	cr_assert(vpic_has_interrupt(&pic));
	cr_assert_eq(vpic_ack(&pic), 0x39);
	pulse(3);
	cr_assert_not(vpic_has_interrupt(&pic), "IR3 below IR2 in service");
}

/* ICW1 resets the edge sense: a line already high needs a new edge;
 * IMR is cleared. */
Test(dev_pic, icw1_resets_edge_sense)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x21, 0xff);
	irq(4, true);
	toutb(&t, 0x20, 0x11);
	toutb(&t, 0x21, 0x40);
	toutb(&t, 0x21, 0x04);
	toutb(&t, 0x21, 0x01);
	cr_assert_eq(tinb(&t, 0x21), 0x00);
	cr_assert_not(vpic_has_interrupt(&pic));
	irq(4, false);
	irq(4, true);
	cr_assert_eq(vpic_ack(&pic), 0x44);
}

/* ICW1 with LTIM while a line is already high: in level mode the
 * request is the line, so it is pending at once (found by fuzzing). */
Test(dev_pic, icw1_ltim_takes_high_line)
{
	pic_setup(0x01, 0x01);
	irq(4, true);
	cr_assert_eq(vpic_ack(&pic), 0x34);
	toutb(&t, 0x20, 0x20);
	cr_assert_not(vpic_has_interrupt(&pic), "edge: no new edge");
	toutb(&t, 0x20, 0x19);
	toutb(&t, 0x21, 0x30);
	toutb(&t, 0x21, 0x04);
	toutb(&t, 0x21, 0x01);
	cr_assert(vpic_has_interrupt(&pic));
	cr_assert_eq(vpic_ack(&pic), 0x34);
}

/* Without ICW4 and in single mode the sequence is ICW1, ICW2 only. */
Test(dev_pic, single_mode_short_init)
{
	pic_setup(0x01, 0x01);
	toutb(&t, 0x20, 0x12); /* single, no ICW4 */
	toutb(&t, 0x21, 0x50);
	toutb(&t, 0x21, 0xfe); /* already OCW1 */
	cr_assert_eq(tinb(&t, 0x21), 0xfe);
	pulse(0);
	cr_assert_eq(vpic_ack(&pic), 0x50);
}
