// SPDX-License-Identifier: MIT
/*
 * Boot shim for the loader end-to-end tests (tests/e2e/). QEMU loads it as
 * a Multiboot v1 kernel (linked at 128 MiB, clear of what it copies), with
 * the guest RAM regions a loader wrote as modules ("file 0xGPA", from
 * loader_run.c) and the struct vcpu_start on the command line ("mode=0x..
 * rip=0x.. rsp=0x.. ..."). It copies each region to its guest-physical
 * address and starts the payload exactly as the loader said (shim.S).
 * Freestanding, 32-bit.
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

struct shim_regs {
	uint32_t rip, rsp, rax, rbx, rsi, rdi;
};

void shim_main(uint32_t magic, const struct mb_info *mbi);
void shim_enter_long(uint32_t cr3, const void *gdtr, const struct shim_regs *r);
void shim_enter_prot32(const void *gdtr, const struct shim_regs *r);

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
	static struct shim_regs r;
	uint32_t mode = arg(cmd, "mode", &ok);
	r.rip = arg(cmd, "rip", &ok);
	r.rsp = arg(cmd, "rsp", &ok);
	r.rax = arg(cmd, "rax", &ok);
	r.rbx = arg(cmd, "rbx", &ok);
	r.rsi = arg(cmd, "rsi", &ok);
	r.rdi = arg(cmd, "rdi", &ok);
	uint32_t cr3 = arg(cmd, "cr3", &ok), gdt = arg(cmd, "gdt", &ok);
	uint32_t gdtl = arg(cmd, "gdtl", &ok);
	if (!ok)
		die("bad register arguments");

	const struct mb_mod *m =
	    (const struct mb_mod *)(uintptr_t)mbi->mods_addr;
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
	gdtr.limit = (uint16_t)gdtl;
	gdtr.base = gdt;
	/* enum vcpu_start_mode: 1 LONG64, 2 PROT32, 3 LINUX64. */
	if (mode == 2) {
		say("shim: regions copied, entering in 32-bit protected "
		    "mode\n");
		shim_enter_prot32(&gdtr, &r);
	} else if (mode == 1 || mode == 3) {
		say("shim: regions copied, entering in long mode\n");
		shim_enter_long(cr3, &gdtr, &r);
	}
	die("unknown start mode");
}
