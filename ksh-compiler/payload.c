// SPDX-License-Identifier: MIT
/*
 * Payloads: every file a domain embeds (ELF, bzImage, initrd, disk
 * image). A relative path is looked up first next to the .ksh file that
 * names it, then in each -L directory in command-line order
 * (dsl/reference.md, "Payload search"). Each file is read once, measured
 * with SHA-256 (the digest the kernel checks before loading it), and
 * compared with the digest the .ksh expects, if it gives one.
 */
#include "kshc.h"

#include <errno.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define A (&k->ast)

/* Payloads above this are refused: bigger than any guest RAM we build. */
#define PAYLOAD_MAX_BYTES (1ull << 32)

/* Only readable regular files: a directory or a device (/dev/zero) is
 * never a payload. */
static bool payload_usable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, R_OK) == 0;
}

static const char *payload_find(struct kshc *k, const struct ksh_file *f)
{
	const char *cand;

	if (f->path[0] == '\0')
		return NULL;
	if (f->path[0] == '/')
		return payload_usable(f->path) ? f->path : NULL;
	cand = src_join(&k->arena, f->loc.src ? f->loc.src->dir : ".", f->path);
	if (payload_usable(cand))
		return cand;
	for (uint32_t i = 0; i < k->n_lib_dirs; i++) {
		cand = src_join(&k->arena, k->lib_dirs[i], f->path);
		if (payload_usable(cand))
			return cand;
	}
	return NULL;
}

/* Each payload file once in the -M list, in first-use order. */
static void payload_note_dep(struct kshc *k, const char *path)
{
	for (uint32_t i = 0; i < k->payload_files.n; i++)
		if (strcmp(k->payload_files.v[i], path) == 0)
			return;
	*VEC_PUSH(&k->arena, k->payload_files) = path;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* ksh_sha256_hex - lowercase hex of a digest, in the arena. */
static char *sha256_hex(struct kshc *k, const uint8_t d[32])
{
	char *s = arena_alloc(&k->arena, 65);

	for (int i = 0; i < 32; i++)
		snprintf(s + 2 * i, 3, "%02x", d[i]);
	return s;
}

static bool payload_measure(struct kshc *k, struct ksh_file *f,
			    const uint8_t **bytes)
{
	struct ksh_src *src = src_load(&k->arena, f->found, f->found);
	unsigned int len = 0;
	EVP_MD_CTX *md;
	bool ok;

	if (src == NULL) {
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "cannot read payload \"%s\": %s", f->found,
			    strerror(errno));
		return false;
	}
	if ((uint64_t)src->len > PAYLOAD_MAX_BYTES || src->len == 0) {
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "payload \"%s\" is %s", f->found,
			    src->len == 0 ? "empty" : "larger than 4 GiB");
		return false;
	}
	md = EVP_MD_CTX_new();
	ok = md != NULL && EVP_DigestInit_ex(md, EVP_sha256(), NULL) == 1 &&
	     EVP_DigestUpdate(md, src->text, src->len) == 1 &&
	     EVP_DigestFinal_ex(md, f->digest, &len) == 1 && len == 32;
	EVP_MD_CTX_free(md);
	if (!ok) {
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "cannot compute the SHA-256 of \"%s\"", f->found);
		return false;
	}
	f->size = src->len;
	*bytes = (const uint8_t *)src->text;
	return true;
}

static void payload_expect(struct kshc *k, const struct ksh_file *f)
{
	uint8_t want[32];

	if (f->sha256 == NULL)
		return;
	if (strlen(f->sha256) != 64)
		goto bad;
	for (int i = 0; i < 32; i++) {
		int hi = hexval(f->sha256[2 * i]),
		    lo = hexval(f->sha256[2 * i + 1]);

		if (hi < 0 || lo < 0)
			goto bad;
		want[i] = (uint8_t)(hi << 4 | lo);
	}
	if (memcmp(want, f->digest, 32) != 0) {
		diag_report(&k->diags, DIAG_PAYLOAD_DIGEST, &f->sha_loc,
			    "\"%s\" does not have the expected SHA-256",
			    f->path);
		diag_note(&k->diags, &f->loc, "%s has SHA-256 %s", f->found,
			  sha256_hex(k, f->digest));
	}
	return;
bad:
	diag_report(&k->diags, DIAG_PAYLOAD_DIGEST, &f->sha_loc,
		    "a SHA-256 digest is 64 hexadecimal digits");
}

enum payload_format { FMT_ANY, FMT_ELF, FMT_BZIMAGE };

/* A kernel must be what its domain kind loads: an ELF file (ELF spec,
 * e_ident: 0x7f 'E' 'L' 'F') for native and multiboot domains, a bzImage
 * for Linux ("HdrS" at offset 0x202, Linux x86 boot protocol, "The
 * real-mode kernel header"). */
static void payload_format(struct kshc *k, const struct ksh_file *f,
			   const uint8_t *b, enum payload_format fmt)
{
	bool elf = f->size >= 4 && memcmp(b,
					  "\x7f"
					  "ELF",
					  4) == 0;
	bool bz = f->size >= 0x206 && memcmp(b + 0x202, "HdrS", 4) == 0;

	if (fmt == FMT_ELF && bz)
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "\"%s\" is a Linux bzImage, not an ELF file: a "
			    "native or multiboot domain loads an ELF; boot a "
			    "bzImage in a domain declared ': linux'",
			    f->path);
	else if (fmt == FMT_ELF && !elf)
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "\"%s\" is not an ELF file", f->path);
	if (fmt == FMT_BZIMAGE && elf)
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "\"%s\" is an ELF file, not a Linux bzImage: a "
			    "linux domain boots a bzImage (the kernel's "
			    "arch/x86/boot/bzImage or /boot/vmlinuz-*); an "
			    "ELF kernel runs in a native or multiboot domain",
			    f->path);
	else if (fmt == FMT_BZIMAGE && !bz)
		diag_report(&k->diags, DIAG_PAYLOAD, &f->loc,
			    "\"%s\" is not a Linux bzImage (no \"HdrS\" "
			    "boot header at 0x202)",
			    f->path);
}

/* Find, read and measure one payload; keep its bytes for the in-memory
 * table check. */
static void payload_one(struct kshc *k, struct ksh_file *f,
			enum payload_format fmt)
{
	const uint8_t *bytes = NULL;
	char *abs;

	if (!f->set)
		return;
	f->found = payload_find(k, f);
	if (f->found == NULL) {
		payload_not_found(k, f);
		return;
	}
	payload_note_dep(k, f->found);
	abs = realpath(f->found, NULL);
	f->abs = arena_strdup(&k->arena, abs ? abs : f->found);
	free(abs);
	if (!payload_measure(k, f, &bytes))
		return;
	payload_expect(k, f);
	payload_format(k, f, bytes, fmt);
	f->bytes = bytes;
}

void ksh_payloads(struct kshc *k)
{
	for (uint32_t i = 0; i < A->domains.n; i++) {
		struct ast_domain *d = &A->domains.v[i];

		payload_one(k, &d->kernel,
			    d->kind == DOM_LINUX ? FMT_BZIMAGE : FMT_ELF);
		payload_one(k, &d->initrd, FMT_ANY);
		for (uint32_t v = 0; v < d->devices.n; v++)
			payload_one(k, &d->devices.v[v].disk, FMT_ANY);
	}
}
