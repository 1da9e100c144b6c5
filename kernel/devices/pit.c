// SPDX-License-Identifier: MIT
/*
 * 8254 programmable interval timer.
 *
 * References: Intel 8254 datasheet (order 231164): "Control Word
 * Format", "Write Operations", "Read Operations" (simple read, Counter
 * Latch Command, Read-Back Command, status byte), "Mode Definitions"
 * (modes 0-5, "GATE Pin Operations Summary"). Port 0x61: IBM PC/AT
 * Technical Reference, system control port B (bit 0 timer 2 gate, bit 1
 * speaker data, bit 4 refresh detect, bit 5 timer 2 OUT).
 *
 * The counting element is not stepped: every channel keeps the time its
 * count started and derives its value and OUT from the elapsed 1.193182
 * MHz ticks. A new count takes effect at once (the datasheet: on the next
 * CLK pulse), except in modes 2 and 3 while counting, where it takes over
 * at the end of the current period as the datasheet says.
 */
#include <ksh/nospec.h>
#include <ksh/vdev_pit.h>

#include "vdev_string.h"

#define NS_PER_S   1000000000ull
#define REFRESH_NS 15085u /* PC/AT refresh request period (15.085 us) */

static uint64_t ns_to_ticks(uint64_t ns)
{
	return ns / NS_PER_S * VPIT_HZ + ns % NS_PER_S * VPIT_HZ / NS_PER_S;
}

/* The first ns offset at which ns_to_ticks reaches t (saturating). */
static uint64_t ticks_to_ns(uint64_t t)
{
	uint64_t a = t / VPIT_HZ, b = t % VPIT_HZ;

	if (a >= UINT64_MAX / NS_PER_S - 1)
		return UINT64_MAX;
	return a * NS_PER_S + (b * NS_PER_S + VPIT_HZ - 1) / VPIT_HZ;
}

static bool periodic(const struct vpit_channel *ch)
{
	return ch->mode == 2 || ch->mode == 3;
}

static bool gate_triggered(const struct vpit_channel *ch)
{
	return ch->mode == 1 || ch->mode == 5;
}

static uint32_t from_bcd(uint16_t c)
{
	return (uint32_t)((c >> 12) & 15) * 1000 + ((c >> 8) & 15) * 100 +
	       ((c >> 4) & 15) * 10 + (c & 15);
}

static uint16_t to_bcd(uint32_t v)
{
	v %= 10000;
	return (uint16_t)((v / 1000) << 12 | (v / 100 % 10) << 8 |
			  (v / 10 % 10) << 4 | v % 10);
}

/* The count as a number of ticks: 0 means the maximum (2^16, or 10^4 in
 * BCD), "Write Operations". */
static uint32_t period(uint16_t count, bool bcd)
{
	if (count == 0)
		return bcd ? 10000 : 65536;
	return bcd ? from_bcd(count) : count;
}

/* Ticks the channel has counted since its count was first loaded. */
static uint64_t raw_ticks(const struct vpit_channel *ch, uint64_t now)
{
	if (!ch->running || now < ch->start_ns)
		return ch->paused_ticks;
	return ch->paused_ticks + ns_to_ticks(now - ch->start_ns);
}

/* A count written during a mode 2/3 period takes over at its end. */
static void ch_sync(struct vpit_channel *ch, uint64_t now)
{
	if (ch->pending_valid && raw_ticks(ch, now) >= ch->pending_at) {
		ch->origin = ch->pending_at;
		ch->count = ch->pending_count;
		ch->pending_valid = false;
		ch->null_count = false;
	}
}

static uint64_t elapsed(const struct vpit_channel *ch, uint64_t now)
{
	uint64_t r = raw_ticks(ch, now);

	return r > ch->origin ? r - ch->origin : 0;
}

