// SPDX-License-Identifier: MIT
/*
 * Fuzz target for the kshc front end (libFuzzer entry point): the input
 * is a .ksh file; it goes through every pass up to the finished tables,
 * the in-memory JSON document and the text dump. Any crash, sanitizer
 * report or leak is a bug: bad input must only ever produce diagnostics.
 * Built by `make fuzz-kshc` with clang -fsanitize=fuzzer,address,undefined
 * and, for `make check`, with tests/fuzz/kshc_replay.c as a plain driver
 * that replays the kept corpus and every crash ever found.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kshc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *libs[] = {"tests/kshc/payloads"};
	static FILE *devnull;
	struct kshc k;

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	kshc_init(&k);
	k.diags.out = devnull;
	k.lib_dirs = libs;
	k.n_lib_dirs = 1;
	ksh_parse_memory(&k, "fuzz.ksh", (const char *)data, size);
	if (k.diags.errors == 0)
		ksh_resolve(&k);
	if (k.diags.errors == 0) {
		ksh_payloads(&k);
		ksh_run_checks(&k);
	}
	if (k.diags.errors == 0) {
		ksh_layout(&k);
		ksh_policy(&k);
		ksh_finish_tables(&k);
		ksh_run_post_checks(&k);
	}
	if (k.diags.errors == 0) {
		const char *err;

		/* What kshc emits must pass the kernel's validator. */
		if (ksh_tables_validate(&k.out.t, &err) != 0) {
			fprintf(stderr, "tables refused: %s\n", err);
			__builtin_trap();
		}
		/* Stricter than the validator: every memory-channel end
		 * names a mapping of its own domain. */
		for (uint32_t e = 0; e < k.out.t.n_endpoints; e++) {
			const struct ksh_endpoint *ep = &k.out.t.endpoints[e];

			if (k.out.t.channels[ep->channel].kind ==
				KSH_CHANNEL_MEMORY &&
			    ep->mapping == KSH_NONE) {
				fprintf(stderr,
					"memory endpoint %u has no "
					"mapping\n",
					e);
				__builtin_trap();
			}
		}
		ksh_emit_json(&k, "/dev/null");
		ksh_dump(&k, "/dev/null");
	}
	kshc_fini(&k);
	return 0;
}
