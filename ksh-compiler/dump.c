// SPDX-License-Identifier: MIT
/*
 * --dump: the generated tables printed back as readable text, so what was
 * meant (the .ksh) can be compared with what was emitted (dtc -O dts,
 * libpcap's bpf_image). It reads only struct ksh_tables, the same shape
 * the kernel sees, never the AST.
 */
#include "kshc.h"
#include "outfile.h"

#define T (&k->out.t)

/* Sizes as "2 MiB", "64 KiB" or bytes; times as "5 ms" or "250 us". */
static void size_str(char *buf, size_t n, uint64_t v)
{
	if (v != 0 && v % (1ull << 30) == 0)
		snprintf(buf, n, "%llu GiB", (unsigned long long)(v >> 30));
	else if (v != 0 && v % (1ull << 20) == 0)
		snprintf(buf, n, "%llu MiB", (unsigned long long)(v >> 20));
	else if (v != 0 && v % 1024 == 0)
		snprintf(buf, n, "%llu KiB", (unsigned long long)(v >> 10));
	else
		snprintf(buf, n, "%llu bytes", (unsigned long long)v);
}

static void time_str(char *buf, size_t n, uint64_t ns)
{
	if (ns % 1000000 == 0)
		snprintf(buf, n, "%llu ms", (unsigned long long)(ns / 1000000));
	else if (ns % 1000 == 0)
		snprintf(buf, n, "%llu us", (unsigned long long)(ns / 1000));
	else
		snprintf(buf, n, "%llu ns", (unsigned long long)ns);
}

static const char *rights_str(uint32_t r)
{
	static const char *const s[] = {"---", "r--", "-w-", "rw-",
					"--x", "r-x", "-wx", "rwx"};
	return s[r & 7];
}

