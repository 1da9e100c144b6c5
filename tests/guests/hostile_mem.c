// SPDX-License-Identifier: MIT
/*
 * hostile_mem: touches guest-physical memory the domain does not own. It
 * maps the targets into its own page tables first (guest_paging.h), so
 * each access gets past the guest's paging and must be caught by nested
 * paging: the kernel has to stop the domain (and log it) at the first one.
 *
 * Attempts, in this order (RAM = the domain's ram_size):
 *   0 read  RAM + 1 GiB
 *   1 write RAM + 1 GiB
 *   2 read  0xfee00000            local APIC page (SDM vol. 3A 11.4.1)
 *   3 write 0xfee000b0            local APIC EOI register
 *   4 read  2^P - 2 MiB           the highest 2 MiB page it can name,
 *   5 write 2^P - 2 MiB           P = min(MAXPHYADDR, 47) (identity map)
 * The domain name picks the first attempt, so one boot test can aim at
 * each kind: a name containing "high" starts at 4, "lapic" at 2, and
 * "write" moves to the write of that pair (e.g. "mem_lapic_write" -> 3).
 *
 * Serial lines:
 *   HOSTILE-MEM start=<k> ram=0x<ram_size>
 *   HOSTILE-MEM attempt <k> read 0x<addr>     (or: write 0x<addr>)
 * and nothing after that. If the access was let through:
 *   HOSTILE-MEM FAIL survived <k> ...
 * followed by the next attempt, and finally
 *   HOSTILE-MEM FAIL all attempts survived   (exit status 1)
 * A line "HOSTILE-MEM FAIL setup: ..." means the guest could not even
 * build its page tables (exit status 2).
 */
#include "guest_paging.h"
#include <ksh/rt/rt.h>

#define GIB (1ull << 30)

struct mem_attempt {
	int write;
	uint64_t addr;
};

static int mem_first(const char *name, size_t len)
{
	char n[sizeof(((struct ksh_native_info *)0)->name) + 1];
	int k = 0;

	ksh_memcpy(n, name, len);
	n[len] = '\0';
	if (ksh_strstr(n, "high"))
		k = 4;
	else if (ksh_strstr(n, "lapic"))
		k = 2;
	if (ksh_strstr(n, "write"))
		k++;
	return k;
}

int main(const struct ksh_native_info *info)
{
	size_t len = ksh_strnlen(info->name, sizeof(info->name));
	uint64_t ram = info->ram_size;
	/* Identity mapping needs a canonical lower-half address: cap at
	 * 2^47 when MAXPHYADDR is 48 or more (APM vol. 2 5.3.1). */
	unsigned int bits = gpt_phys_bits() < 47 ? gpt_phys_bits() : 47;
	uint64_t high = (1ull << bits) - 0x200000;
	struct mem_attempt at[] = {
	    {0, ram + GIB},	{1, ram + GIB}, {0, 0xfee00000ull},
	    {1, 0xfee000b0ull}, {0, high},	{1, high},
	};
	int first = mem_first(info->name, len);

	ksh_printf("HOSTILE-MEM start=%d ram=0x%llx\n", first,
		   (unsigned long long)ram);
	/* All of RAM as the loader mapped it, plus the targets. */
	if (gpt_map_range(0, ram, GPT_WRITE)) {
		ksh_puts("HOSTILE-MEM FAIL setup: page-table pool too small");
		return 2;
	}
	for (unsigned int i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		if (gpt_map_2m(at[i].addr, GPT_WRITE)) {
			ksh_printf(
			    "HOSTILE-MEM FAIL setup: cannot map 0x%llx\n",
			    (unsigned long long)at[i].addr);
			return 2;
		}
	}
	gpt_activate();

	for (unsigned int i = (unsigned int)first;
	     i < sizeof(at) / sizeof(at[0]); i++) {
		volatile uint64_t *p =
		    (volatile uint64_t *)(uintptr_t)at[i].addr;

		ksh_printf("HOSTILE-MEM attempt %u %s 0x%llx\n", i,
			   at[i].write ? "write" : "read",
			   (unsigned long long)at[i].addr);
		if (at[i].write) {
			*p = 0;
			ksh_printf("HOSTILE-MEM FAIL survived %u write\n", i);
		} else {
			uint64_t v = *p;

			ksh_printf(
			    "HOSTILE-MEM FAIL survived %u read value=0x%llx\n",
			    i, (unsigned long long)v);
		}
	}
	ksh_puts("HOSTILE-MEM FAIL all attempts survived");
	return 1;
}
