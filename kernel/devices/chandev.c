// SPDX-License-Identifier: MIT
/*
 * The ksh channel device (contract: ksh/chandev_regs.h; model interface:
 * ksh/vdev_chan.h).
 *
 * References: PCI Local Bus Specification 3.0: 6.2.1 (IDs, class code
 * FF0000h "device does not fit any defined class"), 6.2.2 (Command: I/O
 * and memory space enables gate BAR decoding; bit 10 Interrupt Disable
 * stops the function from asserting INTx#), 6.2.3 (Status bit 3
 * Interrupt Status: the function's INTx# request, whatever bit 10 says),
 * 6.2.4 (Subsystem ID, Interrupt Line/Pin), 6.2.5.1 (BARs: sizing by
 * writing all ones, I/O vs. memory, prefetchable), 2.2.6 (INTx# is level
 * sensitive: asserted while the condition holds, released when software
 * clears it at the function).
 *
 * Interrupt condition: (latched RX | latched EVENT | live TX) & IRQ_MASK.
 * RX is latched when the kernel queues a message for this receiver and
 * stays latched until IRQ_ACK clears it, so a guest that has not drained
 * the queue yet is not interrupted again for the same arrival; enabling
 * RX in IRQ_MASK while messages wait latches it at once, so none is
 * missed.
 */
#include <ksh/vdev_chan.h>

#include "vdev_string.h"

enum {
	CFG_SUBSYS_VENDOR = 0x2c,
	CFG_SUBSYS_ID = 0x2e,
	CFG_STATUS_LO = 0x06,
	IRQ_BITS = KSH_CHANDEV_ST_RX | KSH_CHANDEV_ST_TX | KSH_CHANDEV_ST_EVENT,
	LATCH_BITS = KSH_CHANDEV_ST_RX | KSH_CHANDEV_ST_EVENT,
	E_INVAL = 3,	   /* KSH_EINVAL (ksh/hypercall.h) */
	ROLE_RECEIVER = 4, /* KSH_ROLE_RECEIVER (ksh/tables.h) */
};

static struct vchan *of_pci(struct vpci_dev *d)
{
	return (struct vchan *)((char *)d - offsetof(struct vchan, pci));
}

static void live(struct vchan *c, struct vchan_live *l)
{
	l->rx = false;
	l->tx = false;
	l->queued = 0;
	l->flow_state = ~0u;
	c->be->query(c->be->ctx, l);
}

uint32_t vchan_status(struct vchan *c)
{
	struct vchan_live l;
	uint32_t st = c->latched & KSH_CHANDEV_ST_EVENT;

	live(c, &l);
	if (l.rx)
		st |= KSH_CHANDEV_ST_RX;
	if (l.tx)
		st |= KSH_CHANDEV_ST_TX;
	if (c->irq_level)
		st |= KSH_CHANDEV_ST_IRQ;
	return st;
}

/* INTA# follows the condition, gated by the command register's Interrupt
 * Disable; the status register's Interrupt Status shows the condition
 * itself (PCI 3.0 6.2.2, 6.2.3). */
static void update_irq(struct vchan *c)
{
	struct vchan_live l;
	uint32_t src = c->latched & LATCH_BITS;
	bool pending, level;

	live(c, &l);
	if (l.tx)
		src |= KSH_CHANDEV_ST_TX;
	pending = (src & c->irq_mask) != 0;
	level =
	    pending && !(vpci_cfg_command(&c->pci.cfg) & VPCI_CMD_INTX_DISABLE);
	if (pending)
		c->pci.cfg.data[CFG_STATUS_LO] |= VPCI_STATUS_INTX;
	else
		c->pci.cfg.data[CFG_STATUS_LO] &= (uint8_t)~VPCI_STATUS_INTX;
	if (level != c->irq_level) {
		c->irq_level = level;
		if (level)
			c->irqs++;
		vdev_set_irq(&c->dev, c->cfg.irq, level);
	}
}

void vchan_notify_rx(struct vchan *c)
{
	if (c->cfg.role == ROLE_RECEIVER)
		c->latched |= KSH_CHANDEV_ST_RX;
	update_irq(c);
}

void vchan_refresh(struct vchan *c)
{
	update_irq(c);
}

void vchan_notify_event(struct vchan *c)
{
	c->latched |= KSH_CHANDEV_ST_EVENT;
	update_irq(c);
}

