// SPDX-License-Identifier: MIT
/*
 * --emit-c DIR: tables.c (designated initializers against
 * include/ksh/tables.h, one source comment per entry), tables.h
 * (index constants for native domains: domain ids, handles, methods) and
 * payloads.S (the payload bytes, .incbin'd into .rodata.ksh_payloads,
 * 4 KiB aligned). Output depends only on the input: fixed order, no
 * timestamps, no absolute paths outside payloads.S.
 */
#include "kshc.h"
#include "outfile.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define O (&k->out)
#define T (&k->out.t)

static const char *const banner =
    "/* generated \xe2\x80\x94 do not edit.\n"
    " * kshc " KSHC_VERSION " from %s; the format is include/ksh/tables.h. "
    "*/\n";

/* A comment; "*" "/" inside a note (a file name) must not end it. */
static void comment(FILE *f, const char *indent, const char *note)
{
	fputs(indent, f);
	fputs("/* ", f);
	if (strstr(note, "*/") == NULL) {
		fputs(note, f);
	} else {
		for (const char *p = note; *p; p++) {
			fputc(*p, f);
			if (p[0] == '*' && p[1] == '/')
				fputc(' ', f);
		}
	}
	fputs(" */\n", f);
}

static void idx(FILE *f, const char *field, uint32_t v, const char *none)
{
	if (v == KSH_NONE)
		fprintf(f, "\t\t.%s = %s,\n", field, none);
	else
		fprintf(f, "\t\t.%s = %u,\n", field, v);
}

static void idx_named(FILE *f, const char *field, uint32_t v, const char *name,
		      const char *none)
{
	if (v == KSH_NONE)
		fprintf(f, "\t\t.%s = %s,\n", field, none);
	else
		fprintf(f, "\t\t.%s = %u, /* %s */\n", field, v, name);
}

static void str(FILE *f, const char *field, const char *s)
{
	fprintf(f, "\t\t.%s = ", field);
	if (s == NULL)
		fputs("NULL", f);
	else
		out_c_string(f, s);
	fputs(",\n", f);
}

static void rights(FILE *f, uint32_t r)
{
	const char *sep = "";

	fputs("\t\t.rights = ", f);
	if (r & KSH_R) {
		fputs("KSH_R", f);
		sep = " | ";
	}
	if (r & KSH_W) {
		fprintf(f, "%sKSH_W", sep);
		sep = " | ";
	}
	if (r & KSH_X)
		fprintf(f, "%sKSH_X", sep);
	if (r == 0)
		fputs("0", f);
	fputs(",\n", f);
}

static void flags(FILE *f, const char *field, uint32_t v,
		  const char *const names[], const uint32_t bits[], int n)
{
	const char *sep = "";

	fprintf(f, "\t\t.%s = ", field);
	for (int i = 0; i < n; i++)
		if (v & bits[i]) {
			fprintf(f, "%s%s", sep, names[i]);
			sep = " | ";
		}
	if (*sep == '\0')
		fputs("0", f);
	fputs(",\n", f);
}

#define ARRAY_OPEN(f, type, name, notes, i)                                    \
	fprintf(f, "static const %s ksh_%s[] = {\n", type, name);
#define ENTRY(f, note, i)                                                      \
	do {                                                                   \
		comment(f, "\t", note);                                        \
		fprintf(f, "\t[%u] = {\n", i);                                 \
	} while (0)

static const char *const kind_payload[] = {
    [KSH_PAYLOAD_NATIVE_ELF] = "KSH_PAYLOAD_NATIVE_ELF",
    [KSH_PAYLOAD_MULTIBOOT_ELF] = "KSH_PAYLOAD_MULTIBOOT_ELF",
    [KSH_PAYLOAD_LINUX_KERNEL] = "KSH_PAYLOAD_LINUX_KERNEL",
    [KSH_PAYLOAD_INITRD] = "KSH_PAYLOAD_INITRD",
    [KSH_PAYLOAD_BLOB] = "KSH_PAYLOAD_BLOB"};
static const char *const kind_memobj[] = {
    [KSH_MEMOBJ_RAM] = "KSH_MEMOBJ_RAM",
    [KSH_MEMOBJ_SHARED] = "KSH_MEMOBJ_SHARED",
    [KSH_MEMOBJ_CHANNEL] = "KSH_MEMOBJ_CHANNEL",
    [KSH_MEMOBJ_QUEUE] = "KSH_MEMOBJ_QUEUE"};
