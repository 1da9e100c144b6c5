/* SPDX-License-Identifier: MIT */
/*
 * AST builders: the only functions the grammar actions call. Each checks
 * what can be checked locally (a property given twice, an unknown device
 * model or rights string) and records the rest for resolve.
 */
#ifndef KSHC_AST_BUILD_H
#define KSHC_AST_BUILD_H

#include <ksh/tables.h>

#include "ast.h"

struct kshc;

typedef KSH_VEC(struct ksh_value) ksh_values;

/* A filter rule's peer address and the direction its keyword implies. */
struct ast_peer {
	bool set;
	uint32_t dirs;
	uint32_t addr, prefix;
	struct ksh_loc loc;
};

struct ast_ports {
	bool set;
	struct ksh_value lo, hi;
};

enum { PLAT_CPUS, PLAT_MEMORY };
enum { DV_MEMORY, DV_VCPUS, DV_BUDGET };
enum { DF_KERNEL, DF_INITRD };
enum { DL_TYPE, DL_LEVEL };
enum { DN_CATEGORIES, DN_FLAGS };
enum { DR_NETWORK, DR_CHANNEL };
enum { CV_SIZE, CV_DEPTH };

void ast_names_add(struct kshc *k, ksh_names *l, const struct ksh_name *n);
void ast_values_add(struct kshc *k, ksh_values *l, const struct ksh_value *v);
void ast_value_ref(struct ksh_value *out, const struct ksh_name *n);
void ast_file(struct ksh_file *out, const char *path, const struct ksh_loc *loc,
	      const char *sha, const struct ksh_loc *sha_loc);
void ast_peer(struct ast_peer *out, uint32_t dirs, uint32_t addr,
	      uint32_t prefix, const struct ksh_loc *loc);
void ast_ports(struct ast_ports *out, const struct ksh_value *lo,
	       const struct ksh_value *hi);

void ast_system_begin(struct kshc *k, const char *name,
		      const struct ksh_loc *loc);
void ast_platform_seen(struct kshc *k, const struct ksh_loc *loc);
void ast_schedule_seen(struct kshc *k, const struct ksh_loc *loc);
void ast_platform_value(struct kshc *k, int which, const struct ksh_value *v,
			const struct ksh_loc *loc);
void ast_platform_iommu(struct kshc *k, int required,
			const struct ksh_loc *loc);
void ast_schedule_major(struct kshc *k, const struct ksh_value *v,
			const struct ksh_loc *loc);
void ast_schedule_cpu(struct kshc *k, const struct ksh_value *v,
		      const struct ksh_loc *loc);
void ast_schedule_frame(struct kshc *k, const struct ksh_name *dom,
			const struct ksh_value *len, const struct ksh_loc *loc);

void ast_levels(struct kshc *k, const ksh_names *l, const struct ksh_loc *loc);
void ast_categories(struct kshc *k, const ksh_names *l);
void ast_types(struct kshc *k, const ksh_names *l);
void ast_attribute(struct kshc *k, const struct ksh_name *n,
		   const ksh_names *members);
void ast_const(struct kshc *k, const struct ksh_name *n,
	       const struct ksh_value *v);

void ast_domain_begin(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		      const struct ksh_file *payload,
		      const struct ksh_loc *loc);
void ast_domain_value(struct kshc *k, int which, const struct ksh_value *v,
		      const struct ksh_loc *loc);
void ast_domain_affinity(struct kshc *k, const ksh_values *cpus,
			 const struct ksh_loc *loc);
void ast_domain_file(struct kshc *k, int which, const struct ksh_file *f,
		     const struct ksh_loc *loc);
void ast_domain_cmdline(struct kshc *k, const char *s,
			const struct ksh_loc *loc);
void ast_domain_label(struct kshc *k, int which, const struct ksh_name *n,
		      const struct ksh_loc *loc);
void ast_domain_names(struct kshc *k, int which, const ksh_names *l,
		      const struct ksh_loc *loc);
