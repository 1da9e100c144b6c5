// SPDX-License-Identifier: MIT
/* kshc passes one by one: resolve (constants, defaults, kinds), layout
 * (placement rules), policy (deny wins, first allow, attributes, flows),
 * checks (each reports under its name) and diagnostics (-Werror, notes). */
#include <criterion/criterion.h>

#include "../kshc/harness.h"

Test(kshc_resolve, constants_and_defaults)
{
	struct kshc k;

	/* two CPUs: the default affinity is every CPU of the platform
	 * (layout only; today's runtime refuses cpus 2, not-enforced) */
	cr_assert_eq(kh_compile_for(&k,
				    "const R = 4M; const S = R;\n"
				    "system \"t\" { platform { cpus 2; } "
				    "schedule { major 1ms; cpu 0 { a 1ms; } "
				    "} }\n"
				    "level lo < hi;\n"
				    "domain a : native \"hello.elf\" { memory "
				    "S; }\n",
				    &kh_contract_all),
		     0, "%s", kh_diags);
	cr_assert_eq(k.out.t.domains[0].ram_size, 4u << 20);
	/* defaults: 1 vCPU, all CPUs, the lowest level, a type of its own */
	cr_assert_eq(k.out.t.domains[0].vcpus, 1);
	cr_assert_eq(k.out.t.domains[0].cpu_affinity, 3);
	cr_assert_eq(k.out.t.domains[0].level, 0);
	cr_assert_str_eq(k.out.t.types[k.out.t.domains[0].type].name, "a");
	kh_done(&k);
}

Test(kshc_resolve, constant_cycle_is_reported)
{
	struct kshc k;

	cr_assert_eq(kh_compile(&k, "const A = B; const B = A;\n" KH_SYS
				    "shared s { size A; map a rw; }\n"),
		     1, "%s", kh_diags);
	cr_assert(strstr(kh_diags, "in terms of itself"), "%s", kh_diags);
	kh_done(&k);
}

Test(kshc_layout, explicit_addresses_are_stepped_over)
{
	struct kshc k;
	const struct ksh_mapping *m;

	/* s1 is placed by hand at the first automatic slot; s2 (4 KiB)
	 * must go after it, 2 MiB windows 2 MiB aligned. */
	cr_assert_eq(kh_compile(&k, KH_SYS
				"shared s1 { size 2M; map a rw at 0x40000000; "
				"map b r; }\n"
				"shared s2 { size 4K; map a rw; map b r; }\n"),
		     0, "%s", kh_diags);
	m = &k.out.t.mappings[k.out.t.domains[0].first_mapping];
	cr_assert_eq(m[1].gpa, 0x40000000);
	cr_assert_eq(m[2].gpa, 0x40200000);
	cr_assert_eq(m[2].size, 0x1000);
	m = &k.out.t.mappings[k.out.t.domains[1].first_mapping];
	cr_assert_eq(m[1].gpa, 0x40000000);
	cr_assert_eq(m[1].rights, KSH_R);
	cr_assert_eq(m[2].gpa, 0x40200000);
	kh_done(&k);
}

Test(kshc_layout, ram_alignment_follows_size)
{
	struct kshc k;

	cr_assert_eq(kh_compile(&k, "system \"t\" { platform { cpus 1; } "
				    "schedule { major 1ms; cpu 0 { a 1ms; } "
				    "} }\n"
				    "domain a : native \"hello.elf\" { memory "
				    "3M; }\n"),
		     0, "%s", kh_diags);
	cr_assert_eq(k.out.t.memobjs[0].align, 0x1000);
	kh_done(&k);
}

static const struct ksh_decision *dec(struct kshc *k, uint32_t dom,
				      uint32_t handle, uint32_t method)
{
	const struct ksh_endpoint *e =
	    &k->out.t.endpoints[k->out.t.domains[dom].first_endpoint + handle];

	return &k->out.t.decisions[e->first_decision + method];
}

