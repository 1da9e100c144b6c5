// SPDX-License-Identifier: MIT
/*
 * Measuring and loading payloads before ExitBootServices. Each payload's
 * SHA-256 is compared with the digest kshc put in the tables (measured at
 * build time); a mismatch refuses that domain, with a message, and the
 * others start. Loading goes through the pure loaders (ksh/loader.h).
 */
#define KSH_EFI_TYPES
#include "boot.h"

#include <ksh/kprintf.h>
#include <ksh/native.h>

/* Loaders are resolved weakly: an image whose kernel library lacks one
 * refuses that kind of domain by name instead of failing to link. */
#pragma weak loader_native
#pragma weak loader_multiboot
#pragma weak loader_linux

static int digest_ok(const struct ksh_payload *p)
{
	uint8_t got[32];
	uint8_t diff = 0;

	boot_sha256(p->data, p->size, got);
	for (int i = 0; i < 32; i++)
		diff |= (uint8_t)(got[i] ^ p->sha256[i]);
	return diff == 0;
}

/* The domain's RAM: its RAM object mapped at guest-physical 0. */
static int find_ram(const struct boot_info *bi, uint32_t dom,
		    struct guest_ram *ram)
{
	const struct ksh_tables *t = bi->tables;
	const struct ksh_domain *d = &t->domains[dom];

	for (uint32_t i = 0; i < d->n_mappings; i++) {
		const struct ksh_mapping *m =
		    &t->mappings[d->first_mapping + i];
		const struct ksh_memobj *o = &t->memobjs[m->memobj];

		if (m->gpa == 0 && o->kind == KSH_MEMOBJ_RAM &&
		    o->owner == dom && m->size >= d->ram_size) {
			ram->base =
			    (uint8_t *)(uintptr_t)(bi->memobj_hpa[m->memobj] +
						   m->offset);
			ram->size = d->ram_size;
			return 0;
		}
	}
	return -1;
}

static void refuse(struct boot_domain *bd, const char *name, const char *why)
{
	bd->status = -1;
	bd->why = why;
	kprintf("ksh: domain %s refused: %s\n", name, why);
}

/* The info page's handle table is built on the stack: 2.5 KiB, well
 * inside the boot stack UEFI gives us (UEFI spec 2.3.4: at least 128 KiB). */
static int load_native(const struct ksh_tables *t, uint32_t i,
		       const struct guest_ram *ram, const struct ksh_payload *k,
		       struct vcpu_start *start, const char **why)
{
	struct ksh_native_handle h[KSH_NATIVE_HANDLES_MAX];

	/* Describes min(endpoints, _MAX) handles: as many as the page holds. */
	loader_native_handles(t, i, h, KSH_NATIVE_HANDLES_MAX);
	return loader_native(ram, k->data, k->size, i, t->domains[i].name, h,
			     t->domains[i].n_endpoints, start, why);
}

static void load_domain(struct boot_info *bi, uint32_t i)
{
	const struct ksh_tables *t = bi->tables;
	const struct ksh_domain *d = &t->domains[i];
	const struct ksh_payload *k = &t->payloads[d->kernel];
	const struct ksh_payload *rd =
	    d->initrd != KSH_NONE ? &t->payloads[d->initrd] : NULL;
	struct boot_domain *bd = &bi->domains[i];
	struct guest_ram ram;
	const char *why = NULL;
	int rc;

	bd->status = 0;
	if (!digest_ok(k) || (rd != NULL && !digest_ok(rd))) {
		refuse(bd, d->name,
		       "payload SHA-256 does not match the digest in the "
		       "tables");
		return;
	}
	if (find_ram(bi, i, &ram) != 0) {
		refuse(bd, d->name, "no RAM object mapped at guest-physical 0");
		return;
	}
	why = "this image has no loader for the domain's kind";
	rc = -1;
	switch (d->kind) {
	case KSH_DOMAIN_NATIVE:
		if (loader_native == NULL)
			break;
		rc = load_native(t, i, &ram, k, &bd->start, &why);
		break;
	case KSH_DOMAIN_MULTIBOOT:
		if (loader_multiboot == NULL)
			break;
		rc = loader_multiboot(&ram, k->data, k->size, d->cmdline,
				      &bd->start, &why);
		break;
	case KSH_DOMAIN_LINUX:
		if (loader_linux == NULL)
			break;
		rc = loader_linux(
		    &ram, k->data, k->size, rd != NULL ? rd->data : NULL,
		    rd != NULL ? rd->size : 0, d->cmdline, &bd->start, &why);
		break;
	default:
		why = "unknown domain kind";
		break;
	}
	if (rc != 0) {
		refuse(bd, d->name, why != NULL ? why : "loader failed");
		return;
	}
	kprintf("ksh: domain %s: payload %s verified (SHA-256) and loaded, "
		"entry %lx\n",
		d->name, k->name, bd->start.rip);
}

void boot_load_domains(struct boot_info *bi)
{
	for (uint32_t i = 0; i < bi->tables->n_domains; i++)
		load_domain(bi, i);
}
