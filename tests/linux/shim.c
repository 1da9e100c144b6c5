// SPDX-License-Identifier: MIT
/*
 * Boot shim for the loader_linux end-to-end test (tests/linux/loader-boot.sh).
 * QEMU loads it as a Multiboot v1 kernel, with the guest RAM regions that
 * loader_linux wrote as modules ("file 0xDEST") and the vcpu_start registers
 * on the command line ("rip=0x.. rsi=0x.. cr3=0x.. gdt=0x.. gdtl=0x.."). It
 * copies each region to its guest-physical address and enters the kernel
 * exactly as the loader said (shim.S). Freestanding, 32-bit.
 */
#include <stdint.h>

#define MB1_BOOT_MAGIC 0x2BADB002u
#define MBI_F_CMDLINE  0x004u
#define MBI_F_MODS     0x008u

struct mb_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr;
};

struct mb_mod {
	uint32_t start, end, string, reserved;
};

struct __attribute__((packed)) gdtr {
	uint16_t limit;
	uint32_t base;
};

void shim_main(uint32_t magic, const struct mb_info *mbi);
void shim_enter(uint32_t cr3, const void *gdtr, uint32_t rip, uint32_t rsi);

static void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void say(const char *s)
{
	while (*s)
		outb(0x3f8, (uint8_t)*s++);
}

static void die(const char *s)
{
	say("shim: ");
	say(s);
	say("\n");
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* Parses "0x..." hex at s; *ok cleared on anything else. */
static uint32_t hex(const char *s, int *ok)
{
	uint32_t v = 0;
	int n = 0;

	if (s[0] != '0' || s[1] != 'x') {
		*ok = 0;
		return 0;
	}
	for (s += 2; *s && *s != ' '; s++, n++) {
		char c = *s;
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else
			*ok = 0;
	}
	if (n == 0 || n > 8)
		*ok = 0;
	return v;
}

/* Value of "key=0x..." in the command line. */
static uint32_t arg(const char *cmd, const char *key, int *ok)
{
	for (const char *p = cmd; *p; p++) {
		if (p != cmd && p[-1] != ' ')
			continue;
		const char *k = key, *q = p;
		while (*k && *q == *k)
			k++, q++;
		if (!*k && *q == '=')
			return hex(q + 1, ok);
	}
	*ok = 0;
	return 0;
}

static void copy(uint8_t *dst, const uint8_t *src, uint32_t n)
{
	if (dst < src) {
		for (uint32_t i = 0; i < n; i++)
			dst[i] = src[i];
	} else {
		while (n--)
			dst[n] = src[n];
	}
}

void shim_main(uint32_t magic, const struct mb_info *mbi)
{
	int ok = 1;
	static struct gdtr gdtr;

	if (magic != MB1_BOOT_MAGIC)
		die("not started by a Multiboot loader");
	if (!(mbi->flags & MBI_F_CMDLINE) || !(mbi->flags & MBI_F_MODS))
		die("no command line or modules");
	const char *cmd = (const char *)(uintptr_t)mbi->cmdline;
	uint32_t rip = arg(cmd, "rip", &ok), rsi = arg(cmd, "rsi", &ok);
	uint32_t cr3 = arg(cmd, "cr3", &ok), gdt = arg(cmd, "gdt", &ok);
	uint32_t gdtl = arg(cmd, "gdtl", &ok);
	if (!ok)
		die("bad register arguments");

	const struct mb_mod *m = (const struct mb_mod *)(uintptr_t)mbi->mods_addr;
	for (uint32_t i = 0; i < mbi->mods_count; i++) {
		const char *s = (const char *)(uintptr_t)m[i].string;
		while (*s && *s != ' ')
			s++;
		while (*s == ' ')
			s++;
		uint32_t dst = hex(s, &ok);
		if (!ok)
			die("module without a destination address");
		copy((uint8_t *)(uintptr_t)dst,
		     (const uint8_t *)(uintptr_t)m[i].start,
		     m[i].end - m[i].start);
	}
	say("shim: regions copied, entering the kernel in long mode\n");
	gdtr.limit = (uint16_t)gdtl;
	gdtr.base = gdt;
	shim_enter(cr3, &gdtr, rip, rsi);
}
