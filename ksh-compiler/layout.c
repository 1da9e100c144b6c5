// SPDX-License-Identifier: MIT
/*
 * Layout: turns the resolved AST into the resource half of the tables
 * (include/ksh/tables.h): labels, domains, payloads, memory objects
 * and every domain's guest-physical map, devices, pass-through, the
 * schedule, events and networks. Placement rules are in dsl/reference.md,
 * "Memory layout":
 *  - RAM at GPA 0, RWX;
 *  - shared regions, then memory-channel windows, from align_up(RAM, 1 GiB)
 *    upward, 2 MiB aligned when their size is a 2 MiB multiple, else
 *    4 KiB; an explicit "at" wins and automatic placement steps over it.
 */
#include "kshc.h"
#include "layout.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define A (&k->ast)
#define O (&k->out)

const char *layout_note(struct kshc *k, const struct ksh_loc *loc,
			const char *fmt, ...)
{
	char what[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (loc == NULL || loc->src == NULL)
		return arena_strdup(&k->arena, what);
	return arena_printf(&k->arena, "%s \xe2\x80\x94 %s:%d", what,
			    loc->src->name, loc->first_line);
}

#define PUSH(arr, note_str)                                                    \
	(*VEC_PUSH(&k->arena, O->arr##_note) = (note_str),                     \
	 VEC_PUSH(&k->arena, O->arr))

static void layout_labels(struct kshc *k)
{
	for (uint32_t i = 0; i < A->types.n; i++) {
		struct ast_label *l = &A->types.v[i];

		PUSH(types, layout_note(k, &l->name.loc,
					l->synth ? "type of untyped domain "
						   "\"%s\""
						 : "type \"%s\"",
					l->name.s))
		    ->name = l->name.s;
	}
	for (uint32_t i = 0; i < A->levels.n; i++) {
		struct ast_label *l = &A->levels.v[i];

		PUSH(levels, l->synth ? layout_note(k, NULL,
						    "level \"%s\" (no levels "
						    "declared)",
						    l->name.s)
				      : layout_note(k, &l->name.loc,
						    "level \"%s\"", l->name.s))
		    ->name = l->name.s;
	}
	for (uint32_t i = 0; i < A->categories.n; i++) {
		struct ast_label *l = &A->categories.v[i];

		PUSH(categories,
		     layout_note(k, &l->name.loc, "category \"%s\"", l->name.s))
		    ->name = l->name.s;
	}
}

static uint32_t layout_payload(struct kshc *k, struct ast_domain *d,
			       struct ksh_file *f, uint32_t kind)
{
	struct ksh_payload *p;

	if (!f->set)
		return KSH_NONE;
	f->payload = O->payloads.n;
	p = PUSH(payloads,
		 layout_note(k, &f->loc, "payload of \"%s\"", d->name.s));
	p->name = f->path;
	p->kind = kind;
	p->domain = d->index;
	p->size = f->size;
	memcpy(p->sha256, f->digest, 32);
	*VEC_PUSH(&k->arena, O->payload_bytes) = f->bytes;
	*VEC_PUSH(&k->arena, O->payload_abs) = f->abs;
	return f->payload;
}

static void layout_memobj(struct kshc *k, const char *name, uint32_t kind,
			  uint32_t owner, uint64_t size, const char *note)
{
	struct ksh_memobj *m = PUSH(memobjs, note);

	m->name = name;
	m->kind = kind;
	m->owner = owner;
	m->size = align_up(size, KSH_PAGE);
	m->align = ksh_obj_align(size);
}

/* One window (shared region or channel) to place in one domain. */
struct win {
	struct ast_share_map *map;
	uint32_t memobj;
	uint64_t size;
	const char *what;
	struct ksh_loc *loc;
};

static int win_by_gpa(const void *a, const void *b)
{
	const struct win *x = a, *y = b;

	if (x->map->gpa != y->map->gpa)
		return x->map->gpa < y->map->gpa ? -1 : 1;
	return x->memobj < y->memobj ? -1 : x->memobj > y->memobj;
}

/* Place a domain's automatic windows around its explicit ones. */
static void layout_place(struct win *w, uint32_t n, uint64_t ram)
{
	uint64_t cur = align_up(ram, KSH_1G);

	for (uint32_t i = 0; i < n; i++) {
		uint64_t al = ksh_obj_align(w[i].size), sz;
		bool moved = true;

		if (w[i].map->at.set) {
			w[i].map->gpa = w[i].map->at.num;
			continue;
		}
		sz = align_up(w[i].size, KSH_PAGE);
		cur = align_up(cur, al);
		while (moved) {
			moved = false;
			for (uint32_t j = 0; j < n; j++) {
				const struct ast_share_map *e = w[j].map;
				uint64_t esz = align_up(w[j].size, KSH_PAGE);

				if (!e->at.set)
					continue;
				if (cur < e->at.num + esz &&
				    e->at.num < cur + sz) {
					cur = align_up(e->at.num + esz, al);
					moved = true;
				}
			}
		}
		w[i].map->gpa = cur;
		cur += sz;
	}
}

/* Windows of every domain, gathered in one pass over shared regions and
 * channels (declaration order), then placed and emitted per domain. */
static void layout_memory(struct kshc *k)
{
	uint32_t nd = A->domains.n;
	KSH_VEC(struct win) *per =
	    arena_alloc(&k->arena, sizeof(*per) * (nd + 1));

	for (uint32_t i = 0; i < nd; i++) {
		struct ast_domain *d = &A->domains.v[i];

		layout_memobj(
		    k, arena_printf(&k->arena, "%s.ram", d->name.s),
		    KSH_MEMOBJ_RAM, i, d->ram_size,
		    layout_note(k, &d->name.loc, "RAM of \"%s\"", d->name.s));
	}
	for (uint32_t i = 0; i < A->shared.n; i++) {
		struct ast_shared *s = &A->shared.v[i];

		s->memobj = O->memobjs.n;
		layout_memobj(k, s->name.s, KSH_MEMOBJ_SHARED, KSH_NONE,
			      s->size_r,
			      layout_note(k, &s->name.loc,
					  "shared region \"%s\"", s->name.s));
		for (uint32_t m = 0; m < s->maps.n; m++) {
			struct ast_share_map *mp = &s->maps.v[m];
			struct win *w = VEC_PUSH(&k->arena, per[mp->dom_idx]);

			*w = (struct win){mp, s->memobj, s->size_r,
					  "shared region", &s->name.loc};
		}
	}
	for (uint32_t i = 0; i < A->channels.n; i++) {
		struct ast_channel *c = &A->channels.v[i];

		c->memobj = O->memobjs.n;
		if (c->kind == CHAN_MESSAGE) {
			layout_memobj(
			    k, arena_printf(&k->arena, "%s.queue", c->name.s),
			    KSH_MEMOBJ_QUEUE, KSH_NONE,
			    ksh_queue_bytes(c->size_r, c->depth_r),
			    layout_note(k, &c->name.loc,
					"queue of channel \"%s\"", c->name.s));
			continue;
		}
		layout_memobj(
		    k, arena_printf(&k->arena, "%s.window", c->name.s),
		    KSH_MEMOBJ_CHANNEL, KSH_NONE, c->size_r,
		    layout_note(k, &c->name.loc, "window of channel \"%s\"",
				c->name.s));
		/* Sized up front: the windows keep pointers into c->maps, so
		 * it must not move while they are added. */
		c->maps.cap = c->to.n + 1;
		c->maps.v =
		    arena_alloc(&k->arena, sizeof(*c->maps.v) * c->maps.cap);
		for (uint32_t e = 0; e <= c->to.n; e++) {
			uint32_t dom = e == 0 ? c->from_idx : c->to_idx[e - 1];
			struct ast_share_map *mp = VEC_PUSH(&k->arena, c->maps);
			struct win *w = VEC_PUSH(&k->arena, per[dom]);

			mp->domain = e == 0 ? c->from : c->to.v[e - 1];
			mp->dom_idx = dom;
			mp->rights = e == 0 ? RIGHT_R | RIGHT_W : RIGHT_R;
			mp->mapping = KSH_NONE;
			for (uint32_t a = 0; a < c->at.n; a++)
				if (c->at.v[a].dom_idx == dom)
					mp->at = c->at.v[a].at;
			*w = (struct win){NULL, c->memobj, c->size_r,
					  "channel window", &c->name.loc};
			w->map = mp;
		}
	}
	for (uint32_t i = 0; i < nd; i++) {
		struct ast_domain *d = &A->domains.v[i];
		struct ksh_domain *od = &O->domains.v[i];
		struct ksh_mapping *m;

		od->first_mapping = O->mappings.n;
		*VEC_PUSH(&k->arena, O->mappings_loc) = &d->memory.loc;
		m = PUSH(mappings, layout_note(k, &d->name.loc, "RAM of \"%s\"",
					       d->name.s));
		*m = (struct ksh_mapping){.domain = i,
					  .memobj = i,
					  .gpa = 0,
					  .size =
					      align_up(d->ram_size, KSH_PAGE),
					  .rights = KSH_R | KSH_W | KSH_X};
		layout_place(per[i].v, per[i].n, d->ram_size);
		if (per[i].n > 1)
			qsort(per[i].v, per[i].n, sizeof(struct win),
			      win_by_gpa);
		for (uint32_t w = 0; w < per[i].n; w++) {
			struct win *x = &per[i].v[w];
			const struct ksh_memobj *mo = &O->memobjs.v[x->memobj];

			x->map->mapping = O->mappings.n;
			*VEC_PUSH(&k->arena, O->mappings_loc) =
			    x->map->at.set ? &x->map->at.loc : x->loc;
			m = PUSH(mappings,
				 layout_note(k, x->loc, "%s \"%s\" in \"%s\"",
					     x->what, mo->name, d->name.s));
			*m = (struct ksh_mapping){
			    .domain = i,
			    .memobj = x->memobj,
			    .gpa = x->map->gpa,
			    .size = mo->size,
			    .rights = ((x->map->rights & RIGHT_R) ? KSH_R : 0) |
				      ((x->map->rights & RIGHT_W) ? KSH_W : 0) |
				      ((x->map->rights & RIGHT_X) ? KSH_X : 0)};
		}
		od->n_mappings = O->mappings.n - od->first_mapping;
	}
}

static void layout_domains(struct kshc *k)
{
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];
		static const uint32_t kinds[] = {
		    [DOM_NATIVE] = KSH_DOMAIN_NATIVE,
		    [DOM_LINUX] = KSH_DOMAIN_LINUX,
		    [DOM_MULTIBOOT] = KSH_DOMAIN_MULTIBOOT};
		struct ksh_domain *od =
		    PUSH(domains, layout_note(k, &d->name.loc, "domain \"%s\"",
					      d->name.s));

		od->name = d->name.s;
		od->kind = kinds[d->kind];
		od->flags = d->flag_bits;
		od->ram_size = align_up(d->ram_size, KSH_PAGE);
		od->vcpus = d->n_vcpus;
		od->cpu_affinity = d->affinity_mask;
		od->type = d->type_idx;
		od->level = d->level_idx;
		od->categories = d->cats;
		od->cmdline = d->cmdline;
	}
	/* Payloads in domain order: kernel, initrd, then disks. */
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];
		uint32_t kk = d->kind == DOM_LINUX ? KSH_PAYLOAD_LINUX_KERNEL
			      : d->kind == DOM_MULTIBOOT
				  ? KSH_PAYLOAD_MULTIBOOT_ELF
				  : KSH_PAYLOAD_NATIVE_ELF;

		O->domains.v[i].kernel = layout_payload(k, d, &d->kernel, kk);
		O->domains.v[i].initrd =
		    layout_payload(k, d, &d->initrd, KSH_PAYLOAD_INITRD);
		for (uint32_t v = 0; v < d->devices.n; v++)
			layout_payload(k, d, &d->devices.v[v].disk,
				       KSH_PAYLOAD_BLOB);
	}
}

