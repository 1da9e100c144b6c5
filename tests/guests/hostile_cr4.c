// SPDX-License-Identifier: MIT
/*
 * hostile_cr4: sets CR4 bits the kernel does not offer and tries to reach
 * another domain's protection-key register (PKRU).
 *
 * A CR4 bit whose feature the guest's CPUID hides must raise #GP(0), as on
 * a CPU without it (ksh/cr4_policy.h; SDM vol. 2B MOV CR; AMD APM vol. 2
 * 15.9 CR write intercepts, since SVM has no guest/host mask). PKE is the
 * point: PKRU is not switched between domains (ksh/fpu.h), so a guest that
 * could set CR4.PKE could WRPKRU a value another domain then reads. With
 * PKE refused, RDPKRU and WRPKRU raise #UD (SDM vol. 2B RDPKRU/WRPKRU).
 *
 * Modes, by a keyword in the domain name:
 *   (default) sweep: a legal write (OSFXSR, PGE on and off) must be
 *       applied; each refused bit must give #GP and leave CR4 as it was;
 *       WRPKRU must give #UD. Lines:
 *         HOSTILE-CR4 start cr4=0x<v>
 *         HOSTILE-CR4 legal <name> applied
 *         HOSTILE-CR4 try <name>
 *         HOSTILE-CR4 refused <name> (#GP)
 *         HOSTILE-CR4 wrpkru #UD
 *         HOSTILE-CR4 DONE failures=<n>          (exit status n)
 *       and on a failure a line with FAIL. (Under VMX a refused bit is
 *       host-owned in the CR4 guest/host mask: the write exits and the
 *       domain is stopped after its "try" line.)
 *   "cr3": loads CR3 with a root 1 GiB past its RAM and must be stopped:
 *         HOSTILE-CR4 cr3 -> 0x<root>
 *   "pkw": PKRU writer: each slice tries CR4.PKE then WRPKRU(0x5555555c).
 *         PKRU-W round <k> pke=<vector> wrpkru=<vector>   (k = 0 only)
 *         PKRU-W done
 *   "pkr": PKRU reader: each slice tries CR4.PKE then RDPKRU; a non-zero
 *       PKRU it did not write is the writer's:
 *         PKRU-R FAIL leak pkru=0x<v> round <k>
 *         PKRU-R clean after <n> rounds pke=<vector> rdpkru=<vector>
 */
#include "guest_trap.h"

#include <ksh/rt/rt.h>

/* CR4 bits (SDM vol. 3A fig. 2-7; APM vol. 2 fig. 3-7), stated here from
 * the manuals rather than taken from the kernel's policy header: a native
 * guest sees only the public ABI, and the test should not share the
 * kernel's mistakes. */
#define CR4_MCE	    (1ull << 6)
#define CR4_PGE	    (1ull << 7)
#define CR4_OSFXSR  (1ull << 9)
#define CR4_VMXE    (1ull << 13)
#define CR4_SMXE    (1ull << 14)
#define CR4_OSXSAVE (1ull << 18)
#define CR4_KL	    (1ull << 19)
#define CR4_PKE	    (1ull << 22)
#define CR4_CET	    (1ull << 23)
#define CR4_PKS	    (1ull << 24)

#define ROUNDS	     20
#define WRITER_VALUE 0x5555555cu

struct cr4_try {
	const char *name;
	uint64_t bit;
};

/* OSXSAVE first: a bit every CPU model we test on has, so only the
 * kernel's policy can refuse it (under VMX the domain stops there). */
static const struct cr4_try cr4_refused[] = {
    {"OSXSAVE", CR4_OSXSAVE}, {"PKE", CR4_PKE}, {"VMXE", CR4_VMXE},
    {"SMXE", CR4_SMXE},	      {"CET", CR4_CET}, {"PKS", CR4_PKS},
    {"KL", CR4_KL},	      {"MCE", CR4_MCE}, {"bit15", 1ull << 15},
    {"bit63", 1ull << 63},
};

static int legal(const char *name, uint64_t value)
{
	uint64_t vec = guest_try_write_cr4(value);

	if (vec != 0 || guest_read_cr4() != value) {
		ksh_printf(
		    "HOSTILE-CR4 FAIL legal %s: vector %llu cr4=0x%llx\n", name,
		    (unsigned long long)vec,
		    (unsigned long long)guest_read_cr4());
		return 1;
	}
	ksh_printf("HOSTILE-CR4 legal %s applied\n", name);
	return 0;
}

