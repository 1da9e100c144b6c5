// SPDX-License-Identifier: MIT
/* MC146818 RTC and CMOS: checked against the Motorola MC146818A
 * datasheet sections named in each test and the IBM PC/AT CMOS map. */
#include <criterion/criterion.h>

#include <ksh/vdev_rtc.h>

#include "test_dev_env.h"

#define T_2024_02_29_134530 1709214330 /* a Thursday */
#define T_1999_12_31_235959 946684799

static struct tenv t;
static struct vrtc rtc;

static void setup_at(int64_t epoch, uint64_t below, uint64_t above)
{
	struct vrtc_config cfg = {
	    .epoch_s = epoch, .ram_below_4g = below, .ram_above_4g = above};

	tenv_init(&t, true);
	t.now = 7000000000ull;
	cr_assert_eq(vrtc_init(&rtc, &t.env, &cfg), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &rtc.dev), 0);
}

static uint8_t cmos(uint8_t i)
{
	toutb(&t, 0x70, i);
	return tinb(&t, 0x71);
}

static void wcmos(uint8_t i, uint8_t v)
{
	toutb(&t, 0x70, i);
	toutb(&t, 0x71, v);
}

/* Table 3, BCD 24-hour (what a PC BIOS sets: B = 02h). */
Test(dev_rtc, time_in_bcd)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	cr_assert_eq(cmos(0), 0x30);
	cr_assert_eq(cmos(2), 0x45);
	cr_assert_eq(cmos(4), 0x13);
	cr_assert_eq(cmos(6), 5, "Thursday (Sunday = 1)");
	cr_assert_eq(cmos(7), 0x29);
	cr_assert_eq(cmos(8), 0x02);
	cr_assert_eq(cmos(9), 0x24);
	cr_assert_eq(cmos(0x32), 0x20, "century");
	cr_assert_eq(cmos(0x0a), 0x26);
	cr_assert_eq(cmos(0x0b), 0x02);
	cr_assert_eq(cmos(0x0d), 0x80, "VRT");
}

/* Register B DM = 1: binary; 24/12 = 0: 12-hour with bit 7 = PM. */
Test(dev_rtc, binary_and_12_hour)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	wcmos(0x0b, 0x06);
	cr_assert_eq(cmos(0), 30);
	cr_assert_eq(cmos(4), 13);
	cr_assert_eq(cmos(9), 24);
	wcmos(0x0b, 0x04);
	cr_assert_eq(cmos(4), 0x81, "1 PM");
	wcmos(0x0b, 0x00);
	cr_assert_eq(cmos(4), 0x81, "1 PM in BCD");
	setup_at(T_2024_02_29_134530 - 13 * 3600, 0, 0); /* 00:45 */
	wcmos(0x0b, 0x00);
	cr_assert_eq(cmos(4), 0x12, "midnight hour is 12 AM");
	/* writing 12-hour values: 11 PM */
	wcmos(0x04, 0x91);
	wcmos(0x0b, 0x02);
	cr_assert_eq(cmos(4), 0x23);
}

/* The clock runs from the time source, with calendar rollover. */
Test(dev_rtc, counting_and_rollover)
{
	setup_at(T_1999_12_31_235959, 0, 0);
	t.now += 999999999;
	cr_assert_eq(cmos(0), 0x59);
	t.now += 1;
	cr_assert_eq(cmos(0), 0x00);
	cr_assert_eq(cmos(2), 0x00);
	cr_assert_eq(cmos(4), 0x00);
	cr_assert_eq(cmos(7), 0x01);
	cr_assert_eq(cmos(8), 0x01);
	cr_assert_eq(cmos(9), 0x00);
	cr_assert_eq(cmos(0x32), 0x20);
	cr_assert_eq(cmos(6), 7, "2000-01-01 was a Saturday");
	t.now += 61ull * 1000000000;
	cr_assert_eq(cmos(0), 0x01);
	cr_assert_eq(cmos(2), 0x01);
	cr_assert_eq(vrtc_time(&rtc), 946684800 + 61);
}

/* Register B SET: updates stop, the registers can be written, and the
 * clock restarts from them when SET is cleared; SET clears UIE. */
