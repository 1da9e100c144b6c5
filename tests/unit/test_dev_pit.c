// SPDX-License-Identifier: MIT
/* 8254 PIT: checked against the Intel 8254 datasheet (order 231164)
 * sections named in each test, and PC/AT port 0x61. */
#include <criterion/criterion.h>

#include <ksh/vdev_pit.h>

#include "test_dev_env.h"

static struct tenv t;
static struct vpit pit;

/* Nanoseconds for `ticks` input clocks, rounded up. */
static uint64_t tk(uint64_t ticks)
{
	return (ticks * 1000000000ull + VPIT_HZ - 1) / VPIT_HZ;
}

static void setup(void)
{
	tenv_init(&t, true);
	t.now = 5000000000ull; /* not zero: catches absolute/relative mixups */
	cr_assert_eq(vpit_init(&pit, &t.env), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &pit.dev), 0);
}

/* Programs channel c: control word, then LSB and MSB. */
static void program(unsigned int c, unsigned int mode, uint16_t count)
{
	toutb(&t, 0x43, (uint8_t)(c << 6 | 0x30 | mode << 1));
	toutb(&t, (uint16_t)(0x40 + c), (uint8_t)count);
	toutb(&t, (uint16_t)(0x40 + c), (uint8_t)(count >> 8));
}

static uint16_t read16(unsigned int c)
{
	uint8_t lo = tinb(&t, (uint16_t)(0x40 + c));

	return (uint16_t)(lo | tinb(&t, (uint16_t)(0x40 + c)) << 8);
}

static uint16_t latch16(unsigned int c)
{
	toutb(&t, 0x43, (uint8_t)(c << 6));
	return read16(c);
}

/* "Mode 0": OUT low after the count is written, high at terminal count,
 * one IRQ0 edge; the counter keeps counting down and wraps. */
Test(dev_pit, mode0_terminal_count)
{
	setup();
	program(0, 0, 1000);
	cr_assert_eq(latch16(0), 1000);
	cr_assert_not(vpit_out(&pit, 0));
	tenv_advance(&t, tk(400));
	cr_assert_eq(latch16(0), 600);
	cr_assert_eq(t.rises[0], 0);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus),
		     t.now - tk(400) + tk(1000));
	tenv_advance(&t, tk(600));
	cr_assert(vpit_out(&pit, 0));
	cr_assert_eq(t.rises[0], 1);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), VDEV_NO_DEADLINE);
	tenv_advance(&t, tk(5));
	cr_assert_eq(latch16(0), 65531, "wraps past zero");
	tenv_advance(&t, tk(70000));
	cr_assert_eq(t.rises[0], 1, "one shot");
}

/* "Mode 2": OUT low for one clock when the count reaches 1, reload N;
 * IRQ0 at every period. */
Test(dev_pit, mode2_rate_generator)
{
	setup();
	program(0, 2, 100);
	cr_assert(vpit_out(&pit, 0));
	tenv_advance(&t, tk(99));
	cr_assert_eq(vpit_count(&pit, 0), 1);
	cr_assert_not(vpit_out(&pit, 0));
	tenv_advance(&t, tk(1));
	cr_assert_eq(vpit_count(&pit, 0), 100);
	cr_assert_eq(t.rises[0], 1);
	for (int i = 0; i < 10; i++)
		tenv_advance(&t, tk(100) - tk(0));
	cr_assert_eq(t.rises[0], 11);
	cr_assert_eq(pit.irq_edges, 11);
	cr_assert_gt(vdev_bus_next_deadline(&t.bus), t.now);
}

/* "Mode 3": OUT high for N/2 and low for N/2, counting by two. */
Test(dev_pit, mode3_square_wave)
{
	setup();
	program(0, 3, 1000);
	cr_assert(vpit_out(&pit, 0));
	cr_assert_eq(vpit_count(&pit, 0), 1000);
	t.now += tk(100);
	cr_assert_eq(vpit_count(&pit, 0), 800);
	t.now += tk(400);
	cr_assert_not(vpit_out(&pit, 0));
	cr_assert_eq(vpit_count(&pit, 0), 1000);
	t.now += tk(499);
	cr_assert_not(vpit_out(&pit, 0));
	t.now += tk(1);
	cr_assert(vpit_out(&pit, 0));
	vdev_bus_tick(&t.bus);
	cr_assert_eq(t.rises[0], 1);
}

