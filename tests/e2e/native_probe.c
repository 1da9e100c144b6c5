// SPDX-License-Identifier: MIT
/*
 * Native domain probe for the end-to-end test (tests/e2e/payloads.sh):
 * started by the boot shim with loader_native's vcpu_start, it checks the
 * entry state of ksh/native.h on a real (emulated) CPU and reports it on
 * COM1, then ends QEMU through isa-debug-exit (port 0xf4).
 */
#include <ksh/native.h>
#include <stdint.h>

void probe_main(const struct ksh_native_info *info);

/* Entry: record the registers before any C code runs. */
__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	mov %rsp, entry_rsp(%rip)\n"
	"	mov %rax, entry_rax(%rip)\n"
	"	mov %rsi, entry_rsi(%rip)\n"
	"	pushfq\n"
	"	popq entry_rflags(%rip)\n"
	"	mov %cs, entry_cs(%rip)\n"
	"	mov %ss, entry_ss(%rip)\n"
	"	call probe_main\n"
	"1:	hlt\n"
	"	jmp 1b\n");

uint64_t entry_rsp, entry_rax, entry_rsi, entry_rflags;
uint16_t entry_cs, entry_ss;
static volatile uint64_t bss_probe[64];

static void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void put(const char *s)
{
	while (*s)
		outb(0x3f8, (uint8_t)*s++);
}

static void hex(uint64_t v)
{
	char b[19] = "0x";
	int n = 2;
	for (int sh = 60; sh >= 0; sh -= 4) {
		unsigned d = (v >> sh) & 0xf;
		if (d || n > 2 || sh == 0)
			b[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
	}
	b[n] = 0;
	put(b);
}

static void field(const char *k, uint64_t v)
{
	put(" ");
	put(k);
	put("=");
	hex(v);
}

void probe_main(const struct ksh_native_info *info)
{
	uint64_t cr0, cr3, cr4;
	uint32_t lo, hi;
	int bss_zero = 1;

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	__asm__ volatile("mov %%cr3, %0" : "=r"(cr3));
	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(0xC0000080u));
	for (int i = 0; i < 64; i++)
		bss_zero &= bss_probe[i] == 0;

	put(info->magic == KSH_NATIVE_INFO_MAGIC ? "KSH-NATIVE-OK"
						 : "KSH-NATIVE-BADINFO");
	field("info", (uint64_t)(uintptr_t)info);
	field("domain", info->domain_id);
	field("handles", info->n_handles);
	field("ram", info->ram_size);
	field("rsp", entry_rsp);
	field("rflags", entry_rflags);
	field("rax", entry_rax);
	field("rsi", entry_rsi);
	field("cs", entry_cs);
	field("ss", entry_ss);
	field("cr0pg", (cr0 >> 31) & 1);
	field("cr4pae", (cr4 >> 5) & 1);
	field("efer", ((uint64_t)hi << 32) | lo);
	field("cr3", cr3);
	field("bsszero", (uint64_t)bss_zero);
	put(" name=");
	put(info->name);
	put("\n");
	/* Touch the top of RAM below the reserved area through the map. */
	volatile uint8_t *last =
	    (volatile uint8_t *)(uintptr_t)(info->ram_size -
					    KSH_NATIVE_RESERVED - 1);
	*last = 0x5a;
	put(*last == 0x5a ? "KSH-NATIVE-RAMTOP-OK\n"
			  : "KSH-NATIVE-RAMTOP-BAD\n");
	outb(0xf4, 0);
}
