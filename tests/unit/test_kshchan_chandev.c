// SPDX-License-Identifier: MIT
/* libkshchan against the real channel device model
 * (kernel/devices/chandev.c) behind the PCI host: two functions, a
 * sender and a receiver of one channel, whose backend is a loopback queue
 * standing in for the kernel. The library reaches the registers only
 * through I/O port accesses on the vdev bus, as a guest would. */
#include <criterion/criterion.h>
#include <string.h>

#include <ksh/tables.h>
#include <ksh/vdev_chan.h>

#include "kshchan.h"
#include "test_dev_env.h"

#define IO_TX	  0xc040
#define IO_RX	  0xc080
#define N_MSG	  4u
#define BAR1_SIZE 8192u

static struct tenv t;
static struct vpci_host host;

/* One end: the model, the BAR1 memory the kernel would own, and the
 * port the library's ops use. */
struct end {
	struct vchan dev;
	uint16_t io;
	uint8_t bar1[BAR1_SIZE]
	    __attribute__((aligned(4096))); /* a page, as a BAR */
};
static struct end tx, rx;

/* The loopback "kernel": a queue of N_MSG messages, a policy that
 * refuses methods in deny_mask. */
static struct {
	uint32_t method[N_MSG], len[N_MSG];
	uint8_t data[N_MSG][256];
	unsigned n;
	uint32_t deny_mask;
	unsigned denied;
} q;

static uint8_t *buf_of(struct end *e)
{
	return e->bar1 + KSH_CHANDEV_DESC_SIZE;
}

static int k_send(void *ctx, uint32_t method, uint32_t len)
{
	struct end *e = ctx;

	if (q.deny_mask & (1u << method)) {
		q.denied++;
		return -KSH_EPERM;
	}
	if (q.n == N_MSG)
		return -KSH_EAGAIN;
	q.method[q.n] = method;
	q.len[q.n] = len;
	memcpy(q.data[q.n], buf_of(e), len);
	q.n++;
	vchan_notify_rx(&rx.dev);
	return 0;
}

static int k_recv(void *ctx, uint32_t *method, uint32_t *len)
{
	struct end *e = ctx;

	if (!q.n)
		return -KSH_EAGAIN;
	*method = q.method[0];
	*len = q.len[0];
	memcpy(buf_of(e), q.data[0], q.len[0]);
	q.n--;
	memmove(q.method, q.method + 1, q.n * sizeof(q.method[0]));
	memmove(q.len, q.len + 1, q.n * sizeof(q.len[0]));
	memmove(q.data, q.data + 1, q.n * sizeof(q.data[0]));
	vchan_refresh(&tx.dev);
	return 0;
}

static int k_signal(void *ctx)
{
	(void)ctx;
	return -KSH_EINVAL;
}

static void k_query(void *ctx, struct vchan_live *l)
{
	struct end *e = ctx;

	l->rx = e == &rx && q.n > 0;
	l->tx = e == &tx && q.n < N_MSG;
	l->queued = e == &rx ? q.n : 0;
	l->flow_state = ~0u;
}

static int k_place(void *ctx, unsigned int bar, uint64_t gpa)
{
	(void)ctx;
	(void)bar;
	(void)gpa;
	return 0;
}

static struct vchan_backend be_tx = {k_send,  k_recv,  k_signal,
				     k_query, k_place, &tx};
static struct vchan_backend be_rx = {k_send,  k_recv,  k_signal,
				     k_query, k_place, &rx};

static uint32_t io_read32(void *ctx, uint32_t reg)
{
	return tin(&t, (uint16_t)(((struct end *)ctx)->io + reg), 4);
}

static void io_write32(void *ctx, uint32_t reg, uint32_t v)
{
	tout(&t, (uint16_t)(((struct end *)ctx)->io + reg), 4, v);
}

static uint64_t clock_ms(void *ctx)
{
	(void)ctx;
	return t.now / 1000000u;
}

static void sleep_ms(void *ctx, uint32_t ms)
{
	(void)ctx;
	t.now += (uint64_t)ms * 1000000u;
}

static const struct kshchan_ops io_ops = {io_read32, io_write32, clock_ms,
					  sleep_ms};