/* "Mode 1": the count starts on a GATE rising edge; OUT low until
 * terminal count. Counter 2's gate is port 0x61 bit 0. */
Test(dev_pit, mode1_gate_triggered)
{
	setup();
	program(2, 1, 50);
	cr_assert(vpit_out(&pit, 2));
	t.now += tk(100);
	cr_assert_eq(vpit_count(&pit, 2), 50, "no trigger yet");
	toutb(&t, 0x61, 0x01);
	cr_assert_not(vpit_out(&pit, 2));
	t.now += tk(20);
	cr_assert_eq(vpit_count(&pit, 2), 30);
	t.now += tk(30);
	cr_assert(vpit_out(&pit, 2));
	cr_assert_eq(tinb(&t, 0x61) & 0x20, 0x20);
	/* retrigger */
	toutb(&t, 0x61, 0x00);
	toutb(&t, 0x61, 0x01);
	cr_assert_not(vpit_out(&pit, 2));
	cr_assert_eq(vpit_count(&pit, 2), 50);
}

/* Linux's PIT TSC calibration: gate high, speaker off, counter 2 in
 * mode 0, poll 0x61 bit 5 until OUT2 goes high. */
Test(dev_pit, port61_calibration_loop)
{
	setup();
	toutb(&t, 0x61, (uint8_t)((tinb(&t, 0x61) & ~0x02) | 0x01));
	toutb(&t, 0x43, 0xb0);
	toutb(&t, 0x42, 0x9b); /* 11931: ~10 ms */
	toutb(&t, 0x42, 0x2e);
	uint64_t start = t.now;
	int polls = 0;

	while (!(tinb(&t, 0x61) & 0x20)) {
		t.now += 1000;
		polls++;
		cr_assert_lt(polls, 20000);
	}
	uint64_t took = t.now - start;

	cr_assert_geq(took, 9999000);
	cr_assert_leq(took, 10001000);
	cr_assert_eq(tinb(&t, 0x61) & 0x03, 0x01);
}

/* Gate low suspends counting in mode 0 ("GATE Pin Operations"). */
Test(dev_pit, mode0_gate_suspends)
{
	setup();
	toutb(&t, 0x61, 0x01);
	program(2, 0, 1000);
	t.now += tk(300);
	toutb(&t, 0x61, 0x00);
	t.now += tk(5000);
	cr_assert_eq(vpit_count(&pit, 2), 700);
	toutb(&t, 0x61, 0x01);
	t.now += tk(100);
	cr_assert_eq(vpit_count(&pit, 2), 600);
}

/* "Counter Latch Command": the value is frozen until read, a second
 * latch is ignored. */
Test(dev_pit, latch_command)
{
	setup();
	program(0, 2, 5000);
	t.now += tk(1000);
	toutb(&t, 0x43, 0x00);
	t.now += tk(1000);
	toutb(&t, 0x43, 0x00); /* ignored */
	cr_assert_eq(read16(0), 4000);
	cr_assert_eq(read16(0), 3000, "live again after the latch is read");
}

/* LSB-only and MSB-only access (RW = 01, 10). */
Test(dev_pit, lsb_msb_access)
{
	setup();
	toutb(&t, 0x43, 0x14); /* counter 0, LSB only, mode 2 */
	toutb(&t, 0x40, 200);
	cr_assert_eq(tinb(&t, 0x40), 200);
	cr_assert_eq(tinb(&t, 0x40), 200);
	toutb(&t, 0x43, 0x64); /* counter 1, MSB only, mode 2 */
	toutb(&t, 0x41, 0x12);
	cr_assert_eq(vpit_count(&pit, 1), 0x1200);
	t.now += tk(0x100);
	cr_assert_eq(tinb(&t, 0x41), 0x11);
}