static uint16_t ch_value(struct vpit_channel *ch, uint64_t now)
{
	uint64_t e, n, m, v;

	ch_sync(ch, now);
	if (!ch->loaded || (gate_triggered(ch) && !ch->triggered))
		return ch->loaded ? ch->count : ch->frozen;
	e = elapsed(ch, now);
	n = period(ch->count, ch->bcd);
	if (ch->mode == 2) {
		v = n - e % n;
	} else if (ch->mode == 3) {
		/* Square wave: counts down by two, N (even) or N-1 (odd),
		 * through a high half of (N+1)/2 and a low half of N/2. */
		uint64_t p = e % n, h = (n + 1) / 2, even = n & ~1ull;

		v = p < h ? even - 2 * p : even - 2 * (p - h);
	} else {
		/* Modes 0, 1, 4, 5 count down and wrap around. */
		m = ch->bcd ? 10000 : 65536;
		v = (n % m + m - e % m) % m;
	}
	return ch->bcd ? to_bcd((uint32_t)v) : (uint16_t)v;
}

static bool ch_out(struct vpit_channel *ch, uint64_t now)
{
	uint64_t e, n;

	ch_sync(ch, now);
	/* After a control word OUT is low in mode 0, high otherwise. */
	if (!ch->loaded)
		return ch->mode != 0;
	if (gate_triggered(ch) && !ch->triggered)
		return true;
	if (periodic(ch) && !ch->running)
		return true; /* GATE low forces OUT high in modes 2 and 3 */
	e = elapsed(ch, now);
	n = period(ch->count, ch->bcd);
	switch (ch->mode) {
	case 0:
	case 1:
		return e >= n;
	case 2:
		return e % n != n - 1;
	case 3:
		return e % n < (n + 1) / 2;
	default: /* 4, 5: a one-tick low strobe at terminal count */
		return e != n;
	}
}

/* Raw tick of the first rising OUT edge after irq_done, or UINT64_MAX. */
static uint64_t next_edge(const struct vpit_channel *ch)
{
	uint64_t n, e;

	if (!ch->loaded || !ch->running)
		return UINT64_MAX;
	if (ch->irq_done < ch->origin)
		return ch->origin; /* a pending count took over: reload edge */
	n = period(ch->count, ch->bcd);
	e = ch->irq_done - ch->origin;
	if (periodic(ch))
		return ch->origin + (e / n + 1) * n;
	if (ch->mode <= 1)
		return e < n ? ch->origin + n : UINT64_MAX;
	return e < n + 1 ? ch->origin + n + 1 : UINT64_MAX;
}

/* Starts counting the count register from now. */
static void ch_start(struct vpit_channel *ch, uint64_t now)
{
	ch->start_ns = now;
	ch->paused_ticks = 0;
	ch->origin = 0;
	ch->irq_done = 0;
	ch->running = true;
	ch->null_count = false;
}

static void ch_load(struct vpit_channel *ch, uint16_t count, uint64_t now)
{
	ch_sync(ch, now);
	if (periodic(ch) && ch->loaded && ch->running) {
		uint64_t n = period(ch->count, ch->bcd);
		uint64_t e = elapsed(ch, now);

		ch->pending_count = count;
		ch->pending_at = ch->origin + (e / n + 1) * n;
		ch->pending_valid = true;
		ch->null_count = true;
		return;
	}
	ch->count = count;
	ch->loaded = true;
	ch->triggered = false;
	ch->pending_valid = false;
	if (gate_triggered(ch)) {
		ch->running = false; /* waits for a GATE rising edge */
		return;
	}
	ch_start(ch, now);
	if (!ch->gate) {
		ch->running = false;
		ch->null_count = false;
	}
}

static void ch_set_gate(struct vpit_channel *ch, bool gate, uint64_t now)
{
	if (gate == ch->gate)
		return;
	ch_sync(ch, now);
	ch->gate = gate;
	if (!ch->loaded)
		return;
	if (!gate) {
		/* Modes 0, 2, 3, 4 stop counting; 1 and 5 ignore a low GATE. */
		if (!gate_triggered(ch) && ch->running) {
			ch->paused_ticks = raw_ticks(ch, now);
			ch->running = false;
		}
		return;
	}
	if (ch->mode == 0 || ch->mode == 4) {
		ch->start_ns = now; /* resume where it stopped */
		ch->running = true;
	} else {
		/* Modes 1, 5: trigger; modes 2, 3: reload and restart. */
		ch_start(ch, now);
		ch->triggered = true;
	}
}