static const char *const kind_domain[] = {
    [KSH_DOMAIN_NATIVE] = "KSH_DOMAIN_NATIVE",
    [KSH_DOMAIN_LINUX] = "KSH_DOMAIN_LINUX",
    [KSH_DOMAIN_MULTIBOOT] = "KSH_DOMAIN_MULTIBOOT"};
static const char *const kind_vdev[] = {
    [KSH_VDEV_UART] = "KSH_VDEV_UART",
    [KSH_VDEV_PIC] = "KSH_VDEV_PIC",
    [KSH_VDEV_PIT] = "KSH_VDEV_PIT",
    [KSH_VDEV_RTC] = "KSH_VDEV_RTC",
    [KSH_VDEV_PCI_HOST] = "KSH_VDEV_PCI_HOST",
    [KSH_VDEV_NE2000] = "KSH_VDEV_NE2000",
    [KSH_VDEV_IDE] = "KSH_VDEV_IDE",
    [KSH_VDEV_AHCI] = "KSH_VDEV_AHCI",
    [KSH_VDEV_CHANNEL] = "KSH_VDEV_CHANNEL"};
static const char *const kind_channel[] = {
    [KSH_CHANNEL_MEMORY] = "KSH_CHANNEL_MEMORY",
    [KSH_CHANNEL_MESSAGE] = "KSH_CHANNEL_MESSAGE"};
static const char *const kind_role[] = {[KSH_ROLE_WRITER] = "KSH_ROLE_WRITER",
					[KSH_ROLE_READER] = "KSH_ROLE_READER",
					[KSH_ROLE_SENDER] = "KSH_ROLE_SENDER",
					[KSH_ROLE_RECEIVER] =
					    "KSH_ROLE_RECEIVER"};
static const char *const kind_proto[] = {[KSH_PROTO_ANY] = "KSH_PROTO_ANY",
					 [KSH_PROTO_ICMP] = "KSH_PROTO_ICMP",
					 [KSH_PROTO_TCP] = "KSH_PROTO_TCP",
					 [KSH_PROTO_UDP] = "KSH_PROTO_UDP"};

static const char *enum_name(const char *const *names, size_t n, uint32_t v)
{
	return v < n && names[v] ? names[v] : "0";
}
#define ENUM(names, v) enum_name(names, sizeof(names) / sizeof(names[0]), v)

static void emit_labels(struct kshc *k, FILE *f, const char *name,
			const struct ksh_label *v, uint32_t n,
			const char *const *notes)
{
	if (n == 0)
		return;
	fprintf(f, "static const struct ksh_label ksh_%s[] = {\n", name);
	for (uint32_t i = 0; i < n; i++) {
		comment(f, "\t", notes[i]);
		fprintf(f, "\t[%u] = {.name = ", i);
		out_c_string(f, v[i].name);
		fputs("},\n", f);
	}
	fputs("};\n\n", f);
	(void)k;
}

static void emit_u32s(FILE *f, const char *name, const uint32_t *v, uint32_t n,
		      const char *const *notes, const char *none)
{
	if (n == 0)
		return;
	fprintf(f, "static const uint32_t ksh_%s[] = {\n", name);
	for (uint32_t i = 0; i < n; i++) {
		comment(f, "\t", notes[i]);
		if (v[i] == KSH_NONE)
			fprintf(f, "\t[%u] = %s,\n", i, none);
		else
			fprintf(f, "\t[%u] = %u,\n", i, v[i]);
	}
	fputs("};\n\n", f);
}

static const char *dom_name(struct kshc *k, uint32_t d)
{
	return d < O->domains.n ? O->domains.v[d].name : "?";
}