/* "Read-Back Command": status byte (OUT, NULL COUNT, control bits),
 * status before count when both are latched. */
Test(dev_pit, read_back)
{
	setup();
	toutb(&t, 0x43, 0xb0); /* counter 2, LSB/MSB, mode 0 */
	toutb(&t, 0x43, 0xe8); /* read back status of counter 2 */
	cr_assert_eq(tinb(&t, 0x42), 0x70, "OUT low, null count, 11 000 0");
	toutb(&t, 0x61, 0x01);
	toutb(&t, 0x42, 0x10);
	toutb(&t, 0x42, 0x00);
	t.now += tk(0x20);
	toutb(&t, 0x43, 0xc8); /* count and status of counter 2 */
	cr_assert_eq(tinb(&t, 0x42), 0xb0, "OUT high, count loaded");
	cr_assert_eq(read16(2), 0xfff0);
	/* counters 0 and 1 together, count only */
	program(0, 2, 300);
	program(1, 2, 400);
	toutb(&t, 0x43, 0xd6);
	t.now += tk(50);
	cr_assert_eq(read16(0), 300);
	cr_assert_eq(read16(1), 400);
}

/* BCD counting: count 0 means 10^4. */
Test(dev_pit, bcd_count)
{
	setup();
	toutb(&t, 0x43, 0x35); /* counter 0, LSB/MSB, mode 2, BCD */
	toutb(&t, 0x40, 0x00);
	toutb(&t, 0x40, 0x00);
	t.now += tk(1);
	cr_assert_eq(latch16(0), 0x9999);
	t.now += tk(1233);
	cr_assert_eq(latch16(0), 0x8766);
}

/* Modes 2/3: a new count takes effect at the end of the period; null
 * count is set until then. */
Test(dev_pit, mode2_new_count_at_period_end)
{
	setup();
	program(0, 2, 1000);
	tenv_advance(&t, tk(300));
	toutb(&t, 0x40, 0x64); /* 100 */
	toutb(&t, 0x40, 0x00);
	cr_assert_eq(vpit_count(&pit, 0), 700, "old period continues");
	toutb(&t, 0x43, 0xe2);
	cr_assert_eq(tinb(&t, 0x40) & 0x40, 0x40, "null count");
	tenv_advance(&t, tk(700));
	cr_assert_eq(t.rises[0], 1);
	cr_assert_eq(vpit_count(&pit, 0), 100);
	tenv_advance(&t, tk(100));
	cr_assert_eq(t.rises[0], 2);
}

/* Mode 0: writing the first byte stops counting and sets OUT low. */
Test(dev_pit, mode0_rewrite_stops)
{
	setup();
	program(0, 0, 10);
	tenv_advance(&t, tk(20));
	cr_assert(vpit_out(&pit, 0));
	toutb(&t, 0x40, 0x50);
	cr_assert_not(vpit_out(&pit, 0));
	tenv_advance(&t, tk(1000));
	cr_assert_eq(t.rises[0], 1);
	toutb(&t, 0x40, 0x00);
	tenv_advance(&t, tk(0x50));
	cr_assert_eq(t.rises[0], 2);
}

/* Mode 4: a strobe one clock wide at terminal count. */
Test(dev_pit, mode4_strobe)
{
	setup();
	program(0, 4, 10);
	cr_assert(vpit_out(&pit, 0));
	t.now += tk(10);
	cr_assert_not(vpit_out(&pit, 0));
	t.now += tk(1);
	cr_assert(vpit_out(&pit, 0));
	vdev_bus_tick(&t.bus);
	cr_assert_eq(t.rises[0], 1);
}

/* The refresh bit toggles; bits 6-7 read 0; bits 2-3 read back. */
Test(dev_pit, port61_bits)
{
	setup();
	toutb(&t, 0x61, 0xff);
	uint8_t a = tinb(&t, 0x61);

	cr_assert_eq(a & 0xcf, 0x0f);
	t.now += 15085;
	cr_assert_neq(tinb(&t, 0x61) & 0x10, a & 0x10);
	cr_assert_eq(tinb(&t, 0x43), 0xff, "control register not readable");
}
