// SPDX-License-Identifier: MIT
/*
 * hc_decode: all checks of a hypercall before the kernel acts on it.
 */
#include <ksh/gmap.h>
#include <ksh/hcall.h>
#include <ksh/hypercall.h>

int hc_decode(const struct ksh_tables *t, uint32_t dom,
	      const struct hc_call *call, struct hc_op *op)
{
	const struct ksh_domain *d = &t->domains[dom];

	op->nr = 0;
	op->gpa = 0;
	op->len = 0;
	op->value = 0;
	/* Guest user mode may not call unless the policy says so
	 * (KSH_DOMF_USER_HYPERCALLS, include/ksh/tables.h). */
	if (call->cpl == 3 && !(d->flags & KSH_DOMF_USER_HYPERCALLS))
		return -KSH_EPERM;
	switch (call->nr) {
	case KSH_HC_CONSOLE_WRITE:
		/* The range first: a length that runs outside the caller's
		 * memory is a bad address (EFAULT) whatever its size. */
		if (gmap_check(t, dom, call->arg[0], call->arg[1], KSH_R) != 0)
			return -KSH_EFAULT;
		if (call->arg[1] > HC_CONSOLE_MAX)
			return -KSH_EINVAL;
		op->gpa = call->arg[0];
		op->len = call->arg[1];
		break;
	case KSH_HC_DOMAIN_INFO:
		if (call->arg[1] < sizeof(struct ksh_domain_info))
			return -KSH_EINVAL;
		if (gmap_check(t, dom, call->arg[0],
			       sizeof(struct ksh_domain_info),
			       KSH_R | KSH_W) != 0)
			return -KSH_EFAULT;
		op->gpa = call->arg[0];
		op->len = sizeof(struct ksh_domain_info);
		break;
	case KSH_HC_YIELD:
	case KSH_HC_TIME:
		break;
	case KSH_HC_EXIT:
		op->value = call->arg[0];
		break;
	case KSH_HC_CHAN_SEND:
	case KSH_HC_CHAN_RECV:
	case KSH_HC_EVENT_SIGNAL:
	case KSH_HC_EVENT_WAIT:
	case KSH_HC_AUDIT_READ:
		/* Checked against the run-time channel state, then carried
		 * out, by chan_hcall (kernel/chan/chan_hcall.c). */
		break;
	default:
		/* Unknown numbers, and KSH_HC_MEM_PROTECT, which the ABI
		 * reserves but this kernel does not implement (ksh/hypercall.h
		 * says so). */
		return -KSH_ENOSYS;
	}
	op->nr = (uint32_t)call->nr;
	return 0;
}