Test(dev_rtc, set_time)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	wcmos(0x0b, 0x92);
	cr_assert_eq(cmos(0x0b), 0x82, "UIE cleared by SET");
	wcmos(0, 0x05);
	wcmos(2, 0x00);
	wcmos(4, 0x00);
	wcmos(7, 0x15);
	wcmos(8, 0x06);
	wcmos(9, 0x30);
	t.now += 5000000000ull;
	cr_assert_eq(cmos(0), 0x05, "held while SET");
	cr_assert_eq(cmos(0x0a) & 0x80, 0, "no UIP while SET");
	wcmos(0x0b, 0x02);
	cr_assert_eq(vrtc_time(&rtc), 1907712005);
	t.now += 2000000000ull;
	cr_assert_eq(cmos(0), 0x07);
	cr_assert_eq(cmos(6), 7, "2030-06-15 is a Saturday");
}

/* Writing a time register without SET moves the clock and it runs on. */
Test(dev_rtc, write_without_set)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	wcmos(2, 0x10);
	cr_assert_eq(vrtc_time(&rtc), T_2024_02_29_134530 - 35 * 60);
	wcmos(8, 0x13); /* out of range month: clamped */
	cr_assert_eq(cmos(8), 0x12);
	t.now += 3000000000ull;
	cr_assert_eq(cmos(0), 0x33);
}

/* Register A UIP: set in the 244 us before the update, clear otherwise;
 * bit 7 ignores writes. */
Test(dev_rtc, update_in_progress)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	cr_assert_eq(cmos(0x0a) & 0x80, 0);
	t.now += 1000000000ull - 244000 - 1;
	cr_assert_eq(cmos(0x0a) & 0x80, 0);
	t.now += 1;
	cr_assert_eq(cmos(0x0a) & 0x80, 0x80);
	cr_assert_eq(cmos(0), 0x30, "not yet updated");
	t.now += 244000;
	cr_assert_eq(cmos(0x0a) & 0x80, 0);
	cr_assert_eq(cmos(0), 0x31);
	wcmos(0x0a, 0xa6);
	cr_assert_eq(cmos(0x0a), 0x26);
}

/* "Periodic Interrupt": PF at the Table 5 rate; with PIE, IRQF and IRQ8;
 * reading C clears the flags and the line. */
Test(dev_rtc, periodic_interrupt)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	t.now = 0;
	rtc.base_ns = 0;
	rtc.seen_pf = 0;
	wcmos(0x0a, 0x26); /* 1024 Hz: 976.5625 us */
	wcmos(0x0b, 0x42);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), 976563);
	tenv_advance(&t, 976562);
	cr_assert_not(t.level[8]);
	tenv_advance(&t, 1);
	cr_assert(t.level[8]);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), VDEV_NO_DEADLINE,
		     "nothing more until C is read");
	cr_assert_eq(cmos(0x0c), 0xc0);
	cr_assert_not(t.level[8]);
	cr_assert_eq(cmos(0x0c), 0x00);
	wcmos(0x0a, 0x23); /* 8192 Hz: 122.07 us */
	uint64_t d = vdev_bus_next_deadline(&t.bus);

	/* 32 clocks done at 976563 ns; the next 4-clock boundary is 36 */
	cr_assert_eq(d, 1098633);
	wcmos(0x0a, 0x20);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), VDEV_NO_DEADLINE);
	/* PF is set even without PIE */
	wcmos(0x0b, 0x02);
	wcmos(0x0a, 0x2f); /* 2 Hz */
	t.now += 500000000;
	cr_assert_eq(cmos(0x0c), 0x40);
	cr_assert_eq(rtc.dev.env->irq, &t.rec);
	cr_assert_eq(t.rises[8], 1);
}

/* "Update-Ended Interrupt": UF after each update, IRQ with UIE. */
Test(dev_rtc, update_ended_interrupt)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	wcmos(0x0a, 0x20); /* no periodic flag in the way */
	wcmos(0x0b, 0x12);
	cr_assert_eq(vdev_bus_next_deadline(&t.bus), t.now + 1000000000ull);
	tenv_advance(&t, 1000000000ull);
	cr_assert(t.level[8]);
	cr_assert_eq(cmos(0x0c), 0x90);
	cr_assert_gt(vdev_bus_next_deadline(&t.bus), t.now);
}

