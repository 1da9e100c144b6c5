// SPDX-License-Identifier: MIT
/*
 * --emit-json FILE: the resolved system and the compiled policy as one
 * JSON document (schema: dsl/system.schema.json), written with Jansson in
 * a fixed key order so identical input gives identical bytes. It is built
 * from the generated tables plus what only the source knows (source
 * locations, budgets, properties, method argument names).
 */
#include "kshc.h"
#include "outfile.h"
#include "policy.h"

#include <jansson.h>
#include <string.h>

#define A (&k->ast)
#define T (&k->out.t)

/* Jansson steals references with the _new setters; these keep call sites
 * short. A NULL string becomes JSON null. */
static void set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v);
}

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *jidx(uint32_t i)
{
	return i == KSH_NONE ? json_null() : json_integer(i);
}

static json_t *jrights(uint32_t r)
{
	char s[4], *p = s;

	if (r & KSH_R)
		*p++ = 'r';
	if (r & KSH_W)
		*p++ = 'w';
	if (r & KSH_X)
		*p++ = 'x';
	*p = '\0';
	return json_string(s);
}

static const char *domain_kind(uint32_t k)
{
	return k == KSH_DOMAIN_LINUX	   ? "linux"
	       : k == KSH_DOMAIN_MULTIBOOT ? "multiboot"
					   : "native";
}

static json_t *json_labels(struct kshc *k)
{
	json_t *o = json_object(), *types = json_array(),
	       *levels = json_array(), *cats = json_array(),
	       *attrs = json_object();

	for (uint32_t i = 0; i < T->n_types; i++)
		json_array_append_new(types, json_string(T->types[i].name));
	for (uint32_t i = 0; i < T->n_levels; i++)
		json_array_append_new(levels, json_string(T->levels[i].name));
	for (uint32_t i = 0; i < T->n_categories; i++)
		json_array_append_new(cats, json_string(T->categories[i].name));
	for (uint32_t i = 0; i < A->attributes.n; i++) {
		const struct ast_attribute *at = &A->attributes.v[i];
		json_t *m = json_array();

		for (uint32_t t = 0; t < A->types.n; t++)
			if (at->types[t])
				json_array_append_new(
				    m, json_string(A->types.v[t].name.s));
		set(attrs, at->name.s, m);
	}
	set(o, "levels", levels);
	set(o, "categories", cats);
	set(o, "types", types);
	set(o, "attributes", attrs);
	return o;
}