Test(kshc_policy, deny_wins_first_allow_decides)
{
	struct kshc k;

	cr_assert_eq(kh_compile(&k, KH_SYS
				"type ta;\n"
				"channel c : message a -> b { methods { x(); "
				"y(); z(); } }\n"
				"policy {\n"
				" allow a b : c { x, y };\n"
				" allow * * : c audit;\n"
				" deny a * : c { y };\n"
				"}\n"),
		     0, "%s", kh_diags);
	cr_assert_eq(dec(&k, 0, 0, 0)->flags, KSH_DEC_ALLOW);
	cr_assert_eq(dec(&k, 0, 0, 0)->rule, 0);
	cr_assert_eq(dec(&k, 0, 0, 1)->flags, 0);
	cr_assert_eq(dec(&k, 0, 0, 1)->rule, 2);
	cr_assert_eq(dec(&k, 0, 0, 2)->flags, KSH_DEC_ALLOW | KSH_DEC_AUDIT);
	/* the receiver's endpoint carries the same decisions */
	cr_assert_eq(dec(&k, 1, 0, 2)->flags, KSH_DEC_ALLOW | KSH_DEC_AUDIT);
	kh_done(&k);
}

Test(kshc_policy, attributes_and_default_deny)
{
	struct kshc k;

	cr_assert_eq(kh_compile(&k, "system \"t\" { platform { cpus 1; } "
				    "schedule { major 9ms; cpu 0 { a 3ms; b "
				    "3ms; c 3ms; } } }\n"
				    "type ta, tb, tc; attribute ab = ta, tb;\n"
				    "domain a : native \"hello.elf\" { memory "
				    "2M; type ta; }\n"
				    "domain b : native \"hello.elf\" { memory "
				    "2M; type tb; }\n"
				    "domain c : native \"hello.elf\" { memory "
				    "2M; type tc; }\n"
				    "channel ab1 : message a -> b { methods { "
				    "m(); } }\n"
				    "channel cb1 : message c -> b { methods { "
				    "m(); } }\n"
				    "policy { allow ab ab : * { m }; }\n"),
		     0, "%s", kh_diags);
	cr_assert_eq(dec(&k, 0, 0, 0)->flags, KSH_DEC_ALLOW);
	cr_assert_eq(dec(&k, 2, 0, 0)->flags, 0); /* c is not in ab */
	cr_assert_eq(dec(&k, 2, 0, 0)->rule, KSH_NONE);
	kh_done(&k);
}

Test(kshc_policy, flow_states_and_transitions)
{
	struct kshc k;
	const struct ksh_fsm *f;

	cr_assert_eq(
	    kh_compile(&k,
		       KH_SYS "channel c : message a -> b { methods { "
			      "open(); use(); close(); } }\n"
			      "policy { allow a b : c;\n"
			      " flow f on c { states shut, open; initial "
			      "shut;\n"
			      "  shut -open-> open; open -close-> shut;\n"
			      "  in shut allow open; in open deny open; } }\n"),
	    0, "%s", kh_diags);
	cr_assert_eq(dec(&k, 0, 0, 0)->allowed_states, 0x1); /* open */
	cr_assert_eq(dec(&k, 0, 0, 1)->allowed_states, 0x2); /* use */
	cr_assert_eq(dec(&k, 0, 0, 2)->allowed_states, 0x2); /* close */
	f = &k.out.t.fsms[0];
	cr_assert_eq(k.out.t.fsm_next[f->first_next + 0 * 3 + 0], 1);
	cr_assert_eq(k.out.t.fsm_next[f->first_next + 1 * 3 + 2], 0);
	cr_assert_eq(k.out.t.fsm_next[f->first_next + 1 * 3 + 1], KSH_NONE);
	kh_done(&k);
}

Test(kshc_policy, handles_follow_declaration_order)
{
	struct kshc k;

	cr_assert_eq(kh_compile(&k, KH_SYS
				"channel z : memory b -> a { size 4K; }\n"
				"channel y : message a -> b { methods { m(); "
				"} }\n"
				"policy { allow a b : y; }\n"),
		     0, "%s", kh_diags);
	/* a: handle 0 = z (reader), handle 1 = y (sender) */
	cr_assert_eq(k.out.t.endpoints[0].channel, 0);
	cr_assert_eq(k.out.t.endpoints[0].role, KSH_ROLE_READER);
	cr_assert_eq(k.out.t.endpoints[1].channel, 1);
	cr_assert_eq(k.out.t.endpoints[1].role, KSH_ROLE_SENDER);
	/* the reader's endpoint names its read-only window mapping */
	cr_assert_eq(k.out.t.mappings[k.out.t.endpoints[0].mapping].rights,
		     KSH_R);
	kh_done(&k);
}

