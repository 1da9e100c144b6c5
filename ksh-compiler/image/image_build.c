// SPDX-License-Identifier: MIT
/*
 * kshc's image stage: compile, link, convert, sign, write. See
 * image_build.h for the contract and exit statuses.
 *
 * Everything that can be checked before the first command runs is checked
 * first (runtime present, SOURCE_DATE_EPOCH valid, key and certificate
 * loadable), so a wrong passphrase costs no compile.
 */
#include "image_build.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image_sign.h"
#include "payload_list.h"
#include "run.h"
#include "tmpdir.h"

#define ERR_LEN 1024

/* The fixed runtime, relative to the runtime directory. The kernel is
 * linked as a GNU-EFI application, as scripts/link-image.sh links it:
 * crt0 relocates the image and calls efi_main. */
#define RT_KERNEL_LIB  "libksh-kernel.a"
#define RT_RUNTIME_LIB "libksh-runtime.a" /* optional: device models */
#define RT_INCLUDE     "include"
#define RT_TABLES_H    "include/ksh/tables.h"
#define RT_CRT0	       "efi/crt0-efi-x86_64.o"
#define RT_LDS	       "efi/elf_x86_64_efi.lds"
#define RT_LIBEFI      "efi/libefi.a"
#define RT_LIBGNUEFI   "efi/libgnuefi.a"
#define RT_BEARSSL     "efi/libbearssl.a" /* the kernel's payload SHA-256 */

static const char *const runtime_required[] = {
    RT_KERNEL_LIB, RT_TABLES_H,	 RT_CRT0,    RT_LDS,
    RT_LIBEFI,	   RT_LIBGNUEFI, RT_BEARSSL,
};

/* Code generation for the tables: the kernel's UEFI ABI (mk/config.mk
 * EFI_ALL_CFLAGS, as scripts/link-image.sh repeats it) without
 * warnings-as-errors and debug info, so the image does not depend on where
 * it was built. */
static const char *const efi_cflags[] = {
    "-std=gnu11",
    "-DKSH_KERNEL",
    "-DEFI_FUNCTION_WRAPPER",
    "-fpic",
    "-ffreestanding",
    "-fno-stack-protector",
    "-fno-stack-check",
    "-fshort-wchar",
    "-mno-red-zone",
    "-maccumulate-outgoing-args",
    "-mgeneral-regs-only",
    "-fno-strict-aliasing",
    "-O2",
    "-Wall",
    "-Wextra",
};

/* Sections copied into the PE image (same list as the kernel's own
 * build); anything else in the ELF (symbols, debug info) is left out. */
static const char *const pe_sections[] = {
    ".text",   ".sdata", ".data", ".rodata", ".dynamic",
    ".dynsym", ".rel",	 ".rela", ".rela.*", ".reloc",
};

struct build {
	const struct image_opts *o;
	char runtime[PATH_MAX];
	char tmp[PATH_MAX];
	int have_tmp;
	int have_runtime_lib;
	struct sign_keys keys;
	long long epoch; /* SOURCE_DATE_EPOCH, or -1 */
	struct payload_list payloads;
	struct image_buf img;
	uint8_t digest[ACODE_DIGEST_LEN];
	char err[ERR_LEN];
};

