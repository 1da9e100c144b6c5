// SPDX-License-Identifier: MIT
/*
 * ksh_tables_validate: the kernel trusts nothing in the generated tables
 * before this has passed. It checks the header, that every index points
 * inside its array, that every slice lies inside its array, and the few
 * structural invariants the enforcement code relies on (4 KiB alignment of
 * mappings, schedule frames inside the major frame, decision slices as long
 * as the channel's method list). Semantic checks (overlaps, MLS, flows) are
 * kshc's job; this is the last line of defence against a corrupted or
 * hand-edited image, so it is pure C that also runs in the host unit tests.
 *
 * Last, it refuses tables that use a feature this kernel does not enforce
 * (ksh/features.h): kshc refuses those constructs at their source line,
 * but tables can be made by other tools, and a table entry the kernel
 * would silently ignore is a promise the running machine does not keep.
 */
#include <ksh/features.h>
#include <ksh/tables.h>

#include <stddef.h>

#define PAGE_MASK 0xFFFull

/* An index must name an element of an array of n, or be KSH_NONE when
 * that is allowed. */
static int idx_ok(uint32_t i, uint32_t n, int none_ok)
{
	if (i == KSH_NONE)
		return none_ok;
	return i < n;
}

/* A slice [first, first+count) must lie inside an array of n. */
static int slice_ok(uint32_t first, uint32_t count, uint32_t n)
{
	return first <= n && count <= n - first;
}

/* Every array with a nonzero count must have a pointer. */
#define ARRAY_PRESENT(t, name) ((t)->n_##name == 0 || (t)->name != NULL)

#define FAIL(msg)                                                              \
	do {                                                                   \
		*err = (msg);                                                  \
		return -1;                                                     \
	} while (0)

static int check_arrays(const struct ksh_tables *t, const char **err)
{
	if (!ARRAY_PRESENT(t, types) || !ARRAY_PRESENT(t, levels) ||
	    !ARRAY_PRESENT(t, categories) || !ARRAY_PRESENT(t, domains) ||
	    !ARRAY_PRESENT(t, payloads) || !ARRAY_PRESENT(t, memobjs) ||
	    !ARRAY_PRESENT(t, mappings) || !ARRAY_PRESENT(t, vdevs) ||
	    !ARRAY_PRESENT(t, passthru) || !ARRAY_PRESENT(t, frames) ||
	    !ARRAY_PRESENT(t, channels) || !ARRAY_PRESENT(t, methods) ||
	    !ARRAY_PRESENT(t, endpoints) ||
	    !ARRAY_PRESENT(t, channel_endpoints) ||
	    !ARRAY_PRESENT(t, decisions) || !ARRAY_PRESENT(t, fsms) ||
	    !ARRAY_PRESENT(t, fsm_states) || !ARRAY_PRESENT(t, fsm_next) ||
	    !ARRAY_PRESENT(t, rules) || !ARRAY_PRESENT(t, events) ||
	    !ARRAY_PRESENT(t, networks) || !ARRAY_PRESENT(t, filter_rules))
		FAIL("array with a count but no data");
	if (t->n_categories > KSH_MAX_CATEGORIES)
		FAIL("more categories than a domain bitmask holds");
	return 0;
}

