// SPDX-License-Identifier: MIT
/* The ksh channel device model against its contract (ksh/chandev_regs.h):
 * PCI identity and BAR sizing (PCI 3.0 6.2.5.1), every register, every
 * command through a fake backend, INTA# assert/deassert/mask with the
 * command register's Interrupt Disable and the status register's
 * Interrupt Status (6.2.2, 6.2.3), BAR placement, bad accesses. */
#include <criterion/criterion.h>

#include <ksh/vdev_chan.h>

#include "test_dev_env.h"

#define IO    0xc040
#define BAR1  0xe0000000u
#define BAR2  0xe0100000u
#define IRQ   9
#define DEVFN (5u << 3)

static struct tenv t;
static struct vpci_host host;
static struct vchan ch;

/* The fake kernel behind the device. */
static struct {
	int rc; /* what the next command returns */
	uint32_t sent_method, sent_len;
	unsigned int sends, recvs, signals, places;
	uint32_t rx_method, rx_len;
	struct vchan_live live;
	uint64_t placed[3];
	int refuse_place;
} be;

static int be_send(void *ctx, uint32_t method, uint32_t len)
{
	(void)ctx;
	be.sends++;
	be.sent_method = method;
	be.sent_len = len;
	return be.rc;
}

static int be_recv(void *ctx, uint32_t *method, uint32_t *len)
{
	(void)ctx;
	be.recvs++;
	if (be.rc == 0) {
		*method = be.rx_method;
		*len = be.rx_len;
	}
	return be.rc;
}

static int be_signal(void *ctx)
{
	(void)ctx;
	be.signals++;
	return be.rc;
}

static void be_query(void *ctx, struct vchan_live *l)
{
	(void)ctx;
	*l = be.live;
}

static int be_place(void *ctx, unsigned int bar, uint64_t gpa)
{
	(void)ctx;
	be.places++;
	if (gpa && be.refuse_place)
		return -1;
	be.placed[bar] = gpa;
	return 0;
}

static const struct vchan_backend backend = {
    .send = be_send,
    .recv = be_recv,
    .signal = be_signal,
    .query = be_query,
    .place = be_place,
};

static void cfg_write(unsigned int reg, unsigned int size, uint32_t v)
{
	tout(&t, 0xcf8, 4, 0x80000000u | DEVFN << 8 | (reg & 0xfc));
	tout(&t, (uint16_t)(0xcfc + (reg & 3)), size, v);
}

static uint32_t cfg_read(unsigned int reg, unsigned int size)
{
	tout(&t, 0xcf8, 4, 0x80000000u | DEVFN << 8 | (reg & 0xfc));
	return tin(&t, (uint16_t)(0xcfc + (reg & 3)), size);
}

static uint32_t rd(unsigned int reg)
{
	return tin(&t, (uint16_t)(IO + reg), 4);
}

static void wr(unsigned int reg, uint32_t v)
{
	tout(&t, (uint16_t)(IO + reg), 4, v);
}

static void make(uint32_t kind, uint32_t role)
{
	struct vchan_config cfg = {
	    .kind = kind,
	    .role = role,
	    .n_methods = kind == KSH_CHANDEV_KIND_MESSAGE ? 3 : 0,
	    .max_msg = kind == KSH_CHANDEV_KIND_MESSAGE ? 256 : 8192,
	    .bar1_size = 8192,
	    .bar2_size = kind == KSH_CHANDEV_KIND_MEMORY ? 8192 : 0,
	    .irq = IRQ,
	};

	tenv_init(&t, true);
	memset(&be, 0, sizeof(be));
	be.live.flow_state = ~0u;
	cr_assert_eq(vpci_host_init(&host, &t.env), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &host.dev), 0);
	cr_assert_eq(vchan_init(&ch, &t.env, &cfg, &backend), 0);
	cr_assert_eq(vpci_host_add(&host, &ch.pci, DEVFN), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &ch.dev), 0);
}

static void make_sender(void)
{
	make(KSH_CHANDEV_KIND_MESSAGE, 3);
	vchan_assign(&ch, IO, BAR1, 0);
}

static void make_receiver(void)
{
	make(KSH_CHANDEV_KIND_MESSAGE, 4);
	vchan_assign(&ch, IO, BAR1, 0);
}