static void emit_domains(struct kshc *k, FILE *f)
{
	static const char *const fn[] = {"KSH_DOMF_FAULT_ON_VIOLATION",
					 "KSH_DOMF_USER_HYPERCALLS",
					 "KSH_DOMF_AUDIT_READER"};
	static const uint32_t fb[] = {KSH_DOMF_FAULT_ON_VIOLATION,
				      KSH_DOMF_USER_HYPERCALLS,
				      KSH_DOMF_AUDIT_READER};

	fputs("static const struct ksh_domain ksh_domains[] = {\n", f);
	for (uint32_t i = 0; i < O->domains.n; i++) {
		const struct ksh_domain *d = &O->domains.v[i];

		ENTRY(f, O->domains_note.v[i], i);
		str(f, "name", d->name);
		fprintf(f, "\t\t.kind = %s,\n", ENUM(kind_domain, d->kind));
		flags(f, "flags", d->flags, fn, fb, 3);
		fprintf(f, "\t\t.ram_size = 0x%llxULL,\n",
			(unsigned long long)d->ram_size);
		fprintf(f, "\t\t.vcpus = %u,\n", d->vcpus);
		fprintf(f, "\t\t.cpu_affinity = 0x%xu,\n", d->cpu_affinity);
		idx_named(f, "type", d->type, T->types[d->type].name,
			  "KSH_NONE");
		idx_named(f, "level", d->level, T->levels[d->level].name,
			  "KSH_NONE");
		fprintf(f, "\t\t.categories = 0x%llxULL,\n",
			(unsigned long long)d->categories);
		idx(f, "kernel", d->kernel, "KSH_NONE");
		idx(f, "initrd", d->initrd, "KSH_NONE");
		str(f, "cmdline", d->cmdline);
		fprintf(f, "\t\t.first_mapping = %u,\n\t\t.n_mappings = %u,\n",
			d->first_mapping, d->n_mappings);
		fprintf(f, "\t\t.first_vdev = %u,\n\t\t.n_vdevs = %u,\n",
			d->first_vdev, d->n_vdevs);
		fprintf(f,
			"\t\t.first_endpoint = %u,\n\t\t.n_endpoints = %u,\n",
			d->first_endpoint, d->n_endpoints);
		fprintf(f, "\t\t.first_passthru = %u,\n\t\t.n_passthru = %u,\n",
			d->first_passthru, d->n_passthru);
		fputs("\t},\n", f);
	}
	fputs("};\n\n", f);
}

static void emit_payloads(struct kshc *k, FILE *f)
{
	if (O->payloads.n == 0)
		return;
	for (uint32_t i = 0; i < O->payloads.n; i++)
		fprintf(f, "extern const uint8_t ksh_payload_%u[];\n", i);
	fputs("\nstatic const struct ksh_payload ksh_payloads[] = {\n", f);
	for (uint32_t i = 0; i < O->payloads.n; i++) {
		const struct ksh_payload *p = &O->payloads.v[i];

		ENTRY(f, O->payloads_note.v[i], i);
		str(f, "name", p->name);
		fprintf(f, "\t\t.kind = %s,\n", ENUM(kind_payload, p->kind));
		idx_named(f, "domain", p->domain, dom_name(k, p->domain),
			  "KSH_NONE");
		fprintf(f, "\t\t.size = %lluULL,\n",
			(unsigned long long)p->size);
		fputs("\t\t.sha256 = {", f);
		for (int b = 0; b < 32; b++)
			fprintf(f, "%s0x%02x",
				b == 0	? ""
				: b % 8 ? ", "
					: ",\n\t\t\t",
				p->sha256[b]);
		fputs("},\n", f);
		fprintf(f, "\t\t.data = ksh_payload_%u,\n\t},\n", i);
	}
	fputs("};\n\n", f);
}

static void emit_memory(struct kshc *k, FILE *f)
{
	fputs("static const struct ksh_memobj ksh_memobjs[] = {\n", f);
	for (uint32_t i = 0; i < O->memobjs.n; i++) {
		const struct ksh_memobj *m = &O->memobjs.v[i];

		ENTRY(f, O->memobjs_note.v[i], i);
		str(f, "name", m->name);
		fprintf(f, "\t\t.kind = %s,\n", ENUM(kind_memobj, m->kind));
		if (m->owner == KSH_NONE)
			idx(f, "owner", m->owner, "KSH_NONE");
		else
			idx_named(f, "owner", m->owner, dom_name(k, m->owner),
				  "KSH_NONE");
		fprintf(f, "\t\t.size = 0x%llxULL,\n\t\t.align = 0x%llxULL,\n",
			(unsigned long long)m->size,
			(unsigned long long)m->align);
		fputs("\t},\n", f);
	}
	fputs("};\n\n", f);
	fputs("static const struct ksh_mapping ksh_mappings[] = {\n", f);
	for (uint32_t i = 0; i < O->mappings.n; i++) {
		const struct ksh_mapping *m = &O->mappings.v[i];

		ENTRY(f, O->mappings_note.v[i], i);
		idx_named(f, "domain", m->domain, dom_name(k, m->domain),
			  "KSH_NONE");
		idx_named(f, "memobj", m->memobj, O->memobjs.v[m->memobj].name,
			  "KSH_NONE");
		fprintf(f,
			"\t\t.offset = 0x%llxULL,\n\t\t.gpa = 0x%llxULL,\n"
			"\t\t.size = 0x%llxULL,\n",
			(unsigned long long)m->offset,
			(unsigned long long)m->gpa,
			(unsigned long long)m->size);
		rights(f, m->rights);
		fputs("\t},\n", f);
	}
	fputs("};\n\n", f);
}