static uint32_t info(const struct vchan *c)
{
	return KSH_CHANDEV_VERSION | (c->cfg.kind & 0xFu) << 8 |
	       (c->cfg.role & 0xFu) << 12 | (c->cfg.n_methods & 0xFFu) << 16;
}

static void run_command(struct vchan *c, uint32_t cmd)
{
	uint32_t method = 0, len = 0;
	int rc;

	c->commands++;
	switch (cmd) {
	case KSH_CHANDEV_CMD_SEND:
		rc = c->be->send(c->be->ctx, c->method, c->length);
		break;
	case KSH_CHANDEV_CMD_RECV:
		rc = c->be->recv(c->be->ctx, &method, &len);
		if (rc == 0) {
			c->method = method;
			c->length = len;
		}
		break;
	case KSH_CHANDEV_CMD_SIGNAL:
		rc = c->be->signal(c->be->ctx);
		break;
	default:
		c->bad++;
		rc = -E_INVAL;
		break;
	}
	c->result = rc > 0 ? 0 : rc;
}

static uint32_t reg_read(struct vchan *c, uint64_t off)
{
	struct vchan_live l;

	switch (off) {
	case KSH_CHANDEV_ID:
		return KSH_CHANDEV_MAGIC;
	case KSH_CHANDEV_INFO:
		return info(c);
	case KSH_CHANDEV_MAX_MSG:
		return c->cfg.max_msg;
	case KSH_CHANDEV_STATUS:
		return vchan_status(c);
	case KSH_CHANDEV_IRQ_MASK:
		return c->irq_mask;
	case KSH_CHANDEV_IRQ_ACK:
	case KSH_CHANDEV_COMMAND:
		return 0; /* write-only */
	case KSH_CHANDEV_METHOD:
		return c->method;
	case KSH_CHANDEV_LENGTH:
		return c->length;
	case KSH_CHANDEV_RESULT:
		return (uint32_t)c->result;
	case KSH_CHANDEV_FLOW_STATE:
		live(c, &l);
		return l.flow_state;
	case KSH_CHANDEV_QUEUED:
		live(c, &l);
		return l.queued;
	default:
		c->bad++;
		return 0xFFFFFFFFu;
	}
}

static void reg_write(struct vchan *c, uint64_t off, uint32_t v)
{
	struct vchan_live l;

	switch (off) {
	case KSH_CHANDEV_IRQ_MASK:
		c->irq_mask = v & IRQ_BITS;
		live(c, &l);
		if ((c->irq_mask & KSH_CHANDEV_ST_RX) && l.rx)
			c->latched |= KSH_CHANDEV_ST_RX;
		break;
	case KSH_CHANDEV_IRQ_ACK:
		c->latched &= ~(v & LATCH_BITS);
		break;
	case KSH_CHANDEV_METHOD:
		c->method = v;
		break;
	case KSH_CHANDEV_LENGTH:
		c->length = v;
		break;
	case KSH_CHANDEV_COMMAND:
		run_command(c, v);
		break;
	default: /* read-only or reserved */
		c->bad++;
		return;
	}
	update_irq(c);
}

/* The contract allows only aligned 4-byte accesses (chandev_regs.h);
 * anything else reads all ones, is dropped on write, and is counted. */
static bool access_ok(struct vchan *c, uint64_t off, unsigned int size)
{
	if (size == 4 && (off & 3) == 0 && off < KSH_CHANDEV_REGS_SIZE)
		return true;
	c->bad++;
	return false;
}

static int chan_read(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t *val)
{
	struct vchan *c = (struct vchan *)dev;

	(void)idx;
	if (!access_ok(c, off, size)) {
		*val = size >= 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
		return 0;
	}
	*val = reg_read(c, off);
	return 0;
}

static int chan_write(struct vdev *dev, unsigned int idx, uint64_t off,
		      unsigned int size, uint64_t val)
{
	struct vchan *c = (struct vchan *)dev;

	(void)idx;
	if (access_ok(c, off, size))
		reg_write(c, off, (uint32_t)val);
	return 0;
}

static const struct vdev_ops chan_ops = {
    .read = chan_read,
    .write = chan_write,
};