static json_t *json_domain(struct kshc *k, uint32_t i)
{
	const struct ksh_domain *d = &T->domains[i];
	const struct ast_domain *a = &A->domains.v[i];
	json_t *o = json_object(), *arr;
	static const struct {
		uint32_t bit;
		const char *name;
	} flags[] = {{KSH_DOMF_FAULT_ON_VIOLATION, "fault_on_violation"},
		     {KSH_DOMF_USER_HYPERCALLS, "user_hypercalls"},
		     {KSH_DOMF_AUDIT_READER, "audit_reader"}};

	set(o, "index", json_integer(i));
	set(o, "name", json_string(d->name));
	set(o, "kind", json_string(domain_kind(d->kind)));
	set(o, "source", json_string(loc_str(&k->arena, &a->name.loc)));
	set(o, "ram_size", json_integer((json_int_t)d->ram_size));
	set(o, "vcpus", json_integer(d->vcpus));
	arr = json_array();
	for (uint32_t c = 0; c < 32; c++)
		if (d->cpu_affinity >> c & 1)
			json_array_append_new(arr, json_integer(c));
	set(o, "cpu_affinity", arr);
	set(o, "budget_ns",
	    a->budget.set ? json_integer((json_int_t)a->budget.num)
			  : json_null());
	set(o, "type", json_string(T->types[d->type].name));
	set(o, "level", json_string(T->levels[d->level].name));
	arr = json_array();
	for (uint32_t c = 0; c < T->n_categories && c < 64; c++)
		if (d->categories >> c & 1)
			json_array_append_new(
			    arr, json_string(T->categories[c].name));
	set(o, "categories", arr);
	arr = json_array();
	for (size_t f = 0; f < sizeof(flags) / sizeof(flags[0]); f++)
		if (d->flags & flags[f].bit)
			json_array_append_new(arr, json_string(flags[f].name));
	set(o, "flags", arr);
	arr = json_object();
	for (uint32_t p = 0; p < a->props.n; p++)
		set(arr, a->props.v[p].key.s,
		    a->props.v[p].is_string
			? json_string(a->props.v[p].str)
			: json_integer((json_int_t)a->props.v[p].val.num));
	set(o, "properties", arr);
	set(o, "kernel", jidx(d->kernel));
	set(o, "initrd", jidx(d->initrd));
	set(o, "cmdline", jstr(d->cmdline));
	arr = json_array();
	for (uint32_t m = 0; m < d->n_mappings; m++) {
		const struct ksh_mapping *mp =
		    &T->mappings[d->first_mapping + m];
		json_t *x = json_object();

		set(x, "memobj", json_string(T->memobjs[mp->memobj].name));
		set(x, "gpa", json_integer((json_int_t)mp->gpa));
		set(x, "size", json_integer((json_int_t)mp->size));
		set(x, "rights", jrights(mp->rights));
		json_array_append_new(arr, x);
	}
	set(o, "mappings", arr);
	arr = json_array();
	for (uint32_t v = 0; v < d->n_vdevs; v++) {
		static const char *const models[] = {
		    "?",	"uart",	  "pic", "pit",	 "rtc",
		    "pci_host", "ne2000", "ide", "ahci", "channel"};
		const struct ksh_vdev *vd = &T->vdevs[d->first_vdev + v];
		json_t *x = json_object();

		set(x, "name", json_string(vd->name));
		set(x, "model",
		    json_string(models[vd->model <= 9 ? vd->model : 0]));
		set(x, "port_base", json_integer(vd->port_base));
		set(x, "port_count", json_integer(vd->port_count));
		set(x, "irq", jidx(vd->irq));
		set(x, "pci_bdf", jidx(vd->pci_bdf));
		set(x, "network",
		    vd->network == KSH_NONE
			? json_null()
			: json_string(T->networks[vd->network].name));
		set(x, "channel",
		    vd->channel == KSH_NONE
			? json_null()
			: json_string(T->channels[vd->channel].name));
		set(x, "payload", jidx(vd->payload));
		if (vd->flags & KSH_VDEVF_CONSOLE_IN)
			set(x, "console", json_true());
		json_array_append_new(arr, x);
	}
	set(o, "devices", arr);
	arr = json_array();
	for (uint32_t p = 0; p < d->n_passthru; p++) {
		uint32_t bdf = T->passthru[d->first_passthru + p].bdf;
		char s[16];

		snprintf(s, sizeof(s), "%02x:%02x.%u", bdf >> 8,
			 (bdf >> 3) & 31, bdf & 7);
		json_array_append_new(arr, json_string(s));
	}
	set(o, "passthrough", arr);
	arr = json_array();
	for (uint32_t h = 0; h < d->n_endpoints; h++) {
		static const char *const roles[] = {"?", "writer", "reader",
						    "sender", "receiver"};
		const struct ksh_endpoint *e =
		    &T->endpoints[d->first_endpoint + h];
		json_t *x = json_object();

		set(x, "handle", json_integer(h));
		set(x, "channel", json_string(T->channels[e->channel].name));
		set(x, "role", json_string(roles[e->role <= 4 ? e->role : 0]));
		json_array_append_new(arr, x);
	}
	set(o, "handles", arr);
	return o;
}

