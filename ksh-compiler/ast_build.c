// SPDX-License-Identifier: MIT
/* AST builders called by the grammar actions; see ast_build.h. */
#include "ast_build.h"
#include "kshc.h"

#include <string.h>

#define A (&k->ast)

void ast_names_add(struct kshc *k, ksh_names *l, const struct ksh_name *n)
{
	*VEC_PUSH(&k->arena, *l) = *n;
}

void ast_values_add(struct kshc *k, ksh_values *l, const struct ksh_value *v)
{
	*VEC_PUSH(&k->arena, *l) = *v;
}

void ast_value_ref(struct ksh_value *out, const struct ksh_name *n)
{
	memset(out, 0, sizeof(*out));
	out->set = true;
	out->ref = n->s;
	out->loc = n->loc;
}

void ast_file(struct ksh_file *out, const char *path, const struct ksh_loc *loc,
	      const char *sha, const struct ksh_loc *sha_loc)
{
	memset(out, 0, sizeof(*out));
	out->set = true;
	out->path = path;
	out->loc = *loc;
	out->sha256 = sha;
	if (sha_loc != NULL)
		out->sha_loc = *sha_loc;
	out->payload = KSH_IDX_NONE;
}

void ast_peer(struct ast_peer *out, uint32_t dirs, uint32_t addr,
	      uint32_t prefix, const struct ksh_loc *loc)
{
	out->set = true;
	out->dirs = dirs;
	out->addr = addr;
	out->prefix = prefix;
	out->loc = *loc;
}

void ast_ports(struct ast_ports *out, const struct ksh_value *lo,
	       const struct ksh_value *hi)
{
	out->set = true;
	out->lo = *lo;
	out->hi = *hi;
}

/* A property given twice is an error; the note points at the first. */
static bool once(struct kshc *k, bool already, const struct ksh_loc *first,
		 const char *what, const struct ksh_loc *loc)
{
	if (!already)
		return true;
	diag_report(&k->diags, DIAG_REPEATED, loc, "%s given more than once",
		    what);
	diag_note(&k->diags, first, "first given here");
	return false;
}

static void set_value(struct kshc *k, struct ksh_value *dst,
		      const struct ksh_value *v, const char *what,
		      const struct ksh_loc *loc)
{
	if (once(k, dst->set, &dst->loc, what, loc))
		*dst = *v;
}

/* ---- system, platform, schedule ---- */

void ast_system_begin(struct kshc *k, const char *name,
		      const struct ksh_loc *loc)
{
	if (!once(k, A->sys.set, &A->sys.loc, "system", loc))
		return;
	A->sys.set = true;
	A->sys.name = name;
	A->sys.loc = *loc;
}

void ast_platform_seen(struct kshc *k, const struct ksh_loc *loc)
{
	(void)loc;
	A->sys.has_platform = true;
}

void ast_schedule_seen(struct kshc *k, const struct ksh_loc *loc)
{
	if (!A->sys.has_schedule)
		A->sys.sched_loc = *loc;
	A->sys.has_schedule = true;
}

void ast_platform_value(struct kshc *k, int which, const struct ksh_value *v,
			const struct ksh_loc *loc)
{
	if (which == PLAT_CPUS)
		set_value(k, &A->sys.cpus, v, "platform cpus", loc);
	else
		set_value(k, &A->sys.memory, v, "platform memory", loc);
}

void ast_platform_iommu(struct kshc *k, int required, const struct ksh_loc *loc)
{
	if (!once(k, A->sys.iommu >= 0, &A->sys.iommu_loc, "iommu", loc))
		return;
	A->sys.iommu = required;
	A->sys.iommu_loc = *loc;
}

void ast_schedule_major(struct kshc *k, const struct ksh_value *v,
			const struct ksh_loc *loc)
{
	set_value(k, &A->sys.major, v, "major frame", loc);
}

void ast_schedule_cpu(struct kshc *k, const struct ksh_value *v,
		      const struct ksh_loc *loc)
{
	struct ast_cpu_plan *p = VEC_PUSH(&k->arena, A->sys.plans);

	p->cpu = *v;
	p->loc = *loc;
	A->cur_plan = A->sys.plans.n - 1;
}

