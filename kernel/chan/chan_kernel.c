// SPDX-License-Identifier: MIT
/*
 * The kernel's side of the channel code (the logic is the pure C of
 * pep.c, chanq.c, audit.c and chan_hcall.c): run-time state from the
 * kernel pool, the audit ring, console output, the hypercall entry.
 */
#include <arch/arch.h>
#include <ksh/chan.h>
#include <ksh/chan_dev.h>
#include <ksh/chan_kernel.h>
#include <ksh/domain.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>

static struct chan_sys chan_sys;
static struct audit_ring audit_ring;

static void chan_log(void *ctx, const char *line)
{
	(void)ctx;
	kprintf("%s\n", line);
}

uint64_t chan_pool_pages(const struct ksh_tables *t)
{
	return (chan_state_bytes(t) + KPAGE_SIZE - 1) / KPAGE_SIZE;
}

void chan_kernel_init(void)
{
	uint64_t pages = chan_pool_pages(tables);
	void *mem = NULL;
	uint32_t bad;

	if (pages != 0) {
		mem = kpage_alloc(pages, NULL);
		if (mem == NULL)
			panic("kernel pool too small for channel state");
	}
	chan_sys.log = chan_log;
	chan_sys.notify = chan_dev_notify;
	if (chan_sys_init(&chan_sys, tables, memobj_hpa, mem, &audit_ring,
			  &bad) != 0)
		panic("channel %s: queue storage smaller than its depth",
		      tables->channels[bad].name);
	kprintf("ksh: channels: %u, events: %u, audit ring of %u records\n",
		tables->n_channels, tables->n_events, AUDIT_RING_SIZE);
}

int64_t chan_kernel_hcall(struct domain *d, const struct hc_call *call)
{
	return chan_hcall(&chan_sys, d->id, call, arch_time_ns());
}

int64_t chan_kernel_kbuf_call(struct domain *d, const struct hc_call *call,
			      struct chan_kbuf *kb)
{
	return chan_kbuf_call(&chan_sys, d->id, call, kb, arch_time_ns());
}

void chan_kernel_state(uint32_t ch, uint32_t *count, uint32_t *state)
{
	*count = chan_sys.chans[ch].count;
	*state = chan_sys.chans[ch].state;
}

void chan_kernel_audit_window(struct domain *d, uint32_t ch, uint32_t handle)
{
	struct ksh_audit_record r = {
	    .time_ns = arch_time_ns(),
	    .subject = d->id,
	    .object = ch,
	    .method = KSH_NONE,
	    .state = chan_sys.chans[ch].state,
	    .result = -KSH_EPERM,
	    .rule = KSH_NONE,
	    .call = CHAN_AUDIT_WINDOW_WRITE,
	    .handle = handle,
	};

	audit_log(&chan_sys, &r);
}

bool chan_kernel_parked(const struct domain *d)
{
	return chan_waiting(&chan_sys, d->id);
}

bool chan_kernel_resume(struct domain *d, uint64_t *wake_ns)
{
	int64_t ret;

	if (!chan_waiting(&chan_sys, d->id))
		return true;
	if (chan_wait_poll(&chan_sys, d->id, arch_time_ns(), &ret)) {
		/* The vendor loads RAX from here at the next entry; RIP is
		 * already past the hypercall instruction. */
		d->vcpu.regs.rax = (uint64_t)ret;
		return true;
	}
	*wake_ns = chan_wait_deadline(&chan_sys, d->id);
	return false;
}