static bool on_pci(uint32_t model)
{
	return model == VDEV_NE2000 || model == VDEV_AHCI ||
	       model == VDEV_CHANNEL || model == VDEV_PCI_HOST;
}

/* Devices per domain; PCI functions without an address get the first free
 * device number from 3 up on bus 0 (0 is the host bridge). */
static void layout_devices(struct kshc *k)
{
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];
		struct ksh_domain *od = &O->domains.v[i];
		uint32_t used = 1; /* bit n: device n of bus 0 taken */
		uint32_t next = 3;

		for (uint32_t v = 0; v < d->devices.n; v++)
			if (d->devices.v[v].has_pci &&
			    (d->devices.v[v].pci_bdf >> 8) == 0)
				used |=
				    1u << ((d->devices.v[v].pci_bdf >> 3) & 31);
		od->first_vdev = O->vdevs.n;
		for (uint32_t v = 0; v < d->devices.n; v++) {
			struct ast_device *a = &d->devices.v[v];
			struct ksh_vdev *o =
			    PUSH(vdevs, layout_note(k, &a->name.loc,
						    "device \"%s\" of \"%s\"",
						    a->name.s, d->name.s));
			uint32_t bdf = KSH_NONE;

			if (a->has_pci) {
				bdf = a->pci_bdf;
			} else if (a->model == VDEV_PCI_HOST) {
				bdf = 0;
			} else if (on_pci(a->model)) {
				while (next < 32 && (used & (1u << next)))
					next++;
				if (next < 32) {
					used |= 1u << next;
					bdf = next << 3;
				}
			}
			o->name = a->name.s;
			o->domain = i;
			o->model = a->model;
			o->port_base = (uint16_t)a->port_base_r;
			o->port_count = (uint16_t)a->port_count_r;
			o->irq = a->irq_r;
			o->pci_bdf = bdf;
			o->network = a->network_idx;
			o->channel = a->channel_idx;
			o->payload = a->disk.set ? a->disk.payload : KSH_NONE;
			o->flags = a->console ? KSH_VDEVF_CONSOLE_IN : 0;
		}
		od->n_vdevs = O->vdevs.n - od->first_vdev;
		od->first_passthru = O->passthru.n;
		for (uint32_t p = 0; p < d->passthru.n; p++) {
			struct ksh_passthru *o =
			    PUSH(passthru,
				 layout_note(k, &d->passthru.v[p].loc,
					     "pass-through device of \"%s\"",
					     d->name.s));

			o->domain = i;
			o->bdf = d->passthru.v[p].bdf;
		}
		od->n_passthru = O->passthru.n - od->first_passthru;
	}
}