void ast_schedule_frame(struct kshc *k, const struct ksh_name *dom,
			const struct ksh_value *len, const struct ksh_loc *loc)
{
	struct ast_cpu_plan *p = &A->sys.plans.v[A->cur_plan];
	struct ast_frame *f = VEC_PUSH(&k->arena, p->frames);

	if (dom != NULL)
		f->domain = *dom;
	f->length = *len;
	f->loc = *loc;
	f->dom_idx = KSH_IDX_NONE;
}

/* ---- labels and constants ---- */

static void declare_labels(struct kshc *k, const ksh_names *l, uint32_t kind,
			   void *vecp)
{
	KSH_VEC(struct ast_label) *vec = vecp;

	for (uint32_t i = 0; i < l->n; i++) {
		if (!ast_declare(k, &l->v[i], kind, vec->n))
			continue;
		VEC_PUSH(&k->arena, *vec)->name = l->v[i];
	}
}

void ast_levels(struct kshc *k, const ksh_names *l, const struct ksh_loc *loc)
{
	if (!once(k, A->has_levels, &A->levels_loc, "the level order", loc))
		return;
	A->has_levels = true;
	A->levels_loc = *loc;
	declare_labels(k, l, SYM_LEVEL, &A->levels);
}

void ast_categories(struct kshc *k, const ksh_names *l)
{
	declare_labels(k, l, SYM_CATEGORY, &A->categories);
}

void ast_types(struct kshc *k, const ksh_names *l)
{
	declare_labels(k, l, SYM_TYPE, &A->types);
}

void ast_attribute(struct kshc *k, const struct ksh_name *n,
		   const ksh_names *members)
{
	struct ast_attribute *a;

	if (!ast_declare(k, n, SYM_ATTRIBUTE, A->attributes.n))
		return;
	a = VEC_PUSH(&k->arena, A->attributes);
	a->name = *n;
	a->members = *members;
}

void ast_const(struct kshc *k, const struct ksh_name *n,
	       const struct ksh_value *v)
{
	struct ast_const *c;

	if (!ast_declare(k, n, SYM_CONST, A->consts.n))
		return;
	c = VEC_PUSH(&k->arena, A->consts);
	c->name = *n;
	c->val = *v;
}

/* ---- domains and devices ---- */

#define DOM (&A->domains.v[A->cur_dom])

void ast_domain_begin(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		      const struct ksh_file *payload, const struct ksh_loc *loc)
{
	struct ast_domain *d;

	/* A duplicate still gets a body to fill, but no symbol. */
	ast_declare(k, n, SYM_DOMAIN, A->domains.n);
	d = VEC_PUSH(&k->arena, A->domains);
	A->cur_dom = A->domains.n - 1;
	d->name = *n;
	d->kind = kind;
	d->loc = *loc;
	d->index = A->cur_dom;
	d->kernel.payload = d->initrd.payload = KSH_IDX_NONE;
	if (payload != NULL)
		d->kernel = *payload;
}

void ast_domain_value(struct kshc *k, int which, const struct ksh_value *v,
		      const struct ksh_loc *loc)
{
	static const char *const what[] = {"memory", "vcpus", "budget"};
	struct ksh_value *dst = which == DV_MEMORY  ? &DOM->memory
				: which == DV_VCPUS ? &DOM->vcpus
						    : &DOM->budget;

	set_value(k, dst, v, what[which], loc);
}

void ast_domain_affinity(struct kshc *k, const ksh_values *cpus,
			 const struct ksh_loc *loc)
{
	if (!once(k, DOM->affinity.n > 0, &DOM->affinity_loc, "affinity", loc))
		return;
	DOM->affinity.v = cpus->v;
	DOM->affinity.n = cpus->n;
	DOM->affinity.cap = cpus->cap;
	DOM->affinity_loc = *loc;
}

void ast_domain_file(struct kshc *k, int which, const struct ksh_file *f,
		     const struct ksh_loc *loc)
{
	struct ksh_file *dst = which == DF_KERNEL ? &DOM->kernel : &DOM->initrd;

	if (once(k, dst->set, &dst->loc,
		 which == DF_KERNEL ? "kernel" : "initrd", loc))
		*dst = *f;
}

