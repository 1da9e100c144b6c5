/* SPDX-License-Identifier: MIT */
/*
 * The information-flow graph of a system: an edge a -> b for every way
 * data written by domain a can be read by domain b, as the tables grant
 * it: a message channel whose policy allows at least one method, a memory
 * channel (writer to each reader), a shared region (each domain that may
 * write it to each other domain that may read it), an event (signaller to
 * waiter) and a network (every NIC to every other NIC on it, unless its
 * filter denies everything). MLS and neverflow are checked over it.
 */
#ifndef KSHC_FLOWGRAPH_H
#define KSHC_FLOWGRAPH_H

#include "kshc.h"

enum flow_via { VIA_MESSAGE = 1, VIA_MEMORY, VIA_SHARED, VIA_EVENT, VIA_NET };

struct flow_edge {
	uint32_t from, to;
	uint32_t via;	 /* enum flow_via */
	uint32_t object; /* channel, shared region, event or network index */
	const struct ksh_loc *loc; /* where the edge is declared */
	/* message channel: the allow rule that decided its first allowed
	 * method (the rule that opens the flow), else NULL */
	const struct ksh_loc *rule_loc;
};

struct flow_graph {
	struct flow_edge *e;
	uint32_t n_edges;
	uint32_t *first; /* CSR by source domain: edges first[d]..first[d+1] */
};

/* flow_graph_build - every edge, grouped by source domain. */
void flow_graph_build(struct kshc *k, struct flow_graph *g);

/* flow_via_text - "channel \"x\"" for messages. */
const char *flow_via_text(struct kshc *k, const struct flow_edge *e);

#endif /* KSHC_FLOWGRAPH_H */
