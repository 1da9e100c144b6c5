// SPDX-License-Identifier: MIT
/*
 * Runs one payload loader on a RAM buffer and writes what it produced for
 * the boot shim (tests/e2e/shim.c): every run of 4 KiB pages the loader
 * changed (the buffer starts filled with 0xAA, so pages it zeroed count)
 * as a raw file in OUTDIR, and on stdout two lines: MODS=<QEMU -initrd
 * list, "file 0xGPA" each> and REGS=<shim command line: mode and the
 * vcpu_start registers>.
 *
 * usage: loader-run native|multiboot|linux FILE INITRD|- RAM_MIB OUTDIR ARG
 * ARG is the command line (multiboot, linux) or the domain name (native).
 */
#include <ksh/loader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096ULL
#define FILL 0xAA

static void *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	void *p = malloc((size_t)n + 1);
	if (!p || fread(p, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(1);
	}
	fclose(f);
	*len = (size_t)n;
	return p;
}

static int page_changed(const uint8_t *p)
{
	for (uint64_t i = 0; i < PAGE; i++)
		if (p[i] != FILL)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr,
			"usage: %s native|multiboot|linux FILE "
			"INITRD|- RAM_MIB OUTDIR ARG\n",
			argv[0]);
		return 2;
	}
	size_t len, rdlen = 0;
	uint8_t *img = slurp(argv[2], &len);
	uint8_t *rd = strcmp(argv[3], "-") ? slurp(argv[3], &rdlen) : NULL;
	struct guest_ram ram = {NULL, strtoull(argv[4], NULL, 0) << 20};
	struct vcpu_start st;
	const char *why = "";
	int rc;

	ram.base = malloc(ram.size);
	if (!ram.base) {
		perror("malloc");
		return 1;
	}
	memset(ram.base, FILL, ram.size);
	if (!strcmp(argv[1], "native"))
		rc = loader_native(&ram, img, len, 5, argv[6], NULL, 2, &st,
				   &why);
	else if (!strcmp(argv[1], "multiboot"))
		rc = loader_multiboot(&ram, img, len, argv[6], &st, &why);
	else if (!strcmp(argv[1], "linux"))
		rc =
		    loader_linux(&ram, img, len, rd, rdlen, argv[6], &st, &why);
	else
		rc = 1, why = "unknown loader";
	if (rc) {
		fprintf(stderr, "%s loader: %d: %s\n", argv[1], rc, why);
		return 1;
	}

	printf("MODS=");
	const char *sep = "";
	for (uint64_t a = 0; a < ram.size;) {
		if (!page_changed(ram.base + a)) {
			a += PAGE;
			continue;
		}
		uint64_t e = a;
		while (e < ram.size && page_changed(ram.base + e))
			e += PAGE;
		char path[4096];
		snprintf(path, sizeof(path), "%s/ram-%llx.bin", argv[5],
			 (unsigned long long)a);
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(ram.base + a, 1, e - a, f) != e - a ||
		    fclose(f)) {
			perror(path);
			return 1;
		}
		printf("%s%s 0x%llx", sep, path, (unsigned long long)a);
		sep = ",";
		a = e;
	}
	printf("\nREGS=mode=0x%x rip=0x%llx rsp=0x%llx rax=0x%llx rbx=0x%llx "
	       "rsi=0x%llx rdi=0x%llx cr3=0x%llx gdt=0x%llx gdtl=0x%x\n",
	       st.mode, (unsigned long long)st.rip, (unsigned long long)st.rsp,
	       (unsigned long long)st.rax, (unsigned long long)st.rbx,
	       (unsigned long long)st.rsi, (unsigned long long)st.rdi,
	       (unsigned long long)st.cr3, (unsigned long long)st.gdt_base,
	       st.gdt_limit);
	return 0;
}
