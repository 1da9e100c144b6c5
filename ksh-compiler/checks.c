// SPDX-License-Identifier: MIT
/*
 * The check table and the resource checks (sizes, memory, devices,
 * schedule). Policy checks are in checks_policy.c. The meaning of each
 * check is documented in dsl/checks.md under its name.
 */
#include "checks.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#define A (&k->ast)

const struct ksh_check ksh_checks[] = {
    {DIAG_LIMIT, CHECK_PRE, chk_limits},
    {DIAG_SIZE_ALIGN, CHECK_PRE, chk_sizes},
    {DIAG_MEMORY_BUDGET, CHECK_PRE, chk_memory_budget},
    {DIAG_PORT_CONFLICT, CHECK_PRE, chk_devices},
    {DIAG_CONSOLE_INPUT, CHECK_PRE, chk_console_input},
    {DIAG_PASSTHRU_CONFLICT, CHECK_PRE, chk_passthru},
    {DIAG_SCHED_OVERRUN, CHECK_PRE, chk_schedule},
    {DIAG_CHANNEL_ENDPOINT, CHECK_PRE, chk_channels},
    {DIAG_CHANNEL_RIGHTS, CHECK_PRE, chk_rights},
    {DIAG_FSM_NONDET, CHECK_PRE, chk_flows},
    {DIAG_NOT_ENFORCED, CHECK_PRE, chk_contract},
    {DIAG_GPA_OVERLAP, CHECK_POST, chk_gpa_overlap},
    {DIAG_MLS_WRITE_DOWN, CHECK_POST, chk_mls},
    {DIAG_NEVERALLOW, CHECK_POST, chk_neverallow},
    {DIAG_NEVERFLOW, CHECK_POST, chk_neverflow},
    {DIAG_RULE_SHADOWED, CHECK_POST, chk_rules},
    {DIAG_UNUSED, CHECK_POST, chk_unused},
};
const unsigned ksh_n_checks = sizeof(ksh_checks) / sizeof(ksh_checks[0]);

void ksh_run_checks_phase(struct kshc *k, enum check_phase phase)
{
	for (unsigned i = 0; i < ksh_n_checks; i++)
		if (ksh_checks[i].phase == phase)
			ksh_checks[i].fn(k);
}

void ksh_run_checks(struct kshc *k)
{
	ksh_run_checks_phase(k, CHECK_PRE);
}

void ksh_run_post_checks(struct kshc *k)
{
	ksh_run_checks_phase(k, CHECK_POST);
}

/* Table limits the kernel's format imposes (tables.h). */
void chk_limits(struct kshc *k)
{
	if (A->categories.n > KSH_MAX_CATEGORIES)
		diag_report(&k->diags, DIAG_LIMIT,
			    &A->categories.v[KSH_MAX_CATEGORIES].name.loc,
			    "more than %d categories", KSH_MAX_CATEGORIES);
}

static void size_ok(struct kshc *k, const struct ksh_value *v, uint64_t size,
		    const char *what, const char *name)
{
	if (size == 0)
		diag_report(&k->diags, DIAG_SIZE_ALIGN, &v->loc,
			    "%s of \"%s\" is zero", what, name);
	else if (size % KSH_PAGE != 0)
		diag_report(&k->diags, DIAG_SIZE_ALIGN, &v->loc,
			    "%s of \"%s\" (%llu bytes) is not a multiple of "
			    "4 KiB",
			    what, name, (unsigned long long)size);
	else if (size >= KSH_GPA_MAX)
		diag_report(&k->diags, DIAG_SIZE_ALIGN, &v->loc,
			    "%s of \"%s\" does not fit the 48-bit "
			    "guest-physical space",
			    what, name);
}