void ast_domain_cmdline(struct kshc *k, const char *s,
			const struct ksh_loc *loc)
{
	if (!once(k, DOM->cmdline != NULL, &DOM->cmdline_loc, "cmdline", loc))
		return;
	DOM->cmdline = s;
	DOM->cmdline_loc = *loc;
}

void ast_domain_label(struct kshc *k, int which, const struct ksh_name *n,
		      const struct ksh_loc *loc)
{
	struct ksh_name *dst = which == DL_TYPE ? &DOM->type : &DOM->level;

	if (once(k, dst->s != NULL, &dst->loc,
		 which == DL_TYPE ? "type" : "level", loc))
		*dst = *n;
}

void ast_domain_names(struct kshc *k, int which, const ksh_names *l,
		      const struct ksh_loc *loc)
{
	ksh_names *dst =
	    which == DN_CATEGORIES ? &DOM->categories : &DOM->flags;

	(void)loc;
	for (uint32_t i = 0; i < l->n; i++)
		ast_names_add(k, dst, &l->v[i]);
}

void ast_domain_property(struct kshc *k, const struct ksh_name *key,
			 const char *str, const struct ksh_value *v,
			 const struct ksh_loc *loc)
{
	struct ast_property *p;

	for (uint32_t i = 0; i < DOM->props.n; i++)
		if (strcmp(DOM->props.v[i].key.s, key->s) == 0) {
			once(k, true, &DOM->props.v[i].key.loc, "property",
			     loc);
			return;
		}
	p = VEC_PUSH(&k->arena, DOM->props);
	p->key = *key;
	p->is_string = str != NULL;
	p->str = str;
	if (v != NULL)
		p->val = *v;
}

void ast_domain_passthru(struct kshc *k, uint32_t bdf,
			 const struct ksh_loc *loc)
{
	struct ast_passthru *p = VEC_PUSH(&k->arena, DOM->passthru);

	p->bdf = bdf;
	p->loc = *loc;
}

/* Emulated device models by name (tables.h enum ksh_vdev_model). */
static const struct {
	const char *name;
	uint32_t model;
} ast_models[] = {
    {"uart", VDEV_UART}, {"pic", VDEV_PIC},	      {"pit", VDEV_PIT},
    {"rtc", VDEV_RTC},	 {"pci_host", VDEV_PCI_HOST}, {"ne2000", VDEV_NE2000},
    {"ide", VDEV_IDE},	 {"ahci", VDEV_AHCI},	      {"channel", VDEV_CHANNEL},
};

#define DEV (&DOM->devices.v[DOM->devices.n - 1])

void ast_device_begin(struct kshc *k, const struct ksh_name *model,
		      const struct ksh_name *n, const struct ksh_loc *loc)
{
	struct ast_device *d;

	for (uint32_t i = 0; i < DOM->devices.n; i++)
		if (strcmp(DOM->devices.v[i].name.s, n->s) == 0) {
			diag_report(&k->diags, DIAG_DUPLICATE, &n->loc,
				    "domain \"%s\" already has a device "
				    "named \"%s\"",
				    DOM->name.s, n->s);
			diag_note(&k->diags, &DOM->devices.v[i].name.loc,
				  "first defined here");
			break;
		}
	d = VEC_PUSH(&k->arena, DOM->devices);
	d->model_name = *model;
	d->name = *n;
	d->loc = *loc;
	d->disk.payload = KSH_IDX_NONE;
	for (size_t i = 0; i < sizeof(ast_models) / sizeof(ast_models[0]); i++)
		if (strcmp(ast_models[i].name, model->s) == 0)
			d->model = ast_models[i].model;
	if (d->model == 0)
		diag_report(&k->diags, DIAG_UNDEFINED, &model->loc,
			    "unknown device model \"%s\" (known: uart, pic, "
			    "pit, rtc, pci_host, ne2000, ide, ahci, channel)",
			    model->s);
}

void ast_device_port(struct kshc *k, const struct ksh_value *base,
		     const struct ksh_value *count, const struct ksh_loc *loc)
{
	set_value(k, &DEV->port, base, "port", loc);
	if (count != NULL)
		DEV->port_count = *count;
}

