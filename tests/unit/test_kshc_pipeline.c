// SPDX-License-Identifier: MIT
/* kshc passes end to end in memory: a source string goes through parse,
 * resolve, payloads, checks, layout and policy, and the resulting tables
 * must pass the kernel's own validator (kernel/core/tables_check.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../kshc/harness.h"

static const char hello[] =
    "system \"t\" { platform { cpus 1; memory 64M; }\n"
    "  schedule { major 10ms; cpu 0 { a 5ms; b 5ms; } } }\n"
    "domain a : native \"hello.elf\" { memory 2M; }\n"
    "domain b : native \"hello.elf\" { memory 4M; }\n"
    "channel c : message a -> b { methods { m(x); n(); } }\n"
    "channel w : memory a -> b { size 3M; }\n"
    "policy { allow a b : c { m }; }\n";

Test(kshc_pipeline, hello_tables_validate)
{
	struct kshc k;
	const char *err = NULL;

	cr_assert_eq(kh_compile(&k, hello), 0, "%s", kh_diags);
	cr_assert_eq(ksh_tables_validate(&k.out.t, &err), 0, "%s", err);
	cr_assert_eq(k.out.t.n_domains, 2);
	/* a: RAM + window; b: RAM + window */
	cr_assert_eq(k.out.t.n_mappings, 4);
	cr_assert_eq(k.out.t.n_decisions, 4); /* 2 endpoints x 2 methods */
	cr_assert_eq(k.out.t.decisions[0].flags, KSH_DEC_ALLOW);
	cr_assert_eq(k.out.t.decisions[1].flags, 0); /* n: no rule */
	kh_done(&k);
}

Test(kshc_pipeline, layout_places_windows_above_ram)
{
	struct kshc k;
	const struct ksh_mapping *m;

	cr_assert_eq(kh_compile(&k, hello), 0, "%s", kh_diags);
	/* 3 MiB window: not a 2 MiB multiple, so 4 KiB alignment at
	 * align_up(2 MiB, 1 GiB) in a, and writer rights. */
	m = &k.out.t.mappings[k.out.t.domains[0].first_mapping + 1];
	cr_assert_eq(m->gpa, 0x40000000ull);
	cr_assert_eq(m->rights, KSH_R | KSH_W);
	m = &k.out.t.mappings[k.out.t.domains[1].first_mapping + 1];
	cr_assert_eq(m->rights, KSH_R);
	cr_assert_eq(k.out.t.memobjs[0].align, 0x200000);
	/* message queue: 16 slots of align_up(4096 + 16, 64) bytes */
	cr_assert_eq(k.out.t.memobjs[2].kind, KSH_MEMOBJ_QUEUE);
	cr_assert_eq(k.out.t.memobjs[2].size,
		     16 * 4160 + 0x1000 - (16 * 4160) % 0x1000);
	kh_done(&k);
}

Test(kshc_pipeline, schedule_filled_with_idle)
{
	struct kshc k;
	static const char src[] =
	    "system \"t\" { platform { cpus 2; }\n"
	    "  schedule { major 10ms; cpu 0 { a 3ms; } } }\n"
	    "domain a : native \"hello.elf\" { memory 2M; }\n";

	/* layout of a second CPU's idle plan (kh_contract_all: the
	 * runtime refuses cpus 2 today) */
	cr_assert_eq(kh_compile_for(&k, src, &kh_contract_all), 0, "%s",
		     kh_diags);
	cr_assert_eq(k.out.t.n_frames, 3);
	cr_assert_eq(k.out.t.frames[1].domain, KSH_IDLE);
	cr_assert_eq(k.out.t.frames[1].start_ns, 3000000);
	cr_assert_eq(k.out.t.frames[1].length_ns, 7000000);
	cr_assert_eq(k.out.t.frames[2].cpu, 1);
	cr_assert_eq(k.out.t.frames[2].length_ns, 10000000);
	kh_done(&k);
}

Test(kshc_pipeline, syntax_errors_all_reported)
{
	struct kshc k;

	cr_assert_eq(kh_compile(&k, "domain a : native { memory ; }\n"
				    "type t;\ntype ;\n"),
		     2, "%s", kh_diags);
	cr_assert(strstr(kh_diags, "t.ksh:1:"), "%s", kh_diags);
	cr_assert(strstr(kh_diags, "t.ksh:3:6: error[syntax]"), "%s", kh_diags);
	kh_done(&k);
}