static int check_domains(const struct ksh_tables *t, const char **err)
{
	for (uint32_t i = 0; i < t->n_domains; i++) {
		const struct ksh_domain *d = &t->domains[i];

		if (d->name == NULL)
			FAIL("domain without a name");
		if (d->kind < KSH_DOMAIN_NATIVE ||
		    d->kind > KSH_DOMAIN_MULTIBOOT)
			FAIL("domain of unknown kind");
		if (d->ram_size == 0 || (d->ram_size & PAGE_MASK) != 0)
			FAIL("domain RAM size zero or not 4 KiB aligned");
		if (!idx_ok(d->type, t->n_types, 0) ||
		    !idx_ok(d->level, t->n_levels, 0))
			FAIL("domain label index out of range");
		if (t->n_categories < 64 &&
		    (d->categories >> t->n_categories) != 0)
			FAIL("domain category bit beyond the declared "
			     "categories");
		if (!idx_ok(d->kernel, t->n_payloads, 0) ||
		    !idx_ok(d->initrd, t->n_payloads, 1))
			FAIL("domain payload index out of range");
		if (t->payloads[d->kernel].domain != i ||
		    (d->initrd != KSH_NONE &&
		     t->payloads[d->initrd].domain != i))
			FAIL("domain payload owned by another domain");
		if (!slice_ok(d->first_mapping, d->n_mappings, t->n_mappings) ||
		    !slice_ok(d->first_vdev, d->n_vdevs, t->n_vdevs) ||
		    !slice_ok(d->first_endpoint, d->n_endpoints,
			      t->n_endpoints) ||
		    !slice_ok(d->first_passthru, d->n_passthru, t->n_passthru))
			FAIL("domain slice out of range");
		for (uint32_t m = 0; m < d->n_mappings; m++)
			if (t->mappings[d->first_mapping + m].domain != i)
				FAIL("domain mapping slice holds another "
				     "domain's mapping");
		for (uint32_t v = 0; v < d->n_vdevs; v++)
			if (t->vdevs[d->first_vdev + v].domain != i)
				FAIL("domain device slice holds another "
				     "domain's device");
		for (uint32_t e = 0; e < d->n_endpoints; e++)
			if (t->endpoints[d->first_endpoint + e].domain != i)
				FAIL("domain endpoint slice holds another "
				     "domain's endpoint");
		for (uint32_t p = 0; p < d->n_passthru; p++)
			if (t->passthru[d->first_passthru + p].domain != i)
				FAIL("domain pass-through slice holds another "
				     "domain's device");
	}
	return 0;
}

static int check_memory(const struct ksh_tables *t, const char **err)
{
	for (uint32_t i = 0; i < t->n_payloads; i++) {
		const struct ksh_payload *p = &t->payloads[i];

		if (!idx_ok(p->domain, t->n_domains, 0))
			FAIL("payload owner out of range");
		if (p->size != 0 && p->data == NULL)
			FAIL("payload without data");
	}
	for (uint32_t i = 0; i < t->n_memobjs; i++) {
		const struct ksh_memobj *o = &t->memobjs[i];

		if (o->size == 0 || (o->size & PAGE_MASK) != 0)
			FAIL("memory object size zero or not 4 KiB aligned");
		if (o->align != 0x1000 && o->align != 0x200000)
			FAIL("memory object alignment neither 4 KiB nor 2 MiB");
		if (!idx_ok(o->owner, t->n_domains, 1))
			FAIL("memory object owner out of range");
	}
	for (uint32_t i = 0; i < t->n_mappings; i++) {
		const struct ksh_mapping *m = &t->mappings[i];

		if (!idx_ok(m->domain, t->n_domains, 0) ||
		    !idx_ok(m->memobj, t->n_memobjs, 0))
			FAIL("mapping index out of range");
		if (((m->offset | m->gpa | m->size) & PAGE_MASK) != 0 ||
		    m->size == 0)
			FAIL("mapping not 4 KiB aligned");
		if (m->offset > t->memobjs[m->memobj].size ||
		    m->size > t->memobjs[m->memobj].size - m->offset)
			FAIL("mapping runs past the end of its memory object");
		if (m->gpa + m->size < m->gpa)
			FAIL("mapping wraps the guest-physical space");
		if ((m->rights & ~(KSH_R | KSH_W | KSH_X)) != 0 ||
		    (m->rights & KSH_R) == 0)
			FAIL("mapping rights invalid");
	}
	return 0;
}