/* Per CPU, frames in the order written from 0, then idle to the end of
 * the major frame; CPUs without a plan idle throughout. */
static void layout_schedule(struct kshc *k)
{
	uint64_t major = A->sys.major.set ? A->sys.major.num : 0;
	uint32_t ncpu = (uint32_t)A->sys.cpus.num;

	if (major == 0)
		return;
	for (uint32_t cpu = 0; cpu < ncpu; cpu++) {
		uint64_t t = 0;
		struct ksh_minor_frame *f;

		for (uint32_t p = 0; p < A->sys.plans.n; p++) {
			struct ast_cpu_plan *pl = &A->sys.plans.v[p];

			if (pl->cpu.num != cpu)
				continue;
			for (uint32_t i = 0; i < pl->frames.n; i++) {
				struct ast_frame *fr = &pl->frames.v[i];

				if (fr->length.num == 0 ||
				    fr->length.num > major - t)
					continue; /* refused by the checks */
				f = PUSH(frames,
					 layout_note(k, &fr->loc, "cpu %u: %s",
						     cpu,
						     fr->domain.s ? fr->domain.s
								  : "idle"));
				f->cpu = cpu;
				f->domain =
				    fr->domain.s ? fr->dom_idx : KSH_IDLE;
				f->start_ns = t;
				f->length_ns = fr->length.num;
				t += fr->length.num;
			}
		}
		if (t < major) {
			f = PUSH(frames,
				 layout_note(k, NULL,
					     "cpu %u: idle to the end of the "
					     "major frame",
					     cpu));
			f->cpu = cpu;
			f->domain = KSH_IDLE;
			f->start_ns = t;
			f->length_ns = major - t;
		}
	}
}

