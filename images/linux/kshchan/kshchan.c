// SPDX-License-Identifier: MIT
/*
 * libkshchan core: contract checks, method names, and the SEND / RECV /
 * SIGNAL command sequences of include/ksh/chandev_regs.h, over
 * the register ops of kshchan.h. No system calls here.
 */
#include "kshchan.h"

#include <string.h>

#include <ksh/tables.h>

static uint32_t reg_read(const struct kshchan *ch, uint32_t reg)
{
	return ch->ops->read32(ch->ctx, reg);
}

static void reg_write(const struct kshchan *ch, uint32_t reg, uint32_t v)
{
	ch->ops->write32(ch->ctx, reg, v);
}

/* A string field of the descriptor must end inside its array. */
static int name_ok(const char *s, size_t max)
{
	return memchr(s, '\0', max) != NULL;
}

static int role_fits_kind(uint32_t kind, uint32_t role)
{
	if (kind == KSH_CHANDEV_KIND_MEMORY)
		return role == KSH_ROLE_WRITER || role == KSH_ROLE_READER;
	if (kind == KSH_CHANDEV_KIND_MESSAGE)
		return role == KSH_ROLE_SENDER || role == KSH_ROLE_RECEIVER;
	return 0;
}

int kshchan_attach(struct kshchan *ch, const struct kshchan_ops *ops, void *ctx,
		   void *bar1, size_t bar1_size, void *bar2, size_t bar2_size)
{
	const struct ksh_chandev_desc *d = bar1;
	uint32_t info, max_msg;

	memset(ch, 0, sizeof(*ch));
	ch->ops = ops;
	ch->ctx = ctx;
	/* Check everything before trusting any of it. */
	if (!bar1 || bar1_size < KSH_CHANDEV_DESC_SIZE)
		return -KSHCHAN_EBADDEV;
	if (reg_read(ch, KSH_CHANDEV_ID) != KSH_CHANDEV_MAGIC)
		return -KSHCHAN_EBADDEV;
	info = reg_read(ch, KSH_CHANDEV_INFO);
	max_msg = reg_read(ch, KSH_CHANDEV_MAX_MSG);
	if (KSH_CHANDEV_INFO_VERSION(info) != KSH_CHANDEV_VERSION ||
	    d->magic != KSH_CHANDEV_MAGIC || d->version != KSH_CHANDEV_VERSION)
		return -KSHCHAN_EBADDEV;
	if (d->kind != KSH_CHANDEV_INFO_KIND(info) ||
	    d->role != KSH_CHANDEV_INFO_ROLE(info) ||
	    d->n_methods != KSH_CHANDEV_INFO_N_METHODS(info) ||
	    d->max_msg != max_msg || !role_fits_kind(d->kind, d->role))
		return -KSHCHAN_EBADDEV;
	if (d->n_methods > KSH_CHANDEV_METHODS_MAX ||
	    !name_ok(d->channel, sizeof(d->channel)) ||
	    !name_ok(d->device, sizeof(d->device)))
		return -KSHCHAN_EBADDEV;
	for (uint32_t i = 0; i < d->n_methods; i++)
		if (!name_ok(d->methods[i], sizeof(d->methods[i])))
			return -KSHCHAN_EBADDEV;
	/* The message buffer follows the descriptor page inside BAR1. */
	if (d->buf_offset < KSH_CHANDEV_DESC_SIZE ||
	    d->buf_offset > bar1_size ||
	    d->buf_size > bar1_size - d->buf_offset)
		return -KSHCHAN_EBADDEV;
	if (d->kind == KSH_CHANDEV_KIND_MESSAGE && d->buf_size < max_msg)
		return -KSHCHAN_EBADDEV;
	if (d->kind == KSH_CHANDEV_KIND_MEMORY &&
	    (!bar2 || bar2_size < max_msg || max_msg == 0))
		return -KSHCHAN_EBADDEV;

	ch->desc = d;
	ch->buf = (uint8_t *)bar1 + d->buf_offset;
	ch->buf_size = d->buf_size;
	if (d->kind == KSH_CHANDEV_KIND_MEMORY) {
		ch->window = bar2;
		ch->window_size = max_msg;
	}
	ch->kind = d->kind;
	ch->role = d->role;
	ch->max_msg = max_msg;
	ch->n_methods = d->n_methods;
	memcpy(ch->channel, d->channel, sizeof(ch->channel));
	memcpy(ch->device, d->device, sizeof(ch->device));
	return 0;
}

int kshchan_method_index(const struct kshchan *ch, const char *name)
{
	uint32_t n = 0;
	const char *p;

	for (uint32_t i = 0; i < ch->n_methods; i++)
		if (strncmp(ch->desc->methods[i], name, KSH_CHANDEV_NAME_MAX) ==
		    0)
			return (int)i;
	/* A plain decimal index, for methods whose names are unknown. */
	for (p = name; *p >= '0' && *p <= '9' && n < 1000; p++)
		n = n * 10 + (uint32_t)(*p - '0');
	if (p != name && *p == '\0' && n < ch->n_methods)
		return (int)n;
	return -KSHCHAN_ENOMETHOD;
}

void kshchan_method_name(const struct kshchan *ch, uint32_t index,
			 char out[KSH_CHANDEV_NAME_MAX])
{
	out[0] = '\0';
	if (index < ch->n_methods)
		memcpy(out, ch->desc->methods[index], KSH_CHANDEV_NAME_MAX);
	out[KSH_CHANDEV_NAME_MAX - 1] = '\0';
}