static void emit_devices(struct kshc *k, FILE *f)
{
	if (O->vdevs.n > 0) {
		fputs("static const struct ksh_vdev ksh_vdevs[] = {\n", f);
		for (uint32_t i = 0; i < O->vdevs.n; i++) {
			const struct ksh_vdev *v = &O->vdevs.v[i];

			ENTRY(f, O->vdevs_note.v[i], i);
			str(f, "name", v->name);
			idx_named(f, "domain", v->domain,
				  dom_name(k, v->domain), "KSH_NONE");
			fprintf(f, "\t\t.model = %s,\n",
				ENUM(kind_vdev, v->model));
			fprintf(f,
				"\t\t.port_base = 0x%x,\n\t\t.port_count = "
				"%u,\n",
				v->port_base, v->port_count);
			idx(f, "irq", v->irq, "KSH_NONE");
			if (v->pci_bdf == KSH_NONE)
				idx(f, "pci_bdf", v->pci_bdf, "KSH_NONE");
			else
				fprintf(f,
					"\t\t.pci_bdf = 0x%04x, /* "
					"%02x:%02x.%u */\n",
					v->pci_bdf, v->pci_bdf >> 8,
					(v->pci_bdf >> 3) & 31, v->pci_bdf & 7);
			idx(f, "network", v->network, "KSH_NONE");
			idx(f, "channel", v->channel, "KSH_NONE");
			idx(f, "payload", v->payload, "KSH_NONE");
			if (v->flags & KSH_VDEVF_CONSOLE_IN)
				fputs("\t\t.flags = KSH_VDEVF_CONSOLE_IN,\n",
				      f);
			fputs("\t},\n", f);
		}
		fputs("};\n\n", f);
	}
	if (O->passthru.n > 0) {
		fputs("static const struct ksh_passthru ksh_passthru[] = {\n",
		      f);
		for (uint32_t i = 0; i < O->passthru.n; i++) {
			const struct ksh_passthru *p = &O->passthru.v[i];

			ENTRY(f, O->passthru_note.v[i], i);
			idx_named(f, "domain", p->domain,
				  dom_name(k, p->domain), "KSH_NONE");
			fprintf(f, "\t\t.bdf = 0x%04x, /* %02x:%02x.%u */\n",
				p->bdf, p->bdf >> 8, (p->bdf >> 3) & 31,
				p->bdf & 7);
			fputs("\t},\n", f);
		}
		fputs("};\n\n", f);
	}
}

static void emit_frames(struct kshc *k, FILE *f)
{
	if (O->frames.n == 0)
		return;
	fputs("static const struct ksh_minor_frame ksh_frames[] = {\n", f);
	for (uint32_t i = 0; i < O->frames.n; i++) {
		const struct ksh_minor_frame *m = &O->frames.v[i];

		ENTRY(f, O->frames_note.v[i], i);
		fprintf(f, "\t\t.cpu = %u,\n", m->cpu);
		if (m->domain == KSH_IDLE)
			fputs("\t\t.domain = KSH_IDLE,\n", f);
		else
			idx_named(f, "domain", m->domain,
				  dom_name(k, m->domain), "KSH_IDLE");
		fprintf(f,
			"\t\t.start_ns = %lluULL,\n\t\t.length_ns = "
			"%lluULL,\n\t},\n",
			(unsigned long long)m->start_ns,
			(unsigned long long)m->length_ns);
	}
	fputs("};\n\n", f);
}

