// SPDX-License-Identifier: MIT
/* Port 0x80 and the i8042 controller (IBM PC/AT Technical Reference,
 * "Keyboard Controller"). */
#include <criterion/criterion.h>

#include <ksh/vdev_legacy.h>

#include "test_dev_env.h"

static struct tenv t;
static struct vkbc kbc;
static struct vpost post;

static void setup(void)
{
	tenv_init(&t, true);
	cr_assert_eq(vkbc_init(&kbc, &t.env), 0);
	cr_assert_eq(vpost_init(&post, &t.env), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &kbc.dev), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &post.dev), 0);
}

Test(dev_legacy, post_port)
{
	setup();
	toutb(&t, 0x80, 0x42);
	toutb(&t, 0x80, 0x43);
	cr_assert_eq(post.last, 0x43);
	cr_assert_eq(post.writes, 2);
	cr_assert_eq(tinb(&t, 0x80), 0x43);
	cr_assert_eq(t.bus.unclaimed, 0);
}

/* Status: system flag, not inhibited, no output until asked. */
Test(dev_legacy, status_and_self_test)
{
	setup();
	cr_assert_eq(tinb(&t, 0x64), 0x14);
	toutb(&t, 0x64, 0xaa);
	cr_assert_eq(tinb(&t, 0x64), 0x1d, "OBF, command last");
	cr_assert_eq(tinb(&t, 0x60), 0x55);
	cr_assert_eq(tinb(&t, 0x64) & 0x01, 0);
	toutb(&t, 0x64, 0xab);
	cr_assert_eq(tinb(&t, 0x60), 0x00);
	toutb(&t, 0x64, 0xa9);
	cr_assert_eq(tinb(&t, 0x60), 0x00);
}

/* 20h/60h read and write the command byte; 60h data clears bit 3. */
Test(dev_legacy, command_byte)
{
	setup();
	toutb(&t, 0x64, 0x20);
	cr_assert_eq(tinb(&t, 0x60), 0x45);
	toutb(&t, 0x64, 0x60);
	toutb(&t, 0x60, 0x74);
	cr_assert_eq(tinb(&t, 0x64) & 0x08, 0);
	toutb(&t, 0x64, 0x20);
	cr_assert_eq(tinb(&t, 0x60), 0x74);
	toutb(&t, 0x64, 0xae);
	toutb(&t, 0x64, 0xa8);
	toutb(&t, 0x64, 0x20);
	cr_assert_eq(tinb(&t, 0x60), 0x44);
	/* Any output raises IRQ1 while command byte bit 0 is set: only the
	 * first read-back, before 74h turned it off. */
	cr_assert_eq(t.rises[1], 1);
	cr_assert_not(t.level[1]);
}

/* FEh pulses the reset line; FFh pulses nothing; D1h with bit 0 = 0
 * drives reset, with bit 0 = 1 does not. */
Test(dev_legacy, reset)
{
	setup();
	toutb(&t, 0x64, 0xff);
	cr_assert_eq(t.resets, 0);
	toutb(&t, 0x64, 0xfe);
	cr_assert_eq(t.resets, 1);
	cr_assert_eq(kbc.resets, 1);
	toutb(&t, 0x64, 0xd1);
	toutb(&t, 0x60, 0x03);
	cr_assert_eq(t.resets, 1);
	toutb(&t, 0x64, 0xd0);
	cr_assert_eq(tinb(&t, 0x60), 0x03);
	toutb(&t, 0x64, 0xd1);
	toutb(&t, 0x60, 0x02);
	cr_assert_eq(t.resets, 2);
}

/* No keyboard: a byte sent to it comes back as FEh with time-out, on
 * IRQ1 when the command byte enables it; reading lowers the line. */
Test(dev_legacy, absent_keyboard_times_out)
{
	setup();
	toutb(&t, 0x60, 0xf2);
	cr_assert_eq(tinb(&t, 0x64) & 0x41, 0x41);
	cr_assert(t.level[1]);
	cr_assert_eq(tinb(&t, 0x60), 0xfe);
	cr_assert_not(t.level[1]);
	cr_assert_eq(tinb(&t, 0x64) & 0x41, 0x00);
}

/* D3h (aux loopback, Linux's AUX probe) and D4h to the absent mouse:
 * AUX OBF, IRQ12 only with command byte bit 1. */
Test(dev_legacy, aux_port)
{
	setup();
	toutb(&t, 0x64, 0xd3);
	toutb(&t, 0x60, 0x5a);
	cr_assert_eq(tinb(&t, 0x64) & 0x21, 0x21);
	cr_assert_not(t.level[12]);
	cr_assert_eq(tinb(&t, 0x60), 0x5a);
	toutb(&t, 0x64, 0x60);
	toutb(&t, 0x60, 0x47);
	toutb(&t, 0x64, 0xd4);
	toutb(&t, 0x60, 0xff);
	cr_assert(t.level[12]);
	cr_assert_eq(tinb(&t, 0x64) & 0x61, 0x61);
	cr_assert_eq(tinb(&t, 0x60), 0xfe);
	cr_assert_not(t.level[12]);
}