Test(dev_chan, pci_identity)
{
	make(KSH_CHANDEV_KIND_MESSAGE, 3);
	cr_expect_eq(cfg_read(0x00, 2), KSH_CHANDEV_VENDOR);
	cr_expect_eq(cfg_read(0x02, 2), KSH_CHANDEV_DEVICE);
	cr_expect_eq(cfg_read(0x08, 4) >> 8, KSH_CHANDEV_CLASS);
	cr_expect_eq(cfg_read(0x2e, 2), KSH_CHANDEV_KIND_MESSAGE);
	cr_expect_eq(cfg_read(0x3d, 1), 1, "INTA#");
	cr_expect_eq(cfg_read(0x3c, 1), IRQ);
	/* Until programmed and enabled nothing decodes. */
	cr_expect_eq(rd(KSH_CHANDEV_ID), 0xFFFFFFFFu);
	cr_expect_eq(be.places, 0);
}

Test(dev_chan, bar_sizing)
{
	make(KSH_CHANDEV_KIND_MEMORY, 2);
	cfg_write(0x10, 4, 0xFFFFFFFFu);
	cr_expect_eq(cfg_read(0x10, 4), (uint32_t)-KSH_CHANDEV_REGS_SIZE | 1u,
		     "BAR0: I/O, 64 bytes");
	cfg_write(0x14, 4, 0xFFFFFFFFu);
	cr_expect_eq(cfg_read(0x14, 4), (uint32_t)-8192 | 8u,
		     "BAR1: prefetchable memory, 8 KiB");
	cfg_write(0x18, 4, 0xFFFFFFFFu);
	cr_expect_eq(cfg_read(0x18, 4), (uint32_t)-8192 | 8u, "BAR2: window");
	cfg_write(0x1c, 4, 0xFFFFFFFFu);
	cr_expect_eq(cfg_read(0x1c, 4), 0, "no BAR3");
}

Test(dev_chan, message_channel_has_no_bar2)
{
	make(KSH_CHANDEV_KIND_MESSAGE, 3);
	cfg_write(0x18, 4, 0xFFFFFFFFu);
	cr_expect_eq(cfg_read(0x18, 4), 0);
}

Test(dev_chan, bad_configs_refused)
{
	struct vchan_config ok = {.kind = KSH_CHANDEV_KIND_MESSAGE,
				  .role = 3,
				  .max_msg = 64,
				  .bar1_size = 8192,
				  .irq = 5};
	struct vchan_config c;

	tenv_init(&t, true);
	c = ok;
	cr_expect_eq(vchan_init(&ch, &t.env, &c, &backend), 0);
	c.irq = 16;
	cr_expect_eq(vchan_init(&ch, &t.env, &c, &backend), -VDEV_EINVAL);
	c = ok;
	c.bar1_size = 12288;
	cr_expect_eq(vchan_init(&ch, &t.env, &c, &backend), -VDEV_EINVAL);
	c = ok;
	c.bar1_size = 4096; /* no room for a message buffer */
	cr_expect_eq(vchan_init(&ch, &t.env, &c, &backend), -VDEV_EINVAL);
	c = ok;
	c.bar2_size = 4096; /* a window on a message channel */
	cr_expect_eq(vchan_init(&ch, &t.env, &c, &backend), -VDEV_EINVAL);
	c = ok;
	c.kind = KSH_CHANDEV_KIND_MEMORY; /* memory without a window */
	cr_expect_eq(vchan_init(&ch, &t.env, &c, &backend), -VDEV_EINVAL);
	c = ok;
	c.kind = 7;
	cr_expect_eq(vchan_init(&ch, &t.env, &c, &backend), -VDEV_EINVAL);
	c = ok;
	cr_expect_eq(vchan_init(&ch, &t.env, &c, NULL), -VDEV_EINVAL);
}

Test(dev_chan, read_only_registers)
{
	make_sender();
	cr_expect_eq(rd(KSH_CHANDEV_ID), KSH_CHANDEV_MAGIC);
	cr_expect_eq(KSH_CHANDEV_INFO_VERSION(rd(KSH_CHANDEV_INFO)), 1);
	cr_expect_eq(KSH_CHANDEV_INFO_KIND(rd(KSH_CHANDEV_INFO)),
		     KSH_CHANDEV_KIND_MESSAGE);
	cr_expect_eq(KSH_CHANDEV_INFO_ROLE(rd(KSH_CHANDEV_INFO)), 3);
	cr_expect_eq(KSH_CHANDEV_INFO_N_METHODS(rd(KSH_CHANDEV_INFO)), 3);
	cr_expect_eq(rd(KSH_CHANDEV_MAX_MSG), 256);
	cr_expect_eq(rd(KSH_CHANDEV_FLOW_STATE), ~0u);
	be.live.flow_state = 2;
	be.live.queued = 5;
	cr_expect_eq(rd(KSH_CHANDEV_FLOW_STATE), 2);
	cr_expect_eq(rd(KSH_CHANDEV_QUEUED), 5);
	cr_expect_eq(rd(KSH_CHANDEV_RESULT), 0);
	/* Writes to read-only registers change nothing and are counted. */
	wr(KSH_CHANDEV_ID, 0);
	wr(KSH_CHANDEV_MAX_MSG, 1);
	wr(KSH_CHANDEV_RESULT, 7);
	cr_expect_eq(rd(KSH_CHANDEV_ID), KSH_CHANDEV_MAGIC);
	cr_expect_eq(rd(KSH_CHANDEV_MAX_MSG), 256);
	cr_expect_eq(rd(KSH_CHANDEV_RESULT), 0);
	cr_expect_eq(ch.bad, 3);
}