static void dump_domain(struct kshc *k, FILE *f, uint32_t i)
{
	static const char *const kinds[] = {"?", "native", "linux",
					    "multiboot"};
	static const char *const models[] = {
	    "?",	"uart",	  "pic", "pit",	 "rtc",
	    "pci_host", "ne2000", "ide", "ahci", "channel"};
	static const char *const roles[] = {"?", "writer", "reader", "sender",
					    "receiver"};
	const struct ksh_domain *d = &T->domains[i];
	char sz[32];

	size_str(sz, sizeof(sz), d->ram_size);
	fprintf(f, "\ndomain %u \"%s\": %s, %s RAM, %u vCPU%s, cpus 0x%x\n", i,
		d->name, kinds[d->kind <= 3 ? d->kind : 0], sz, d->vcpus,
		d->vcpus == 1 ? "" : "s", d->cpu_affinity);
	fprintf(f, "  label: type %s, level %s", T->types[d->type].name,
		T->levels[d->level].name);
	for (uint32_t c = 0; c < T->n_categories && c < 64; c++)
		if (d->categories >> c & 1)
			fprintf(f, ", %s", T->categories[c].name);
	fputc('\n', f);
	if (d->flags)
		fprintf(f, "  flags:%s%s%s\n",
			d->flags & KSH_DOMF_FAULT_ON_VIOLATION
			    ? " fault_on_violation"
			    : "",
			d->flags & KSH_DOMF_USER_HYPERCALLS ? " user_hypercalls"
							    : "",
			d->flags & KSH_DOMF_AUDIT_READER ? " audit_reader"
							 : "");
	fprintf(f, "  kernel: payload %u \"%s\"\n", d->kernel,
		T->payloads[d->kernel].name);
	if (d->initrd != KSH_NONE)
		fprintf(f, "  initrd: payload %u \"%s\"\n", d->initrd,
			T->payloads[d->initrd].name);
	if (d->cmdline != NULL) {
		fputs("  cmdline: ", f);
		out_c_string(f, d->cmdline);
		fputc('\n', f);
	}
	for (uint32_t m = 0; m < d->n_mappings; m++) {
		const struct ksh_mapping *mp =
		    &T->mappings[d->first_mapping + m];

		fprintf(f, "  map 0x%012llx-0x%012llx %s %s\n",
			(unsigned long long)mp->gpa,
			(unsigned long long)(mp->gpa + mp->size - 1),
			rights_str(mp->rights), T->memobjs[mp->memobj].name);
	}
	for (uint32_t v = 0; v < d->n_vdevs; v++) {
		const struct ksh_vdev *x = &T->vdevs[d->first_vdev + v];

		fprintf(f, "  device %s \"%s\"",
			models[x->model <= 9 ? x->model : 0], x->name);
		if (x->port_count)
			fprintf(f, " ports 0x%x-0x%x", x->port_base,
				x->port_base + x->port_count - 1);
		if (x->irq != KSH_NONE)
			fprintf(f, " irq %u", x->irq);
		if (x->pci_bdf != KSH_NONE)
			fprintf(f, " pci %02x:%02x.%u", x->pci_bdf >> 8,
				(x->pci_bdf >> 3) & 31, x->pci_bdf & 7);
		if (x->network != KSH_NONE)
			fprintf(f, " network %s", T->networks[x->network].name);
		if (x->channel != KSH_NONE)
			fprintf(f, " channel %s", T->channels[x->channel].name);
		if (x->payload != KSH_NONE)
			fprintf(f, " disk payload %u", x->payload);
		if (x->flags & KSH_VDEVF_CONSOLE_IN)
			fputs(" console", f);
		fputc('\n', f);
	}
	for (uint32_t p = 0; p < d->n_passthru; p++) {
		uint32_t bdf = T->passthru[d->first_passthru + p].bdf;

		fprintf(f, "  passthrough %02x:%02x.%u\n", bdf >> 8,
			(bdf >> 3) & 31, bdf & 7);
	}
	for (uint32_t h = 0; h < d->n_endpoints; h++) {
		const struct ksh_endpoint *e =
		    &T->endpoints[d->first_endpoint + h];
		const struct ksh_channel *c = &T->channels[e->channel];

		fprintf(f, "  handle %u: %s of \"%s\"\n", h,
			roles[e->role <= 4 ? e->role : 0], c->name);
		for (uint32_t m = 0; m < c->n_methods; m++) {
			const struct ksh_decision *dc =
			    &T->decisions[e->first_decision + m];

			fprintf(f, "    %-16s %s%s",
				T->methods[c->first_method + m].name,
				dc->flags & KSH_DEC_ALLOW ? "allow" : "deny",
				dc->flags & KSH_DEC_AUDIT ? " audit" : "");
			if (c->fsm != KSH_NONE && (dc->flags & KSH_DEC_ALLOW)) {
				const struct ksh_fsm *fm = &T->fsms[c->fsm];
				const char *sep = " in ";

				for (uint32_t s = 0; s < fm->n_states; s++)
					if (dc->allowed_states >> s & 1) {
						fprintf(
						    f, "%s%s", sep,
						    T->fsm_states
							[fm->first_state + s]
							    .name);
						sep = ",";
					}
			}
			if (dc->rule != KSH_NONE)
				fprintf(f, "  (rule %u, %s)", dc->rule,
					T->rules[dc->rule].source);
			else
				fputs("  (no rule: default deny)", f);
			fputc('\n', f);
		}
	}
}

