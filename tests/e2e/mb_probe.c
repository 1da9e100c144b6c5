// SPDX-License-Identifier: MIT
/*
 * Multiboot probe for the end-to-end test (tests/e2e/payloads.sh): started
 * by the boot shim with loader_multiboot's vcpu_start (32-bit protected
 * mode), it reads EAX/EBX and the information structure of its version
 * and reports on COM1, then ends QEMU through isa-debug-exit (port 0xf4).
 */
#include <stdint.h>

void mb_probe_main(uint32_t magic, const uint8_t *info, uint32_t cs);

static void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void put(const char *s)
{
	while (*s)
		outb(0x3f8, (uint8_t)*s++);
}

static void hex(uint32_t v)
{
	char b[11] = "0x";
	int n = 2;
	for (int sh = 28; sh >= 0; sh -= 4) {
		unsigned d = (v >> sh) & 0xf;
		if (d || n > 2 || sh == 0)
			b[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
	}
	b[n] = 0;
	put(b);
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

void mb_probe_main(uint32_t magic, const uint8_t *info, uint32_t cs)
{
	const char *cmdline = "?";
	uint32_t upper = 0, cr0;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	if (magic == 0x2BADB002u) {
		put("KSH-MB1-OK");
		if (rd32(info) & 4)
			cmdline = (const char *)(uintptr_t)rd32(info + 16);
		if (rd32(info) & 1)
			upper = rd32(info + 8);
	} else if (magic == 0x36d76289u) {
		put("KSH-MB2-OK");
		uint32_t total = rd32(info);
		for (uint32_t off = 8; off + 8 <= total;) {
			uint32_t type = rd32(info + off),
				 size = rd32(info + off + 4);
			if (type == 0 || size < 8)
				break;
			if (type == 1)
				cmdline = (const char *)(info + off + 8);
			if (type == 4)
				upper = rd32(info + off + 12);
			off += (size + 7) & ~7u;
		}
	} else {
		put("KSH-MB-BADMAGIC");
	}
	put(" magic=");
	hex(magic);
	put(" cs=");
	hex(cs);
	put(" pg=");
	hex(cr0 >> 31);
	put(" mem_upper=");
	hex(upper);
	put(" cmdline=");
	put(cmdline);
	put("\n");
	outb(0xf4, 0);
}
