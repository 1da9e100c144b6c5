// SPDX-License-Identifier: MIT
/*
 * hostile_io: port I/O to ports the domain does not own. The kernel's I/O
 * permission bitmap (AMD APM vol. 2 15.10.1 IOPM; Intel SDM vol. 3C 25.6.4)
 * must intercept each one and stop the domain at the first. At CPL 0 the
 * guest passes its own IOPL check (SDM vol. 1 19.5.1), so only the
 * hypervisor stands in the way.
 *
 * Attempts, in this order:
 *   0 out 0xcf8 <- 0x80000000   PCI configuration address (PCI 3.0, 3.2.2.3.2)
 *   1 in  0xcfc                 PCI configuration data
 *   2 out 0x64  <- 0xfe         8042 "pulse reset line": resets the machine
 *   3 out 0xf4  <- 0x01         QEMU isa-debug-exit: would end the emulator
 * A domain name containing "kbd" starts at 2, "exit" at 3, "cfc" at 1.
 *
 * Serial lines:
 *   HOSTILE-IO start=<k>
 *   HOSTILE-IO attempt <k> out 0x<port> value=0x<v>   (or: in 0x<port>)
 * and nothing after that; if let through:
 *   HOSTILE-IO FAIL survived <k> ...
 * then the next attempt, and at the end
 *   HOSTILE-IO FAIL all attempts survived      (exit status 1)
 */
#include "guest_pick.h"
#include <ksh/rt/rt.h>

struct io_attempt {
	int is_in;
	int width; /* 1 or 4 bytes */
	uint16_t port;
	uint32_t value;
};

static const struct io_attempt io_attempts[] = {
    {0, 4, 0xcf8, 0x80000000u},
    {1, 4, 0xcfc, 0},
    {0, 1, 0x64, 0xfe},
    {0, 1, 0xf4, 0x01},
};

static const struct guest_pick io_picks[] = {
    {"kbd", 2},
    {"exit", 3},
    {"cfc", 1},
};

int main(const struct ksh_native_info *info)
{
	int n = (int)(sizeof(io_attempts) / sizeof(io_attempts[0]));
	int first = guest_pick_first(info, io_picks, 3);

	ksh_printf("HOSTILE-IO start=%d\n", first);
	for (int i = first; i < n; i++) {
		const struct io_attempt *a = &io_attempts[i];
		uint32_t v = 0;

		if (a->is_in) {
			ksh_printf("HOSTILE-IO attempt %d in 0x%x\n", i,
				   a->port);
			__asm__ volatile("inl %w1, %0"
					 : "=a"(v)
					 : "Nd"(a->port));
			ksh_printf("HOSTILE-IO FAIL survived %d value=0x%x\n",
				   i, v);
			continue;
		}
		ksh_printf("HOSTILE-IO attempt %d out 0x%x value=0x%x\n", i,
			   a->port, a->value);
		if (a->width == 4)
			__asm__ volatile("outl %0, %w1" ::"a"(a->value),
					 "Nd"(a->port));
		else
			__asm__ volatile("outb %b0, %w1" ::"a"(a->value),
					 "Nd"(a->port));
		ksh_printf("HOSTILE-IO FAIL survived %d\n", i);
	}
	ksh_puts("HOSTILE-IO FAIL all attempts survived");
	return 1;
}