static void emit_channels(struct kshc *k, FILE *f)
{
	if (O->channels.n == 0)
		return;
	fputs("static const struct ksh_channel ksh_channels[] = {\n", f);
	for (uint32_t i = 0; i < O->channels.n; i++) {
		const struct ksh_channel *c = &O->channels.v[i];

		ENTRY(f, O->channels_note.v[i], i);
		str(f, "name", c->name);
		fprintf(f, "\t\t.kind = %s,\n", ENUM(kind_channel, c->kind));
		idx_named(f, "memobj", c->memobj, O->memobjs.v[c->memobj].name,
			  "KSH_NONE");
		fprintf(f, "\t\t.size = 0x%llxULL,\n\t\t.queue_depth = %u,\n",
			(unsigned long long)c->size, c->queue_depth);
		fprintf(f, "\t\t.first_method = %u,\n\t\t.n_methods = %u,\n",
			c->first_method, c->n_methods);
		idx(f, "fsm", c->fsm, "KSH_NONE");
		fprintf(f,
			"\t\t.first_endpoint = %u,\n\t\t.n_endpoints = %u,\n",
			c->first_endpoint, c->n_endpoints);
		idx(f, "event", c->event, "KSH_NONE");
		fputs("\t},\n", f);
	}
	fputs("};\n\n", f);
	if (O->methods.n > 0) {
		fputs("static const struct ksh_method ksh_methods[] = {\n", f);
		for (uint32_t i = 0; i < O->methods.n; i++) {
			const struct ksh_method *m = &O->methods.v[i];

			ENTRY(f, O->methods_note.v[i], i);
			str(f, "name", m->name);
			fprintf(f,
				"\t\t.channel = %u,\n\t\t.n_args = %u,\n\t},\n",
				m->channel, m->n_args);
		}
		fputs("};\n\n", f);
	}
	fputs("static const struct ksh_endpoint ksh_endpoints[] = {\n", f);
	for (uint32_t i = 0; i < O->endpoints.n; i++) {
		const struct ksh_endpoint *e = &O->endpoints.v[i];

		ENTRY(f, O->endpoints_note.v[i], i);
		idx_named(f, "domain", e->domain, dom_name(k, e->domain),
			  "KSH_NONE");
		idx_named(f, "channel", e->channel,
			  O->channels.v[e->channel].name, "KSH_NONE");
		fprintf(f, "\t\t.role = %s,\n", ENUM(kind_role, e->role));
		idx(f, "mapping", e->mapping, "KSH_NONE");
		fprintf(f, "\t\t.first_decision = %u,\n\t},\n",
			e->first_decision);
	}
	fputs("};\n\n", f);
	emit_u32s(f, "channel_endpoints", O->channel_endpoints.v,
		  O->channel_endpoints.n, O->channel_endpoints_note.v,
		  "KSH_NONE");
}

static void emit_policy(struct kshc *k, FILE *f)
{
	static const char *const dn[] = {"KSH_DEC_ALLOW", "KSH_DEC_AUDIT"};
	static const uint32_t db[] = {KSH_DEC_ALLOW, KSH_DEC_AUDIT};

	if (O->decisions.n > 0) {
		fputs("static const struct ksh_decision ksh_decisions[] = {\n",
		      f);
		for (uint32_t i = 0; i < O->decisions.n; i++) {
			const struct ksh_decision *d = &O->decisions.v[i];

			ENTRY(f, O->decisions_note.v[i], i);
			flags(f, "flags", d->flags, dn, db, 2);
			idx(f, "rule", d->rule, "KSH_NONE");
			fprintf(f, "\t\t.allowed_states = 0x%llxULL,\n\t},\n",
				(unsigned long long)d->allowed_states);
		}
		fputs("};\n\n", f);
	}
	if (O->fsms.n > 0) {
		fputs("static const struct ksh_fsm ksh_fsms[] = {\n", f);
		for (uint32_t i = 0; i < O->fsms.n; i++) {
			const struct ksh_fsm *m = &O->fsms.v[i];

			ENTRY(f, O->fsms_note.v[i], i);
			str(f, "name", m->name);
			fprintf(f,
				"\t\t.channel = %u,\n\t\t.n_states = %u,\n"
				"\t\t.initial = %u,\n\t\t.first_state = %u,\n"
				"\t\t.first_next = %u,\n\t},\n",
				m->channel, m->n_states, m->initial,
				m->first_state, m->first_next);
		}
		fputs("};\n\n", f);
	}
	emit_labels(k, f, "fsm_states", O->fsm_states.v, O->fsm_states.n,
		    O->fsm_states_note.v);
	emit_u32s(f, "fsm_next", O->fsm_next.v, O->fsm_next.n,
		  O->fsm_next_note.v, "KSH_NONE");
	if (O->rules.n > 0) {
		fputs("static const struct ksh_rule ksh_rules[] = {\n", f);
		for (uint32_t i = 0; i < O->rules.n; i++) {
			ENTRY(f, O->rules_note.v[i], i);
			str(f, "text", O->rules.v[i].text);
			str(f, "source", O->rules.v[i].source);
			fputs("\t},\n", f);
		}
		fputs("};\n\n", f);
	}
}

