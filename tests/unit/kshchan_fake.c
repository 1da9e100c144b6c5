// SPDX-License-Identifier: MIT
/* The fake ksh channel device of kshchan_fake.h. */
#include "kshchan_fake.h"

#include <string.h>

#include <ksh/tables.h>

static void arrive(struct fake_dev *f)
{
	if (!f->arrive_at_ms || f->now < f->arrive_at_ms)
		return;
	f->arrive_at_ms = 0;
	if (f->pending_event)
		f->latched |= KSH_CHANDEV_ST_EVENT;
	else if (f->room_at_arrival)
		f->n_sent = 0;
	else if (f->n_inbox < FAKE_DEPTH)
		f->inbox[f->n_inbox++] = f->pending;
}

static uint32_t fake_status(struct fake_dev *f)
{
	uint32_t st = f->latched;

	if (f->n_inbox)
		st |= KSH_CHANDEV_ST_RX;
	if (f->n_sent < FAKE_DEPTH)
		st |= KSH_CHANDEV_ST_TX;
	return st;
}

static uint32_t fake_read32(void *ctx, uint32_t reg)
{
	struct fake_dev *f = ctx;
	uint32_t n = fake_desc(f)->n_methods;

	arrive(f);
	switch (reg) {
	case KSH_CHANDEV_ID:
		return f->id;
	case KSH_CHANDEV_INFO:
		return KSH_CHANDEV_VERSION | f->kind << 8 | f->role << 12 |
		       n << 16;
	case KSH_CHANDEV_MAX_MSG:
		return f->max_msg;
	case KSH_CHANDEV_STATUS:
		return fake_status(f);
	case KSH_CHANDEV_IRQ_MASK:
		return f->irq_mask;
	case KSH_CHANDEV_METHOD:
		return f->method;
	case KSH_CHANDEV_LENGTH:
		return f->length;
	case KSH_CHANDEV_RESULT:
		return f->result;
	case KSH_CHANDEV_FLOW_STATE:
		return ~0u;
	case KSH_CHANDEV_QUEUED:
		return f->n_inbox;
	default:
		f->bad_accesses++;
		return ~0u;
	}
}

static uint32_t fake_send(struct fake_dev *f)
{
	struct ksh_chandev_desc *d = fake_desc(f);
	struct fake_msg *m;

	if (f->kind != KSH_CHANDEV_KIND_MESSAGE || f->role != KSH_ROLE_SENDER)
		return (uint32_t)-KSH_EINVAL;
	if (f->method >= d->n_methods)
		return (uint32_t)-KSH_EINVAL;
	if (f->length > f->max_msg)
		return (uint32_t)-KSH_E2BIG;
	if (f->deny_mask & (1u << f->method))
		return (uint32_t)-KSH_EPERM;
	if (f->n_sent == FAKE_DEPTH)
		return (uint32_t)-KSH_EAGAIN;
	m = &f->sent[f->n_sent++];
	m->method = f->method;
	m->len = f->length;
	memcpy(m->data, f->bar1 + d->buf_offset, f->length);
	return 0;
}

static uint32_t fake_recv(struct fake_dev *f)
{
	struct ksh_chandev_desc *d = fake_desc(f);

	if (f->kind != KSH_CHANDEV_KIND_MESSAGE || f->role != KSH_ROLE_RECEIVER)
		return (uint32_t)-KSH_EINVAL;
	if (!f->n_inbox)
		return (uint32_t)-KSH_EAGAIN;
	f->method = f->inbox[0].method;
	f->length = f->inbox[0].len;
	memcpy(f->bar1 + d->buf_offset, f->inbox[0].data, f->length);
	memmove(&f->inbox[0], &f->inbox[1],
		(--f->n_inbox) * sizeof(f->inbox[0]));
	if (f->recv_len_override)
		f->length = f->recv_len_override;
	if (f->recv_method_override)
		f->method = f->recv_method_override;
	return 0;
}

static void fake_write32(void *ctx, uint32_t reg, uint32_t v)
{
	struct fake_dev *f = ctx;

	arrive(f);
	switch (reg) {
	case KSH_CHANDEV_IRQ_MASK:
		f->irq_mask = v;
		break;
	case KSH_CHANDEV_IRQ_ACK:
		f->latched &= ~v;
		break;
	case KSH_CHANDEV_METHOD:
		f->method = v;
		break;
	case KSH_CHANDEV_LENGTH:
		f->length = v;
		break;
	case KSH_CHANDEV_COMMAND:
		f->n_commands++;
		if (v == KSH_CHANDEV_CMD_SEND)
			f->result = fake_send(f);
		else if (v == KSH_CHANDEV_CMD_RECV)
			f->result = fake_recv(f);
		else if (v == KSH_CHANDEV_CMD_SIGNAL &&
			 f->kind == KSH_CHANDEV_KIND_MEMORY) {
			f->n_signals++;
			f->result = 0;
		} else
			f->result = (uint32_t)-KSH_EINVAL;
		break;
	default:
		f->bad_accesses++;
		break;
	}
}

static uint64_t fake_now_ms(void *ctx)
{
	return ((struct fake_dev *)ctx)->now;
}

static void fake_sleep_ms(void *ctx, uint32_t ms)
{
	struct fake_dev *f = ctx;

	f->n_sleeps++;
	f->now += ms;
}

const struct kshchan_ops fake_ops = {
    .read32 = fake_read32,
    .write32 = fake_write32,
    .now_ms = fake_now_ms,
    .sleep_ms = fake_sleep_ms,
};

static void fake_init(struct fake_dev *f, uint32_t kind, uint32_t role,
		      uint32_t max_msg)
{
	struct ksh_chandev_desc *d;

	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->role = role;
	f->max_msg = max_msg;
	f->id = KSH_CHANDEV_MAGIC;
	f->now = 1000;
	d = fake_desc(f);
	d->magic = KSH_CHANDEV_MAGIC;
	d->version = KSH_CHANDEV_VERSION;
	d->kind = kind;
	d->role = role;
	d->max_msg = max_msg;
	d->buf_offset = KSH_CHANDEV_DESC_SIZE;
	d->buf_size = FAKE_BUF_SIZE;
	strcpy(d->channel, "crypto");
	strcpy(d->device, "keys");
}

void fake_init_message(struct fake_dev *f, uint32_t role,
		       const char *const *names, unsigned n, uint32_t max_msg)
{
	fake_init(f, KSH_CHANDEV_KIND_MESSAGE, role, max_msg);
	fake_desc(f)->n_methods = n;
	for (unsigned i = 0; i < n; i++)
		strcpy(fake_desc(f)->methods[i], names[i]);
}

void fake_init_memory(struct fake_dev *f, uint32_t role, uint32_t win)
{
	fake_init(f, KSH_CHANDEV_KIND_MEMORY, role, win);
	strcpy(fake_desc(f)->channel, "frames");
	strcpy(fake_desc(f)->device, "fb");
}

void fake_push(struct fake_dev *f, uint32_t method, const void *data,
	       uint32_t len)
{
	struct fake_msg *m = &f->inbox[f->n_inbox++];

	m->method = method;
	m->len = len;
	memcpy(m->data, data, len);
}

int fake_attach(struct fake_dev *f, struct kshchan *ch)
{
	return kshchan_attach(ch, &fake_ops, f, f->bar1, sizeof(f->bar1),
			      f->kind == KSH_CHANDEV_KIND_MEMORY ? f->window
								 : NULL,
			      sizeof(f->window));
}
