// SPDX-License-Identifier: MIT
/*
 * MC146818 real-time clock and CMOS RAM.
 *
 * Reference: Motorola MC146818A datasheet: "Address Map" (Figure 3),
 * "Time, Calendar and Alarm Locations" (Table 3: BCD/binary, 12/24-hour
 * formats), "Register A" (UIP, DV2-0, RS3-0; Table 5 periodic rates),
 * "Register B" (SET, PIE, AIE, UIE, SQWE, DM, 24/12, DSE), "Register C"
 * (IRQF, PF, AF, UF; cleared by reading), "Register D" (VRT), "Update
 * Cycle", "Interrupts". CMOS RAM layout: IBM PC/AT Technical Reference,
 * "CMOS RAM Address Map" (0x10-0x2F with checksum at 0x2E-0x2F, base and
 * extended memory at 0x15-0x18, 0x30-0x31, century at 0x32), plus the
 * 64 KiB-unit fields at 0x34-0x35 and 0x5B-0x5D that SeaBIOS reads.
 *
 * The update cycle is taken as instantaneous at each second boundary;
 * UIP is set in the 244 us before it, which is the guarantee software
 * relies on ("UIP = 0: no update for at least 244 us"). DV2-0 are stored
 * but the divider is always running. Daylight saving (DSE) is not done.
 */
#include <ksh/vdev_rtc.h>

#include "vdev_string.h"

#define NS_PER_S 1000000000ull
#define UIP_NS	 244000u
#define MAX_YEAR 9999

enum {
	REG_SEC = 0,
	REG_SEC_ALARM = 1,
	REG_MIN = 2,
	REG_MIN_ALARM = 3,
	REG_HOUR = 4,
	REG_HOUR_ALARM = 5,
	REG_WDAY = 6,
	REG_MDAY = 7,
	REG_MONTH = 8,
	REG_YEAR = 9,
	REG_A = 0x0a,
	REG_B = 0x0b,
	REG_C = 0x0c,
	REG_D = 0x0d,
	REG_CENTURY = 0x32,

	A_UIP = 0x80,
	B_SET = 0x80,
	B_PIE = 0x40,
	B_AIE = 0x20,
	B_UIE = 0x10,
	B_DM_BINARY = 0x04,
	B_24H = 0x02,
	C_IRQF = 0x80,
	C_PF = 0x40,
	C_AF = 0x20,
	C_UF = 0x10,
	D_VRT = 0x80,
};

struct rtc_tm {
	int64_t year;
	unsigned int mon, mday, hour, min, sec, wday; /* wday 0 = Sunday */
};

/* Days since 1970-01-01 of a proleptic Gregorian date (year >= 1970). */
static int64_t days_from_civil(int64_t y, unsigned int m, unsigned int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, struct rtc_tm *tm)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm->mday = (unsigned int)(doy - (153 * mp + 2) / 5 + 1);
	tm->mon = (unsigned int)(mp < 10 ? mp + 3 : mp - 9);
	tm->year = yoe + era * 400 + (tm->mon <= 2);
}