static json_t *json_resources(struct kshc *k, json_t *root)
{
	json_t *arr = json_array();

	for (uint32_t i = 0; i < T->n_payloads; i++) {
		static const char *const kinds[] = {
		    "?",      "native_elf", "multiboot_elf", "linux_kernel",
		    "initrd", "blob"};
		const struct ksh_payload *p = &T->payloads[i];
		json_t *x = json_object();
		char hex[65];

		for (int b = 0; b < 32; b++)
			snprintf(hex + 2 * b, 3, "%02x", p->sha256[b]);
		set(x, "name", json_string(p->name));
		set(x, "kind", json_string(kinds[p->kind <= 5 ? p->kind : 0]));
		set(x, "domain", json_string(T->domains[p->domain].name));
		set(x, "size", json_integer((json_int_t)p->size));
		set(x, "sha256", json_string(hex));
		json_array_append_new(arr, x);
	}
	set(root, "payloads", arr);
	arr = json_array();
	for (uint32_t i = 0; i < T->n_memobjs; i++) {
		static const char *const kinds[] = {"?", "ram", "shared",
						    "channel", "queue"};
		const struct ksh_memobj *m = &T->memobjs[i];
		json_t *x = json_object();

		set(x, "name", json_string(m->name));
		set(x, "kind", json_string(kinds[m->kind <= 4 ? m->kind : 0]));
		set(x, "owner",
		    m->owner == KSH_NONE
			? json_null()
			: json_string(T->domains[m->owner].name));
		set(x, "size", json_integer((json_int_t)m->size));
		set(x, "align", json_integer((json_int_t)m->align));
		json_array_append_new(arr, x);
	}
	set(root, "memobjs", arr);
	arr = json_array();
	for (uint32_t i = 0; i < T->n_frames; i++) {
		const struct ksh_minor_frame *f = &T->frames[i];
		json_t *x = json_object();

		set(x, "cpu", json_integer(f->cpu));
		set(x, "domain",
		    f->domain == KSH_IDLE
			? json_null()
			: json_string(T->domains[f->domain].name));
		set(x, "start_ns", json_integer((json_int_t)f->start_ns));
		set(x, "length_ns", json_integer((json_int_t)f->length_ns));
		json_array_append_new(arr, x);
	}
	return arr;
}

static json_t *json_channel(struct kshc *k, uint32_t i)
{
	const struct ksh_channel *c = &T->channels[i];
	const struct ast_channel *a = &A->channels.v[i];
	json_t *o = json_object(), *arr = json_array();

	set(o, "name", json_string(c->name));
	set(o, "kind",
	    json_string(c->kind == KSH_CHANNEL_MEMORY ? "memory" : "message"));
	set(o, "source", json_string(loc_str(&k->arena, &a->name.loc)));
	set(o, "size", json_integer((json_int_t)c->size));
	set(o, "queue_depth", json_integer(c->queue_depth));
	set(o, "memobj", json_string(T->memobjs[c->memobj].name));
	for (uint32_t m = 0; m < c->n_methods; m++) {
		json_t *x = json_object(), *args = json_array();

		set(x, "name",
		    json_string(T->methods[c->first_method + m].name));
		for (uint32_t g = 0; g < a->methods.v[m].args.n; g++)
			json_array_append_new(
			    args, json_string(a->methods.v[m].args.v[g].s));
		set(x, "args", args);
		json_array_append_new(arr, x);
	}
	set(o, "methods", arr);
	arr = json_array();
	for (uint32_t e = 0; e < c->n_endpoints; e++) {
		static const char *const roles[] = {"?", "writer", "reader",
						    "sender", "receiver"};
		const struct ksh_endpoint *ep =
		    &T->endpoints[T->channel_endpoints[c->first_endpoint + e]];
		json_t *x = json_object();

		set(x, "domain", json_string(T->domains[ep->domain].name));
		set(x, "role",
		    json_string(roles[ep->role <= 4 ? ep->role : 0]));
		json_array_append_new(arr, x);
	}
	set(o, "endpoints", arr);
	set(o, "event",
	    c->event == KSH_NONE ? json_null()
				 : json_string(T->events[c->event].name));
	set(o, "flow",
	    c->fsm == KSH_NONE ? json_null()
			       : json_string(T->fsms[c->fsm].name));
	return o;
}

static json_t *json_states(struct kshc *k, uint32_t channel, uint64_t mask)
{
	const struct ksh_channel *c = &T->channels[channel];
	json_t *arr;

	if (c->fsm == KSH_NONE)
		return json_string("any");
	arr = json_array();
	for (uint32_t s = 0; s < T->fsms[c->fsm].n_states; s++)
		if (mask >> s & 1)
			json_array_append_new(
			    arr,
			    json_string(
				T->fsm_states[T->fsms[c->fsm].first_state + s]
				    .name));
	return arr;
}