static void layout_events_networks(struct kshc *k)
{
	for (uint32_t i = 0; i < A->events.n; i++) {
		struct ast_event *e = &A->events.v[i];
		struct ksh_event *o =
		    PUSH(events, layout_note(k, &e->name.loc, "event \"%s\"",
					     e->name.s));

		o->name = e->name.s;
		o->signaller = e->from_idx;
		o->waiter = e->to_idx;
		o->vector = e->vector_r;
	}
	for (uint32_t i = 0; i < A->networks.n; i++) {
		struct ast_network *w = &A->networks.v[i];
		struct ksh_network *o =
		    PUSH(networks, layout_note(k, &w->name.loc,
					       "network \"%s\"", w->name.s));

		o->name = w->name.s;
		o->first_rule = O->filter_rules.n;
		o->default_action = KSH_FILTER_DENY;
		for (uint32_t f = 0; f < w->filters.n; f++) {
			struct ast_filter *r = &w->filters.v[f];
			struct ksh_filter_rule *fr;

			if (r->all) {
				o->default_action = r->allow ? KSH_FILTER_ALLOW
							     : KSH_FILTER_DENY;
				break;
			}
			fr = PUSH(filter_rules,
				  layout_note(k, &r->loc, "filter of \"%s\"",
					      w->name.s));
			fr->action =
			    r->allow ? KSH_FILTER_ALLOW : KSH_FILTER_DENY;
			fr->directions = r->dirs;
			fr->proto = r->proto;
			fr->addr = r->addr;
			fr->prefix_len = r->prefix_len;
			fr->port_lo = (uint16_t)r->port_lo.num;
			fr->port_hi = (uint16_t)r->port_hi.num;
			fr->source = loc_str(&k->arena, &r->loc);
		}
		o->n_rules = O->filter_rules.n - o->first_rule;
	}
}

void ksh_layout(struct kshc *k)
{
	layout_labels(k);
	layout_domains(k);
	layout_memory(k);
	layout_devices(k);
	layout_schedule(k);
	layout_events_networks(k);
}
