// SPDX-License-Identifier: MIT
/* kshc against the runtime contract: the not-enforced check reads the
 * contract it is given (built-in or loaded), and ksh_contract_load refuses
 * every malformed contract file with a reason naming it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <unistd.h>

#include "../kshc/harness.h"

static const char cpus2[] =
    "system \"t\" { platform { cpus 2; } schedule { major 10ms; "
    "cpu 0 { a 10ms; } } }\n"
    "domain a : native \"hello.elf\" { memory 2M; affinity 0; }\n";

Test(kshc_contract, builtin_refuses_at_the_construct)
{
	struct kshc k;

	cr_assert_eq(kh_compile(&k, cpus2), 1, "%s", kh_diags);
	cr_assert(strstr(kh_diags,
			 "t.ksh:1:30: error[not-enforced]: 'cpus 2' is not "
			 "enforced by ksh runtime " KSHC_VERSION
			 " (table format 1)"),
		  "%s", kh_diags);
	cr_assert(strstr(kh_diags, "(feature smp)"), "%s", kh_diags);
	kh_done(&k);
}

Test(kshc_contract, a_runtime_that_enforces_it_accepts)
{
	struct kshc k;

	cr_assert_eq(kh_compile_for(&k, cpus2, &kh_contract_all), 0, "%s",
		     kh_diags);
	kh_done(&k);
}

/* A contract that takes back something the built-in one has: the check
 * follows the contract, and names that runtime's version. */
Test(kshc_contract, follows_the_given_contract)
{
	static const char lx[] =
	    "system \"t\" { platform { cpus 1; } schedule { major 10ms; "
	    "cpu 0 { lx 10ms; } } }\n"
	    "domain lx : linux { memory 64M; kernel \"bzImage\";\n"
	    "  device uart com1 { port 0x3f8; irq 4; } }\n";
	struct ksh_contract c = ksh_contract_builtin;
	struct kshc k;

	cr_assert_eq(kh_compile(&k, lx), 0, "%s", kh_diags);
	kh_done(&k);
	c.version = "9.8.7";
	c.enforced &= ~KSH_FEAT_BIT(KSH_FEAT_DEV_LINUX_UART);
	cr_assert_eq(kh_compile_for(&k, lx, &c), 1, "%s", kh_diags);
	cr_assert(strstr(kh_diags, "t.ksh:3:10: error[not-enforced]: 'device "
				   "uart' in a linux domain is not enforced "
				   "by ksh runtime 9.8.7 (table format 1)"),
		  "%s", kh_diags);
	cr_assert(strstr(kh_diags, "(feature device-uart-linux)"), "%s",
		  kh_diags);
	kh_done(&k);
}

/* ---- contract files ---------------------------------------------------- */

static char path[64];

static void write_file(const char *text)
{
	int fd;
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/kshc-contract-XXXXXX");
	fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	f = fdopen(fd, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static int load(const char *text, struct ksh_contract *c, char *err, size_t n)
{
	int rc;

	write_file(text);
	rc = ksh_contract_load(c, path, err, n);
	unlink(path);
	return rc;
}

#define HEAD                                                                   \
	"{\"contract_format\": 1, \"runtime\": \"ksh\", \"version\": "         \
	"\"1.2.3\", \"table_format\": 1, \"features\": ["

Test(kshc_contract, loads_a_file)
{
	struct ksh_contract c;
	char err[512];

	cr_assert_eq(load(HEAD "{\"name\": \"smp\", \"bit\": 0, \"enforced\": "
			       "true},"
			       "{\"name\": \"device-uart-linux\", \"bit\": 17, "
			       "\"enforced\": false},"
			       "{\"name\": \"from-the-future\", \"bit\": 63, "
			       "\"enforced\": true}]}",
			  &c, err, sizeof(err)),
		     0, "%s", err);
	cr_assert_str_eq(c.version, "1.2.3");
	cr_assert_eq(c.table_format, KSH_TABLES_VERSION);
	/* listed and on; listed and off; not listed: off; unknown: ignored */
	cr_assert_eq(c.enforced, KSH_FEAT_BIT(KSH_FEAT_SMP));
	cr_assert(strstr(c.origin, "/tmp/kshc-contract-"));
	ksh_contract_free(&c);
}

static void refused(const char *text, const char *why)
{
	struct ksh_contract c;
	char err[512];

	cr_assert_eq(load(text, &c, err, sizeof(err)), -1, "accepted %s", text);
	cr_assert(strstr(err, path) != NULL, "'%s' does not name the file",
		  err);
	cr_assert(strstr(err, why) != NULL, "'%s' lacks '%s'", err, why);
	cr_assert_null(c.version);
}

Test(kshc_contract, refuses_bad_files)
{
	struct ksh_contract c;
	char err[512];

	cr_assert_eq(ksh_contract_load(&c, "/nonexistent/contract.json", err,
				       sizeof(err)),
		     -1);
	cr_assert(strstr(err, "/nonexistent/contract.json: No such file"), "%s",
		  err);
	refused("{\"contract_format\": 1, ", "not valid JSON");
	refused("[1, 2]", "not a ksh runtime contract");
	refused("{\"contract_format\": 1, \"runtime\": \"xen\"}",
		"not a ksh runtime contract");
	refused("{\"contract_format\": 2, \"runtime\": \"ksh\"}",
		"contract format is not 1");
	refused("{\"contract_format\": 1, \"runtime\": \"ksh\", "
		"\"table_format\": 1}",
		"no version or table format");
	refused("{\"contract_format\": 1, \"runtime\": \"ksh\", \"version\": "
		"\"1\", \"table_format\": 2, \"features\": []}",
		"reads table format 2, kshc writes format 1");
	refused("{\"contract_format\": 1, \"runtime\": \"ksh\", \"version\": "
		"\"1\", \"table_format\": 1, \"features\": 3}",
		"\"features\" is not a list");
	refused(HEAD "{\"name\": \"smp\", \"bit\": 0, \"enforced\": 1}]}",
		"feature 0 lacks a name, bit or enforced flag");
	refused(HEAD "{\"name\": \"smp\", \"bit\": 5, \"enforced\": true}]}",
		"feature \"smp\" has bit 5, kshc knows it as bit 0");
}