/* "Alarm Interrupt": AF when time equals the alarm bytes; C0-FF in an
 * alarm byte means "don't care". */
Test(dev_rtc, alarm)
{
	setup_at(T_2024_02_29_134530, 0, 0);
	wcmos(0x0a, 0x20);
	wcmos(1, 0x33);
	wcmos(3, 0x45);
	wcmos(5, 0x13);
	wcmos(0x0b, 0x22);
	tenv_advance(&t, 2000000000ull);
	cr_assert_not(t.level[8]);
	cr_assert_eq(cmos(0x0c), 0x10, "UF only");
	tenv_advance(&t, 1000000000ull);
	cr_assert(t.level[8]);
	cr_assert_eq(cmos(0x0c), 0xb0);
	/* every second */
	wcmos(1, 0xc0);
	wcmos(3, 0xff);
	wcmos(5, 0xc3);
	tenv_advance(&t, 1000000000ull);
	cr_assert_eq(cmos(0x0c), 0xb0);
	/* a missed alarm is seen even after a long gap */
	wcmos(0x0b, 0x02);
	wcmos(1, 0x00);
	wcmos(3, 0x00);
	wcmos(5, 0x00);
	t.now += 86400ull * 1000000000;
	cr_assert_eq(cmos(0x0c) & 0x20, 0x20);
}

/* Port 0x70 bit 7 masks NMI; the index is 7 bits; 0x70 reads 0xFF;
 * CMOS RAM bytes keep what is written; C and D are read-only. */
Test(dev_rtc, index_nmi_and_ram)
{
	setup_at(0, 0, 0);
	toutb(&t, 0x70, 0x80 | 0x40);
	cr_assert(rtc.nmi_masked);
	toutb(&t, 0x71, 0x5a);
	toutb(&t, 0x70, 0x40);
	cr_assert_not(rtc.nmi_masked);
	cr_assert_eq(tinb(&t, 0x71), 0x5a);
	cr_assert_eq(tinb(&t, 0x70), 0xff);
	wcmos(0x7f, 0x11);
	cr_assert_eq(cmos(0x7f), 0x11);
	wcmos(0x0d, 0x00);
	cr_assert_eq(cmos(0x0d), 0x80);
	wcmos(0x0c, 0xff);
	cr_assert_eq(cmos(0x0c) & 0x30, 0x00);
	cr_assert_eq(cmos(9), 0x70, "1970");
}

/* PC/AT CMOS map: base memory 640 KiB, extended memory in KiB (capped),
 * memory above 16 MiB and above 4 GiB in 64 KiB units, and the
 * big-endian checksum of 10h-2Dh at 2Eh. */
Test(dev_rtc, memory_size_fields)
{
	setup_at(0, 256ull << 20, 4ull << 30);
	cr_assert_eq(cmos(0x15), 0x80);
	cr_assert_eq(cmos(0x16), 0x02);
	cr_assert_eq(cmos(0x17), 0xff);
	cr_assert_eq(cmos(0x18), 0xff);
	cr_assert_eq(cmos(0x30), 0xff);
	cr_assert_eq(cmos(0x31), 0xff);
	cr_assert_eq(cmos(0x34), 0x00);
	cr_assert_eq(cmos(0x35), 0x0f);
	cr_assert_eq(cmos(0x5b), 0x00);
	cr_assert_eq(cmos(0x5c), 0x00);
	cr_assert_eq(cmos(0x5d), 0x01);
	unsigned int sum = 0;

	for (uint8_t i = 0x10; i <= 0x2d; i++)
		sum += cmos(i);
	cr_assert_eq(cmos(0x2e), (sum >> 8) & 0xff);
	cr_assert_eq(cmos(0x2f), sum & 0xff);

	setup_at(0, 32ull << 20, 0);
	cr_assert_eq(cmos(0x17) | cmos(0x18) << 8, 31 * 1024);
	cr_assert_eq(cmos(0x34) | cmos(0x35) << 8, 256);
}