Test(dev_chan, status_live_bits)
{
	make_receiver();
	cr_expect_eq(rd(KSH_CHANDEV_STATUS), 0);
	be.live.rx = true;
	cr_expect_eq(rd(KSH_CHANDEV_STATUS), KSH_CHANDEV_ST_RX);
	be.live.rx = false;
	be.live.tx = true;
	cr_expect_eq(rd(KSH_CHANDEV_STATUS), KSH_CHANDEV_ST_TX);
}

Test(dev_chan, method_length_rw_and_write_only_read_zero)
{
	make_sender();
	wr(KSH_CHANDEV_METHOD, 2);
	wr(KSH_CHANDEV_LENGTH, 100);
	cr_expect_eq(rd(KSH_CHANDEV_METHOD), 2);
	cr_expect_eq(rd(KSH_CHANDEV_LENGTH), 100);
	cr_expect_eq(rd(KSH_CHANDEV_COMMAND), 0);
	cr_expect_eq(rd(KSH_CHANDEV_IRQ_ACK), 0);
	wr(KSH_CHANDEV_IRQ_MASK, 0xFFFFFFFFu);
	cr_expect_eq(rd(KSH_CHANDEV_IRQ_MASK), 0x7, "only RX, TX, EVENT");
	cr_expect_eq(ch.bad, 0);
}

Test(dev_chan, send_command)
{
	make_sender();
	wr(KSH_CHANDEV_METHOD, 1);
	wr(KSH_CHANDEV_LENGTH, 42);
	wr(KSH_CHANDEV_COMMAND, KSH_CHANDEV_CMD_SEND);
	cr_expect_eq(be.sends, 1);
	cr_expect_eq(be.sent_method, 1);
	cr_expect_eq(be.sent_len, 42);
	cr_expect_eq(rd(KSH_CHANDEV_RESULT), 0);
	be.rc = -4; /* KSH_EPERM from the policy */
	wr(KSH_CHANDEV_COMMAND, KSH_CHANDEV_CMD_SEND);
	cr_expect_eq((int32_t)rd(KSH_CHANDEV_RESULT), -4);
	cr_expect_eq(be.sends, 2);
}

Test(dev_chan, recv_command)
{
	make_receiver();
	be.rx_method = 2;
	be.rx_len = 17;
	wr(KSH_CHANDEV_COMMAND, KSH_CHANDEV_CMD_RECV);
	cr_expect_eq(be.recvs, 1);
	cr_expect_eq(rd(KSH_CHANDEV_RESULT), 0);
	cr_expect_eq(rd(KSH_CHANDEV_METHOD), 2);
	cr_expect_eq(rd(KSH_CHANDEV_LENGTH), 17);
	/* An empty queue: EAGAIN, METHOD and LENGTH keep their values. */
	be.rc = -7;
	be.rx_method = 9;
	wr(KSH_CHANDEV_COMMAND, KSH_CHANDEV_CMD_RECV);
	cr_expect_eq((int32_t)rd(KSH_CHANDEV_RESULT), -7);
	cr_expect_eq(rd(KSH_CHANDEV_METHOD), 2);
	cr_expect_eq(rd(KSH_CHANDEV_LENGTH), 17);
}

Test(dev_chan, signal_and_unknown_commands)
{
	make(KSH_CHANDEV_KIND_MEMORY, 1);
	vchan_assign(&ch, IO, BAR1, BAR2);
	wr(KSH_CHANDEV_COMMAND, KSH_CHANDEV_CMD_SIGNAL);
	cr_expect_eq(be.signals, 1);
	cr_expect_eq(rd(KSH_CHANDEV_RESULT), 0);
	wr(KSH_CHANDEV_COMMAND, 0);
	cr_expect_eq((int32_t)rd(KSH_CHANDEV_RESULT), -3, "EINVAL");
	wr(KSH_CHANDEV_COMMAND, 99);
	cr_expect_eq((int32_t)rd(KSH_CHANDEV_RESULT), -3);
	cr_expect_eq(be.sends + be.recvs + be.signals, 1);
	cr_expect_eq(ch.bad, 2);
}

