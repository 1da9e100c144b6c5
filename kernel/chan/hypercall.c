// SPDX-License-Identifier: MIT
/*
 * Hypercall invoke step: hc_decode (hcall_decode.c) has checked
 * everything, so nothing here can fail half-way.
 */
#include <arch/arch.h>
#include <ksh/chan.h>
#include <ksh/chan_kernel.h>
#include <ksh/domain.h>
#include <ksh/exit.h>
#include <ksh/gmap.h>
#include <ksh/hcall.h>
#include <ksh/hypercall.h>
#include <ksh/kprintf.h>

#include <string.h>

/* Copies between guest-physical memory and the kernel, piece by piece
 * across mappings; the range was checked by hc_decode. */
static void guest_copy(struct domain *d, uint64_t gpa, void *buf, uint64_t len,
		       bool to_guest)
{
	uint8_t *p = buf;

	while (len != 0) {
		uint64_t run,
		    hpa = gmap_hpa(tables, memobj_hpa, d->id, gpa, &run);
		uint64_t n = run < len ? run : len;

		if (hpa == 0 || n == 0)
			panic("hypercall buffer unmapped after decode");
		if (to_guest)
			memcpy((void *)(uintptr_t)hpa, p, n);
		else
			memcpy(p, (const void *)(uintptr_t)hpa, n);
		p += n;
		gpa += n;
		len -= n;
	}
}

enum hc_result hc_handle(struct vcpu *v, const struct hc_call *call,
			 int64_t *ret)
{
	struct domain *d = v->dom;
	struct hc_op op;
	int rc = hc_decode(tables, d->id, call, &op);

	v->hypercalls++;
	if (rc != 0) {
		*ret = rc;
		return HC_CONTINUE;
	}
	*ret = 0;
	switch (op.nr) {
	case KSH_HC_CONSOLE_WRITE: {
		char chunk[256];

		for (uint64_t off = 0; off < op.len; off += sizeof(chunk)) {
			uint64_t n = op.len - off < sizeof(chunk)
					 ? op.len - off
					 : sizeof(chunk);

			guest_copy(d, op.gpa + off, chunk, n, false);
			dom_console(d, chunk, n);
		}
		*ret = (int64_t)op.len;
		return HC_CONTINUE;
	}
	case KSH_HC_YIELD:
		return HC_YIELD;
	case KSH_HC_DOMAIN_INFO: {
		struct ksh_domain_info info;
		const char *name = d->desc->name;
		size_t i;

		memset(&info, 0, sizeof(info));
		info.domain_id = d->id;
		info.n_domains = n_domains;
		info.n_handles = d->desc->n_endpoints;
		info.vcpus = d->desc->vcpus;
		info.ram_size = d->desc->ram_size;
		for (i = 0; i + 1 < sizeof(info.name) && name[i] != '\0'; i++)
			info.name[i] = name[i];
		guest_copy(d, op.gpa, &info, sizeof(info), true);
		return HC_CONTINUE;
	}
	case KSH_HC_CHAN_SEND:
	case KSH_HC_CHAN_RECV:
	case KSH_HC_EVENT_SIGNAL:
	case KSH_HC_EVENT_WAIT:
	case KSH_HC_AUDIT_READ:
		*ret = chan_kernel_hcall(d, call);
		/* Blocked: the frame ends here; the scheduler keeps d off
		 * the CPU until the call completes (chan_kernel_resume). */
		return *ret == CHAN_HC_PARKED ? HC_YIELD : HC_CONTINUE;
	case KSH_HC_TIME:
		*ret = (int64_t)arch_time_ns();
		return HC_CONTINUE;
	case KSH_HC_EXIT:
		if (d->line_len != 0)
			dom_console(d, "\n", 1);
		d->state = DOM_EXITED;
		kprintf("ksh: domain %s exited with status %ld\n",
			d->desc->name, (int64_t)op.value);
		return HC_STOP;
	default:
		panic("hc_decode accepted hypercall %u", op.nr);
	}
}