static void ch_control(struct vpit_channel *ch, uint8_t val, uint64_t now)
{
	ch->frozen = ch_value(ch, now);
	ch->rw = (val >> 4) & 3;
	ch->mode = (val >> 1) & 7;
	if (ch->mode > 5)
		ch->mode -= 4; /* 110 and 111 are modes 2 and 3 */
	ch->bcd = val & 1;
	ch->loaded = false;
	ch->running = false;
	ch->triggered = false;
	ch->pending_valid = false;
	ch->null_count = true;
	ch->write_msb_next = false;
	ch->read_msb_next = false;
	ch->latch_valid = false;
	ch->status_latched = false;
}

static void ch_latch(struct vpit_channel *ch, uint64_t now)
{
	/* A second latch before the first is read is ignored. */
	if (ch->latch_valid)
		return;
	ch->latched = ch_value(ch, now);
	ch->latch_valid = true;
	ch->latch_msb_next = false;
}

static void ch_latch_status(struct vpit_channel *ch, uint64_t now)
{
	if (ch->status_latched)
		return;
	/* Status byte: OUT, NULL COUNT, RW1 RW0 M2 M1 M0 BCD. */
	ch->status = (uint8_t)((ch_out(ch, now) ? 0x80 : 0) |
			       (ch->null_count ? 0x40 : 0) | ch->rw << 4 |
			       ch->mode << 1 | (ch->bcd ? 1 : 0));
	ch->status_latched = true;
}

/* One byte of a 16-bit value in the channel's RW format. */
static uint8_t rw_byte(uint8_t rw, uint16_t v, bool *msb_next, bool *done)
{
	bool msb = rw == 2 || (rw == 3 && *msb_next);

	*done = rw != 3 || *msb_next;
	if (rw == 3)
		*msb_next = !*msb_next;
	return msb ? (uint8_t)(v >> 8) : (uint8_t)v;
}

static uint8_t ch_read(struct vpit_channel *ch, uint64_t now)
{
	bool done;
	uint8_t b;

	if (ch->status_latched) {
		ch->status_latched = false;
		return ch->status;
	}
	if (ch->latch_valid) {
		b = rw_byte(ch->rw, ch->latched, &ch->latch_msb_next, &done);
		if (done)
			ch->latch_valid = false;
		return b;
	}
	return rw_byte(ch->rw, ch_value(ch, now), &ch->read_msb_next, &done);
}

static void ch_write(struct vpit_channel *ch, uint8_t val, uint64_t now)
{
	switch (ch->rw) {
	case 1:
		ch_load(ch, val, now);
		break;
	case 2:
		ch_load(ch, (uint16_t)(val << 8), now);
		break;
	case 3:
		if (!ch->write_msb_next) {
			ch->write_lsb = val;
			ch->write_msb_next = true;
			/* Mode 0: the first byte stops counting and sets OUT
			 * low ("Mode 0"). */
			if (ch->mode == 0) {
				ch->frozen = ch_value(ch, now);
				ch->loaded = false;
				ch->running = false;
			}
		} else {
			ch->write_msb_next = false;
			ch_load(ch, (uint16_t)(val << 8 | ch->write_lsb), now);
		}
		break;
	default: /* no control word written yet: ignored */
		break;
	}
}

static void pit_control(struct vpit *pit, uint8_t val, uint64_t now)
{
	unsigned int sc = val >> 6;

	if (sc == 3) {
		/* Read-Back: bit 5 = /COUNT, bit 4 = /STATUS, bits 3-1
		 * select counters 2, 1, 0. */
		for (unsigned int c = 0; c < 3; c++) {
			if (!(val & (2u << c)))
				continue;
			if (!(val & 0x20))
				ch_latch(&pit->ch[c], now);
			if (!(val & 0x10))
				ch_latch_status(&pit->ch[c], now);
		}
	} else if (((val >> 4) & 3) == 0) {
		ch_latch(&pit->ch[sc], now);
	} else {
		ch_control(&pit->ch[sc], val, now);
	}
}