/* Sizes are whole pages; explicit addresses are aligned for the object. */
void chk_sizes(struct kshc *k)
{
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];

		if (d->memory.set)
			size_ok(k, &d->memory, d->ram_size, "memory",
				d->name.s);
	}
	for (uint32_t i = 0; i < A->shared.n; i++) {
		struct ast_shared *s = &A->shared.v[i];

		if (!s->size.set)
			continue;
		size_ok(k, &s->size, s->size_r, "size", s->name.s);
		for (uint32_t m = 0; m < s->maps.n; m++) {
			const struct ksh_value *at = &s->maps.v[m].at;

			if (at->set && at->num % ksh_obj_align(s->size_r))
				diag_report(
				    &k->diags, DIAG_SIZE_ALIGN, &at->loc,
				    "address 0x%llx of \"%s\" is not "
				    "%s aligned",
				    (unsigned long long)at->num, s->name.s,
				    ksh_obj_align(s->size_r) == KSH_2M
					? "2 MiB"
					: "4 KiB");
		}
	}
	for (uint32_t i = 0; i < A->channels.n; i++) {
		struct ast_channel *c = &A->channels.v[i];

		if (c->kind == CHAN_MEMORY && c->size.set)
			size_ok(k, &c->size, c->size_r, "window size",
				c->name.s);
		else if (c->kind == CHAN_MESSAGE && c->size.set &&
			 (c->size_r == 0 || c->size_r > (1u << 20)))
			diag_report(&k->diags, DIAG_SIZE_ALIGN, &c->size.loc,
				    "maximum message of \"%s\" must be 1 byte "
				    "to 1 MiB",
				    c->name.s);
		for (uint32_t a = 0; c->kind == CHAN_MEMORY && a < c->at.n;
		     a++) {
			const struct ksh_value *at = &c->at.v[a].at;

			if (at->num % ksh_obj_align(c->size_r))
				diag_report(
				    &k->diags, DIAG_SIZE_ALIGN, &at->loc,
				    "address 0x%llx of \"%s\" is not "
				    "%s aligned",
				    (unsigned long long)at->num, c->name.s,
				    ksh_obj_align(c->size_r) == KSH_2M
					? "2 MiB"
					: "4 KiB");
		}
	}
}

/* The sum of every memory object must fit the platform's memory. */
void chk_memory_budget(struct kshc *k)
{
	uint64_t total = 0;

	if (!A->sys.memory.set)
		return;
	for (uint32_t i = 0; i < A->domains.n; i++)
		total += align_up(A->domains.v[i].ram_size, KSH_PAGE);
	for (uint32_t i = 0; i < A->shared.n; i++)
		total += align_up(A->shared.v[i].size_r, KSH_PAGE);
	for (uint32_t i = 0; i < A->channels.n; i++) {
		const struct ast_channel *c = &A->channels.v[i];

		total += c->kind == CHAN_MEMORY
			     ? align_up(c->size_r, KSH_PAGE)
			     : ksh_queue_bytes(c->size_r, c->depth_r);
	}
	if (total > A->sys.memory.num)
		diag_report(&k->diags, DIAG_MEMORY_BUDGET, &A->sys.memory.loc,
			    "domains, shared regions and channels need %llu "
			    "KiB; the platform has %llu KiB",
			    (unsigned long long)(total >> 10),
			    (unsigned long long)(A->sys.memory.num >> 10));
}