static int report(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int report(int status, const char *fmt, ...)
{
	va_list ap;

	fputs("kshc: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

/* out = a "/" b, or -1 when it does not fit. (No snprintf: GCC's
 * -Wformat-truncation=2 cannot see that the length is checked.) */
static int path_join(char *out, size_t size, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la + lb + 2 > size)
		return -1;
	memcpy(out, a, la);
	out[la] = '/';
	memcpy(out + la + 1, b, lb + 1);
	return 0;
}

/* out = s, truncated to size - 1 bytes. */
static void str_copy(char *out, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The runtime directory: --runtime-dir, $KSH_RUNTIME_DIR, or ../lib/ksh
 * next to the running kshc (build/bin -> build/lib/ksh in the build tree,
 * PREFIX/bin -> PREFIX/lib/ksh once installed). */
int image_runtime_dir(const struct image_opts *o, char *out,
		      const char **how_out)
{
	const char *dir = o->runtime_dir, *how = "--runtime-dir";
	char exe[PATH_MAX], guess[PATH_MAX];
	ssize_t n;

	if (!dir && (dir = getenv(IMAGE_RUNTIME_ENV)) && *dir)
		how = IMAGE_RUNTIME_ENV;
	else if (!o->runtime_dir) {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		if (n < 0)
			return report(IMAGE_EXIT_BUILD,
				      "cannot locate kshc (%s); give "
				      "--runtime-dir",
				      strerror(errno));
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		if (path_join(guess, sizeof(guess), exe, "../lib/ksh") < 0)
			return report(IMAGE_EXIT_BUILD, "path too long");
		dir = guess;
		how = "the directory beside kshc";
	}
	if (!realpath(dir, out))
		return report(IMAGE_EXIT_BUILD,
			      "runtime directory %s (from %s): %s; give "
			      "--runtime-dir or set %s",
			      dir, how, strerror(errno), IMAGE_RUNTIME_ENV);
	if (how_out)
		*how_out = how;
	return 0;
}

static int find_runtime(struct build *b)
{
	const char *how = NULL;
	char file[PATH_MAX];
	size_t i;
	int rc;

	if ((rc = image_runtime_dir(b->o, b->runtime, &how)) != 0)
		return rc;
	for (i = 0; i < sizeof(runtime_required) / sizeof(*runtime_required);
	     i++) {
		if (path_join(file, sizeof(file), b->runtime,
			      runtime_required[i]) < 0 ||
		    !is_file(file))
			return report(IMAGE_EXIT_BUILD,
				      "runtime directory %s (from %s) lacks %s",
				      b->runtime, how, runtime_required[i]);
	}
	path_join(file, sizeof(file), b->runtime, RT_RUNTIME_LIB);
	b->have_runtime_lib = is_file(file);
	return 0;
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org specification): a decimal
 * count of seconds; it becomes the PE TimeDateStamp, a 32-bit field. */
static int read_epoch(struct build *b)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;

	b->epoch = -1;
	if (!s)
		return 0;
	errno = 0;
	b->epoch = strtoll(s, &end, 10);
	if (!*s || *end || errno || b->epoch < 0 || b->epoch > 0xffffffffLL)
		return report(IMAGE_EXIT_BUILD,
			      "SOURCE_DATE_EPOCH '%s' is not a number of "
			      "seconds that fits the PE timestamp (0..%u)",
			      s, 0xffffffffu);
	return 0;
}

static void add_rt(struct run_argv *a, const struct build *b, const char *f)
{
	char path[PATH_MAX];

	if (path_join(path, sizeof(path), b->runtime, f) < 0)
		a->failed = 1;
	else
		run_argv_add(a, path);
}

static void add_list(struct run_argv *a, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		run_argv_add(a, v[i]);
}

static const char *tool(const char *env, const char *fallback)
{
	const char *v = getenv(env);

	return v && *v ? v : fallback;
}

static int run(struct build *b, struct run_argv *a)
{
	int rc = run_command(a, b->tmp, b->o->verbose, b->err, sizeof(b->err));

	run_argv_free(a);
	if (rc < 0)
		return report(IMAGE_EXIT_BUILD, "%s", b->err);
	return 0;
}

/* Compiles the tables and the payload container in the temporary
 * directory, with relative names, so no build path reaches the image. */
static int compile(struct build *b, const char *src, const char *obj)
{
	struct run_argv a = {0};
	const char *cc = b->o->cc ? b->o->cc : tool("CC", "cc");

	run_argv_add_words(&a, cc);
	add_list(&a, efi_cflags, sizeof(efi_cflags) / sizeof(*efi_cflags));
	run_argv_add(&a, "-I");
	add_rt(&a, b, RT_INCLUDE);
	run_argv_add(&a, "-I.");
	run_argv_add(&a, "-c");
	run_argv_add(&a, src);
	run_argv_add(&a, "-o");
	run_argv_add(&a, obj);
	return run(b, &a);
}

/* The link of scripts/link-image.sh: a shared object whose only
 * relocations are relative (GNU-EFI's _relocate applies them at load),
 * every kernel object kept (--whole-archive: vcpu_select reaches the
 * vendor backends through weak references), nothing left undefined. */
static int link_image(struct build *b)
{
	static const char *const head[] = {
	    "-nostdlib",      "-znocombreloc", "-z",	     "noexecstack",
	    "--no-undefined", "-shared",       "-Bsymbolic",
	};
	struct run_argv a = {0};
	size_t i;
	int rc;

	run_argv_add_words(&a, tool("LD", "ld"));
	add_list(&a, head, sizeof(head) / sizeof(*head));
	run_argv_add(&a, "-T");
	add_rt(&a, b, RT_LDS);
	add_rt(&a, b, RT_CRT0);
	run_argv_add(&a, "tables.o");
	run_argv_add(&a, "payloads.o");
	run_argv_add(&a, "--whole-archive");
	add_rt(&a, b, RT_KERNEL_LIB);
	run_argv_add(&a, "--no-whole-archive");
	run_argv_add(&a, "--start-group");
	if (b->have_runtime_lib)
		add_rt(&a, b, RT_RUNTIME_LIB);
	add_rt(&a, b, RT_BEARSSL);
	add_rt(&a, b, RT_LIBEFI);
	add_rt(&a, b, RT_LIBGNUEFI);
	run_argv_add(&a, "--end-group");
	run_argv_add(&a, "-o");
	run_argv_add(&a, "image.so");
	rc = run(b, &a);
	if (rc)
		return rc;

	run_argv_add_words(&a, tool("OBJCOPY", "objcopy"));
	for (i = 0; i < sizeof(pe_sections) / sizeof(*pe_sections); i++) {
		run_argv_add(&a, "-j");
		run_argv_add(&a, pe_sections[i]);
	}
	run_argv_add(&a, "--target");
	run_argv_add(&a, "efi-app-x86_64");
	run_argv_add(&a, "--subsystem=10"); /* EFI application */
	run_argv_add(&a, "image.so");
	run_argv_add(&a, "image.efi");
	return run(b, &a);
}

/* Reads the linked image, stamps SOURCE_DATE_EPOCH, signs. */
static int finish_image(struct build *b)
{
	char path[PATH_MAX];
	struct pe_image pe;

	if (path_join(path, sizeof(path), b->tmp, "image.efi") < 0 ||
	    image_read_file(path, &b->img, b->err, sizeof(b->err)) < 0 ||
	    pe_parse(b->img.data, b->img.len, &pe, b->err, sizeof(b->err)) < 0)
		return report(IMAGE_EXIT_BUILD, "linked image: %s", b->err);
	if (b->epoch >= 0)
		pe_wr32(b->img.data + pe.coff_off + PE_COFF_TIMESTAMP,
			(uint32_t)b->epoch);
	if (b->keys.key &&
	    image_sign(&b->img, &b->keys, b->err, sizeof(b->err)) < 0)
		return report(IMAGE_EXIT_SIGN, "signing %s: %s", b->o->output,
			      b->err);
	if (image_digest(&b->img, b->digest, b->err, sizeof(b->err)) < 0)
		return report(IMAGE_EXIT_BUILD, "image digest: %s", b->err);
	return 0;
}

static unsigned file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666u & ~(unsigned)mask;
}

/* A dependency path in make syntax: blanks and '#' escaped, '$' doubled. */
static void dep_word(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '#' || *s == '\\')
			fputc('\\', f);
		if (*s == '$')
			fputc('$', f);
		fputc(*s, f);
	}
}