static json_t *json_policy(struct kshc *k)
{
	static const char *const modes[] = {"enforce", "warn", "off"};
	json_t *o = json_object(), *arr = json_array();

	set(o, "mls", json_string(modes[A->mls_mode]));
	for (uint32_t i = 0; i < T->n_rules; i++) {
		json_t *x = json_object();

		set(x, "text", json_string(T->rules[i].text));
		set(x, "source", json_string(T->rules[i].source));
		json_array_append_new(arr, x);
	}
	set(o, "rules", arr);
	arr = json_array();
	for (uint32_t e = 0; e < T->n_endpoints; e++) {
		const struct ksh_endpoint *ep = &T->endpoints[e];
		const struct ksh_channel *c = &T->channels[ep->channel];

		for (uint32_t m = 0; m < c->n_methods; m++) {
			const struct ksh_decision *d =
			    &T->decisions[ep->first_decision + m];
			json_t *x = json_object();

			set(x, "domain",
			    json_string(T->domains[ep->domain].name));
			set(x, "channel", json_string(c->name));
			set(x, "method",
			    json_string(T->methods[c->first_method + m].name));
			set(x, "allow", json_boolean(d->flags & KSH_DEC_ALLOW));
			set(x, "audit", json_boolean(d->flags & KSH_DEC_AUDIT));
			set(x, "rule", jidx(d->rule));
			set(x, "allowed_states",
			    json_states(k, ep->channel, d->allowed_states));
			json_array_append_new(arr, x);
		}
	}
	set(o, "decisions", arr);
	arr = json_array();
	for (uint32_t i = 0; i < T->n_fsms; i++) {
		const struct ksh_fsm *f = &T->fsms[i];
		const struct ksh_channel *c = &T->channels[f->channel];
		json_t *x = json_object(), *st = json_array(),
		       *tr = json_array();

		set(x, "name", json_string(f->name));
		set(x, "channel", json_string(c->name));
		for (uint32_t s = 0; s < f->n_states; s++)
			json_array_append_new(
			    st, json_string(
				    T->fsm_states[f->first_state + s].name));
		set(x, "states", st);
		set(x, "initial",
		    json_string(
			T->fsm_states[f->first_state + f->initial].name));
		for (uint32_t s = 0; s < f->n_states; s++)
			for (uint32_t m = 0; m < c->n_methods; m++) {
				uint32_t nx = T->fsm_next[f->first_next +
							  s * c->n_methods + m];
				json_t *t;

				if (nx == KSH_NONE)
					continue;
				t = json_object();
				set(t, "from",
				    json_string(
					T->fsm_states[f->first_state + s]
					    .name));
				set(t, "method",
				    json_string(
					T->methods[c->first_method + m].name));
				set(t, "to",
				    json_string(
					T->fsm_states[f->first_state + nx]
					    .name));
				json_array_append_new(tr, t);
			}
		set(x, "transitions", tr);
		json_array_append_new(arr, x);
	}
	set(o, "flows", arr);
	arr = json_array();
	for (uint32_t i = 0; i < A->rules.n; i++)
		if (A->rules.v[i].kind == RULE_NEVERALLOW) {
			json_array_append_new(
			    arr, json_string(pol_rule_text(k, &A->rules.v[i])));
		}
	set(o, "neverallow", arr);
	arr = json_array();
	for (uint32_t i = 0; i < A->neverflows.n; i++) {
		json_t *x = json_object();

		set(x, "from", json_string(A->neverflows.v[i].from.s));
		set(x, "to", json_string(A->neverflows.v[i].to.s));
		json_array_append_new(arr, x);
	}
	set(o, "neverflow", arr);
	return o;
}