static void emit_events_networks(struct kshc *k, FILE *f)
{
	static const char *const dn[] = {"KSH_DIR_IN", "KSH_DIR_OUT"};
	static const uint32_t db[] = {KSH_DIR_IN, KSH_DIR_OUT};

	if (O->events.n > 0) {
		fputs("static const struct ksh_event ksh_events[] = {\n", f);
		for (uint32_t i = 0; i < O->events.n; i++) {
			const struct ksh_event *e = &O->events.v[i];

			ENTRY(f, O->events_note.v[i], i);
			str(f, "name", e->name);
			idx_named(f, "signaller", e->signaller,
				  dom_name(k, e->signaller), "KSH_NONE");
			idx_named(f, "waiter", e->waiter,
				  dom_name(k, e->waiter), "KSH_NONE");
			fprintf(f, "\t\t.vector = %u,\n\t},\n", e->vector);
		}
		fputs("};\n\n", f);
	}
	if (O->networks.n > 0) {
		fputs("static const struct ksh_network ksh_networks[] = {\n",
		      f);
		for (uint32_t i = 0; i < O->networks.n; i++) {
			const struct ksh_network *n = &O->networks.v[i];

			ENTRY(f, O->networks_note.v[i], i);
			str(f, "name", n->name);
			fprintf(f,
				"\t\t.first_rule = %u,\n\t\t.n_rules = %u,\n"
				"\t\t.default_action = %s,\n\t},\n",
				n->first_rule, n->n_rules,
				n->default_action == KSH_FILTER_ALLOW
				    ? "KSH_FILTER_ALLOW"
				    : "KSH_FILTER_DENY");
		}
		fputs("};\n\n", f);
	}
	if (O->filter_rules.n > 0) {
		fputs("static const struct ksh_filter_rule "
		      "ksh_filter_rules[] = {\n",
		      f);
		for (uint32_t i = 0; i < O->filter_rules.n; i++) {
			const struct ksh_filter_rule *r = &O->filter_rules.v[i];

			ENTRY(f, O->filter_rules_note.v[i], i);
			fprintf(f, "\t\t.action = %s,\n",
				r->action == KSH_FILTER_ALLOW
				    ? "KSH_FILTER_ALLOW"
				    : "KSH_FILTER_DENY");
			flags(f, "directions", r->directions, dn, db, 2);
			fprintf(f, "\t\t.proto = %s,\n",
				ENUM(kind_proto, r->proto));
			fprintf(f,
				"\t\t.addr = 0x%08xu, /* %u.%u.%u.%u */\n"
				"\t\t.prefix_len = %u,\n",
				r->addr, r->addr >> 24, (r->addr >> 16) & 255,
				(r->addr >> 8) & 255, r->addr & 255,
				r->prefix_len);
			fprintf(f, "\t\t.port_lo = %u,\n\t\t.port_hi = %u,\n",
				r->port_lo, r->port_hi);
			str(f, "source", r->source);
			fputs("\t},\n", f);
		}
		fputs("};\n\n", f);
	}
}

static void emit_root(struct kshc *k, FILE *f)
{
	static const char *const arrays[] = {"types",	   "levels",
					     "categories", "domains",
					     "payloads",   "memobjs",
					     "mappings",   "vdevs",
					     "passthru",   "frames",
					     "channels",   "methods",
					     "endpoints",  "channel_endpoints",
					     "decisions",  "fsms",
					     "fsm_states", "fsm_next",
					     "rules",	   "events",
					     "networks",   "filter_rules"};
	const uint32_t counts[] = {T->n_types,	    T->n_levels,
				   T->n_categories, T->n_domains,
				   T->n_payloads,   T->n_memobjs,
				   T->n_mappings,   T->n_vdevs,
				   T->n_passthru,   T->n_frames,
				   T->n_channels,   T->n_methods,
				   T->n_endpoints,  T->n_channel_endpoints,
				   T->n_decisions,  T->n_fsms,
				   T->n_fsm_states, T->n_fsm_next,
				   T->n_rules,	    T->n_events,
				   T->n_networks,   T->n_filter_rules};

	fputs("const struct ksh_tables ksh_tables = {\n", f);
	fputs(
	    "\t.magic = KSH_TABLES_MAGIC,\n\t.version = KSH_TABLES_VERSION,\n",
	    f);
	fprintf(f, "\t.platform_flags = %s,\n",
		T->platform_flags & KSH_PLATF_IOMMU_REQUIRED
		    ? "KSH_PLATF_IOMMU_REQUIRED"
		    : "0");
	fputs("\t.system_name = ", f);
	out_c_string(f, T->system_name ? T->system_name : "");
	fprintf(f, ",\n\t.cpus = %u,\n", T->cpus);
	fprintf(f, "\t.platform_memory = 0x%llxULL,\n",
		(unsigned long long)T->platform_memory);
	fprintf(f, "\t.major_frame_ns = %lluULL,\n",
		(unsigned long long)T->major_frame_ns);
	for (size_t i = 0; i < sizeof(arrays) / sizeof(arrays[0]); i++) {
		if (counts[i] == 0)
			fprintf(f, "\t.%s = NULL,\n\t.n_%s = 0,\n", arrays[i],
				arrays[i]);
		else
			fprintf(f,
				"\t.%s = ksh_%s,\n\t.n_%s = "
				"ARRAY_SIZE(ksh_%s),\n",
				arrays[i], arrays[i], arrays[i], arrays[i]);
	}
	fputs("};\n", f);
}

