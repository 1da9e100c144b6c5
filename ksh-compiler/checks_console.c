// SPDX-License-Identifier: MIT
/*
 * console-input: the platform's serial console feeds at most one UART,
 * and only a Linux domain's (the kernel models devices for Linux domains
 * only; a native domain's UART would never read the bytes). Meaning and
 * example in dsl/checks.md.
 */
#include "checks.h"

#define A (&k->ast)

void chk_console_input(struct kshc *k)
{
	const struct ast_device *first = NULL;

	for (uint32_t i = 0; i < A->domains.n; i++) {
		const struct ast_domain *d = &A->domains.v[i];

		for (uint32_t a = 0; a < d->devices.n; a++) {
			const struct ast_device *x = &d->devices.v[a];

			if (!x->console || x->model != VDEV_UART)
				continue; /* a non-UART: device-config */
			if (d->kind != DOM_LINUX) {
				diag_report(&k->diags, DIAG_CONSOLE_INPUT,
					    &x->console_loc,
					    "console input goes to a Linux "
					    "domain's UART; \"%s\" is not a "
					    "Linux domain",
					    d->name.s);
				continue;
			}
			if (first == NULL) {
				first = x;
				continue;
			}
			diag_report(&k->diags, DIAG_CONSOLE_INPUT,
				    &x->console_loc,
				    "\"%s\" of \"%s\" is a second console "
				    "input device; at most one UART receives "
				    "the console",
				    x->name.s, d->name.s);
			diag_note(&k->diags, &first->console_loc,
				  "\"%s\" already receives it", first->name.s);
		}
	}
}
