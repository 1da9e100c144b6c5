// SPDX-License-Identifier: MIT
/*
 * Handle descriptions for a native domain's info page (ksh/native.h,
 * struct ksh_native_handle), taken from the compiled tables: a domain's
 * handles are the indices of its endpoint slice (ksh/tables.h), so handle
 * h describes ksh_endpoints[first_endpoint + h].
 */
#include <ksh/loader.h>
#include <ksh/native.h>
#include <ksh/tables.h>

#include "lutil.h"

_Static_assert(sizeof(struct ksh_native_info) <= LOADER_PAGE,
	       "the info page is one page at KSH_NATIVE_INFO_GPA");

uint32_t loader_native_handles(const struct ksh_tables *t, uint32_t dom,
			       struct ksh_native_handle *out, uint32_t max)
{
	const struct ksh_domain *d = &t->domains[dom];
	uint32_t n = d->n_endpoints < max ? d->n_endpoints : max;

	for (uint32_t h = 0; h < n; h++) {
		const struct ksh_endpoint *e =
		    &t->endpoints[d->first_endpoint + h];
		const struct ksh_channel *c = &t->channels[e->channel];
		struct ksh_native_handle *o = &out[h];

		memset(o, 0, sizeof(*o));
		o->kind = c->kind;
		o->role = e->role;
		o->n_methods = c->n_methods;
		o->queue_depth = c->queue_depth;
		o->size = c->size;
		if (c->kind == KSH_CHANNEL_MEMORY && e->mapping != KSH_NONE)
			o->window_gpa = t->mappings[e->mapping].gpa;
		/* Bounded copy: cut to the field, always NUL-terminated. */
		for (size_t i = 0;
		     c->name && i < sizeof(o->channel) - 1 && c->name[i]; i++)
			o->channel[i] = c->name[i];
	}
	return n;
}