static int check_devices_and_schedule(const struct ksh_tables *t,
				      const char **err)
{
	uint32_t console_in = 0;

	for (uint32_t i = 0; i < t->n_vdevs; i++) {
		const struct ksh_vdev *v = &t->vdevs[i];

		if (!idx_ok(v->domain, t->n_domains, 0) ||
		    !idx_ok(v->network, t->n_networks, 1) ||
		    !idx_ok(v->channel, t->n_channels, 1) ||
		    !idx_ok(v->payload, t->n_payloads, 1))
			FAIL("device index out of range");
		if (v->model < KSH_VDEV_UART || v->model > KSH_VDEV_CHANNEL)
			FAIL("device of unknown model");
		if ((uint32_t)v->port_base + v->port_count > 0x10000)
			FAIL("device ports beyond 0xffff");
		if (v->flags & ~KSH_VDEVF_CONSOLE_IN)
			FAIL("device flags unknown");
		if ((v->flags & KSH_VDEVF_CONSOLE_IN) &&
		    (v->model != KSH_VDEV_UART ||
		     t->domains[v->domain].kind != KSH_DOMAIN_LINUX ||
		     console_in++ != 0))
			FAIL("console input not on one UART of a Linux "
			     "domain");
	}
	for (uint32_t i = 0; i < t->n_passthru; i++)
		if (!idx_ok(t->passthru[i].domain, t->n_domains, 0) ||
		    t->passthru[i].bdf > 0xFFFF)
			FAIL("pass-through entry out of range");
	if (t->n_frames != 0 && t->major_frame_ns == 0)
		FAIL("schedule with frames but no major frame");
	for (uint32_t i = 0; i < t->n_frames; i++) {
		const struct ksh_minor_frame *f = &t->frames[i];

		if (f->cpu >= t->cpus || !idx_ok(f->domain, t->n_domains, 1))
			FAIL("minor frame index out of range");
		if (f->length_ns == 0 || f->start_ns > t->major_frame_ns ||
		    f->length_ns > t->major_frame_ns - f->start_ns)
			FAIL("minor frame outside the major frame");
		if (i > 0 && t->frames[i - 1].cpu == f->cpu &&
		    t->frames[i - 1].start_ns + t->frames[i - 1].length_ns >
			f->start_ns)
			FAIL("minor frames overlap or are unsorted");
		if (i > 0 && t->frames[i - 1].cpu > f->cpu)
			FAIL("minor frames not sorted by CPU");
	}
	return 0;
}

static int check_channels(const struct ksh_tables *t, const char **err)
{
	for (uint32_t i = 0; i < t->n_channels; i++) {
		const struct ksh_channel *c = &t->channels[i];

		if (c->kind != KSH_CHANNEL_MEMORY &&
		    c->kind != KSH_CHANNEL_MESSAGE)
			FAIL("channel of unknown kind");
		if (!idx_ok(c->memobj, t->n_memobjs, 1) ||
		    !idx_ok(c->fsm, t->n_fsms, 1) ||
		    !idx_ok(c->event, t->n_events, 1))
			FAIL("channel index out of range");
		if (!slice_ok(c->first_method, c->n_methods, t->n_methods) ||
		    !slice_ok(c->first_endpoint, c->n_endpoints,
			      t->n_channel_endpoints))
			FAIL("channel slice out of range");
		for (uint32_t m = 0; m < c->n_methods; m++)
			if (t->methods[c->first_method + m].channel != i)
				FAIL("channel method slice holds another "
				     "channel's method");
		for (uint32_t e = 0; e < c->n_endpoints; e++) {
			uint32_t ep =
			    t->channel_endpoints[c->first_endpoint + e];

			if (!idx_ok(ep, t->n_endpoints, 0) ||
			    t->endpoints[ep].channel != i)
				FAIL("channel endpoint list names a foreign "
				     "endpoint");
		}
		if (c->fsm != KSH_NONE && t->fsms[c->fsm].channel != i)
			FAIL("channel flow machine belongs to another channel");
	}
	for (uint32_t i = 0; i < t->n_endpoints; i++) {
		const struct ksh_endpoint *e = &t->endpoints[i];

		if (!idx_ok(e->domain, t->n_domains, 0) ||
		    !idx_ok(e->channel, t->n_channels, 0) ||
		    !idx_ok(e->mapping, t->n_mappings, 1))
			FAIL("endpoint index out of range");
		if (e->role < KSH_ROLE_WRITER || e->role > KSH_ROLE_RECEIVER)
			FAIL("endpoint of unknown role");
		if (!slice_ok(e->first_decision,
			      t->channels[e->channel].n_methods,
			      t->n_decisions))
			FAIL("endpoint decision slice out of range");
		if (e->mapping != KSH_NONE &&
		    t->mappings[e->mapping].domain != e->domain)
			FAIL("endpoint mapping belongs to another domain");
		if (i > 0 && t->endpoints[i - 1].domain > e->domain)
			FAIL("endpoints not sorted by domain");
	}
	for (uint32_t i = 0; i < t->n_decisions; i++)
		if (!idx_ok(t->decisions[i].rule, t->n_rules, 1))
			FAIL("decision names an unknown rule");
	return 0;
}

