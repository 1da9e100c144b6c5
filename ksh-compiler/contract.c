// SPDX-License-Identifier: MIT
/* Reading the runtime contract; see contract.h. */
#include "contract.h"

#include <errno.h>
#include <jansson.h>
#include <ksh/features.h>
#include <ksh/tables.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct ksh_contract ksh_contract_builtin = {
    .version = KSHC_VERSION,
    .table_format = KSH_TABLES_VERSION,
    .enforced = KSH_FEATURES_ENFORCED,
    .origin = "built-in",
};

static int fail(char *err, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return -1;
}

/* The bit kshc knows under @name, or -1. */
static int feature_by_name(const char *name)
{
	for (unsigned b = 0; b < 64; b++)
		if (ksh_feature_name(b) && !strcmp(ksh_feature_name(b), name))
			return (int)b;
	return -1;
}

static int read_features(struct ksh_contract *c, json_t *list, char *err,
			 size_t n)
{
	size_t i;
	json_t *e;

	if (!json_is_array(list))
		return fail(err, n, "\"features\" is not a list");
	json_array_foreach(list, i, e)
	{
		json_t *name = json_object_get(e, "name");
		json_t *bit = json_object_get(e, "bit");
		json_t *on = json_object_get(e, "enforced");
		int b;

		if (!json_is_string(name) || !json_is_integer(bit) ||
		    !json_is_boolean(on))
			return fail(err, n,
				    "feature %zu lacks a name, bit or "
				    "enforced flag",
				    i);
		b = feature_by_name(json_string_value(name));
		if (b < 0)
			continue; /* a newer runtime's; kshc cannot emit it */
		if (json_integer_value(bit) != b)
			return fail(err, n,
				    "feature \"%s\" has bit %lld, kshc knows "
				    "it as bit %d",
				    json_string_value(name),
				    (long long)json_integer_value(bit), b);
		if (json_is_true(on))
			c->enforced |= KSH_FEAT_BIT(b);
	}
	return 0;
}

int ksh_contract_load(struct ksh_contract *c, const char *path, char *err,
		      size_t err_size)
{
	json_error_t je;
	json_t *root, *fmt, *ver, *tf;
	FILE *f = fopen(path, "r");
	int rc = -1;

	memset(c, 0, sizeof(*c));
	if (f == NULL)
		return fail(err, err_size, "%s: %s", path, strerror(errno));
	root = json_loadf(f, JSON_REJECT_DUPLICATES, &je);
	fclose(f);
	if (root == NULL)
		return fail(err, err_size, "%s:%d: not valid JSON: %s", path,
			    je.line, je.text);
	fmt = json_object_get(root, "contract_format");
	ver = json_object_get(root, "version");
	tf = json_object_get(root, "table_format");
	if (!json_is_object(root) ||
	    !json_is_string(json_object_get(root, "runtime")) ||
	    strcmp(json_string_value(json_object_get(root, "runtime")),
		   "ksh") != 0) {
		fail(err, err_size, "%s: not a ksh runtime contract", path);
	} else if (!json_is_integer(fmt) ||
		   json_integer_value(fmt) != KSH_CONTRACT_FORMAT) {
		fail(err, err_size, "%s: contract format is not %u", path,
		     KSH_CONTRACT_FORMAT);
	} else if (!json_is_string(ver) || !json_is_integer(tf)) {
		fail(err, err_size, "%s: no version or table format", path);
	} else if (json_integer_value(tf) != KSH_TABLES_VERSION) {
		fail(err, err_size,
		     "%s: the runtime reads table format %lld, kshc writes "
		     "format %u",
		     path, (long long)json_integer_value(tf),
		     KSH_TABLES_VERSION);
	} else if (read_features(c, json_object_get(root, "features"), err,
				 err_size) == 0) {
		c->version = c->owned[0] = strdup(json_string_value(ver));
		c->origin = c->owned[1] = strdup(path);
		c->table_format = KSH_TABLES_VERSION;
		rc = c->version && c->origin
			 ? 0
			 : fail(err, err_size, "out of memory");
	} else {
		/* read_features said why; say where */
		char why[256];

		snprintf(why, sizeof(why), "%s", err);
		fail(err, err_size, "%s: %s", path, why);
	}
	json_decref(root);
	if (rc != 0)
		ksh_contract_free(c);
	return rc;
}

void ksh_contract_free(struct ksh_contract *c)
{
	free(c->owned[0]);
	free(c->owned[1]);
	memset(c, 0, sizeof(*c));
}