static int sweep(void)
{
	uint64_t cr4 = guest_read_cr4(), vec;
	int failures = 0;

	ksh_printf("HOSTILE-CR4 start cr4=0x%llx\n", (unsigned long long)cr4);
	failures += legal("OSFXSR", cr4 | CR4_OSFXSR);
	failures += legal("PGE", cr4 | CR4_OSFXSR | CR4_PGE);
	failures += legal("PGE off", cr4 | CR4_OSFXSR);
	cr4 = guest_read_cr4();
	for (unsigned i = 0; i < sizeof(cr4_refused) / sizeof(cr4_refused[0]);
	     i++) {
		const struct cr4_try *t = &cr4_refused[i];

		ksh_printf("HOSTILE-CR4 try %s\n", t->name);
		vec = guest_try_write_cr4(cr4 | t->bit);
		if (vec == GUEST_TRAP_GP && guest_read_cr4() == cr4) {
			ksh_printf("HOSTILE-CR4 refused %s (#GP)\n", t->name);
			continue;
		}
		ksh_printf("HOSTILE-CR4 FAIL %s: vector %llu cr4=0x%llx\n",
			   t->name, (unsigned long long)vec,
			   (unsigned long long)guest_read_cr4());
		failures++;
		guest_try_write_cr4(cr4);
	}
	vec = guest_try_wrpkru(WRITER_VALUE);
	if (vec == GUEST_TRAP_UD) {
		ksh_puts("HOSTILE-CR4 wrpkru #UD");
	} else {
		ksh_printf("HOSTILE-CR4 FAIL wrpkru: vector %llu\n",
			   (unsigned long long)vec);
		failures++;
	}
	ksh_printf("HOSTILE-CR4 DONE failures=%d\n", failures);
	return failures;
}

static int pkru_writer(void)
{
	for (int k = 0; k < ROUNDS; k++) {
		uint64_t pke = guest_try_write_cr4(guest_read_cr4() | CR4_PKE);
		uint64_t wr = guest_try_wrpkru(WRITER_VALUE);

		if (k == 0)
			ksh_printf("PKRU-W round 0 pke=%llu wrpkru=%llu\n",
				   (unsigned long long)pke,
				   (unsigned long long)wr);
		ksh_hc_yield();
	}
	ksh_puts("PKRU-W done");
	return 0;
}

static int pkru_reader(void)
{
	uint64_t pke = 0, rd = 0;

	for (int k = 0; k < ROUNDS; k++) {
		uint32_t pkru = 0;

		ksh_hc_yield(); /* let the writer run first */
		pke = guest_try_write_cr4(guest_read_cr4() | CR4_PKE);
		rd = guest_try_rdpkru(&pkru);
		if (rd == 0 && pkru != 0) {
			ksh_printf("PKRU-R FAIL leak pkru=0x%x round %d\n",
				   pkru, k);
			return 1;
		}
	}
	ksh_printf("PKRU-R clean after %d rounds pke=%llu rdpkru=%llu\n",
		   ROUNDS, (unsigned long long)pke, (unsigned long long)rd);
	return 0;
}

/* CR3 at a page table root outside the domain's RAM: the next walk reads
 * guest-physical memory nested paging does not map (AMD APM vol. 2
 * 15.25.6, nested page fault on a guest table access), so the domain must
 * be stopped there, and the kernel's own walk of the guest tables (for
 * instruction decoding) must cope. */
static int cr3_outside(const struct ksh_native_info *info)
{
	uint64_t root = info->ram_size + 0x40000000ull;

	ksh_printf("HOSTILE-CR4 cr3 -> 0x%llx\n", (unsigned long long)root);
	__asm__ volatile("mov %0, %%cr3" ::"r"(root) : "memory");
	ksh_puts("HOSTILE-CR4 FAIL survived a CR3 outside RAM");
	return 1;
}

int main(const struct ksh_native_info *info)
{
	char name[sizeof(info->name) + 1];
	size_t len = ksh_strnlen(info->name, sizeof(info->name));

	ksh_memcpy(name, info->name, len);
	name[len] = '\0';
	guest_trap_setup();
	if (ksh_strstr(name, "pkw"))
		return pkru_writer();
	if (ksh_strstr(name, "pkr"))
		return pkru_reader();
	if (ksh_strstr(name, "cr3"))
		return cr3_outside(info);
	return sweep();
}
