/* SPDX-License-Identifier: MIT */
/*
 * The .ksh grammar (summary in dsl/grammar.md). A pure parser with
 * locations; actions only call the ast_* builders (ast_build.c). Every
 * statement list has an "error" alternative: after a syntax error the
 * parser drops tokens until one can start a statement or close the block,
 * so one run reports every broken statement (Bison stays quiet for three
 * tokens after each error, which keeps one mistake from cascading).
 */
%define api.pure full
%define api.prefix {kshyy}
%define api.location.type {struct ksh_loc}
%define parse.error custom
%locations
%param {void *scanner}
%parse-param {struct kshc *k}

%code requires {
#include "ast_build.h"
}

%code provides {
int kshyylex(KSHYYSTYPE *lval, struct ksh_loc *lloc, void *scanner);
void kshyyerror(struct ksh_loc *loc, void *scanner, struct kshc *k,
		const char *msg);

/* Bison's default location rule, plus the source file. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                            \
	do {                                                                   \
		if (N) {                                                       \
			(Cur).src = YYRHSLOC(Rhs, 1).src;                      \
			(Cur).first_line = YYRHSLOC(Rhs, 1).first_line;        \
			(Cur).first_column = YYRHSLOC(Rhs, 1).first_column;    \
			(Cur).last_line = YYRHSLOC(Rhs, N).last_line;          \
			(Cur).last_column = YYRHSLOC(Rhs, N).last_column;      \
		} else {                                                       \
			(Cur).src = YYRHSLOC(Rhs, 0).src;                      \
			(Cur).first_line = (Cur).last_line =                   \
			    YYRHSLOC(Rhs, 0).last_line;                        \
			(Cur).first_column = (Cur).last_column =               \
			    YYRHSLOC(Rhs, 0).last_column;                      \
		}                                                              \
	} while (0)
}

%code {
#include "kshc.h"
#include "syntax_err.h"
#include "tokfilter.h"

#include <string.h>

/* Tokens come through the filter (tokfilter.h), not straight from the
 * lexer. The parser asks for a token with its error status still 3 only
 * after it threw its lookahead away while recovering from an error (the
 * skeleton sets 3 on an error and counts it down on every shift): then
 * the filter drops the rest of that token's statement. */
#undef yylex
#define yylex(lval, lloc, scanner)                                             \
	tokf_next(lval, lloc, scanner, yyerrstatus == 3)

#define NAME(out, str, l)                                                      \
	do {                                                                   \
		(out).s = (str);                                               \
		(out).loc = (l);                                               \
	} while (0)
}

%union {
	char *str;
	uint32_t u32;
	struct ksh_value val;
	struct ksh_name name;
	ksh_names names;
	ksh_values vals;
	struct ksh_file file;
	struct { uint32_t addr, prefix; } ip;
	struct ast_peer peer;
	struct ast_ports ports;
}

%token <str> IDENT "identifier" STRING "string"
%token <val> NUMBER "number"
%token <u32> BDF "PCI address"
%token <ip> IPV4 "IPv4 address"
%token ARROW "->" DOTDOT ".."
%token <str> SYSTEM "system" PLATFORM "platform" SCHEDULE "schedule" CPUS "cpus"
%token <str> CPU "cpu" MEMORY "memory" IOMMU "iommu" REQUIRED "required"
%token <str> OPTIONAL "optional" MAJOR "major" IDLE "idle" LEVEL "level"
%token <str> CATEGORY "category" CATEGORIES "categories" TYPE "type"
%token <str> ATTRIBUTE "attribute" CONST "const" INCLUDE "include"
%token <str> DOMAIN "domain" NATIVE "native" LINUX "linux" MULTIBOOT "multiboot"
%token <str> VCPUS "vcpus" AFFINITY "affinity" BUDGET "budget" KERNEL "kernel"
%token <str> INITRD "initrd" CMDLINE "cmdline" SHA256 "sha256" FLAGS "flags"
%token <str> PROPERTY "property" DEVICE "device" PORT "port" COUNT "count"
%token <str> IRQ "irq" PCI "pci" NETWORK "network" CHANNEL "channel" DISK "disk"
%token <str> PASSTHROUGH "passthrough" SHARED "shared" MAP "map" AT "at"
%token <str> SIZE "size" MESSAGE "message" DEPTH "depth" METHODS "methods"
%token <str> EVENT "event" VECTOR "vector" FILTER "filter" ALLOW "allow"
%token <str> DENY "deny" ALL "all" IN "in" OUT "out" TCP "tcp" UDP "udp"
%token <str> ICMP "icmp" ANY "any" TO "to" FROM "from" POLICY "policy"
%token <str> FLOW "flow" ON "on" STATES "states" INITIAL_KW "initial"
%token <str> NEVERALLOW "neverallow" NEVERFLOW "neverflow" MLS "mls"
%token <str> AUDIT "audit" CONSOLE "console"