/* Runs one command and returns RESULT as the signed value it holds. */
static int run_command(struct kshchan *ch, uint32_t cmd)
{
	reg_write(ch, KSH_CHANDEV_COMMAND, cmd);
	return (int)(int32_t)reg_read(ch, KSH_CHANDEV_RESULT);
}

/*
 * The wait policy shared by send, recv and wait_event: false when the
 * caller asked not to wait or the deadline has passed, else sleeps one
 * poll interval (or what is left, if less) and returns true.
 */
static int wait_more(struct kshchan *ch, int timeout_ms, uint64_t deadline)
{
	uint64_t now, left;

	if (timeout_ms == 0)
		return 0;
	if (timeout_ms < 0) {
		ch->ops->sleep_ms(ch->ctx, KSHCHAN_POLL_MS);
		return 1;
	}
	now = ch->ops->now_ms(ch->ctx);
	if (now >= deadline)
		return 0;
	left = deadline - now;
	ch->ops->sleep_ms(ch->ctx, left < KSHCHAN_POLL_MS ? (uint32_t)left
							  : KSHCHAN_POLL_MS);
	return 1;
}

static uint64_t deadline_of(struct kshchan *ch, int timeout_ms)
{
	return timeout_ms > 0 ? ch->ops->now_ms(ch->ctx) + (uint64_t)timeout_ms
			      : 0;
}

int kshchan_send(struct kshchan *ch, uint32_t method, const void *data,
		 size_t len, int timeout_ms)
{
	uint64_t deadline = deadline_of(ch, timeout_ms);
	int r;

	if (ch->kind != KSH_CHANDEV_KIND_MESSAGE)
		return -KSHCHAN_EKIND;
	if (len > ch->buf_size)
		return -KSHCHAN_ETOOBIG;
	if (len)
		memcpy(ch->buf, data, len);
	reg_write(ch, KSH_CHANDEV_LENGTH, (uint32_t)len);
	reg_write(ch, KSH_CHANDEV_METHOD, method);
	/* The device decides everything else (role, policy, size), so that
	 * a refusal is the kernel's and lands in the audit ring. */
	while ((r = run_command(ch, KSH_CHANDEV_CMD_SEND)) == -KSH_EAGAIN) {
		if (!wait_more(ch, timeout_ms, deadline))
			return timeout_ms == 0 ? r : -KSHCHAN_ETIMEDOUT;
		/* Wait for room: TX is live, so poll it before retrying. */
		while (!(reg_read(ch, KSH_CHANDEV_STATUS) & KSH_CHANDEV_ST_TX))
			if (!wait_more(ch, timeout_ms, deadline))
				return -KSHCHAN_ETIMEDOUT;
	}
	return r;
}

int kshchan_recv(struct kshchan *ch, uint32_t *method, void *out, size_t cap,
		 int timeout_ms)
{
	uint64_t deadline = deadline_of(ch, timeout_ms);
	uint32_t len, m;
	int r;

	if (ch->kind != KSH_CHANDEV_KIND_MESSAGE)
		return -KSHCHAN_EKIND;
	/* Ask first, so a refusal (policy, role) comes back at once rather
	 * than after a wait for a message that may never be allowed. */
	while ((r = run_command(ch, KSH_CHANDEV_CMD_RECV)) == -KSH_EAGAIN) {
		if (!wait_more(ch, timeout_ms, deadline))
			return timeout_ms == 0 ? r : -KSHCHAN_ETIMEDOUT;
		while (!(reg_read(ch, KSH_CHANDEV_STATUS) & KSH_CHANDEV_ST_RX))
			if (!wait_more(ch, timeout_ms, deadline))
				return -KSHCHAN_ETIMEDOUT;
	}
	if (r < 0)
		return r;
	len = reg_read(ch, KSH_CHANDEV_LENGTH);
	m = reg_read(ch, KSH_CHANDEV_METHOD);
	if (len > ch->buf_size || len > ch->max_msg || m >= ch->n_methods)
		return -KSHCHAN_EBADDEV;
	if (len > cap)
		return -KSHCHAN_ETOOBIG;
	if (len)
		memcpy(out, ch->buf, len);
	if (method)
		*method = m;
	return (int)len;
}

int kshchan_signal(struct kshchan *ch)
{
	if (ch->kind != KSH_CHANDEV_KIND_MEMORY)
		return -KSHCHAN_EKIND;
	return run_command(ch, KSH_CHANDEV_CMD_SIGNAL);
}

int kshchan_wait_event(struct kshchan *ch, int timeout_ms)
{
	uint64_t deadline = deadline_of(ch, timeout_ms);

	if (ch->kind != KSH_CHANDEV_KIND_MEMORY)
		return -KSHCHAN_EKIND;
	while (!(reg_read(ch, KSH_CHANDEV_STATUS) & KSH_CHANDEV_ST_EVENT))
		if (!wait_more(ch, timeout_ms, deadline))
			return -KSHCHAN_ETIMEDOUT;
	/* EVENT is latched until acknowledged (write 1 to clear). */
	reg_write(ch, KSH_CHANDEV_IRQ_ACK, KSH_CHANDEV_ST_EVENT);
	return 0;
}

void *kshchan_window(const struct kshchan *ch, size_t *size)
{
	if (size)
		*size = ch->window ? ch->window_size : 0;
	return ch->window;
}
