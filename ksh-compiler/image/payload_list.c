// SPDX-License-Identifier: MIT
/* Payload list from payloads.S: see payload_list.h. */
#include "payload_list.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

int payload_incbin_operand(const char *line, char *out, size_t size)
{
	const char *p = line + strspn(line, " \t");
	size_t n = 0;

	if (strncmp(p, ".incbin", 7) != 0 || (p[7] != ' ' && p[7] != '\t'))
		return 0;
	p += 7;
	p += strspn(p, " \t");
	if (*p++ != '"')
		return -1;
	/* GNU as string escapes: only \\ and \" can occur in a path kshc
	 * writes (as manual, "Strings"). */
	for (; *p && *p != '"'; p++) {
		if (*p == '\\' && (p[1] == '\\' || p[1] == '"'))
			p++;
		else if (*p == '\\')
			return -1;
		if (n + 1 >= size)
			return -1;
		out[n++] = *p;
	}
	if (*p != '"' || n == 0)
		return -1;
	out[n] = '\0';
	return 1;
}

static int payload_list_has(const struct payload_list *l, const char *path)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].path, path))
			return 1;
	return 0;
}

static int sha256_file(const char *path, uint8_t out[32])
{
	FILE *f = fopen(path, "rb");
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned char buf[65536];
	unsigned int len = 0;
	size_t n;
	int ok;

	ok = f && ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	while (ok && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		ok = EVP_DigestUpdate(ctx, buf, n);
	ok = ok && !ferror(f) && EVP_DigestFinal_ex(ctx, out, &len);
	if (f)
		fclose(f);
	EVP_MD_CTX_free(ctx);
	return ok ? 0 : -1;
}

int payload_list_read(struct payload_list *l, const char *asm_path,
		      const char *base, char *err, size_t errsz)
{
	FILE *f = fopen(asm_path, "r");
	char line[PATH_MAX + 64], path[PATH_MAX], full[PATH_MAX];
	unsigned lineno = 0;
	int rc = -1, k;

	l->v = NULL;
	l->n = 0;
	if (!f) {
		snprintf(err, errsz, "%s: %s", asm_path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct payload_entry *v;

		lineno++;
		k = payload_incbin_operand(line, path, sizeof(path));
		if (k == 0)
			continue;
		if (k < 0) {
			snprintf(err, errsz, "%s:%u: malformed .incbin",
				 asm_path, lineno);
			goto out;
		}
		if (path[0] == '/') {
			memcpy(full, path, strlen(path) + 1);
		} else {
			size_t lb = strlen(base), lp = strlen(path);

			if (lb + lp + 2 > sizeof(full)) {
				snprintf(err, errsz, "payload path too long");
				goto out;
			}
			memcpy(full, base, lb);
			full[lb] = '/';
			memcpy(full + lb + 1, path, lp + 1);
		}
		if (payload_list_has(l, path))
			continue; /* two domains may embed the same file */
		v = realloc(l->v, (l->n + 1) * sizeof(*v));
		if (!v) {
			snprintf(err, errsz, "out of memory");
			goto out;
		}
		l->v = v;
		v[l->n].path = strdup(path);
		if (!v[l->n].path) {
			snprintf(err, errsz, "out of memory");
			goto out;
		}
		l->n++;
		if (sha256_file(full, v[l->n - 1].sha256) < 0) {
			snprintf(err, errsz, "payload %s: cannot read: %s",
				 path, strerror(errno));
			goto out;
		}
	}
	rc = 0;
out:
	fclose(f);
	if (rc < 0)
		payload_list_free(l);
	return rc;
}

void payload_list_free(struct payload_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
