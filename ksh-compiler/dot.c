// SPDX-License-Identifier: MIT
/*
 * --dot FILE: a Graphviz graph of the system: domains (boxes, labelled
 * with type and level), message channels (solid arrows naming the allowed
 * methods), memory channels (dashed), events (dotted), shared regions and
 * networks (their own nodes, edges showing rights).
 */
#include "kshc.h"
#include "outfile.h"

#define T (&k->out.t)
#define A (&k->ast)

int ksh_emit_dot(struct kshc *k, const char *path)
{
	struct outfile o;
	FILE *f;

	if (out_open(k, &o, path) != 0)
		return -1;
	f = o.f;
	fputs("digraph ksh {\n\trankdir=LR;\n\tnode [fontname=\"Helvetica\"];\n"
	      "\tedge [fontname=\"Helvetica\", fontsize=10];\n",
	      f);
	fprintf(f, "\tlabel=\"system %s\";\n", T->system_name);
	for (uint32_t i = 0; i < T->n_domains; i++) {
		const struct ksh_domain *d = &T->domains[i];

		fprintf(f, "\td%u [shape=box, label=\"%s\\n%s\\n%s / %s\"];\n",
			i, d->name,
			d->kind == KSH_DOMAIN_LINUX	  ? "linux"
			: d->kind == KSH_DOMAIN_MULTIBOOT ? "multiboot"
							  : "native",
			T->types[d->type].name, T->levels[d->level].name);
	}
	for (uint32_t c = 0; c < T->n_channels; c++) {
		const struct ksh_channel *ch = &T->channels[c];
		const struct ksh_endpoint *first =
		    &T->endpoints[T->channel_endpoints[ch->first_endpoint]];

		for (uint32_t e = 1; e < ch->n_endpoints; e++) {
			const struct ksh_endpoint *to =
			    &T->endpoints
				 [T->channel_endpoints[ch->first_endpoint + e]];

			fprintf(f, "\td%u -> d%u [label=\"%s", first->domain,
				to->domain, ch->name);
			for (uint32_t m = 0; m < ch->n_methods; m++)
				if (T->decisions[first->first_decision + m]
					.flags &
				    KSH_DEC_ALLOW)
					fprintf(f, "\\n%s()",
						T->methods[ch->first_method + m]
						    .name);
			fprintf(f, "\"%s];\n",
				ch->kind == KSH_CHANNEL_MEMORY
				    ? ", style=dashed"
				    : "");
		}
	}
	for (uint32_t i = 0; i < T->n_events; i++)
		fprintf(f, "\td%u -> d%u [label=\"%s\", style=dotted];\n",
			T->events[i].signaller, T->events[i].waiter,
			T->events[i].name);
	for (uint32_t s = 0; s < A->shared.n; s++) {
		const struct ast_shared *sh = &A->shared.v[s];

		fprintf(f, "\ts%u [shape=cylinder, label=\"%s\"];\n", s,
			sh->name.s);
		for (uint32_t m = 0; m < sh->maps.n; m++)
			fprintf(f, "\td%u -> s%u [dir=%s, label=\"%s%s%s\"];\n",
				sh->maps.v[m].dom_idx, s,
				sh->maps.v[m].rights & RIGHT_W ? "both"
							       : "back",
				sh->maps.v[m].rights & RIGHT_R ? "r" : "",
				sh->maps.v[m].rights & RIGHT_W ? "w" : "",
				sh->maps.v[m].rights & RIGHT_X ? "x" : "");
	}
	for (uint32_t n = 0; n < T->n_networks; n++)
		fprintf(f, "\tn%u [shape=diamond, label=\"%s\"];\n", n,
			T->networks[n].name);
	for (uint32_t v = 0; v < T->n_vdevs; v++)
		if (T->vdevs[v].network != KSH_NONE)
			fprintf(f, "\td%u -> n%u [dir=both, label=\"%s\"];\n",
				T->vdevs[v].domain, T->vdevs[v].network,
				T->vdevs[v].name);
	fputs("}\n", f);
	return out_close(k, &o);
}