Test(dev_chan, bad_sizes_and_offsets)
{
	make_sender();
	wr(KSH_CHANDEV_METHOD, 1);
	cr_expect_eq(tin(&t, IO + KSH_CHANDEV_ID, 1), 0xFF);
	cr_expect_eq(tin(&t, IO + KSH_CHANDEV_ID, 2), 0xFFFF);
	cr_expect_eq(tin(&t, IO + 1, 4), 0xFFFFFFFFu, "unaligned");
	cr_expect_eq(rd(0x30), 0xFFFFFFFFu, "reserved");
	tout(&t, IO + KSH_CHANDEV_METHOD, 2, 5);
	tout(&t, IO + KSH_CHANDEV_METHOD, 1, 5);
	tout(&t, IO + KSH_CHANDEV_COMMAND, 2, KSH_CHANDEV_CMD_SEND);
	wr(0x3c, 1);
	cr_expect_eq(rd(KSH_CHANDEV_METHOD), 1, "narrow writes dropped");
	cr_expect_eq(be.sends, 0);
	cr_expect_eq(ch.bad, 8);
}

Test(dev_chan, rx_interrupt_assert_ack_deassert)
{
	make_receiver();
	be.live.rx = true;
	be.live.queued = 1;
	vchan_notify_rx(&ch);
	cr_expect_not(t.level[IRQ], "masked: no interrupt");
	wr(KSH_CHANDEV_IRQ_MASK, KSH_CHANDEV_ST_RX);
	cr_expect(t.level[IRQ], "unmasking with a message waiting");
	cr_expect_eq(rd(KSH_CHANDEV_STATUS) & KSH_CHANDEV_ST_IRQ,
		     KSH_CHANDEV_ST_IRQ);
	cr_expect(cfg_read(0x06, 2) & VPCI_STATUS_INTX);
	/* Draining does not lower it: the arrival is latched until ack. */
	be.live.rx = false;
	be.live.queued = 0;
	wr(KSH_CHANDEV_COMMAND, KSH_CHANDEV_CMD_RECV);
	cr_expect(t.level[IRQ]);
	wr(KSH_CHANDEV_IRQ_ACK, KSH_CHANDEV_ST_RX);
	cr_expect_not(t.level[IRQ]);
	cr_expect_not(cfg_read(0x06, 2) & VPCI_STATUS_INTX);
	cr_expect_eq(t.rises[IRQ], 1);
	cr_expect_eq(t.falls[IRQ], 1);
	/* A new arrival asserts again. */
	be.live.rx = true;
	vchan_notify_rx(&ch);
	cr_expect(t.level[IRQ]);
	cr_expect_eq(t.rises[IRQ], 2);
	cr_expect_eq(ch.irqs, 2);
}

Test(dev_chan, notify_rx_ignored_on_sender)
{
	make_sender();
	wr(KSH_CHANDEV_IRQ_MASK, KSH_CHANDEV_ST_RX);
	vchan_notify_rx(&ch);
	cr_expect_not(t.level[IRQ]);
}

Test(dev_chan, intx_disable_gates_the_line_not_the_status)
{
	make_receiver();
	wr(KSH_CHANDEV_IRQ_MASK, KSH_CHANDEV_ST_RX);
	cfg_write(0x04, 2, VPCI_CMD_IO | VPCI_CMD_MEM | VPCI_CMD_INTX_DISABLE);
	be.live.rx = true;
	vchan_notify_rx(&ch);
	cr_expect_not(t.level[IRQ]);
	cr_expect(cfg_read(0x06, 2) & VPCI_STATUS_INTX,
		  "Interrupt Status shows the request");
	cfg_write(0x04, 2, VPCI_CMD_IO | VPCI_CMD_MEM);
	cr_expect(t.level[IRQ], "re-enabled: asserted");
	cfg_write(0x04, 2, VPCI_CMD_IO | VPCI_CMD_MEM | VPCI_CMD_INTX_DISABLE);
	cr_expect_not(t.level[IRQ], "disabled again: released");
}