void ast_device_irq(struct kshc *k, const struct ksh_value *v,
		    const struct ksh_loc *loc)
{
	set_value(k, &DEV->irq, v, "irq", loc);
}

void ast_device_pci(struct kshc *k, uint32_t bdf, const struct ksh_loc *loc)
{
	if (!once(k, DEV->has_pci, &DEV->pci_loc, "pci", loc))
		return;
	DEV->has_pci = true;
	DEV->pci_bdf = bdf;
	DEV->pci_loc = *loc;
}

void ast_device_ref(struct kshc *k, int which, const struct ksh_name *n,
		    const struct ksh_loc *loc)
{
	struct ksh_name *dst =
	    which == DR_NETWORK ? &DEV->network : &DEV->channel;

	if (once(k, dst->s != NULL, &dst->loc,
		 which == DR_NETWORK ? "network" : "channel", loc))
		*dst = *n;
}

void ast_device_disk(struct kshc *k, const struct ksh_file *f,
		     const struct ksh_loc *loc)
{
	if (once(k, DEV->disk.set, &DEV->disk.loc, "disk", loc))
		DEV->disk = *f;
}

void ast_device_console(struct kshc *k, const struct ksh_loc *loc)
{
	if (!once(k, DEV->console, &DEV->console_loc, "console", loc))
		return;
	DEV->console = true;
	DEV->console_loc = *loc;
}

/* ---- shared memory ---- */

#define SHR (&A->shared.v[A->cur_shared])

void ast_shared_begin(struct kshc *k, const struct ksh_name *n,
		      const struct ksh_loc *loc)
{
	struct ast_shared *s;

	(void)loc;
	ast_declare(k, n, SYM_SHARED, A->shared.n);
	s = VEC_PUSH(&k->arena, A->shared);
	A->cur_shared = A->shared.n - 1;
	s->name = *n;
}

void ast_shared_size(struct kshc *k, const struct ksh_value *v,
		     const struct ksh_loc *loc)
{
	set_value(k, &SHR->size, v, "size", loc);
}

/* "r", "rw", "rx", "rwx" (and "w", refused later by channel-rights). */
static uint32_t parse_rights(struct kshc *k, const struct ksh_name *r)
{
	uint32_t bits = 0;

	for (const char *p = r->s; *p; p++) {
		uint32_t b = *p == 'r'	 ? RIGHT_R
			     : *p == 'w' ? RIGHT_W
			     : *p == 'x' ? RIGHT_X
					 : 0;

		if (b == 0 || (bits & b)) {
			diag_report(&k->diags, DIAG_SYNTAX, &r->loc,
				    "\"%s\" is not an access right (write r, "
				    "rw, rx)",
				    r->s);
			return RIGHT_R;
		}
		bits |= b;
	}
	return bits;
}

void ast_shared_map(struct kshc *k, const struct ksh_name *dom,
		    const struct ksh_name *rights, const struct ksh_value *at,
		    const struct ksh_loc *loc)
{
	struct ast_share_map *m = VEC_PUSH(&k->arena, SHR->maps);

	(void)loc;
	m->domain = *dom;
	m->rights = parse_rights(k, rights);
	m->rights_loc = rights->loc;
	if (at != NULL)
		m->at = *at;
	m->dom_idx = KSH_IDX_NONE;
	m->mapping = KSH_IDX_NONE;
}

/* ---- channels and events ---- */

#define CHN (&A->channels.v[A->cur_chan])

void ast_channel_begin(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		       const struct ksh_name *from, const ksh_names *to,
		       const struct ksh_loc *loc)
{
	struct ast_channel *c;

	ast_declare(k, n, SYM_CHANNEL, A->channels.n);
	c = VEC_PUSH(&k->arena, A->channels);
	A->cur_chan = A->channels.n - 1;
	c->name = *n;
	c->kind = kind;
	c->loc = *loc;
	c->from = *from;
	c->to = *to;
	c->index = A->cur_chan;
	c->event_idx = c->fsm_idx = KSH_IDX_NONE;
	if (kind == CHAN_MESSAGE && to->n != 1)
		diag_report(&k->diags, DIAG_CHANNEL_ENDPOINT, &to->v[1].loc,
			    "a message channel has exactly one receiver");
}