%type <name> name subject chan_ref dev_model
%type <str> soft_kw
%type <names> name_list level_chain method_set arg_list
%type <val> value
%type <vals> value_list
%type <file> file_ref
%type <u32> dom_kind rule_kind filter_dir filter_proto audit_opt
%type <peer> filter_peer
%type <ports> filter_ports

%%

file
	: %empty
	| file toplevel
	;

opt_semi
	: %empty
	| ';'
	;

toplevel
	: SYSTEM STRING { ast_system_begin(k, $2, &@$); } '{' sys_body '}' opt_semi
	| LEVEL level_chain ';'		{ ast_levels(k, &$2, &@$); }
	| CATEGORY name_list ';'	{ ast_categories(k, &$2); }
	| TYPE name_list ';'		{ ast_types(k, &$2); }
	| ATTRIBUTE name '=' name_list ';'	{ ast_attribute(k, &$2, &$4); }
	| CONST name '=' value ';'	{ ast_const(k, &$2, &$4); }
	| INCLUDE STRING ';'		{ ksh_parse_include(k, @2.src, $2, &@2); }
	| domain
	| shared
	| channel
	| event
	| network
	| POLICY '{' policy_body '}' opt_semi
	| error
	;

/* Keywords are reserved only where they start a statement: elsewhere a
 * keyword is a name (a domain may be called "filter"). Excluded are the
 * words that start a statement inside a block whose other statements
 * start with a name: idle (schedule), states/initial/in (flow). */
name
	: IDENT				{ NAME($$, $1, @1); }
	| soft_kw			{ NAME($$, $1, @1); }
	;

soft_kw
	: SYSTEM
	| PLATFORM
	| SCHEDULE
	| CPUS
	| CPU
	| MEMORY
	| IOMMU
	| REQUIRED
	| OPTIONAL
	| MAJOR
	| LEVEL
	| CATEGORY
	| CATEGORIES
	| TYPE
	| ATTRIBUTE
	| CONST
	| INCLUDE
	| DOMAIN
	| NATIVE
	| LINUX
	| MULTIBOOT
	| VCPUS
	| AFFINITY
	| BUDGET
	| KERNEL
	| INITRD
	| CMDLINE
	| SHA256
	| FLAGS
	| PROPERTY
	| DEVICE
	| PORT
	| COUNT
	| IRQ
	| PCI
	| NETWORK
	| CHANNEL
	| DISK
	| PASSTHROUGH
	| SHARED
	| MAP
	| AT
	| SIZE
	| MESSAGE
	| DEPTH
	| METHODS
	| EVENT
	| VECTOR
	| FILTER
	| ALLOW
	| DENY
	| ALL
	| OUT
	| TCP
	| UDP
	| ICMP
	| ANY
	| TO
	| FROM
	| POLICY
	| FLOW
	| ON
	| NEVERALLOW
	| NEVERFLOW
	| MLS
	| AUDIT
	| CONSOLE
	;


name_list
	: name				{ $$ = (ksh_names){0}; ast_names_add(k, &$$, &$1); }
	| name_list ',' name		{ $$ = $1; ast_names_add(k, &$$, &$3); }
	;

level_chain
	: name				{ $$ = (ksh_names){0}; ast_names_add(k, &$$, &$1); }
	| level_chain '<' name		{ $$ = $1; ast_names_add(k, &$$, &$3); }
	;

value
	: NUMBER			{ $$ = $1; }
	| name				{ ast_value_ref(&$$, &$1); }
	;

value_list
	: value				{ $$ = (ksh_values){0}; ast_values_add(k, &$$, &$1); }
	| value_list ',' value		{ $$ = $1; ast_values_add(k, &$$, &$3); }
	;

