// SPDX-License-Identifier: MIT
/*
 * not-enforced: every construct whose table feature the runtime does not
 * enforce (ksh/features.h, contract.h) is an error at its source location.
 * The description an auditor reads must be the machine that runs: a
 * construct the kernel would silently ignore (a plan for CPU 1, an
 * IOMMU requirement, a network filter) is refused, not compiled. The
 * kernel's validator refuses the same tables (tables_check.c) for tools
 * other than kshc.
 */
#include "checks.h"

#include <ksh/features.h>

#define A (&k->ast)

static const char *const dom_kind_name[] = {
    [DOM_NATIVE] = "native",
    [DOM_LINUX] = "linux",
    [DOM_MULTIBOOT] = "multiboot",
};

/* Report @construct (quoted as written) at @loc unless the contract enforces @feat. */
static void refuse(struct kshc *k, unsigned feat, const struct ksh_loc *loc,
		   const char *construct, const char *why)
{
	const struct ksh_contract *c = k->contract;

	if (c->enforced & KSH_FEAT_BIT(feat))
		return;
	diag_report(&k->diags, DIAG_NOT_ENFORCED, loc,
		    "%s is not enforced by ksh runtime %s (table format "
		    "%u); %s (feature %s)",
		    construct, c->version, c->table_format, why,
		    ksh_feature_name(feat));
}

static void chk_platform(struct kshc *k)
{
	const struct ast_system *s = &A->sys;
	char what[64];

	if (s->cpus.set && s->cpus.num > 1) {
		snprintf(what, sizeof(what), "'cpus %llu'",
			 (unsigned long long)s->cpus.num);
		refuse(k, KSH_FEAT_SMP, &s->cpus.loc, what,
		       "the kernel runs on CPU 0 only");
	}
	for (uint32_t p = 0; p < s->plans.n; p++) {
		const struct ast_cpu_plan *pl = &s->plans.v[p];

		if (pl->cpu.num == 0)
			continue;
		snprintf(what, sizeof(what), "'cpu %llu' plan",
			 (unsigned long long)pl->cpu.num);
		refuse(k, KSH_FEAT_SMP, &pl->loc, what,
		       "the kernel runs CPU 0's plan only, so a domain "
		       "planned on another CPU would never run");
	}
	if (s->iommu == 1)
		refuse(k, KSH_FEAT_IOMMU, &s->iommu_loc, "'iommu required'",
		       "the kernel programs no IOMMU");
}

static void chk_device(struct kshc *k, const struct ast_domain *d,
		       const struct ast_device *x)
{
	char what[96];

	if (x->model < VDEV_UART || x->model > VDEV_CHANNEL ||
	    d->kind < DOM_NATIVE || d->kind > DOM_MULTIBOOT)
		return; /* resolve has reported it */
	snprintf(what, sizeof(what), "'device %s' in a %s domain",
		 x->model_name.s, dom_kind_name[d->kind]);
	refuse(k, KSH_FEAT_DEV(d->kind, x->model), &x->model_name.loc, what,
	       "the kernel attaches no such device model to this kind of "
	       "domain");
}

static void chk_domain(struct kshc *k, const struct ast_domain *d)
{
	char what[64];

	if (d->n_vcpus > 1) {
		snprintf(what, sizeof(what), "'vcpus %u'", d->n_vcpus);
		refuse(k, KSH_FEAT_VCPUS, &d->vcpus.loc, what,
		       "every domain runs on one vCPU");
	}
	if (d->affinity.n > 0 && (d->affinity_mask & ~1u) != 0)
		refuse(k, KSH_FEAT_AFFINITY, &d->affinity_loc,
		       "'affinity' beyond CPU 0", "domains run on CPU 0 only");
	for (uint32_t i = 0; i < d->devices.n; i++)
		chk_device(k, d, &d->devices.v[i]);
	for (uint32_t i = 0; i < d->passthru.n; i++)
		refuse(k, KSH_FEAT_PASSTHROUGH, &d->passthru.v[i].loc,
		       "'passthrough'",
		       "the kernel hands no physical device to a domain");
}

void chk_contract(struct kshc *k)
{
	chk_platform(k);
	for (uint32_t i = 0; i < A->domains.n; i++)
		chk_domain(k, &A->domains.v[i]);
	for (uint32_t i = 0; i < A->events.n; i++)
		if (A->events.v[i].vector.set)
			refuse(k, KSH_FEAT_EVENT_VECTOR,
			       &A->events.v[i].vector.loc, "'vector'",
			       "events reach their waiter through EVENT_WAIT "
			       "only");
	for (uint32_t i = 0; i < A->networks.n; i++) {
		const struct ast_network *n = &A->networks.v[i];

		refuse(k, KSH_FEAT_NETWORK, &n->name.loc, "'network'",
		       "no switch joins emulated NICs");
		if (n->filters.n > 0)
			refuse(k, KSH_FEAT_NETWORK_FILTER, &n->filters.v[0].loc,
			       "'filter'", "no traffic is filtered");
	}
}