void ast_channel_value(struct kshc *k, int which, const struct ksh_value *v,
		       const struct ksh_loc *loc)
{
	if (which == CV_SIZE)
		set_value(k, &CHN->size, v, "size", loc);
	else
		set_value(k, &CHN->depth, v, "depth", loc);
}

void ast_channel_event(struct kshc *k, const struct ksh_name *n,
		       const struct ksh_loc *loc)
{
	if (once(k, CHN->event.s != NULL, &CHN->event.loc, "event", loc))
		CHN->event = *n;
}

void ast_channel_at(struct kshc *k, const struct ksh_name *dom,
		    const struct ksh_value *gpa, const struct ksh_loc *loc)
{
	struct ast_share_map *m = VEC_PUSH(&k->arena, CHN->at);

	(void)loc;
	m->domain = *dom;
	m->at = *gpa;
	m->dom_idx = KSH_IDX_NONE;
}

void ast_channel_method(struct kshc *k, const struct ksh_name *n,
			const ksh_names *args, const struct ksh_loc *loc)
{
	struct ast_method *m;

	(void)loc;
	for (uint32_t i = 0; i < CHN->methods.n; i++)
		if (strcmp(CHN->methods.v[i].name.s, n->s) == 0) {
			diag_report(&k->diags, DIAG_DUPLICATE, &n->loc,
				    "channel \"%s\" already has a method "
				    "named \"%s\"",
				    CHN->name.s, n->s);
			diag_note(&k->diags, &CHN->methods.v[i].name.loc,
				  "first defined here");
			return;
		}
	m = VEC_PUSH(&k->arena, CHN->methods);
	m->name = *n;
	m->args = *args;
}

void ast_event(struct kshc *k, const struct ksh_name *n,
	       const struct ksh_name *from, const struct ksh_name *to,
	       const struct ksh_value *vector, const struct ksh_loc *loc)
{
	struct ast_event *e;

	(void)loc;
	ast_declare(k, n, SYM_EVENT, A->events.n);
	e = VEC_PUSH(&k->arena, A->events);
	e->name = *n;
	e->from = *from;
	e->to = *to;
	if (vector != NULL)
		e->vector = *vector;
}

/* ---- networks ---- */

#define NET (&A->networks.v[A->cur_net])

void ast_network_begin(struct kshc *k, const struct ksh_name *n,
		       const struct ksh_loc *loc)
{
	struct ast_network *w;

	(void)loc;
	ast_declare(k, n, SYM_NETWORK, A->networks.n);
	w = VEC_PUSH(&k->arena, A->networks);
	A->cur_net = A->networks.n - 1;
	w->name = *n;
	w->index = A->cur_net;
}

void ast_filter_all(struct kshc *k, bool allow, const struct ksh_loc *loc)
{
	struct ast_filter *f = VEC_PUSH(&k->arena, NET->filters);

	f->loc = *loc;
	f->allow = allow;
	f->all = true;
}

void ast_filter(struct kshc *k, bool allow, uint32_t dirs, uint32_t proto,
		const struct ast_peer *peer, const struct ast_ports *ports,
		const struct ksh_loc *loc)
{
	struct ast_filter *f = VEC_PUSH(&k->arena, NET->filters);

	f->loc = *loc;
	f->allow = allow;
	/* "to ADDR" means outgoing, "from ADDR" incoming, unless the rule
	 * names a direction itself. */
	f->dirs = dirs			      ? dirs
		  : (peer->set && peer->dirs) ? peer->dirs
					      : KSH_DIR_IN | KSH_DIR_OUT;
	if (dirs && peer->set && peer->dirs && dirs != peer->dirs)
		diag_report(&k->diags, DIAG_SYNTAX, &peer->loc,
			    "'%s' contradicts the rule's direction",
			    peer->dirs == KSH_DIR_IN ? "from" : "to");
	f->proto = proto;
	if (peer->set) {
		f->addr = peer->addr;
		f->prefix_len = peer->prefix;
	}
	if (ports->set) {
		f->port_lo = ports->lo;
		f->port_hi = ports->hi;
	}
}

