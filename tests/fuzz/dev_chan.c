// SPDX-License-Identifier: MIT
/*
 * Fuzz harness: the ksh channel device (ksh/vdev_chan.h) on a PCI host,
 * with a fake kernel backend whose queue, doorbell and placement state
 * the input also drives. Invariants after every step: INTA# is exactly
 * (latched RX/EVENT | live TX) & IRQ_MASK unless Interrupt Disable is
 * set; PCI Interrupt Status agrees; the I/O window is BAR0 or nothing;
 * a memory BAR is placed where it decodes or nowhere, never two places;
 * RESULT is 0 or a KSH_E* code; commands reach the backend only from
 * aligned 4-byte writes of COMMAND.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ksh/vdev_chan.h>

#include "fuzz_input.h"

#define FC_CHECK(cond)                                                         \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: invariant failed: %s\n",       \
				__FILE__, __LINE__, #cond);                    \
			abort();                                               \
		}                                                              \
	} while (0)

#define FC_IRQ 11

static struct fc_machine {
	struct vdev_env env;
	struct vdev_irq_chip chip;
	struct vdev_bus bus;
	struct vpci_host host;
	struct vchan ch;
	bool level[16];
	/* the fake kernel */
	uint32_t queued, depth, flow;
	int rc;
	uint64_t placed[3];
	uint64_t calls;
} fc;

static uint64_t fc_now(void *host)
{
	(void)host;
	return 0;
}

static int fc_mem(void *host, uint64_t gpa, void *p, size_t len)
{
	(void)host;
	(void)gpa;
	(void)p;
	(void)len;
	return -VDEV_EFAULT; /* the model never touches guest RAM */
}

static int fc_mem_w(void *host, uint64_t gpa, const void *p, size_t len)
{
	(void)host;
	(void)gpa;
	(void)p;
	(void)len;
	FC_CHECK(0);
	return -VDEV_EFAULT;
}

static const struct vdev_env_ops fc_ops = {
    .now_ns = fc_now,
    .mem_read = fc_mem,
    .mem_write = fc_mem_w,
};

static void fc_set_irq(struct vdev_irq_chip *chip, unsigned int line,
		       bool level)
{
	(void)chip;
	FC_CHECK(line == FC_IRQ);
	FC_CHECK(fc.level[line] != level); /* only real edges are driven */
	fc.level[line] = level;
}

static int fc_send(void *ctx, uint32_t method, uint32_t len)
{
	(void)ctx;
	(void)method;
	(void)len;
	fc.calls++;
	if (fc.rc == 0 && fc.queued < fc.depth)
		fc.queued++;
	return fc.rc;
}

static int fc_recv(void *ctx, uint32_t *method, uint32_t *len)
{
	(void)ctx;
	fc.calls++;
	if (fc.rc != 0)
		return fc.rc;
	if (!fc.queued)
		return -7; /* KSH_EAGAIN */
	fc.queued--;
	*method = fc.queued % 3;
	*len = fc.queued * 17;
	return 0;
}

static int fc_signal(void *ctx)
{
	(void)ctx;
	fc.calls++;
	return fc.rc;
}

static void fc_query(void *ctx, struct vchan_live *l)
{
	(void)ctx;
	l->rx = fc.ch.cfg.role == 4 && fc.queued;
	l->tx = fc.ch.cfg.role == 3 && fc.queued < fc.depth;
	l->queued = fc.ch.cfg.role == 4 ? fc.queued : 0;
	l->flow_state = fc.flow;
}

static int fc_place(void *ctx, unsigned int bar, uint64_t gpa)
{
	(void)ctx;
	FC_CHECK(bar == 1 || bar == 2);
	/* Leave before move: never placed twice. */
	FC_CHECK(gpa == 0 || fc.placed[bar] == 0);
	if (gpa && (gpa & 0xFFF))
		return -1;
	fc.placed[bar] = gpa;
	return 0;
}

static const struct vchan_backend fc_be = {
    .send = fc_send,
    .recv = fc_recv,
    .signal = fc_signal,
    .query = fc_query,
    .place = fc_place,
};