/* Tells the backend where a memory BAR decodes now, when that changed. */
static void place(struct vchan *c, unsigned int bar)
{
	struct vdev_range r;
	uint64_t gpa;

	if (!c->pci.cfg.bar_size[bar])
		return;
	vpci_cfg_bar_range(&c->pci.cfg, bar, &r, VDEV_SZ_ALL);
	gpa = r.len ? r.base : 0;
	if (gpa == c->bar_gpa[bar])
		return;
	/* Leave the old place first, so a move never maps both. */
	if (c->bar_gpa[bar])
		c->be->place(c->be->ctx, bar, 0);
	c->bar_gpa[bar] = 0;
	if (gpa && c->be->place(c->be->ctx, bar, gpa) != 0) {
		c->bad++;
		return;
	}
	c->bar_gpa[bar] = gpa;
}

static void chan_cfg_written(struct vpci_dev *d, unsigned int off,
			     unsigned int size)
{
	struct vchan *c = of_pci(d);

	(void)off;
	(void)size;
	vpci_cfg_bar_range(&d->cfg, 0, &c->dev.ranges[0], VDEV_SZ_ALL);
	place(c, 1);
	place(c, 2);
	update_irq(c);
}

static bool pow2(uint32_t v)
{
	return v && !(v & (v - 1));
}

int vchan_init(struct vchan *c, struct vdev_env *env,
	       const struct vchan_config *cfg, const struct vchan_backend *be)
{
	bool memory = cfg->kind == KSH_CHANDEV_KIND_MEMORY;

	memset(c, 0, sizeof(*c));
	vdev_init(&c->dev, &chan_ops, "chandev", env);
	if (cfg->irq >= 16 || !be || !be->send || !be->recv || !be->signal ||
	    !be->query || !be->place ||
	    (cfg->kind != KSH_CHANDEV_KIND_MEMORY &&
	     cfg->kind != KSH_CHANDEV_KIND_MESSAGE) ||
	    cfg->n_methods > 0xFF || !pow2(cfg->bar1_size) ||
	    cfg->bar1_size <= KSH_CHANDEV_DESC_SIZE ||
	    memory != (cfg->bar2_size != 0) ||
	    (memory && (!pow2(cfg->bar2_size) || cfg->bar2_size < 4096)))
		return -VDEV_EINVAL;
	if (vdev_add_range(&c->dev, VDEV_PIO, 0, 0, VDEV_SZ_ALL) < 0)
		return -VDEV_EINVAL;
	c->cfg = *cfg;
	c->be = be;
	vpci_cfg_init(&c->pci.cfg, KSH_CHANDEV_VENDOR, KSH_CHANDEV_DEVICE,
		      KSH_CHANDEV_CLASS, KSH_CHANDEV_VERSION);
	c->pci.cfg.data[CFG_SUBSYS_VENDOR] = KSH_CHANDEV_VENDOR & 0xFF;
	c->pci.cfg.data[CFG_SUBSYS_VENDOR + 1] = KSH_CHANDEV_VENDOR >> 8;
	c->pci.cfg.data[CFG_SUBSYS_ID] = (uint8_t)cfg->kind;
	/* BAR1/BAR2 are plain RAM: reads have no side effects, so they
	 * are prefetchable (6.2.5.1). */
	if (vpci_cfg_set_bar(&c->pci.cfg, 0, KSH_CHANDEV_REGS_SIZE,
			     VPCI_BAR_IO) < 0 ||
	    vpci_cfg_set_bar(&c->pci.cfg, 1, cfg->bar1_size,
			     VPCI_BAR_PREFETCH) < 0 ||
	    (memory && vpci_cfg_set_bar(&c->pci.cfg, 2, cfg->bar2_size,
					VPCI_BAR_PREFETCH) < 0))
		return -VDEV_EINVAL;
	vpci_cfg_set_irq(&c->pci.cfg, 1, (uint8_t)cfg->irq);
	c->pci.cfg_written = chan_cfg_written;
	return 0;
}

void vchan_assign(struct vchan *c, uint16_t io_base, uint32_t bar1,
		  uint32_t bar2)
{
	vpci_cfg_write(&c->pci.cfg, 0x10, 4, io_base);
	vpci_cfg_write(&c->pci.cfg, 0x14, 4, bar1);
	if (c->cfg.bar2_size)
		vpci_cfg_write(&c->pci.cfg, 0x18, 4, bar2);
	vpci_cfg_write(&c->pci.cfg, 0x04, 2, VPCI_CMD_IO | VPCI_CMD_MEM);
	chan_cfg_written(&c->pci, 0x04, 2);
}