/* ---- policy ---- */

void ast_rule(struct kshc *k, uint32_t kind, const struct ksh_name *subject,
	      const struct ksh_name *target, const struct ksh_name *channel,
	      const ksh_names *methods, uint32_t audit,
	      const struct ksh_loc *loc)
{
	struct ast_rule *r = VEC_PUSH(&k->arena, A->rules);

	r->kind = kind;
	r->loc = *loc;
	r->subject = *subject;
	r->target = *target;
	r->channel = *channel;
	r->methods = *methods;
	r->audit = audit != 0;
	r->channel_idx = r->table_idx = KSH_IDX_NONE;
}

void ast_neverflow(struct kshc *k, const struct ksh_name *from,
		   const struct ksh_name *to, const struct ksh_loc *loc)
{
	struct ast_neverflow *n = VEC_PUSH(&k->arena, A->neverflows);

	n->from = *from;
	n->to = *to;
	n->loc = *loc;
}

void ast_mls(struct kshc *k, const struct ksh_name *mode,
	     const struct ksh_loc *loc)
{
	if (!once(k, A->has_mls, &A->mls_loc, "mls mode", loc))
		return;
	A->has_mls = true;
	A->mls_loc = *loc;
	if (strcmp(mode->s, "enforce") == 0)
		A->mls_mode = MLS_ENFORCE;
	else if (strcmp(mode->s, "warn") == 0)
		A->mls_mode = MLS_WARN;
	else if (strcmp(mode->s, "off") == 0)
		A->mls_mode = MLS_OFF;
	else
		diag_report(&k->diags, DIAG_SYNTAX, &mode->loc,
			    "unknown MLS mode \"%s\" (enforce, warn, off)",
			    mode->s);
}

#define FLW (&A->flows.v[A->cur_flow])

void ast_flow_begin(struct kshc *k, const struct ksh_name *n,
		    const struct ksh_name *channel, const struct ksh_loc *loc)
{
	struct ast_flow *f;

	ast_declare(k, n, SYM_FLOW, A->flows.n);
	f = VEC_PUSH(&k->arena, A->flows);
	A->cur_flow = A->flows.n - 1;
	f->name = *n;
	f->channel = *channel;
	f->loc = *loc;
	f->channel_idx = f->initial_idx = KSH_IDX_NONE;
}

void ast_flow_states(struct kshc *k, const ksh_names *l,
		     const struct ksh_loc *loc)
{
	(void)loc;
	for (uint32_t i = 0; i < l->n; i++) {
		bool dup = false;

		for (uint32_t j = 0; j < FLW->states.n && !dup; j++)
			if (strcmp(FLW->states.v[j].s, l->v[i].s) == 0) {
				diag_report(&k->diags, DIAG_DUPLICATE,
					    &l->v[i].loc,
					    "flow \"%s\" already has a state "
					    "named \"%s\"",
					    FLW->name.s, l->v[i].s);
				diag_note(&k->diags, &FLW->states.v[j].loc,
					  "first defined here");
				dup = true;
			}
		if (!dup)
			ast_names_add(k, &FLW->states, &l->v[i]);
	}
}

void ast_flow_initial(struct kshc *k, const struct ksh_name *n,
		      const struct ksh_loc *loc)
{
	if (once(k, FLW->initial.s != NULL, &FLW->initial.loc, "initial", loc))
		FLW->initial = *n;
}

void ast_flow_transition(struct kshc *k, const struct ksh_name *from,
			 const struct ksh_name *method,
			 const struct ksh_name *to, const struct ksh_loc *loc)
{
	struct ast_transition *t = VEC_PUSH(&k->arena, FLW->trans);

	t->from = *from;
	t->method = *method;
	t->to = *to;
	t->loc = *loc;
}

void ast_flow_perm(struct kshc *k, const struct ksh_name *state, bool only,
		   const ksh_names *methods, const struct ksh_loc *loc)
{
	struct ast_state_perm *p = VEC_PUSH(&k->arena, FLW->perms);

	p->state = *state;
	p->only = only;
	p->methods = *methods;
	p->loc = *loc;
}