Test(dev_chan, event_interrupt_and_mask)
{
	make(KSH_CHANDEV_KIND_MEMORY, 2);
	vchan_assign(&ch, IO, BAR1, BAR2);
	vchan_notify_event(&ch);
	cr_expect_eq(rd(KSH_CHANDEV_STATUS), KSH_CHANDEV_ST_EVENT);
	cr_expect_not(t.level[IRQ]);
	wr(KSH_CHANDEV_IRQ_MASK, KSH_CHANDEV_ST_EVENT);
	cr_expect(t.level[IRQ]);
	wr(KSH_CHANDEV_IRQ_MASK, 0);
	cr_expect_not(t.level[IRQ], "masking releases INTA#");
	cr_expect_eq(rd(KSH_CHANDEV_STATUS), KSH_CHANDEV_ST_EVENT,
		     "still latched");
	wr(KSH_CHANDEV_IRQ_ACK, KSH_CHANDEV_ST_RX); /* other bit: no effect */
	cr_expect_eq(rd(KSH_CHANDEV_STATUS), KSH_CHANDEV_ST_EVENT);
	wr(KSH_CHANDEV_IRQ_ACK, KSH_CHANDEV_ST_EVENT);
	cr_expect_eq(rd(KSH_CHANDEV_STATUS), 0);
}

Test(dev_chan, tx_room_interrupt_is_live)
{
	make_sender();
	be.live.tx = true;
	wr(KSH_CHANDEV_IRQ_MASK, KSH_CHANDEV_ST_TX);
	cr_expect(t.level[IRQ]);
	be.live.tx = false; /* queue filled by this send */
	wr(KSH_CHANDEV_COMMAND, KSH_CHANDEV_CMD_SEND);
	cr_expect_not(t.level[IRQ]);
}

Test(dev_chan, bars_placed_and_followed)
{
	make(KSH_CHANDEV_KIND_MEMORY, 2);
	vchan_assign(&ch, IO, BAR1, BAR2);
	cr_expect_eq(be.placed[1], BAR1);
	cr_expect_eq(be.placed[2], BAR2);
	cr_expect_eq(rd(KSH_CHANDEV_ID), KSH_CHANDEV_MAGIC);
	/* Linux sizes BARs with decoding off (pci_read_bases). */
	cfg_write(0x04, 2, 0);
	cr_expect_eq(be.placed[1], 0);
	cr_expect_eq(be.placed[2], 0);
	cr_expect_eq(rd(KSH_CHANDEV_ID), 0xFFFFFFFFu, "I/O decode off");
	cfg_write(0x14, 4, 0xFFFFFFFFu);
	cfg_write(0x14, 4, 0xd0000000u);
	cfg_write(0x04, 2, VPCI_CMD_IO | VPCI_CMD_MEM);
	cr_expect_eq(be.placed[1], 0xd0000000u, "moved");
	cr_expect_eq(be.placed[2], BAR2);
	/* A move with decoding on leaves the old place first. */
	be.places = 0;
	cfg_write(0x18, 4, 0xd0100000u);
	cr_expect_eq(be.placed[2], 0xd0100000u);
	cr_expect_eq(be.places, 2);
	/* The I/O BAR follows too. */
	cfg_write(0x10, 4, 0xc100);
	cr_expect_eq(tin(&t, 0xc100 + KSH_CHANDEV_ID, 4), KSH_CHANDEV_MAGIC);
	cr_expect_eq(rd(KSH_CHANDEV_ID), 0xFFFFFFFFu);
}

Test(dev_chan, refused_placement_counted)
{
	make(KSH_CHANDEV_KIND_MESSAGE, 3);
	be.refuse_place = 1;
	vchan_assign(&ch, IO, BAR1, 0);
	cr_expect_eq(be.placed[1], 0);
	cr_expect_eq(ch.bar_gpa[1], 0);
	cr_expect_eq(ch.bad, 1);
	be.refuse_place = 0;
	cfg_write(0x14, 4, BAR1 + 0x10000);
	cr_expect_eq(be.placed[1], BAR1 + 0x10000);
}

Test(dev_chan, refresh_follows_room_made_by_the_peer)
{
	make_sender();
	wr(KSH_CHANDEV_IRQ_MASK, KSH_CHANDEV_ST_TX);
	cr_expect_not(t.level[IRQ], "queue full");
	be.live.tx = true; /* the receiver took a message */
	cr_expect_not(t.level[IRQ], "nothing re-evaluated yet");
	vchan_refresh(&ch);
	cr_expect(t.level[IRQ]);
	cr_expect_eq(rd(KSH_CHANDEV_STATUS),
		     KSH_CHANDEV_ST_TX | KSH_CHANDEV_ST_IRQ);
}