file_ref
	: STRING			{ ast_file(&$$, $1, &@1, NULL, NULL); }
	| STRING SHA256 STRING		{ ast_file(&$$, $1, &@1, $3, &@3); }
	;

/* system "name" { platform { ... } schedule { ... } } */
sys_body
	: %empty
	| sys_body sys_item
	;

sys_item
	: PLATFORM '{' plat_body '}' opt_semi	{ ast_platform_seen(k, &@1); }
	| SCHEDULE '{' sched_body '}' opt_semi	{ ast_schedule_seen(k, &@1); }
	| error
	;

plat_body
	: %empty
	| plat_body plat_item
	;

plat_item
	: CPUS value ';'		{ ast_platform_value(k, PLAT_CPUS, &$2, &@$); }
	| MEMORY value ';'		{ ast_platform_value(k, PLAT_MEMORY, &$2, &@$); }
	| IOMMU REQUIRED ';'		{ ast_platform_iommu(k, 1, &@$); }
	| IOMMU OPTIONAL ';'		{ ast_platform_iommu(k, 0, &@$); }
	| error
	;

sched_body
	: %empty
	| sched_body sched_item
	;

sched_item
	: MAJOR value ';'		{ ast_schedule_major(k, &$2, &@$); }
	| CPU value			{ ast_schedule_cpu(k, &$2, &@$); }
	  '{' frame_list '}' opt_semi
	| error
	;

frame_list
	: %empty
	| frame_list frame
	;

frame
	: name value ';'		{ ast_schedule_frame(k, &$1, &$2, &@$); }
	| IDLE value ';'		{ ast_schedule_frame(k, NULL, &$2, &@$); }
	| error
	;

/* domain NAME : KIND ["file"] { ... } */
domain
	: DOMAIN name ':' dom_kind	{ ast_domain_begin(k, &$2, $4, NULL, &@$); }
	  '{' dom_body '}' opt_semi
	| DOMAIN name ':' dom_kind file_ref { ast_domain_begin(k, &$2, $4, &$5, &@$); }
	  '{' dom_body '}' opt_semi
	;

dom_kind
	: NATIVE			{ $$ = DOM_NATIVE; }
	| LINUX				{ $$ = DOM_LINUX; }
	| MULTIBOOT			{ $$ = DOM_MULTIBOOT; }
	;

dom_body
	: %empty
	| dom_body dom_item
	;

dom_item
	: MEMORY value ';'		{ ast_domain_value(k, DV_MEMORY, &$2, &@$); }
	| VCPUS value ';'		{ ast_domain_value(k, DV_VCPUS, &$2, &@$); }
	| BUDGET value ';'		{ ast_domain_value(k, DV_BUDGET, &$2, &@$); }
	| AFFINITY value_list ';'	{ ast_domain_affinity(k, &$2, &@$); }
	| KERNEL file_ref ';'		{ ast_domain_file(k, DF_KERNEL, &$2, &@$); }
	| INITRD file_ref ';'		{ ast_domain_file(k, DF_INITRD, &$2, &@$); }
	| CMDLINE STRING ';'		{ ast_domain_cmdline(k, $2, &@$); }
	| TYPE name ';'			{ ast_domain_label(k, DL_TYPE, &$2, &@$); }
	| LEVEL name ';'		{ ast_domain_label(k, DL_LEVEL, &$2, &@$); }
	| CATEGORIES name_list ';'	{ ast_domain_names(k, DN_CATEGORIES, &$2, &@$); }
	| FLAGS name_list ';'		{ ast_domain_names(k, DN_FLAGS, &$2, &@$); }
	| PROPERTY name '=' STRING ';'	{ ast_domain_property(k, &$2, $4, NULL, &@$); }
	| PROPERTY name '=' value ';'	{ ast_domain_property(k, &$2, NULL, &$4, &@$); }
	| PASSTHROUGH BDF ';'		{ ast_domain_passthru(k, $2, &@$); }
	| DEVICE dev_model name		{ ast_device_begin(k, &$2, &$3, &@$); }
	  dev_tail
	| error
	;

dev_model
	: name				{ $$ = $1; }
	;

dev_tail
	: ';'
	| '{' dev_body '}' opt_semi
	;