Test(kshc_checks, werror_promotes_warnings)
{
	struct kshc k;

	static const char *libs[] = {"tests/kshc/payloads"};

	kshc_init(&k);
	k.lib_dirs = libs;
	k.n_lib_dirs = 1;
	k.diags.werror = 1;
	k.diags.out = open_memstream(&kh_diags, &kh_len);
	ksh_parse_memory(&k, "t.ksh", KH_SYS "type unused_t;\n",
			 strlen(KH_SYS "type unused_t;\n"));
	ksh_resolve(&k);
	ksh_payloads(&k);
	ksh_run_checks(&k);
	ksh_layout(&k);
	ksh_policy(&k);
	ksh_finish_tables(&k);
	ksh_run_post_checks(&k);
	fclose(k.diags.out);
	cr_assert_eq(k.diags.errors, 1, "%s", kh_diags);
	cr_assert(strstr(kh_diags, "error[unused]"), "%s", kh_diags);
	kh_done(&k);
}

Test(kshc_checks, every_check_has_a_function_and_a_name)
{
	for (unsigned i = 0; i < ksh_n_checks; i++) {
		cr_assert_not_null(ksh_checks[i].fn);
		cr_assert_not_null(ksh_diag_table[ksh_checks[i].id].name);
	}
	for (int i = 0; i < DIAG_COUNT; i++)
		cr_assert_eq(diag_by_name(ksh_diag_table[i].name), i);
}

Test(kshc_checks, one_run_reports_every_problem)
{
	struct kshc k;

	/* three independent problems, three checks */
	cr_assert_eq(kh_compile(&k, "system \"t\" { platform { cpus 1; "
				    "memory 3M; } schedule { major 10ms; cpu "
				    "0 { a 5ms; b 6ms; } } }\n"
				    "domain a : linux { kernel \"vmlinuz\"; "
				    "memory 2M; device uart u1; device uart "
				    "u2 { port 0x2f8; } }\n"
				    "domain b : native \"hello.elf\" { memory "
				    "2M; }\n"),
		     3, "%s", kh_diags);
	cr_assert(strstr(kh_diags, "[memory-budget]"), "%s", kh_diags);
	cr_assert(strstr(kh_diags, "[irq-conflict]"), "%s", kh_diags);
	cr_assert(strstr(kh_diags, "[schedule-overrun]"), "%s", kh_diags);
	kh_done(&k);
}

Test(kshc_layout, many_readers_each_get_their_window)
{
	static char src[4096];
	struct kshc k;
	int n = 0;

	/* 12 readers: more than a vector's first capacity, so a window
	 * recorded before the list grew would be lost. */
	n += snprintf(src + n, sizeof(src) - (size_t)n,
		      "system \"t\" { platform { cpus 1; } schedule { major "
		      "13ms; cpu 0 { w 1ms;");
	for (int i = 0; i < 12; i++)
		n += snprintf(src + n, sizeof(src) - (size_t)n, " r%d 1ms;", i);
	n += snprintf(src + n, sizeof(src) - (size_t)n,
		      " } } }\ndomain w : native \"hello.elf\" { memory 2M; "
		      "}\n");
	for (int i = 0; i < 12; i++)
		n += snprintf(src + n, sizeof(src) - (size_t)n,
			      "domain r%d : native \"hello.elf\" { memory 2M; "
			      "}\n",
			      i);
	n += snprintf(src + n, sizeof(src) - (size_t)n,
		      "channel c : memory w -> r0");
	for (int i = 1; i < 12; i++)
		n += snprintf(src + n, sizeof(src) - (size_t)n, ", r%d", i);
	snprintf(src + n, sizeof(src) - (size_t)n, " { size 8K; }\n");
	cr_assert_eq(kh_compile(&k, src), 0, "%s", kh_diags);
	cr_assert_eq(k.out.t.n_endpoints, 13);
	for (uint32_t e = 0; e < 13; e++) {
		const struct ksh_endpoint *ep = &k.out.t.endpoints[e];

		cr_assert_neq(ep->mapping, KSH_NONE, "endpoint %u", e);
		cr_assert_eq(k.out.t.mappings[ep->mapping].domain, ep->domain);
		cr_assert_eq(k.out.t.mappings[ep->mapping].gpa, 0x40000000);
		cr_assert_eq(k.out.t.mappings[ep->mapping].rights,
			     e == 0 ? (KSH_R | KSH_W) : KSH_R);
	}
	kh_done(&k);
}
