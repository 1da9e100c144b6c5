// SPDX-License-Identifier: MIT
/*
 * kshc: the ksh system compiler. main() is the pipeline; each step is one
 * pass in its own file (kshc.h lists them). Exit status: 0 success, 1 the
 * input has errors (or an output could not be written), 2 usage error;
 * with -o, 3-5 from the image stage (image/image_build.h).
 */
#include "kshc.h"
#include "image/image_cli.h"

#include <getopt.h>
#include <limits.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

struct kshc_opts {
	const char *input;
	const char *emit_c_dir;
	const char *emit_json;
	const char *dot;
	const char *dep_file; /* -MF, or "-" for -M */
	const char *dep_target;
	bool dump;
	bool check_only;
	bool stats;
	struct image_opts image; /* -o FILE and the image stage's options */
};

/* --stats: wall time per pipeline step, for `make bench` and the curious. */
struct kshc_clock {
	struct timespec t0;
	FILE *out; /* NULL: not timing */
};

static void step(struct kshc_clock *c, const char *name)
{
	struct timespec t;

	if (c->out == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	if (name != NULL)
		fprintf(c->out, "kshc: %-13s %8.1f ms\n", name,
			(double)(t.tv_sec - c->t0.tv_sec) * 1e3 +
			    (double)(t.tv_nsec - c->t0.tv_nsec) / 1e6);
	c->t0 = t;
}

static void usage(FILE *f)
{
	fputs("usage: kshc [options] SYSTEM.ksh\n"
	      "\n"
	      "Checks a ksh system description and writes the tables the\n"
	      "hypervisor enforces.\n"
	      "\n"
	      "  --emit-c DIR      write DIR/tables.c, DIR/tables.h, "
	      "DIR/payloads.S\n"
	      "  --emit-json FILE  write the resolved system and policy as "
	      "JSON\n"
	      "  --dump            print the generated tables as text\n"
	      "  --dot FILE        write a Graphviz graph of domains and "
	      "channels\n"
	      "  -M                print a make rule listing every input\n"
	      "  -MF FILE          write that rule to FILE\n"
	      "  -MT TARGET        name TARGET in the rule (default: the "
	      "outputs)\n"
	      "  --check           check only, write nothing\n"
	      "  --stats           print time per step and table sizes\n"
	      "  -L DIR            also look for payload files in DIR "
	      "(repeatable;\n"
	      "                    after the .ksh file's own directory)\n"
	      "  -Werror           treat warnings as errors\n"
	      "  --version         print the version and exit\n"
	      "  --help            print this help and exit\n"
	      "\n"
	      "Exit status: 0 success, 1 errors in the input, 2 usage error.\n",
	      f);
	fputs(image_cli_help, f);
}

/* Parse the command line; returns -1 after a usage error, 1 after
 * --help/--version, 0 to go on. */
static int parse_args(struct kshc *k, struct kshc_opts *o, int argc,
		      char **argv)
{
	enum {
		OPT_EMIT_C = 256,
		OPT_CHECK,
		OPT_WERROR,
		OPT_VERSION,
		OPT_HELP,
		OPT_JSON,
		OPT_DUMP,
		OPT_DOT,
		OPT_M,
		OPT_MF,
		OPT_MT,
		OPT_STATS,
	};
	static const struct option longopts[] = {
	    {"emit-c", required_argument, NULL, OPT_EMIT_C},
	    {"emit-json", required_argument, NULL, OPT_JSON},
	    {"dump", no_argument, NULL, OPT_DUMP},
	    {"dot", required_argument, NULL, OPT_DOT},
	    {"M", no_argument, NULL, OPT_M},
	    {"MF", required_argument, NULL, OPT_MF},
	    {"MT", required_argument, NULL, OPT_MT},
	    {"stats", no_argument, NULL, OPT_STATS},
	    {"check", no_argument, NULL, OPT_CHECK},
	    {"Werror", no_argument, NULL, OPT_WERROR},
	    {"version", no_argument, NULL, OPT_VERSION},
	    {"help", no_argument, NULL, OPT_HELP},
	    IMAGE_CLI_LONGOPTS,
	    {NULL, 0, NULL, 0},
	};
	int c;

	k->lib_dirs = arena_alloc(&k->arena, sizeof(char *) * (size_t)argc);
	opterr = 0;
	while ((c = getopt_long_only(argc, argv, ":L:", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'L':
			k->lib_dirs[k->n_lib_dirs++] = optarg;
			break;
		case OPT_EMIT_C:
			o->emit_c_dir = optarg;
			break;
		case OPT_CHECK:
			o->check_only = true;
			break;
		case OPT_JSON:
			o->emit_json = optarg;
			break;
		case OPT_DUMP:
			o->dump = true;
			break;
		case OPT_DOT:
			o->dot = optarg;
			break;
		case OPT_M:
			o->dep_file = "-";
			break;
		case OPT_MF:
			o->dep_file = optarg;
			break;
		case OPT_MT:
			o->dep_target = optarg;
			break;
		case OPT_STATS:
			o->stats = true;
			break;
		case OPT_WERROR:
			k->diags.werror = 1;
			break;
		case OPT_VERSION:
			printf("kshc %s (table format %u)\n", KSHC_VERSION,
			       KSH_TABLES_VERSION);
			return 1;
		case OPT_HELP:
			usage(stdout);
			return 1;
		case ':':
			fprintf(stderr, "kshc: %s needs an argument\n",
				argv[optind - 1]);
			return -1;
		default:
			if (image_cli_option(&o->image, c, optarg))
				break;
			fprintf(stderr, "kshc: unknown option %s\n",
				argv[optind - 1]);
			fputs("kshc: try 'kshc --help'\n", stderr);
			return -1;
		}
	}
	if (optind != argc - 1) {
		fputs(optind >= argc ? "kshc: no input file\n"
				     : "kshc: more than one input file\n",
		      stderr);
		fputs("kshc: try 'kshc --help'\n", stderr);
		return -1;
	}
	o->input = argv[optind];
	o->image.source = o->input;
	return 0;
}

static bool failed(const struct kshc *k)
{
	return k->diags.errors > 0;
}

/* The make target of -M: what this run writes, unless -MT names it. */
static const char *dep_target(struct kshc *k, const struct kshc_opts *o)
{
	if (o->dep_target != NULL)
		return o->dep_target;
	if (o->emit_c_dir != NULL)
		return arena_printf(
		    &k->arena, "%s/tables.c %s/tables.h %s/payloads.S",
		    o->emit_c_dir, o->emit_c_dir, o->emit_c_dir);
	if (o->emit_json != NULL)
		return o->emit_json;
	return arena_printf(&k->arena, "%s.check", o->input);
}

/* Every requested output; all are attempted even when one fails. */
static int emit(struct kshc *k, const struct kshc_opts *o)
{
	int bad = 0;

	if (o->emit_c_dir != NULL)
		bad |= ksh_emit_c(k, o->emit_c_dir);
	if (o->emit_json != NULL)
		bad |= ksh_emit_json(k, o->emit_json);
	if (o->dot != NULL)
		bad |= ksh_emit_dot(k, o->dot);
	if (o->dump)
		bad |= ksh_dump(k, "-");
	if (o->dep_file != NULL)
		bad |= ksh_emit_deps(k, o->dep_file, dep_target(k, o));
	return bad ? 1 : 0;
}

/* Table sizes after a successful run (--stats). */
static void print_sizes(const struct kshc *k, FILE *f)
{
	const struct ksh_tables *t = &k->out.t;

	fprintf(f,
		"kshc: %u domains, %u channels, %u rules; %u endpoints, %u "
		"decisions (%zu bytes), %u flow transitions; arena %zu KiB\n",
		t->n_domains, t->n_channels, k->ast.rules.n, t->n_endpoints,
		t->n_decisions,
		(size_t)t->n_decisions * sizeof(struct ksh_decision),
		t->n_fsm_next, k->arena.used_bytes >> 10);
}

/* kshc -o: the image stage calls back for the generated C in its
 * private temporary directory. */
static int emit_c_into(void *k, const char *dir)
{
	return ksh_emit_c(k, dir) != 0 ? 1 : 0;
}

/* kshc -o: the image stage writes the -M rule (target: the image), so it
 * gets every front-end input (.ksh files, payloads) to add to its own
 * (runtime, key, certificate). */
static int build_image(struct kshc *k, const struct kshc_opts *o)
{
	struct image_opts io = o->image;
	size_t n = k->sources.n + k->payload_files.n + 1, i = 0;
	const char **in = arena_alloc(&k->arena, sizeof(*in) * (n + 1));

	for (uint32_t j = 0; j < k->sources.n; j++)
		in[i++] = k->sources.v[j]->path;
	for (uint32_t j = 0; j < k->payload_files.n; j++)
		in[i++] = k->payload_files.v[j];
	if (k->contract != &ksh_contract_builtin)
		in[i++] = k->contract->origin;
	io.inputs = in;
	io.n_inputs = i;
	io.depfile = o->dep_file;
	io.deps = o->dep_file != NULL;
	io.dep_target = o->dep_target;
	return image_build_output(&io, emit_c_into, k);
}

/* kshc -o: check against the contract of the runtime the image links
 * (its contract.json), not the one kshc was built with (contract.h). A
 * runtime without a readable contract is a build failure: kshc cannot
 * know what it enforces. */
static int load_runtime_contract(struct kshc *k, const struct kshc_opts *o,
				 struct ksh_contract *c)
{
	char dir[PATH_MAX], path[PATH_MAX + sizeof(KSH_CONTRACT_FILE) + 1];
	char err[PATH_MAX + 256];
	int rc = image_runtime_dir(&o->image, dir, NULL);

	if (rc != 0)
		return rc;
	snprintf(path, sizeof(path), "%s/%s", dir, KSH_CONTRACT_FILE);
	if (ksh_contract_load(c, path, err, sizeof(err)) != 0) {
		fprintf(stderr,
			"kshc: error: runtime contract unreadable, cannot "
			"tell what the runtime enforces: %s\n",
			err);
		return IMAGE_EXIT_BUILD;
	}
	k->contract = c;
	return 0;
}

/* The compilation proper: front end, checks, back end, emitters. */
static int compile(struct kshc *k, const struct kshc_opts *o)
{
	struct kshc_clock c = {.out = o->stats ? stderr : NULL};
	int rc;

	step(&c, NULL);
	if (!ksh_parse_file(k, o->input) || failed(k))
		return 1;
	step(&c, "parse");
	ksh_resolve(k);
	if (failed(k))
		return 1;
	step(&c, "resolve");
	ksh_payloads(k);
	step(&c, "payloads");
	ksh_run_checks(k);
	if (failed(k))
		return 1;
	step(&c, "checks");
	ksh_layout(k);
	ksh_policy(k);
	ksh_finish_tables(k);
	step(&c, "layout+policy");
	ksh_run_post_checks(k);
	if (failed(k))
		return 1;
	step(&c, "policy-checks");
	if (o->check_only)
		return 0;
	if (o->image.output != NULL) {
		struct kshc_opts front = *o;

		front.dep_file = NULL; /* the image stage writes it */
		if (emit(k, &front) != 0)
			return 1;
		rc = build_image(k, o);
	} else {
		rc = emit(k, o);
	}
	step(&c, "emit");
	if (o->stats)
		print_sizes(k, stderr);
	return rc;
}

int main(int argc, char **argv)
{
	struct kshc_opts o = {0};
	struct ksh_contract runtime = {0};
	struct kshc k;
	int rc;

	kshc_init(&k);
	rc = parse_args(&k, &o, argc, argv);
	if (rc != 0) {
		kshc_fini(&k);
		return rc < 0 ? 2 : 0;
	}
	if (o.image.output == NULL ||
	    (rc = load_runtime_contract(&k, &o, &runtime)) == 0)
		rc = compile(&k, &o);
	diag_finish(&k.diags);
	kshc_fini(&k);
	ksh_contract_free(&runtime);
	return rc;
}