uint16_t vpit_count(struct vpit *pit, unsigned int c)
{
	return c < 3 ? ch_value(&pit->ch[c], vdev_now(&pit->dev)) : 0;
}

bool vpit_out(struct vpit *pit, unsigned int c)
{
	return c < 3 && ch_out(&pit->ch[c], vdev_now(&pit->dev));
}

static int pit_read(struct vdev *dev, unsigned int idx, uint64_t off,
		    unsigned int size, uint64_t *val)
{
	struct vpit *pit = (struct vpit *)dev;
	uint64_t now = vdev_now(dev);

	(void)size;
	if (idx == 1) {
		*val = (pit->port61 & 0x0f) |
		       ((now / REFRESH_NS) & 1 ? 0x10 : 0) |
		       (ch_out(&pit->ch[2], now) ? 0x20 : 0);
		return 0;
	}
	/* The control word register cannot be read. */
	*val =
	    off < 3 ? ch_read(&pit->ch[ksh_index_nospec(off, 3)], now) : 0xff;
	return 0;
}

static int pit_write(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t val)
{
	struct vpit *pit = (struct vpit *)dev;
	uint64_t now = vdev_now(dev);

	(void)size;
	if (idx == 1) {
		pit->port61 = (uint8_t)val & 0x0f;
		ch_set_gate(&pit->ch[2], val & 1, now);
	} else if (off == 3) {
		pit_control(pit, (uint8_t)val, now);
	} else {
		ch_write(&pit->ch[ksh_index_nospec(off, 3)], (uint8_t)val, now);
	}
	return 0;
}

static uint64_t pit_deadline(struct vdev *dev)
{
	struct vpit_channel *ch = &((struct vpit *)dev)->ch[0];
	uint64_t t = next_edge(ch), ns;

	if (t == UINT64_MAX)
		return VDEV_NO_DEADLINE;
	if (t <= ch->paused_ticks)
		return ch->start_ns;
	ns = ticks_to_ns(t - ch->paused_ticks);
	if (ns >= VDEV_NO_DEADLINE - ch->start_ns)
		return VDEV_NO_DEADLINE;
	return ch->start_ns + ns;
}

/* IRQ0 follows OUT0's rising edges; several missed periods give one edge,
 * as the PIC would latch only one. */
static void pit_tick(struct vdev *dev, uint64_t now)
{
	struct vpit *pit = (struct vpit *)dev;
	struct vpit_channel *ch = &pit->ch[0];
	uint64_t r;

	ch_sync(ch, now);
	r = raw_ticks(ch, now);
	if (next_edge(ch) <= r) {
		vdev_set_irq(dev, pit->irq, true);
		vdev_set_irq(dev, pit->irq, false);
		pit->irq_edges++;
	}
	ch->irq_done = r;
}

static const struct vdev_ops pit_ops = {
    .read = pit_read,
    .write = pit_write,
    .tick = pit_tick,
    .deadline = pit_deadline,
};

int vpit_init(struct vpit *pit, struct vdev_env *env)
{
	memset(pit, 0, sizeof(*pit));
	vdev_init(&pit->dev, &pit_ops, "pit", env);
	if (vdev_add_range(&pit->dev, VDEV_PIO, 0x40, 4, VDEV_SZ1) < 0 ||
	    vdev_add_range(&pit->dev, VDEV_PIO, 0x61, 1, VDEV_SZ1) < 0)
		return -VDEV_EINVAL;
	/* PC wiring: the gates of counters 0 and 1 are tied high; counter
	 * 2's gate is port 0x61 bit 0 (0 at reset). */
	for (unsigned int c = 0; c < 3; c++) {
		pit->ch[c].gate = c < 2;
		pit->ch[c].mode = 3;
		pit->ch[c].rw = 3;
	}
	pit->irq = 0;
	return 0;
}