/* Ports, IRQs and PCI addresses are each owned by one device of a domain. */
void chk_devices(struct kshc *k)
{
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];

		for (uint32_t a = 0; a < d->devices.n; a++) {
			struct ast_device *x = &d->devices.v[a];

			if ((uint64_t)x->port_base_r + x->port_count_r >
			    0x10000)
				diag_report(&k->diags, DIAG_PORT_CONFLICT,
					    &x->port.loc,
					    "ports of \"%s\" run past 0xffff",
					    x->name.s);
			for (uint32_t b = 0; b < a; b++) {
				struct ast_device *y = &d->devices.v[b];

				if (x->port_count_r && y->port_count_r &&
				    x->port_base_r <
					y->port_base_r + y->port_count_r &&
				    y->port_base_r <
					x->port_base_r + x->port_count_r) {
					diag_report(
					    &k->diags, DIAG_PORT_CONFLICT,
					    x->port.set ? &x->port.loc
							: &x->name.loc,
					    "ports 0x%x-0x%x of \"%s\" overlap "
					    "\"%s\"",
					    x->port_base_r,
					    x->port_base_r + x->port_count_r -
						1,
					    x->name.s, y->name.s);
					diag_note(&k->diags,
						  y->port.set ? &y->port.loc
							      : &y->name.loc,
						  "\"%s\" has ports 0x%x-0x%x",
						  y->name.s, y->port_base_r,
						  y->port_base_r +
						      y->port_count_r - 1);
				}
				if (x->irq_r != KSH_NONE &&
				    x->irq_r == y->irq_r) {
					diag_report(
					    &k->diags, DIAG_IRQ_CONFLICT,
					    x->irq.set ? &x->irq.loc
						       : &x->name.loc,
					    "IRQ %u of \"%s\" is also "
					    "\"%s\"'s",
					    x->irq_r, x->name.s, y->name.s);
					diag_note(&k->diags,
						  y->irq.set ? &y->irq.loc
							     : &y->name.loc,
						  "\"%s\" uses IRQ %u",
						  y->name.s, y->irq_r);
				}
				if (x->has_pci && y->has_pci &&
				    x->pci_bdf == y->pci_bdf) {
					diag_report(&k->diags,
						    DIAG_PCI_CONFLICT,
						    &x->pci_loc,
						    "PCI address of \"%s\" is "
						    "also \"%s\"'s",
						    x->name.s, y->name.s);
					diag_note(&k->diags, &y->pci_loc,
						  "\"%s\" is here", y->name.s);
				}
			}
		}
	}
}

/* A physical PCI function belongs to one domain, once. */
struct pt_ref {
	uint32_t bdf, order;
	const struct ksh_loc *loc;
};

static int pt_cmp(const void *a, const void *b)
{
	const struct pt_ref *x = a, *y = b;

	if (x->bdf != y->bdf)
		return x->bdf < y->bdf ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void chk_passthru(struct kshc *k)
{
	KSH_VEC(struct pt_ref) all = {0};

	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];

		for (uint32_t p = 0; p < d->passthru.n; p++) {
			struct pt_ref *r = VEC_PUSH(&k->arena, all);

			r->bdf = d->passthru.v[p].bdf;
			r->order = all.n;
			r->loc = &d->passthru.v[p].loc;
		}
	}
	/* Sorted by address, then declaration: each run of equal
	 * addresses is one owner and its repeats. */
	if (all.n > 1)
		qsort(all.v, all.n, sizeof(*all.v), pt_cmp);
	for (uint32_t i = 1; i < all.n; i++) {
		uint32_t first = i - 1, bdf = all.v[i].bdf;

		if (bdf != all.v[first].bdf)
			continue;
		while (first > 0 && all.v[first - 1].bdf == bdf)
			first--;
		diag_report(&k->diags, DIAG_PASSTHRU_CONFLICT, all.v[i].loc,
			    "PCI device %02x:%02x.%u is already passed "
			    "through",
			    bdf >> 8, (bdf >> 3) & 31, bdf & 7);
		diag_note(&k->diags, all.v[first].loc, "first given here");
	}
	if (A->sys.iommu == 0)
		for (uint32_t i = 0; i < A->domains.n; i++)
			if (A->domains.v[i].passthru.n > 0) {
				diag_report(&k->diags, DIAG_PASSTHRU_CONFLICT,
					    &A->domains.v[i].passthru.v[0].loc,
					    "pass-through needs \"iommu "
					    "required\": without an IOMMU "
					    "the device can DMA anywhere");
				diag_note(&k->diags, &A->sys.iommu_loc,
					  "the platform makes the IOMMU "
					  "optional here");
				break;
			}
}