static json_t *json_networks(struct kshc *k)
{
	json_t *arr = json_array();

	for (uint32_t i = 0; i < T->n_networks; i++) {
		static const char *const protos[] = {
		    [0] = "any", [1] = "icmp", [6] = "tcp", [17] = "udp"};
		const struct ksh_network *n = &T->networks[i];
		json_t *x = json_object(), *rules = json_array();

		set(x, "name", json_string(n->name));
		set(x, "default",
		    json_string(n->default_action ? "allow" : "deny"));
		for (uint32_t r = 0; r < n->n_rules; r++) {
			const struct ksh_filter_rule *f =
			    &T->filter_rules[n->first_rule + r];
			json_t *y = json_object(), *dirs = json_array();
			char addr[32];

			set(y, "action",
			    json_string(f->action ? "allow" : "deny"));
			if (f->directions & KSH_DIR_IN)
				json_array_append_new(dirs, json_string("in"));
			if (f->directions & KSH_DIR_OUT)
				json_array_append_new(dirs, json_string("out"));
			set(y, "directions", dirs);
			set(y, "proto",
			    json_string(f->proto < 18 && protos[f->proto]
					    ? protos[f->proto]
					    : "any"));
			snprintf(addr, sizeof(addr), "%u.%u.%u.%u/%u",
				 f->addr >> 24, (f->addr >> 16) & 255,
				 (f->addr >> 8) & 255, f->addr & 255,
				 f->prefix_len);
			set(y, "address", json_string(addr));
			set(y, "port_lo", json_integer(f->port_lo));
			set(y, "port_hi", json_integer(f->port_hi));
			set(y, "source", json_string(f->source));
			json_array_append_new(rules, y);
		}
		set(x, "rules", rules);
		json_array_append_new(arr, x);
	}
	return arr;
}

/* Bytes the run-time tables take, per array, for the size report. */
static json_t *json_sizes(struct kshc *k)
{
	json_t *o = json_object();

	set(o, "endpoints", json_integer(T->n_endpoints));
	set(o, "decisions", json_integer(T->n_decisions));
	set(o, "decision_bytes",
	    json_integer(
		(json_int_t)(T->n_decisions * sizeof(struct ksh_decision))));
	set(o, "fsm_next_bytes",
	    json_integer((json_int_t)(T->n_fsm_next * sizeof(uint32_t))));
	return o;
}

static json_t *ksh_json_document(struct kshc *k)
{
	json_t *root = json_object(), *sys = json_object(), *arr;
	const char *iommu = A->sys.iommu == 1	? "required"
			    : A->sys.iommu == 0 ? "optional"
						: "unspecified";

	set(root, "format", json_string("ksh-system"));
	set(root, "table_version", json_integer(KSH_TABLES_VERSION));
	set(root, "kshc", json_string(KSHC_VERSION));
	set(sys, "name", json_string(T->system_name ? T->system_name : ""));
	set(sys, "cpus", json_integer(T->cpus));
	set(sys, "memory", json_integer((json_int_t)T->platform_memory));
	set(sys, "iommu", json_string(iommu));
	set(sys, "major_frame_ns", json_integer((json_int_t)T->major_frame_ns));
	set(root, "system", sys);
	set(root, "labels", json_labels(k));
	arr = json_array();
	for (uint32_t i = 0; i < T->n_domains; i++)
		json_array_append_new(arr, json_domain(k, i));
	set(root, "domains", arr);
	set(root, "schedule", json_resources(k, root));
	arr = json_array();
	for (uint32_t i = 0; i < T->n_channels; i++)
		json_array_append_new(arr, json_channel(k, i));
	set(root, "channels", arr);
	arr = json_array();
	for (uint32_t i = 0; i < T->n_events; i++) {
		json_t *x = json_object();

		set(x, "name", json_string(T->events[i].name));
		set(x, "signaller",
		    json_string(T->domains[T->events[i].signaller].name));
		set(x, "waiter",
		    json_string(T->domains[T->events[i].waiter].name));
		set(x, "vector", json_integer(T->events[i].vector));
		json_array_append_new(arr, x);
	}
	set(root, "events", arr);
	set(root, "networks", json_networks(k));
	set(root, "policy", json_policy(k));
	set(root, "sizes", json_sizes(k));
	return root;
}

int ksh_emit_json(struct kshc *k, const char *path)
{
	json_t *root = ksh_json_document(k);
	struct outfile o;
	int rc = -1;

	if (out_open(k, &o, path) == 0) {
		if (json_dumpf(root, o.f,
			       JSON_INDENT(2) | JSON_PRESERVE_ORDER |
				   JSON_ENSURE_ASCII) != 0)
			fputs("kshc: cannot serialize the JSON document\n",
			      stderr);
		fputc('\n', o.f);
		rc = out_close(k, &o);
	}
	json_decref(root);
	return rc;
}