static void dump_rest(struct kshc *k, FILE *f)
{
	char a[32], b[32];

	time_str(a, sizeof(a), T->major_frame_ns);
	fprintf(f, "\nschedule: major frame %s\n", a);
	for (uint32_t i = 0; i < T->n_frames; i++) {
		const struct ksh_minor_frame *fr = &T->frames[i];

		time_str(a, sizeof(a), fr->start_ns);
		time_str(b, sizeof(b), fr->start_ns + fr->length_ns);
		fprintf(f, "  cpu %u  %8s - %-8s %s\n", fr->cpu, a, b,
			fr->domain == KSH_IDLE ? "(idle)"
					       : T->domains[fr->domain].name);
	}
	for (uint32_t i = 0; i < T->n_channels; i++) {
		const struct ksh_channel *c = &T->channels[i];

		size_str(a, sizeof(a), c->size);
		if (c->kind == KSH_CHANNEL_MEMORY)
			fprintf(f, "\nchannel \"%s\": memory, %s window",
				c->name, a);
		else
			fprintf(f,
				"\nchannel \"%s\": message, %s max, queue of "
				"%u",
				c->name, a, c->queue_depth);
		if (c->event != KSH_NONE)
			fprintf(f, ", event \"%s\"", T->events[c->event].name);
		if (c->fsm != KSH_NONE)
			fprintf(f, ", flow \"%s\"", T->fsms[c->fsm].name);
		fputs("\n  ends:", f);
		for (uint32_t e = 0; e < c->n_endpoints; e++) {
			const struct ksh_endpoint *ep =
			    &T->endpoints
				 [T->channel_endpoints[c->first_endpoint + e]];

			fprintf(f, " %s", T->domains[ep->domain].name);
		}
		fputc('\n', f);
	}
	for (uint32_t i = 0; i < T->n_fsms; i++) {
		const struct ksh_fsm *fm = &T->fsms[i];
		const struct ksh_channel *c = &T->channels[fm->channel];

		fprintf(f, "\nflow \"%s\" on \"%s\": initial %s\n", fm->name,
			c->name,
			T->fsm_states[fm->first_state + fm->initial].name);
		for (uint32_t s = 0; s < fm->n_states; s++)
			for (uint32_t m = 0; m < c->n_methods; m++) {
				uint32_t nx = T->fsm_next[fm->first_next +
							  s * c->n_methods + m];

				if (nx != KSH_NONE)
					fprintf(
					    f, "  %s -%s-> %s\n",
					    T->fsm_states[fm->first_state + s]
						.name,
					    T->methods[c->first_method + m]
						.name,
					    T->fsm_states[fm->first_state + nx]
						.name);
			}
	}
	for (uint32_t i = 0; i < T->n_events; i++)
		fprintf(
		    f, "\nevent \"%s\": %s -> %s, vector %u\n",
		    T->events[i].name, T->domains[T->events[i].signaller].name,
		    T->domains[T->events[i].waiter].name, T->events[i].vector);
	for (uint32_t i = 0; i < T->n_networks; i++) {
		const struct ksh_network *n = &T->networks[i];

		fprintf(f, "\nnetwork \"%s\": default %s\n", n->name,
			n->default_action ? "allow" : "deny");
		for (uint32_t r = 0; r < n->n_rules; r++) {
			const struct ksh_filter_rule *x =
			    &T->filter_rules[n->first_rule + r];

			fprintf(
			    f,
			    "  %s %s%s proto %u %u.%u.%u.%u/%u ports %u-%u\n",
			    x->action ? "allow" : "deny",
			    x->directions & KSH_DIR_IN ? "in" : "",
			    x->directions & KSH_DIR_OUT ? "out" : "", x->proto,
			    x->addr >> 24, (x->addr >> 16) & 255,
			    (x->addr >> 8) & 255, x->addr & 255, x->prefix_len,
			    x->port_lo, x->port_hi);
		}
	}
	if (T->n_rules > 0)
		fputs("\nrules:\n", f);
	for (uint32_t i = 0; i < T->n_rules; i++)
		fprintf(f, "  %u  %s  (%s)\n", i, T->rules[i].text,
			T->rules[i].source);
	fprintf(f,
		"\ntable sizes: %u endpoints, %u decisions (%zu bytes), %u "
		"flow transitions (%zu bytes)\n",
		T->n_endpoints, T->n_decisions,
		(size_t)T->n_decisions * sizeof(struct ksh_decision),
		T->n_fsm_next, (size_t)T->n_fsm_next * sizeof(uint32_t));
}

int ksh_dump(struct kshc *k, const char *path)
{
	struct outfile o;
	char mem[32];
	FILE *f;

	if (out_open(k, &o, path) != 0)
		return -1;
	f = o.f;
	size_str(mem, sizeof(mem), T->platform_memory);
	fprintf(f, "system \"%s\": %u CPU%s, %s, iommu %s\n", T->system_name,
		T->cpus, T->cpus == 1 ? "" : "s", mem,
		T->platform_flags & KSH_PLATF_IOMMU_REQUIRED ? "required"
							     : "optional");
	fputs("types:", f);
	for (uint32_t i = 0; i < T->n_types; i++)
		fprintf(f, " %s", T->types[i].name);
	fputs("\nlevels (low to high):", f);
	for (uint32_t i = 0; i < T->n_levels; i++)
		fprintf(f, " %s", T->levels[i].name);
	fputs("\ncategories:", f);
	for (uint32_t i = 0; i < T->n_categories; i++)
		fprintf(f, " %s", T->categories[i].name);
	fputc('\n', f);
	for (uint32_t i = 0; i < T->n_payloads; i++) {
		const struct ksh_payload *p = &T->payloads[i];

		fprintf(f, "payload %u \"%s\" of \"%s\": %llu bytes, sha256 ",
			i, p->name, T->domains[p->domain].name,
			(unsigned long long)p->size);
		for (int b = 0; b < 32; b++)
			fprintf(f, "%02x", p->sha256[b]);
		fputc('\n', f);
	}
	for (uint32_t i = 0; i < T->n_domains; i++)
		dump_domain(k, f, i);
	dump_rest(k, f);
	return out_close(k, &o);
}