static int emit_tables_c(struct kshc *k, const char *path)
{
	struct outfile o;
	FILE *f;

	if (out_open(k, &o, path) != 0)
		return -1;
	f = o.f;
	fprintf(f, banner, k->main_src->name);
	fputs("#include <ksh/tables.h>\n\n#include <stddef.h>\n\n"
	      "#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))\n\n",
	      f);
	emit_labels(k, f, "types", O->types.v, O->types.n, O->types_note.v);
	emit_labels(k, f, "levels", O->levels.v, O->levels.n, O->levels_note.v);
	emit_labels(k, f, "categories", O->categories.v, O->categories.n,
		    O->categories_note.v);
	emit_payloads(k, f);
	emit_domains(k, f);
	emit_memory(k, f);
	emit_devices(k, f);
	emit_frames(k, f);
	emit_channels(k, f);
	emit_policy(k, f);
	emit_events_networks(k, f);
	emit_root(k, f);
	return out_close(k, &o);
}

/* A generated macro: "KSH_<KIND>_<A>[_<B>]" upper-cased, and its value. */
struct gen_macro {
	char *name;
	uint32_t value;
};

static char *macro_name(struct kshc *k, const char *kind, const char *a,
			const char *b)
{
	char *s = b ? arena_printf(&k->arena, "KSH_%s_%s_%s", kind, a, b)
		    : arena_printf(&k->arena, "KSH_%s_%s", kind, a);

	for (char *p = s; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return s;
}

static int macro_cmp(const void *a, const void *b)
{
	return strcmp(((const struct gen_macro *)a)->name,
		      ((const struct gen_macro *)b)->name);
}

/*
 * tables.h: index constants for native domains. Upper-casing and joining
 * names can make two macros equal (domain "a_b" with channel "c", domain
 * "a" with channel "b_c"): that is refused rather than emitted as a
 * silent redefinition.
 */
static int emit_tables_h(struct kshc *k, const char *path)
{
	KSH_VEC(struct gen_macro) dom = {0}, meth = {0}, all = {0};
	struct outfile o;
	FILE *f;

	for (uint32_t d = 0; d < T->n_domains; d++) {
		const struct ksh_domain *dm = &T->domains[d];

		*VEC_PUSH(&k->arena, dom) = (struct gen_macro){
		    macro_name(k, "DOMAIN", dm->name, NULL), d};
		for (uint32_t h = 0; h < dm->n_endpoints; h++)
			*VEC_PUSH(&k->arena, dom) = (struct gen_macro){
			    macro_name(
				k, "HANDLE", dm->name,
				T->channels[T->endpoints[dm->first_endpoint + h]
						.channel]
				    .name),
			    h};
	}
	for (uint32_t c = 0; c < T->n_channels; c++)
		for (uint32_t m = 0; m < T->channels[c].n_methods; m++)
			*VEC_PUSH(&k->arena, meth) = (struct gen_macro){
			    macro_name(
				k, "METHOD", T->channels[c].name,
				T->methods[T->channels[c].first_method + m]
				    .name),
			    m};
	for (uint32_t i = 0; i < dom.n + meth.n; i++)
		*VEC_PUSH(&k->arena, all) =
		    i < dom.n ? dom.v[i] : meth.v[i - dom.n];
	if (all.n > 1)
		qsort(all.v, all.n, sizeof(*all.v), macro_cmp);
	for (uint32_t i = 1; i < all.n; i++)
		if (strcmp(all.v[i].name, all.v[i - 1].name) == 0) {
			diag_report(&k->diags, DIAG_DUPLICATE, NULL,
				    "two generated constants would both be "
				    "named %s in tables.h; rename one of the "
				    "domains, channels or methods",
				    all.v[i].name);
			return -1;
		}
	if (out_open(k, &o, path) != 0)
		return -1;
	f = o.f;
	fprintf(f, banner, k->main_src->name);
	fputs("/* Indices a native domain uses to name things: its domain id,\n"
	      " * its channel handles and each channel's method numbers. */\n"
	      "#ifndef KSH_GENERATED_TABLES_H\n#define "
	      "KSH_GENERATED_TABLES_H\n\n",
	      f);
	fputs("#define KSH_SYSTEM_NAME ", f);
	out_c_string(f, T->system_name ? T->system_name : "");
	fprintf(f,
		"\n#define KSH_N_DOMAINS %uu\n#define KSH_N_CHANNELS %uu\n\n",
		T->n_domains, T->n_channels);
	for (uint32_t i = 0; i < dom.n; i++)
		fprintf(f, "#define %s %uu\n", dom.v[i].name, dom.v[i].value);
	fputc('\n', f);
	for (uint32_t i = 0; i < meth.n; i++)
		fprintf(f, "#define %s %uu\n", meth.v[i].name, meth.v[i].value);
	fputs("\n#endif /* KSH_GENERATED_TABLES_H */\n", f);
	return out_close(k, &o);
}

/* A path inside an assembler string: escape quote and backslash. */
static void asm_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Payload indices ordered by (digest, size, index), to find repeats. */
static int payload_cmp(const void *a, const void *b, void *arg)
{
	const struct ksh_out *sort_out = arg;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	const struct ksh_payload *px = &sort_out->payloads.v[x];
	const struct ksh_payload *py = &sort_out->payloads.v[y];
	int c = memcmp(px->sha256, py->sha256, 32);

	if (c == 0)
		c = px->size < py->size ? -1 : px->size > py->size;
	if (c == 0)
		c = x < y ? -1 : x > y;
	return c;
}

/*
 * payloads.S: one .incbin per distinct content; a payload whose bytes
 * repeat an earlier one's (two domains booting the same ELF, under one
 * path or two) is an alias of its symbol, so the image holds the bytes
 * once. Equal SHA-256 and size is taken as equal content.
 */
static int emit_payloads_s(struct kshc *k, const char *path)
{
	uint32_t n = O->payloads.n;
	uint32_t *order = arena_alloc(&k->arena, sizeof(uint32_t) * (n + 1));
	uint32_t *same = arena_alloc(&k->arena, sizeof(uint32_t) * (n + 1));
	struct outfile o;
	FILE *f;

	for (uint32_t i = 0; i < n; i++)
		order[i] = same[i] = i;
	if (n > 1)
		qsort_r(order, n, sizeof(*order), payload_cmp, O);
	for (uint32_t i = 1; i < n; i++)
		if (O->payloads.v[order[i]].size ==
			O->payloads.v[order[i - 1]].size &&
		    memcmp(O->payloads.v[order[i]].sha256,
			   O->payloads.v[order[i - 1]].sha256, 32) == 0)
			same[order[i]] = same[order[i - 1]];
	if (out_open(k, &o, path) != 0)
		return -1;
	f = o.f;
	fprintf(f, banner, k->main_src->name);
	fputs("/* The payload bytes tables.c points at; 4 KiB aligned so the\n"
	      " * kernel can map or copy them page by page. */\n",
	      f);
	for (uint32_t i = 0; i < n; i++) {
		if (same[i] != i) {
			fprintf(f,
				"\n\t.globl ksh_payload_%u\n"
				"\t.set ksh_payload_%u, ksh_payload_%u\n",
				i, i, same[i]);
			continue;
		}
		fprintf(f,
			"\n\t.section .rodata.ksh_payloads,\"a\"\n"
			"\t.balign 4096\n\t.globl ksh_payload_%u\n"
			"\t.type ksh_payload_%u, @object\n"
			"ksh_payload_%u:\n\t.incbin ",
			i, i, i);
		asm_string(f, O->payload_abs.v[i]);
		fprintf(f, "\n\t.size ksh_payload_%u, . - ksh_payload_%u\n", i,
			i);
	}
	fputs("\n\t.section .note.GNU-stack,\"\",@progbits\n", f);
	return out_close(k, &o);
}

int ksh_emit_c(struct kshc *k, const char *dir)
{
	if (out_mkdir(k, dir) != 0)
		return -1;
	/* tables.h first: it is the one that can still refuse. */
	if (emit_tables_h(k, arena_printf(&k->arena, "%s/tables.h", dir)) ||
	    emit_tables_c(k, arena_printf(&k->arena, "%s/tables.c", dir)) ||
	    emit_payloads_s(k, arena_printf(&k->arena, "%s/payloads.S", dir)))
		return -1;
	return 0;
}