static int check_fsms_and_networks(const struct ksh_tables *t, const char **err)
{
	for (uint32_t i = 0; i < t->n_fsms; i++) {
		const struct ksh_fsm *f = &t->fsms[i];
		uint32_t n_methods;

		if (!idx_ok(f->channel, t->n_channels, 0))
			FAIL("flow machine channel out of range");
		n_methods = t->channels[f->channel].n_methods;
		if (f->n_states == 0 || f->n_states > KSH_MAX_FSM_STATES ||
		    f->initial >= f->n_states)
			FAIL("flow machine state count or initial state "
			     "invalid");
		if (!slice_ok(f->first_state, f->n_states, t->n_fsm_states))
			FAIL("flow machine state slice out of range");
		/* n_states <= 64, so the product cannot overflow 32 bits
		 * unless n_methods is absurd; check in 64 bits anyway. */
		if ((uint64_t)f->first_next +
			(uint64_t)f->n_states * n_methods >
		    t->n_fsm_next)
			FAIL("flow machine transition slice out of range");
		for (uint64_t k = 0; k < (uint64_t)f->n_states * n_methods;
		     k++) {
			uint32_t nx = t->fsm_next[f->first_next + k];

			if (nx != KSH_NONE && nx >= f->n_states)
				FAIL("flow transition to an unknown state");
		}
	}
	for (uint32_t i = 0; i < t->n_events; i++)
		if (!idx_ok(t->events[i].signaller, t->n_domains, 0) ||
		    !idx_ok(t->events[i].waiter, t->n_domains, 0))
			FAIL("event domain out of range");
	for (uint32_t i = 0; i < t->n_networks; i++) {
		const struct ksh_network *n = &t->networks[i];

		if (!slice_ok(n->first_rule, n->n_rules, t->n_filter_rules))
			FAIL("network rule slice out of range");
		if (n->default_action > KSH_FILTER_ALLOW)
			FAIL("network default action invalid");
	}
	for (uint32_t i = 0; i < t->n_filter_rules; i++) {
		const struct ksh_filter_rule *r = &t->filter_rules[i];

		if (r->action > KSH_FILTER_ALLOW || r->prefix_len > 32 ||
		    r->port_lo > r->port_hi ||
		    (r->directions & ~(KSH_DIR_IN | KSH_DIR_OUT)) != 0)
			FAIL("filter rule invalid");
	}
	return 0;
}

/* The list's device bits must be where KSH_FEAT_DEV() computes them. */
_Static_assert(KSH_FEAT_DEV(KSH_DOMAIN_NATIVE, KSH_VDEV_UART) ==
		   KSH_FEAT_DEV_NATIVE_UART,
	       "native device bits");
_Static_assert(KSH_FEAT_DEV(KSH_DOMAIN_LINUX, KSH_VDEV_UART) ==
		       KSH_FEAT_DEV_LINUX_UART &&
		   KSH_FEAT_DEV(KSH_DOMAIN_LINUX, KSH_VDEV_CHANNEL) ==
		       KSH_FEAT_DEV_LINUX_CHANNEL,
	       "Linux device bits");