dev_body
	: %empty
	| dev_body dev_item
	;

dev_item
	: PORT value ';'		{ ast_device_port(k, &$2, NULL, &@$); }
	| PORT value COUNT value ';'	{ ast_device_port(k, &$2, &$4, &@$); }
	| IRQ value ';'			{ ast_device_irq(k, &$2, &@$); }
	| PCI BDF ';'			{ ast_device_pci(k, $2, &@$); }
	| NETWORK name ';'		{ ast_device_ref(k, DR_NETWORK, &$2, &@$); }
	| CHANNEL name ';'		{ ast_device_ref(k, DR_CHANNEL, &$2, &@$); }
	| DISK file_ref ';'		{ ast_device_disk(k, &$2, &@$); }
	| CONSOLE ';'			{ ast_device_console(k, &@$); }
	| error
	;

/* shared NAME { size 2M; map dom rw [at 0x...]; } */
shared
	: SHARED name			{ ast_shared_begin(k, &$2, &@$); }
	  '{' shared_body '}' opt_semi
	;

shared_body
	: %empty
	| shared_body shared_item
	;

shared_item
	: SIZE value ';'		{ ast_shared_size(k, &$2, &@$); }
	| MAP name name ';'		{ ast_shared_map(k, &$2, &$3, NULL, &@$); }
	| MAP name name AT value ';'	{ ast_shared_map(k, &$2, &$3, &$5, &@$); }
	| error
	;

/* channel NAME : message A -> B { ... }  |  : memory A -> B, C { ... } */
channel
	: CHANNEL name ':' MESSAGE name ARROW name_list
					{ ast_channel_begin(k, &$2, CHAN_MESSAGE, &$5, &$7, &@$); }
	  chan_tail
	| CHANNEL name ':' MEMORY name ARROW name_list
					{ ast_channel_begin(k, &$2, CHAN_MEMORY, &$5, &$7, &@$); }
	  chan_tail
	;

chan_tail
	: ';'
	| '{' chan_body '}' opt_semi
	;

chan_body
	: %empty
	| chan_body chan_item
	;

chan_item
	: SIZE value ';'		{ ast_channel_value(k, CV_SIZE, &$2, &@$); }
	| DEPTH value ';'		{ ast_channel_value(k, CV_DEPTH, &$2, &@$); }
	| EVENT name ';'		{ ast_channel_event(k, &$2, &@$); }
	| AT name value ';'		{ ast_channel_at(k, &$2, &$3, &@$); }
	| METHODS '{' method_list '}' opt_semi
	| error
	;

method_list
	: %empty
	| method_list method
	;

method
	: name '(' ')' ';'		{ ksh_names none = {0}; ast_channel_method(k, &$1, &none, &@$); }
	| name '(' arg_list ')' ';'	{ ast_channel_method(k, &$1, &$3, &@$); }
	| name ';'			{ ksh_names none = {0}; ast_channel_method(k, &$1, &none, &@$); }
	| error
	;

arg_list
	: name_list			{ $$ = $1; }
	;

/* event NAME : A -> B [{ vector N; }] */
event
	: EVENT name ':' name ARROW name ';'
					{ ast_event(k, &$2, &$4, &$6, NULL, &@$); }
	| EVENT name ':' name ARROW name '{' VECTOR value ';' '}' opt_semi
					{ ast_event(k, &$2, &$4, &$6, &$9, &@$); }
	;

/* network NAME { filter { allow in tcp from 10.0.0.0/8 port 22; ... } } */
network
	: NETWORK name			{ ast_network_begin(k, &$2, &@$); }
	  '{' net_body '}' opt_semi
	;

net_body
	: %empty
	| net_body net_item
	;

net_item
	: FILTER '{' filter_list '}' opt_semi
	| error
	;

filter_list
	: %empty
	| filter_list filter_rule
	;

filter_rule
	: rule_kind ALL ';'		{ ast_filter_all(k, $1 == RULE_ALLOW, &@$); }
	| rule_kind filter_dir filter_proto filter_peer filter_ports ';'
					{ ast_filter(k, $1 == RULE_ALLOW, $2, $3, &$4, &$5, &@$); }
	| error
	;

filter_dir
	: %empty			{ $$ = 0; }
	| IN				{ $$ = KSH_DIR_IN; }
	| OUT				{ $$ = KSH_DIR_OUT; }
	;