/* Every input of the image, in a fixed order: the front end's inputs (or
 * the source and the payloads), the runtime files, the key and
 * certificate. */
static size_t dep_inputs(const struct build *b, char (*v)[PATH_MAX], size_t max)
{
	static const char *const rt_files[] = {
	    RT_CRT0,	RT_LDS,	   RT_KERNEL_LIB, RT_RUNTIME_LIB,
	    RT_BEARSSL, RT_LIBEFI, RT_LIBGNUEFI};
	const struct image_opts *o = b->o;
	size_t n = 0, i;

	if (o->inputs) {
		for (i = 0; i < o->n_inputs && n < max; i++)
			str_copy(v[n++], PATH_MAX, o->inputs[i]);
	} else {
		if (o->source && n < max)
			str_copy(v[n++], PATH_MAX, o->source);
		for (i = 0; i < b->payloads.n && n < max; i++)
			str_copy(v[n++], PATH_MAX, b->payloads.v[i].path);
	}
	for (i = 0; i < sizeof(rt_files) / sizeof(*rt_files) && n < max; i++) {
		if (!strcmp(rt_files[i], RT_RUNTIME_LIB) &&
		    !b->have_runtime_lib)
			continue;
		path_join(v[n++], PATH_MAX, b->runtime, rt_files[i]);
	}
	if (o->sign.key_path && n + 2 <= max) {
		str_copy(v[n++], PATH_MAX, o->sign.key_path);
		str_copy(v[n++], PATH_MAX, o->sign.cert_path);
	}
	return n;
}