_Static_assert(KSH_FEAT_DEV(KSH_DOMAIN_MULTIBOOT, KSH_VDEV_CHANNEL) ==
		   KSH_FEAT_DEV_MULTIBOOT_CHANNEL,
	       "Multiboot device bits");
_Static_assert(KSH_VDEV_CHANNEL == KSH_FEAT_DEV_MODELS, "device models");

uint64_t ksh_tables_features(const struct ksh_tables *t)
{
	uint64_t f = 0;

	if (t->cpus > 1)
		f |= KSH_FEAT_BIT(KSH_FEAT_SMP);
	for (uint32_t i = 0; i < t->n_frames; i++)
		if (t->frames[i].cpu != 0)
			f |= KSH_FEAT_BIT(KSH_FEAT_SMP);
	for (uint32_t i = 0; i < t->n_domains; i++) {
		if (t->domains[i].vcpus > 1)
			f |= KSH_FEAT_BIT(KSH_FEAT_VCPUS);
		/* A CPU beyond 0 promises placement the single-CPU
		 * scheduler does not honour. */
		if (t->domains[i].cpu_affinity & ~1u)
			f |= KSH_FEAT_BIT(KSH_FEAT_AFFINITY);
	}
	if (t->platform_flags & KSH_PLATF_IOMMU_REQUIRED)
		f |= KSH_FEAT_BIT(KSH_FEAT_IOMMU);
	if (t->n_passthru != 0)
		f |= KSH_FEAT_BIT(KSH_FEAT_PASSTHROUGH);
	if (t->n_networks != 0)
		f |= KSH_FEAT_BIT(KSH_FEAT_NETWORK);
	if (t->n_filter_rules != 0)
		f |= KSH_FEAT_BIT(KSH_FEAT_NETWORK_FILTER);
	for (uint32_t i = 0; i < t->n_events; i++)
		if (t->events[i].vector != 0)
			f |= KSH_FEAT_BIT(KSH_FEAT_EVENT_VECTOR);
	for (uint32_t i = 0; i < t->n_vdevs; i++) {
		const struct ksh_vdev *v = &t->vdevs[i];

		f |= KSH_FEAT_BIT(
		    KSH_FEAT_DEV(t->domains[v->domain].kind, v->model));
		if (v->network != KSH_NONE)
			f |= KSH_FEAT_BIT(KSH_FEAT_NETWORK);
	}
	return f;
}

/* One message per feature, naming it (err must be a static string). */
static const char *const refused[64] = {
#define REFUSED_(id, bit, name, on, what)                                      \
	[bit] = "tables use a feature this kernel does not enforce: " name,
    KSH_FEATURES(REFUSED_)
#undef REFUSED_
};

static int check_features(const struct ksh_tables *t, const char **err)
{
	uint64_t extra = ksh_tables_features(t) & ~KSH_FEATURES_ENFORCED;

	for (unsigned b = 0; b < 64; b++)
		if (extra & KSH_FEAT_BIT(b))
			FAIL(refused[b] != NULL ? refused[b]
						: "tables use an unknown "
						  "feature");
	return 0;
}

int ksh_tables_validate(const struct ksh_tables *t, const char **err)
{
	static const char *ignored;

	if (err == NULL)
		err = &ignored;
	if (t == NULL)
		FAIL("no tables");
	if (t->magic != KSH_TABLES_MAGIC)
		FAIL("bad magic: not a ksh table set");
	if (t->version != KSH_TABLES_VERSION)
		FAIL("table format version differs from the kernel's");
	if (check_arrays(t, err) || check_domains(t, err) ||
	    check_memory(t, err) || check_devices_and_schedule(t, err) ||
	    check_channels(t, err) || check_fsms_and_networks(t, err) ||
	    check_features(t, err))
		return -1;
	*err = NULL;
	return 0;
}