filter_proto
	: %empty			{ $$ = PROTO_ANY; }
	| ANY				{ $$ = PROTO_ANY; }
	| TCP				{ $$ = PROTO_TCP; }
	| UDP				{ $$ = PROTO_UDP; }
	| ICMP				{ $$ = PROTO_ICMP; }
	;

filter_peer
	: %empty			{ $$ = (struct ast_peer){0}; }
	| IPV4				{ ast_peer(&$$, 0, $1.addr, $1.prefix, &@1); }
	| TO IPV4			{ ast_peer(&$$, KSH_DIR_OUT, $2.addr, $2.prefix, &@2); }
	| FROM IPV4			{ ast_peer(&$$, KSH_DIR_IN, $2.addr, $2.prefix, &@2); }
	;

filter_ports
	: %empty			{ $$ = (struct ast_ports){0}; }
	| PORT value			{ ast_ports(&$$, &$2, &$2); }
	| PORT value DOTDOT value	{ ast_ports(&$$, &$2, &$4); }
	;

/* policy { allow ...; deny ...; neverallow ...; neverflow a -> b;
 *          mls enforce; flow NAME on CHANNEL { ... } } */
policy_body
	: %empty
	| policy_body policy_item
	;

policy_item
	: rule_kind subject subject ':' chan_ref method_set audit_opt ';'
					{ ast_rule(k, $1, &$2, &$3, &$5, &$6, $7, &@$); }
	| NEVERALLOW subject subject ':' chan_ref method_set ';'
					{ ast_rule(k, RULE_NEVERALLOW, &$2, &$3, &$5, &$6, 0, &@$); }
	| NEVERFLOW subject ARROW subject ';'
					{ ast_neverflow(k, &$2, &$4, &@$); }
	| MLS name ';'			{ ast_mls(k, &$2, &@$); }
	| FLOW name ON name		{ ast_flow_begin(k, &$2, &$4, &@$); }
	  '{' flow_body '}' opt_semi
	| error
	;

rule_kind
	: ALLOW				{ $$ = RULE_ALLOW; }
	| DENY				{ $$ = RULE_DENY; }
	;

subject
	: name				{ $$ = $1; }
	| '*'				{ NAME($$, "*", @1); }
	;

chan_ref
	: name				{ $$ = $1; }
	| '*'				{ NAME($$, "*", @1); }
	;

method_set
	: %empty			{ $$ = (ksh_names){0}; }
	| '{' name_list '}'		{ $$ = $2; }
	| '{' '*' '}'			{ $$ = (ksh_names){0}; }
	;

audit_opt
	: %empty			{ $$ = 0; }
	| AUDIT				{ $$ = 1; }
	;

flow_body
	: %empty
	| flow_body flow_item
	;

flow_item
	: STATES name_list ';'		{ ast_flow_states(k, &$2, &@$); }
	| INITIAL_KW name ';'		{ ast_flow_initial(k, &$2, &@$); }
	| name '-' name ARROW name ';'	{ ast_flow_transition(k, &$1, &$3, &$5, &@$); }
	| IN name DENY name_list ';'	{ ast_flow_perm(k, &$2, false, &$4, &@$); }
	| IN name ALLOW name_list ';'	{ ast_flow_perm(k, &$2, true, &$4, &@$); }
	| error
	;

%%

void kshyyerror(struct ksh_loc *loc, void *scanner, struct kshc *k,
		const char *msg)
{
	(void)scanner;
	diag_report(&k->diags, DIAG_SYNTAX, loc, "%s", msg);
}

/* Bison's hook for a syntax error: hand the unexpected token and what
 * the grammar expected instead to syntax_err.c, which words the message. */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner,
				 struct kshc *k)
{
	yysymbol_kind_t kinds[YYNTOKENS];
	const char *expected[YYNTOKENS];
	int n = yypcontext_expected_tokens(ctx, kinds, YYNTOKENS);

	if (n < 0)
		n = 0;
	for (int i = 0; i < n; i++)
		expected[i] = yysymbol_name(kinds[i]);
	syntax_error_report(k, scanner,
			    yysymbol_name(yypcontext_token(ctx)),
			    yypcontext_location(ctx), expected, n);
	return 0;
}