static int write_depfile(struct build *b)
{
	char(*v)[PATH_MAX];
	char *text = NULL;
	size_t len = 0, n, i;
	size_t max = b->payloads.n + b->o->n_inputs + 16;
	FILE *f;
	int rc = 0;

	v = calloc(max, PATH_MAX);
	f = open_memstream(&text, &len);
	if (!v || !f) {
		free(v);
		if (f)
			fclose(f);
		free(text);
		return report(IMAGE_EXIT_OUTPUT, "out of memory");
	}
	n = dep_inputs(b, v, max);
	if (b->o->dep_target)
		fputs(b->o->dep_target, f); /* -MT: as given, like gcc */
	else
		dep_word(f, b->o->output);
	fputc(':', f);
	for (i = 0; i < n; i++) {
		fputs(" \\\n ", f);
		dep_word(f, v[i]);
	}
	fputc('\n', f);
	/* An empty rule per input (as gcc -MP), so make does not fail when
	 * an input is deleted or renamed. */
	for (i = 0; i < n; i++) {
		fputc('\n', f);
		dep_word(f, v[i]);
		fputs(":\n", f);
	}
	fclose(f);
	if (!strcmp(b->o->depfile, "-")) {
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout))
			rc =
			    report(IMAGE_EXIT_OUTPUT, "writing the rule to "
						      "standard output failed");
	} else if (image_write_atomic(b->o->depfile, (const uint8_t *)text, len,
				      file_mode(), b->err,
				      sizeof(b->err)) < 0) {
		rc = report(IMAGE_EXIT_OUTPUT, "%s", b->err);
	}
	free(text);
	free(v);
	return rc;
}

static void print_hex(const uint8_t *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%02x", d[i]);
}

static void print_digests(const struct build *b)
{
	size_t i;

	printf("authenticode-sha256 ");
	print_hex(b->digest, sizeof(b->digest));
	printf("  %s\n", b->o->output);
	for (i = 0; i < b->payloads.n; i++) {
		printf("payload-sha256 ");
		print_hex(b->payloads.v[i].sha256, ACODE_DIGEST_LEN);
		printf("  %s\n", b->payloads.v[i].path);
	}
	fflush(stdout);
}

/* The checks that need no command (see the file comment). */
static int prepare(struct build *b)
{
	const struct image_opts *o = b->o;
	int rc;

	if (o->deps && !o->depfile)
		return report(IMAGE_EXIT_OUTPUT, "-M needs -MF FILE");
	if ((rc = find_runtime(b)) || (rc = read_epoch(b)))
		return rc;
	if ((o->sign.key_path || o->sign.cert_path) &&
	    sign_keys_load(&o->sign, &b->keys, b->err, sizeof(b->err)) < 0)
		return report(IMAGE_EXIT_SIGN, "%s", b->err);
	if (tmpdir_create(b->tmp, sizeof(b->tmp), b->err, sizeof(b->err)) < 0)
		return report(IMAGE_EXIT_BUILD, "%s", b->err);
	b->have_tmp = 1;
	return 0;
}

static int build_steps(struct build *b, image_emit_fn emit, void *ctx)
{
	char path[PATH_MAX];
	int rc;

	if ((rc = prepare(b)) || (rc = emit(ctx, b->tmp)))
		return rc;
	if (run_signals_caught())
		return report(IMAGE_EXIT_BUILD, "interrupted");
	if (path_join(path, sizeof(path), b->tmp, "payloads.S") < 0 ||
	    payload_list_read(&b->payloads, path, b->tmp, b->err,
			      sizeof(b->err)) < 0)
		return report(IMAGE_EXIT_BUILD, "%s", b->err);
	if ((rc = compile(b, "tables.c", "tables.o")) ||
	    (rc = compile(b, "payloads.S", "payloads.o")) ||
	    (rc = link_image(b)) || (rc = finish_image(b)))
		return rc;
	if (run_signals_caught())
		return report(IMAGE_EXIT_BUILD, "interrupted");
	if (image_write_atomic(b->o->output, b->img.data, b->img.len,
			       file_mode(), b->err, sizeof(b->err)) < 0)
		return report(IMAGE_EXIT_OUTPUT, "%s", b->err);
	if (b->o->deps && (rc = write_depfile(b)))
		return rc;
	if (b->o->print_digest)
		print_digests(b);
	return 0;
}

int image_build_output(const struct image_opts *o, image_emit_fn emit,
		       void *ctx)
{
	struct build *b = calloc(1, sizeof(*b));
	int rc;

	if (!b)
		return report(IMAGE_EXIT_BUILD, "out of memory");
	b->o = o;
	run_signals_catch();
	rc = build_steps(b, emit, ctx);
	if (b->have_tmp) {
		if (o->keep_temps)
			fprintf(stderr, "kshc: temporaries kept in %s\n",
				b->tmp);
		else if (tmpdir_remove(b->tmp) < 0)
			fprintf(stderr, "kshc: warning: cannot remove %s: %s\n",
				b->tmp, strerror(errno));
	}
	sign_keys_free(&b->keys);
	image_buf_free(&b->img);
	payload_list_free(&b->payloads);
	free(b);
	run_signals_release(); /* dies here if a signal was caught */
	return rc;
}
