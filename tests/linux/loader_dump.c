// SPDX-License-Identifier: MIT
/*
 * Runs loader_linux on a RAM buffer and writes what it produced for the
 * boot shim (tests/linux/loader-boot.sh): the low boot structures, the
 * kernel and the initrd as raw files in OUTDIR, and on stdout two lines,
 * MODS=<QEMU -initrd list> and REGS=<shim command line>.
 *
 * usage: linux-loader-dump VMLINUZ INITRD RAM_MIB OUTDIR CMDLINE
 */
#include <ksh/loader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	void *p = malloc((size_t)n);
	if (!p || fread(p, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(1);
	}
	fclose(f);
	*len = (size_t)n;
	return p;
}

static void dump(const char *dir, const char *name, const uint8_t *p,
		 size_t n)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(p, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: %s VMLINUZ INITRD RAM_MIB OUTDIR "
				"CMDLINE\n",
			argv[0]);
		return 2;
	}
	size_t klen, ilen;
	uint8_t *k = slurp(argv[1], &klen);
	uint8_t *i = slurp(argv[2], &ilen);
	struct guest_ram ram = {NULL, strtoull(argv[3], NULL, 0) << 20};
	ram.base = calloc(1, ram.size);
	struct vcpu_start st;
	const char *why = "";
	if (!ram.base) {
		perror("calloc");
		return 1;
	}
	int rc = loader_linux(&ram, k, klen, i, ilen, argv[5], &st, &why);
	if (rc) {
		fprintf(stderr, "loader_linux: %d: %s\n", rc, why);
		return 1;
	}
	const uint8_t *bp = ram.base + st.rsi;
	uint32_t load = rd32(bp + 0x214);
	uint32_t setup = ((uint32_t)(k[0x1f1] ? k[0x1f1] : 4) + 1) * 512;
	uint32_t rd = rd32(bp + 0x218), rdsz = rd32(bp + 0x21c);
	/* Everything the loader writes below 1 MiB lies in [0x10000,
	 * 0x9f000) (linux.c's layout). */
	dump(argv[4], "low.bin", ram.base + 0x10000, 0x9f000 - 0x10000);
	dump(argv[4], "kernel.bin", ram.base + load, klen - setup);
	dump(argv[4], "initrd.bin", ram.base + rd, rdsz);
	printf("MODS=%s/low.bin 0x10000,%s/kernel.bin 0x%x,%s/initrd.bin "
	       "0x%x\n",
	       argv[4], argv[4], load, argv[4], rd);
	printf("REGS=rip=0x%llx rsi=0x%llx cr3=0x%llx gdt=0x%llx gdtl=0x%x\n",
	       (unsigned long long)st.rip, (unsigned long long)st.rsi,
	       (unsigned long long)st.cr3, (unsigned long long)st.gdt_base,
	       st.gdt_limit);
	return 0;
}