static void make_end(struct end *e, uint16_t io, uint32_t role,
		     const struct vchan_backend *be, unsigned devfn)
{
	static const char *const methods[] = {"status", "signature"};
	struct ksh_chandev_desc *d = (struct ksh_chandev_desc *)(void *)e->bar1;
	struct vchan_config cfg = {.kind = KSH_CHANDEV_KIND_MESSAGE,
				   .role = role,
				   .n_methods = 2,
				   .max_msg = 256,
				   .bar1_size = BAR1_SIZE,
				   .irq = 9};

	memset(e->bar1, 0, sizeof(e->bar1));
	e->io = io;
	/* What the kernel writes into the descriptor page. */
	d->magic = KSH_CHANDEV_MAGIC;
	d->version = KSH_CHANDEV_VERSION;
	d->kind = KSH_CHANDEV_KIND_MESSAGE;
	d->role = role;
	d->max_msg = 256;
	d->buf_offset = KSH_CHANDEV_DESC_SIZE;
	d->buf_size = BAR1_SIZE - KSH_CHANDEV_DESC_SIZE;
	d->n_methods = 2;
	strcpy(d->channel, "reply");
	strcpy(d->device, role == KSH_ROLE_SENDER ? "out" : "in");
	strcpy(d->methods[0], methods[0]);
	strcpy(d->methods[1], methods[1]);
	cr_assert_eq(vchan_init(&e->dev, &t.env, &cfg, be), 0);
	cr_assert_eq(vpci_host_add(&host, &e->dev.pci, devfn << 3), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &e->dev.dev), 0);
	vchan_assign(&e->dev, io, 0xe0000000u + devfn * 0x10000u, 0);
}

static struct kshchan ch_tx, ch_rx;

static void setup(void)
{
	tenv_init(&t, true);
	memset(&q, 0, sizeof(q));
	cr_assert_eq(vpci_host_init(&host, &t.env), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &host.dev), 0);
	make_end(&tx, IO_TX, KSH_ROLE_SENDER, &be_tx, 4);
	make_end(&rx, IO_RX, KSH_ROLE_RECEIVER, &be_rx, 5);
	cr_assert_eq(kshchan_attach(&ch_tx, &io_ops, &tx, tx.bar1,
				    sizeof(tx.bar1), NULL, 0),
		     0);
	cr_assert_eq(kshchan_attach(&ch_rx, &io_ops, &rx, rx.bar1,
				    sizeof(rx.bar1), NULL, 0),
		     0);
}

TestSuite(kshchan_chandev, .init = setup);

Test(kshchan_chandev, attach_reads_the_model_registers)
{
	cr_assert_eq(ch_tx.role, KSH_ROLE_SENDER);
	cr_assert_eq(ch_rx.role, KSH_ROLE_RECEIVER);
	cr_assert_eq(ch_rx.max_msg, 256);
	cr_assert_eq(ch_rx.n_methods, 2);
	cr_assert_eq(tx.dev.bad + rx.dev.bad, 0);
}

Test(kshchan_chandev, message_goes_from_sender_to_receiver)
{
	uint8_t out[256];
	uint32_t m = 9;

	cr_assert_eq(kshchan_send(&ch_tx, 1, "\x30\x44\x02\x20", 4, 0), 0);
	cr_assert_eq(kshchan_recv(&ch_rx, &m, out, sizeof(out), 0), 4);
	cr_assert_eq(m, 1);
	cr_assert_arr_eq(out, "\x30\x44\x02\x20", 4);
	cr_assert_eq(kshchan_recv(&ch_rx, &m, out, sizeof(out), 0),
		     -KSH_EAGAIN);
	cr_assert_eq(tx.dev.bad + rx.dev.bad, 0);
}

Test(kshchan_chandev, refusal_and_full_queue_come_back_from_result)
{
	q.deny_mask = 1u << 0;
	cr_assert_eq(kshchan_send(&ch_tx, 0, "x", 1, 0), -KSH_EPERM);
	cr_assert_eq(q.denied, 1);
	for (unsigned i = 0; i < N_MSG; i++)
		cr_assert_eq(kshchan_send(&ch_tx, 1, "y", 1, 0), 0);
	cr_assert_eq(kshchan_send(&ch_tx, 1, "y", 1, 0), -KSH_EAGAIN);
	/* With a timeout, and nobody draining: the deadline ends it. */
	cr_assert_eq(kshchan_send(&ch_tx, 1, "y", 1, 20), -KSHCHAN_ETIMEDOUT);
}

Test(kshchan_chandev, receiver_waits_on_status_until_timeout)
{
	uint8_t out[8];
	uint64_t t0 = t.now;

	cr_assert_eq(kshchan_recv(&ch_rx, NULL, out, sizeof(out), 30),
		     -KSHCHAN_ETIMEDOUT);
	cr_assert_eq((t.now - t0) / 1000000u, 30);
	/* Once a message is queued, RX shows and the same call gets it. */
	cr_assert_eq(kshchan_send(&ch_tx, 0, "z", 1, 0), 0);
	cr_assert_eq(kshchan_recv(&ch_rx, NULL, out, sizeof(out), 30), 1);
}