void ast_domain_property(struct kshc *k, const struct ksh_name *key,
			 const char *str, const struct ksh_value *v,
			 const struct ksh_loc *loc);
void ast_domain_passthru(struct kshc *k, uint32_t bdf,
			 const struct ksh_loc *loc);
void ast_device_begin(struct kshc *k, const struct ksh_name *model,
		      const struct ksh_name *n, const struct ksh_loc *loc);
void ast_device_port(struct kshc *k, const struct ksh_value *base,
		     const struct ksh_value *count, const struct ksh_loc *loc);
void ast_device_irq(struct kshc *k, const struct ksh_value *v,
		    const struct ksh_loc *loc);
void ast_device_pci(struct kshc *k, uint32_t bdf, const struct ksh_loc *loc);
void ast_device_ref(struct kshc *k, int which, const struct ksh_name *n,
		    const struct ksh_loc *loc);
void ast_device_disk(struct kshc *k, const struct ksh_file *f,
		     const struct ksh_loc *loc);
void ast_device_console(struct kshc *k, const struct ksh_loc *loc);

void ast_shared_begin(struct kshc *k, const struct ksh_name *n,
		      const struct ksh_loc *loc);
void ast_shared_size(struct kshc *k, const struct ksh_value *v,
		     const struct ksh_loc *loc);
void ast_shared_map(struct kshc *k, const struct ksh_name *dom,
		    const struct ksh_name *rights, const struct ksh_value *at,
		    const struct ksh_loc *loc);

void ast_channel_begin(struct kshc *k, const struct ksh_name *n, uint32_t kind,
		       const struct ksh_name *from, const ksh_names *to,
		       const struct ksh_loc *loc);
void ast_channel_value(struct kshc *k, int which, const struct ksh_value *v,
		       const struct ksh_loc *loc);
void ast_channel_event(struct kshc *k, const struct ksh_name *n,
		       const struct ksh_loc *loc);
void ast_channel_at(struct kshc *k, const struct ksh_name *dom,
		    const struct ksh_value *gpa, const struct ksh_loc *loc);
void ast_channel_method(struct kshc *k, const struct ksh_name *n,
			const ksh_names *args, const struct ksh_loc *loc);

void ast_event(struct kshc *k, const struct ksh_name *n,
	       const struct ksh_name *from, const struct ksh_name *to,
	       const struct ksh_value *vector, const struct ksh_loc *loc);

void ast_network_begin(struct kshc *k, const struct ksh_name *n,
		       const struct ksh_loc *loc);
void ast_filter_all(struct kshc *k, bool allow, const struct ksh_loc *loc);
void ast_filter(struct kshc *k, bool allow, uint32_t dirs, uint32_t proto,
		const struct ast_peer *peer, const struct ast_ports *ports,
		const struct ksh_loc *loc);

void ast_rule(struct kshc *k, uint32_t kind, const struct ksh_name *subject,
	      const struct ksh_name *target, const struct ksh_name *channel,
	      const ksh_names *methods, uint32_t audit,
	      const struct ksh_loc *loc);
void ast_neverflow(struct kshc *k, const struct ksh_name *from,
		   const struct ksh_name *to, const struct ksh_loc *loc);
void ast_mls(struct kshc *k, const struct ksh_name *mode,
	     const struct ksh_loc *loc);
void ast_flow_begin(struct kshc *k, const struct ksh_name *n,
		    const struct ksh_name *channel, const struct ksh_loc *loc);
void ast_flow_states(struct kshc *k, const ksh_names *l,
		     const struct ksh_loc *loc);
void ast_flow_initial(struct kshc *k, const struct ksh_name *n,
		      const struct ksh_loc *loc);
void ast_flow_transition(struct kshc *k, const struct ksh_name *from,
			 const struct ksh_name *method,
			 const struct ksh_name *to, const struct ksh_loc *loc);
void ast_flow_perm(struct kshc *k, const struct ksh_name *state, bool only,
		   const ksh_names *methods, const struct ksh_loc *loc);

#endif /* KSHC_AST_BUILD_H */