static bool leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned int month_days(int64_t y, unsigned int m)
{
	static const uint8_t days[12] = {31, 28, 31, 30, 31, 30,
					 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static void tm_from_epoch(int64_t t, struct rtc_tm *tm)
{
	int64_t days = t / 86400, rem = t % 86400;

	civil_from_days(days, tm);
	tm->hour = (unsigned int)(rem / 3600);
	tm->min = (unsigned int)(rem / 60 % 60);
	tm->sec = (unsigned int)(rem % 60);
	tm->wday = (unsigned int)((days + 4) % 7); /* 1970-01-01: Thursday */
}

static int64_t epoch_from_tm(const struct rtc_tm *tm)
{
	return days_from_civil(tm->year, tm->mon, tm->mday) * 86400 +
	       tm->hour * 3600 + tm->min * 60 + tm->sec;
}

static unsigned int clampu(unsigned int v, unsigned int lo, unsigned int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Register values outside their ranges (a guest may write anything) are
 * clamped so the clock always holds a real date. */
static void tm_clamp(struct rtc_tm *tm)
{
	if (tm->year < 1970)
		tm->year = 1970;
	if (tm->year > MAX_YEAR)
		tm->year = MAX_YEAR;
	tm->mon = clampu(tm->mon, 1, 12);
	tm->mday = clampu(tm->mday, 1, month_days(tm->year, tm->mon));
	tm->hour = clampu(tm->hour, 0, 23);
	tm->min = clampu(tm->min, 0, 59);
	tm->sec = clampu(tm->sec, 0, 59);
}

static bool binary(const struct vrtc *r)
{
	return r->cmos[REG_B] & B_DM_BINARY;
}

static uint8_t enc(const struct vrtc *r, unsigned int v)
{
	return binary(r) ? (uint8_t)v : (uint8_t)((v / 10) << 4 | v % 10);
}

static unsigned int dec(const struct vrtc *r, uint8_t v)
{
	return binary(r) ? v : (unsigned int)(v >> 4) * 10 + (v & 15);
}

/* Table 3: in 12-hour mode hours are 1-12 with bit 7 set for PM. */
static uint8_t enc_hour(const struct vrtc *r, unsigned int h)
{
	unsigned int h12;

	if (r->cmos[REG_B] & B_24H)
		return enc(r, h);
	h12 = h % 12 ? h % 12 : 12;
	return (uint8_t)(enc(r, h12) | (h >= 12 ? 0x80 : 0));
}

static unsigned int dec_hour(const struct vrtc *r, uint8_t v)
{
	unsigned int h;

	if (r->cmos[REG_B] & B_24H)
		return dec(r, v);
	h = dec(r, v & 0x7f) % 12;
	return v & 0x80 ? h + 12 : h;
}

/* Time registers 0-9 of `tm` in the current format (alarms excluded). */
static void regs_from_tm(const struct vrtc *r, const struct rtc_tm *tm,
			 uint8_t regs[10])
{
	regs[REG_SEC] = enc(r, tm->sec);
	regs[REG_MIN] = enc(r, tm->min);
	regs[REG_HOUR] = enc_hour(r, tm->hour);
	regs[REG_WDAY] = enc(r, tm->wday + 1); /* 1 = Sunday */
	regs[REG_MDAY] = enc(r, tm->mday);
	regs[REG_MONTH] = enc(r, tm->mon);
	regs[REG_YEAR] = enc(r, (unsigned int)(tm->year % 100));
}

static void tm_from_regs(const struct vrtc *r, const uint8_t regs[10],
			 unsigned int century, struct rtc_tm *tm)
{
	tm->sec = dec(r, regs[REG_SEC]);
	tm->min = dec(r, regs[REG_MIN]);
	tm->hour = dec_hour(r, regs[REG_HOUR]);
	tm->mday = dec(r, regs[REG_MDAY]);
	tm->mon = dec(r, regs[REG_MONTH]);
	tm->year = (int64_t)century * 100 + dec(r, regs[REG_YEAR]) % 100;
	tm_clamp(tm);
}

static uint64_t since_base(const struct vrtc *r, uint64_t now)
{
	return now > r->base_ns ? now - r->base_ns : 0;
}

static bool set_mode(const struct vrtc *r)
{
	return r->cmos[REG_B] & B_SET;
}

static int64_t rtc_now_s(const struct vrtc *r, uint64_t now)
{
	return r->base_s + (int64_t)(since_base(r, now) / NS_PER_S);
}

/* Moves the clock to wall time `s` keeping the position in the second. */
static void rebase(struct vrtc *r, int64_t s, uint64_t now)
{
	uint64_t frac = since_base(r, now) % NS_PER_S;

	r->base_ns = now - frac;
	r->base_s = s;
	r->seen_s = 0;
}

/* Table 5: periodic rate in 32.768 kHz clocks; 0 = none. */
static uint64_t pf_period(const struct vrtc *r)
{
	unsigned int rs = r->cmos[REG_A] & 0x0f;

	if (rs == 0)
		return 0;
	if (rs <= 2)
		return rs == 1 ? 128 : 256;
	return 1ull << (rs - 1);
}

static uint64_t ticks32k(uint64_t ns)
{
	return ns / NS_PER_S * 32768 + ns % NS_PER_S * 32768 / NS_PER_S;
}

static uint64_t ns_of_ticks32k(uint64_t t)
{
	uint64_t a = t / 32768, b = t % 32768;

	if (a >= UINT64_MAX / NS_PER_S - 1)
		return UINT64_MAX;
	return a * NS_PER_S + (b * NS_PER_S + 32767) / 32768;
}

static bool alarm_match(const struct vrtc *r, int64_t t)
{
	static const uint8_t alarm[3] = {REG_SEC_ALARM, REG_MIN_ALARM,
					 REG_HOUR_ALARM};
	struct rtc_tm tm;
	uint8_t regs[10];

	tm_from_epoch(t, &tm);
	regs_from_tm(r, &tm, regs);
	for (unsigned int i = 0; i < 3; i++) {
		uint8_t a = r->cmos[alarm[i]];

		/* "Don't care": the two high bits set. */
		if ((a & 0xc0) != 0xc0 && a != regs[alarm[i] - 1])
			return false;
	}
	return true;
}

/* Brings the flags of register C up to `now`. */
static void rtc_sync(struct vrtc *r, uint64_t now)
{
	uint64_t p = pf_period(r), n;

	if (p) {
		n = ticks32k(now) / p;
		if (n > r->seen_pf) {
			r->flags |= C_PF;
			r->seen_pf = n;
		}
	}
	if (set_mode(r))
		return; /* SET inhibits updates */
	n = since_base(r, now) / NS_PER_S;
	if (n > r->seen_s) {
		/* One update cycle per second; any second of a day
		 * matches a valid alarm, so one day of them is enough. */
		uint64_t first = r->seen_s + 1;

		if (n - first >= 86400)
			first = n - 86399;
		for (uint64_t s = first; s <= n && !(r->flags & C_AF); s++)
			if (alarm_match(r, r->base_s + (int64_t)s)) {
				r->flags |= C_AF;
				break;
			}
		r->flags |= C_UF;
		r->seen_s = n;
	}
}

static uint8_t irqf(const struct vrtc *r)
{
	uint8_t en = r->cmos[REG_B] & (B_PIE | B_AIE | B_UIE);

	/* PF, AF, UF line up with PIE, AIE, UIE. */
	return (r->flags & en) ? C_IRQF : 0;
}

static void rtc_update_irq(struct vrtc *r)
{
	bool level = irqf(r);

	if (level != r->irq_level) {
		r->irq_level = level;
		vdev_set_irq(&r->dev, r->irq, level);
	}
}

static void current_regs(struct vrtc *r, uint64_t now, uint8_t regs[10])
{
	struct rtc_tm tm;

	if (set_mode(r)) {
		memcpy(regs, r->held, 10);
		return;
	}
	tm_from_epoch(rtc_now_s(r, now), &tm);
	regs_from_tm(r, &tm, regs);
}

static unsigned int century_of(struct vrtc *r, uint64_t now)
{
	struct rtc_tm tm;

	tm_from_epoch(rtc_now_s(r, now), &tm);
	return (unsigned int)(tm.year / 100);
}

static uint8_t rtc_reg_read(struct vrtc *r, unsigned int i, uint64_t now)
{
	uint8_t regs[10], v;

	switch (i) {
	case REG_SEC:
	case REG_MIN:
	case REG_HOUR:
	case REG_WDAY:
	case REG_MDAY:
	case REG_MONTH:
	case REG_YEAR:
		current_regs(r, now, regs);
		return regs[i];
	case REG_A:
		v = r->cmos[REG_A] & 0x7f;
		if (!set_mode(r) &&
		    since_base(r, now) % NS_PER_S >= NS_PER_S - UIP_NS)
			v |= A_UIP;
		return v;
	case REG_C:
		v = r->flags | irqf(r);
		r->flags = 0; /* all bits clear on read */
		rtc_update_irq(r);
		return v;
	case REG_D:
		return D_VRT; /* battery fine */
	case REG_CENTURY:
		return (uint8_t)((century_of(r, now) / 10) << 4 |
				 century_of(r, now) % 10);
	default:
		return r->cmos[i];
	}
}

static void set_time_reg(struct vrtc *r, unsigned int i, uint8_t v,
			 uint64_t now)
{
	uint8_t regs[10];
	struct rtc_tm tm;

	if (set_mode(r)) {
		r->held[i] = v;
		return;
	}
	/* Without SET the counters take the new value and run on. */
	current_regs(r, now, regs);
	regs[i] = v;
	tm_from_regs(r, regs, century_of(r, now), &tm);
	rebase(r, epoch_from_tm(&tm), now);
}

static void rtc_reg_write(struct vrtc *r, unsigned int i, uint8_t v,
			  uint64_t now)
{
	uint8_t old;
	struct rtc_tm tm;

	switch (i) {
	case REG_SEC:
	case REG_MIN:
	case REG_HOUR:
	case REG_WDAY:
	case REG_MDAY:
	case REG_MONTH:
	case REG_YEAR:
		if (i != REG_WDAY)
			set_time_reg(r, i, v, now);
		else if (set_mode(r))
			r->held[i] = v; /* the weekday is derived otherwise */
		break;
	case REG_A:
		r->cmos[REG_A] = v & 0x7f; /* UIP is read-only */
		/* A new rate counts from the next period boundary. */
		if (pf_period(r))
			r->seen_pf = ticks32k(now) / pf_period(r);
		break;
	case REG_B:
		old = r->cmos[REG_B];
		if (v & B_SET)
			v &= (uint8_t)~B_UIE; /* SET clears UIE */
		if ((v & B_SET) && !(old & B_SET)) {
			/* Freeze the time in the format now being set. */
			tm_from_epoch(rtc_now_s(r, now), &tm);
			r->cmos[REG_B] = v;
			regs_from_tm(r, &tm, r->held);
		}
		r->cmos[REG_B] = v;
		if ((old & B_SET) && !(v & B_SET)) {
			tm_from_regs(r, r->held, century_of(r, now), &tm);
			r->base_s = epoch_from_tm(&tm);
			r->base_ns = now;
			r->seen_s = 0;
		}
		break;
	case REG_C:
	case REG_D:
		break; /* read-only */
	case REG_CENTURY:
		if (!set_mode(r)) {
			tm_from_epoch(rtc_now_s(r, now), &tm);
			tm.year = tm.year % 100 +
				  100 * (int64_t)((v >> 4) * 10 + (v & 15));
			tm_clamp(&tm);
			rebase(r, epoch_from_tm(&tm), now);
		}
		break;
	default:
		r->cmos[i] = v;
		break;
	}
}

static int rtc_read(struct vdev *dev, unsigned int idx, uint64_t off,
		    unsigned int size, uint64_t *val)
{
	struct vrtc *r = (struct vrtc *)dev;
	uint64_t now = vdev_now(dev);

	(void)idx;
	(void)size;
	if (off == 0) {
		*val = 0xff; /* the index register is write-only */
		return 0;
	}
	rtc_sync(r, now);
	*val = rtc_reg_read(r, r->index, now);
	rtc_update_irq(r);
	return 0;
}

static int rtc_write(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t val)
{
	struct vrtc *r = (struct vrtc *)dev;
	uint64_t now = vdev_now(dev);

	(void)idx;
	(void)size;
	if (off == 0) {
		r->index = val & 0x7f;
		r->nmi_masked = val & 0x80;
		return 0;
	}
	rtc_sync(r, now);
	rtc_reg_write(r, r->index, (uint8_t)val, now);
	rtc_update_irq(r);
	return 0;
}

static uint64_t rtc_deadline(struct vdev *dev)
{
	struct vrtc *r = (struct vrtc *)dev;
	uint8_t b = r->cmos[REG_B];
	uint64_t best = VDEV_NO_DEADLINE, p = pf_period(r), t;

	if ((b & B_PIE) && !(r->flags & C_PF) && p) {
		t = ns_of_ticks32k((r->seen_pf + 1) * p);
		if (t < best)
			best = t;
	}
	if (!(b & B_SET) && (((b & B_UIE) && !(r->flags & C_UF)) ||
			     ((b & B_AIE) && !(r->flags & C_AF)))) {
		t = r->base_ns + (r->seen_s + 1) * NS_PER_S;
		if (t < best && t > r->base_ns)
			best = t;
	}
	return best;
}

static void rtc_tick(struct vdev *dev, uint64_t now)
{
	struct vrtc *r = (struct vrtc *)dev;

	rtc_sync(r, now);
	rtc_update_irq(r);
}

static const struct vdev_ops rtc_ops = {
    .read = rtc_read,
    .write = rtc_write,
    .tick = rtc_tick,
    .deadline = rtc_deadline,
};

static void put16(uint8_t *p, uint64_t v)
{
	if (v > 0xffff)
		v = 0xffff;
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

/* IBM PC/AT CMOS map: equipment, memory sizes and checksum. */
static void cmos_layout(struct vrtc *r, const struct vrtc_config *cfg)
{
	uint64_t below = cfg->ram_below_4g, ext = 0, above16 = 0;
	uint64_t high = cfg->ram_above_4g >> 16;
	unsigned int sum = 0;

	if (below > 0x100000)
		ext = (below - 0x100000) >> 10;
	if (below > 0x1000000)
		above16 = (below - 0x1000000) >> 16;
	r->cmos[0x14] = 0x02; /* equipment: math coprocessor, VGA, no FDD */
	put16(&r->cmos[0x15], below >= 0xa0000 ? 640 : below >> 10);
	put16(&r->cmos[0x17], ext);
	put16(&r->cmos[0x30], ext);
	put16(&r->cmos[0x34], above16);
	if (high > 0xffffff)
		high = 0xffffff;
	r->cmos[0x5b] = (uint8_t)high;
	r->cmos[0x5c] = (uint8_t)(high >> 8);
	r->cmos[0x5d] = (uint8_t)(high >> 16);
	for (unsigned int i = 0x10; i <= 0x2d; i++)
		sum += r->cmos[i];
	r->cmos[0x2e] = (uint8_t)(sum >> 8);
	r->cmos[0x2f] = (uint8_t)sum;
}

int64_t vrtc_time(struct vrtc *r)
{
	uint64_t now = vdev_now(&r->dev);
	uint8_t regs[10];
	struct rtc_tm tm;

	if (!set_mode(r))
		return rtc_now_s(r, now);
	memcpy(regs, r->held, 10);
	tm_from_regs(r, regs, century_of(r, now), &tm);
	return epoch_from_tm(&tm);
}

int vrtc_init(struct vrtc *r, struct vdev_env *env,
	      const struct vrtc_config *cfg)
{
	uint64_t now;
	struct rtc_tm tm;

	memset(r, 0, sizeof(*r));
	vdev_init(&r->dev, &rtc_ops, "rtc", env);
	if (vdev_add_range(&r->dev, VDEV_PIO, 0x70, 2, VDEV_SZ1) < 0)
		return -VDEV_EINVAL;
	r->irq = 8;
	/* What a PC BIOS leaves: 32.768 kHz divider, 1024 Hz rate, 24-hour
	 * BCD, no interrupts. */
	r->cmos[REG_A] = 0x26;
	r->cmos[REG_B] = B_24H;
	now = vdev_now(&r->dev);
	tm_from_epoch(cfg->epoch_s > 0 ? cfg->epoch_s : 0, &tm);
	tm_clamp(&tm);
	r->base_s = epoch_from_tm(&tm);
	r->base_ns = now;
	r->seen_pf = ticks32k(now) / pf_period(r);
	cmos_layout(r, cfg);
	return 0;
}