static void fc_setup(uint8_t sel)
{
	struct vchan_config cfg = {
	    .kind =
		sel & 1 ? KSH_CHANDEV_KIND_MEMORY : KSH_CHANDEV_KIND_MESSAGE,
	    .role = sel & 1 ? 1u + (sel >> 1 & 1) : 3u + (sel >> 1 & 1),
	    .n_methods = sel & 1 ? 0 : 3,
	    .max_msg = 4096,
	    .bar1_size = 8192,
	    .bar2_size = sel & 1 ? 16384 : 0,
	    .irq = FC_IRQ,
	};

	memset(&fc, 0, sizeof(fc));
	fc.env.ops = &fc_ops;
	fc.env.host = &fc;
	fc.chip.set_irq = fc_set_irq;
	fc.env.irq = &fc.chip;
	fc.depth = 1u + (sel >> 2 & 3);
	fc.flow = sel & 0x10 ? 1 : ~0u;
	vdev_bus_init(&fc.bus, &fc.env);
	FC_CHECK(vpci_host_init(&fc.host, &fc.env) == 0);
	FC_CHECK(vdev_bus_attach(&fc.bus, &fc.host.dev) == 0);
	FC_CHECK(vchan_init(&fc.ch, &fc.env, &cfg, &fc_be) == 0);
	FC_CHECK(vpci_host_add(&fc.host, &fc.ch.pci, 3 << 3) == 0);
	FC_CHECK(vdev_bus_attach(&fc.bus, &fc.ch.dev) == 0);
	if (sel & 0x20)
		vchan_assign(&fc.ch, 0xc040, 0xe0000000u, 0xe0100000u);
}

static void fc_check(void)
{
	struct vchan *c = &fc.ch;
	struct vchan_live l = {0};
	uint32_t src = c->latched & (KSH_CHANDEV_ST_RX | KSH_CHANDEV_ST_EVENT);
	bool pending, disabled;

	fc_query(NULL, &l);
	if (l.tx)
		src |= KSH_CHANDEV_ST_TX;
	pending = (src & c->irq_mask) != 0;
	disabled = vpci_cfg_command(&c->pci.cfg) & VPCI_CMD_INTX_DISABLE;
	FC_CHECK(c->irq_level == (pending && !disabled));
	FC_CHECK(fc.level[FC_IRQ] == c->irq_level);
	FC_CHECK(!!(c->pci.cfg.data[6] & VPCI_STATUS_INTX) == pending);
	FC_CHECK((c->irq_mask & ~7u) == 0);
	FC_CHECK(c->result <= 0 && c->result >= -8);
	FC_CHECK(c->dev.ranges[0].len == 0 ||
		 c->dev.ranges[0].len == KSH_CHANDEV_REGS_SIZE);
	for (unsigned int b = 1; b <= 2; b++) {
		struct vdev_range r;

		FC_CHECK(fc.placed[b] == c->bar_gpa[b]);
		if (!c->pci.cfg.bar_size[b]) {
			FC_CHECK(fc.placed[b] == 0);
			continue;
		}
		vpci_cfg_bar_range(&c->pci.cfg, b, &r, VDEV_SZ_ALL);
		FC_CHECK(fc.placed[b] == 0 ||
			 (r.len && fc.placed[b] == r.base));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t sizes[4] = {4, 4, 2, 1};
	struct fz_input in = {data, size};
	uint64_t calls;

	fc_setup(fz_u8(&in));
	fc_check();
	while (in.n) {
		uint8_t op = fz_u8(&in);
		unsigned int sz = sizes[op >> 6];
		uint16_t io = (uint16_t)vpci_cfg_bar_addr(&fc.ch.pci.cfg, 0);
		uint16_t port = (uint16_t)(io + (fz_u8(&in) & 0x7f));
		uint32_t v;

		switch (op % 8) {
		case 0:
		case 1:
			calls = fc.calls;
			v = fz_u32(&in);
			if (op & 0x20)
				v = 1u + v % 4; /* mostly real commands */
			vdev_bus_pio_write(&fc.bus, port, sz, v);
			/* Only an aligned 4-byte COMMAND write runs one. */
			FC_CHECK(fc.calls == calls ||
				 (fc.calls == calls + 1 && sz == 4 &&
				  port == io + KSH_CHANDEV_COMMAND &&
				  (fc.ch.dev.ranges[0].len != 0)));
			break;
		case 2:
			vdev_bus_pio_read(&fc.bus, port, sz, &v);
			break;
		case 3:
			/* configuration write: command, BARs, anything */
			vdev_bus_pio_write(&fc.bus, 0xcf8, 4,
					   0x80000000u | 3u << 11 |
					       (fz_u8(&in) & 0x3c));
			vdev_bus_pio_write(&fc.bus, 0xcfc, 4, fz_u32(&in));
			break;
		case 4:
			if (fc.queued < fc.depth)
				fc.queued++;
			vchan_notify_rx(&fc.ch);
			break;
		case 5:
			vchan_notify_event(&fc.ch);
			break;
		case 6:
			/* the peer drained or the backend changed its mind */
			fc.queued = fz_u8(&in) % (fc.depth + 1);
			fc.rc = -(int)(fz_u8(&in) % 9);
			fc.flow = fz_u8(&in);
			vchan_refresh(&fc.ch);
			break;
		default:
			vchan_status(&fc.ch);
			break;
		}
		fc_check();
	}
	return 0;
}
