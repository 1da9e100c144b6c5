// SPDX-License-Identifier: MIT
/* 32-bit console for the Multiboot test kernels (see mb_console.h). */
#include "mb_console.h"
#include <ksh/hypercall.h>
#include <ksh/rt/hypercall.h>
#include <stdarg.h>

static int mb_use_vmcall;

void mb_hc_init(void)
{
	uint32_t a, b, c, d;

	/* CPUID leaf 0 vendor "GenuineIntel" (SDM vol. 2A CPUID). */
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0));
	(void)a;
	mb_use_vmcall =
	    b == 0x756e6547u && d == 0x49656e69u && c == 0x6c65746eu;
}

int32_t mb_hypercall(uint32_t nr, uint32_t a0, uint32_t a1)
{
	uint32_t ret = nr;
	int vmcall = KSH_RT_HC_INSN == KSH_RT_HC_VMCALL ||
		     (KSH_RT_HC_INSN == KSH_RT_HC_AUTO && mb_use_vmcall);

	if (vmcall)
		__asm__ volatile("vmcall"
				 : "+a"(ret)
				 : "D"(a0), "S"(a1), "d"(0)
				 : "memory");
	else
		__asm__ volatile("vmmcall"
				 : "+a"(ret)
				 : "D"(a0), "S"(a1), "d"(0)
				 : "memory");
	return (int32_t)ret;
}

void mb_exit(int status)
{
	mb_hypercall(KSH_HC_EXIT, (uint32_t)status, 0);
	for (;;)
		__asm__ volatile("hlt");
}

struct mb_out {
	char buf[256];
	uint32_t used;
};

static void mb_put(struct mb_out *o, char c)
{
	if (o->used < sizeof(o->buf))
		o->buf[o->used++] = c;
}

static void mb_put_num(struct mb_out *o, uint32_t v, uint32_t base, int width,
		       char pad)
{
	char tmp[12];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	for (; width > n; width--)
		mb_put(o, pad);
	while (n)
		mb_put(o, tmp[--n]);
}

int mb_printf(const char *fmt, ...)
{
	struct mb_out o;
	va_list ap;

	o.used = 0;
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		char pad = ' ';
		int width = 0;
		const char *s;

		if (*fmt != '%') {
			mb_put(&o, *fmt);
			continue;
		}
		if (*++fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		switch (*fmt) {
		case 'u':
			mb_put_num(&o, va_arg(ap, uint32_t), 10, width, pad);
			break;
		case 'x':
			mb_put_num(&o, va_arg(ap, uint32_t), 16, width, pad);
			break;
		case 'c':
			mb_put(&o, (char)va_arg(ap, int));
			break;
		case 's':
			for (s = va_arg(ap, const char *); *s; s++)
				mb_put(&o, *s);
			break;
		case '\0':
			fmt--;
			break;
		default:
			mb_put(&o, *fmt);
			break;
		}
	}
	va_end(ap);
	mb_hypercall(KSH_HC_CONSOLE_WRITE, (uint32_t)(uintptr_t)o.buf, o.used);
	return (int)o.used;
}

char *mb_safe_string(char *out, uint32_t size, const char *s)
{
	uint32_t i = 0;

	for (; s[i] && i + 1 < size; i++)
		out[i] = (s[i] >= 0x20 && s[i] < 0x7f) ? s[i] : '?';
	out[i] = '\0';
	return out;
}

char *mb_hex64(char *out, uint32_t hi, uint32_t lo)
{
	char *p = out;
	int started = 0;

	*p++ = '0';
	*p++ = 'x';
	for (int i = 15; i >= 0; i--) {
		uint32_t word = i >= 8 ? hi : lo;
		uint32_t d = (word >> ((i & 7) * 4)) & 0xf;

		if (d || started || i == 0) {
			*p++ = "0123456789abcdef"[d];
			started = 1;
		}
	}
	*p = '\0';
	return out;
}
