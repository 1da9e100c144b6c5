// SPDX-License-Identifier: MIT
/*
 * The cost of a bare world switch, measured once at boot so every log
 * (and `make bench`) shows it next to what guests measure for a full
 * hypercall. A probe vCPU runs one instruction, OUT to port 0x80, which
 * every backend intercepts and whose exit needs no instruction decoding
 * (SVM reports the next RIP for IOIO, APM 15.10.2): the figure is entry +
 * exit + translation into struct vm_exit, with no handling. The probe has
 * its own one-page guest-physical space and is discarded afterwards.
 */
#include <arch/arch.h>
#include <ksh/bench.h>
#include <ksh/domain.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>

#define ROUNDS 2000

static struct domain probe;

static void *probe_alloc(void *ctx, uint64_t *hpa)
{
	(void)ctx;
	return kpage_alloc(1, hpa);
}

static uint64_t *probe_ptr(void *ctx, uint64_t hpa)
{
	(void)ctx;
	return (uint64_t *)(uintptr_t)hpa;
}

void bench_world_switch(void)
{
	struct npt_pager pager = {.alloc = probe_alloc, .ptr = probe_ptr};
	struct vcpu_start start = {
	    .mode = VCPU_START_PROT32, .rip = 0, .rflags = 2};
	struct vcpu *v = &probe.vcpu;
	uint64_t code_pa, best = ~0ull, total = 0;
	uint8_t *code = kpage_alloc(1, &code_pa);
	struct vm_exit e;

	if (code == NULL || npt_init(&probe.npt, vcpu_ops->npt, &pager) != 0 ||
	    npt_map(&probe.npt, 0, code_pa, KPAGE_SIZE, KSH_R | KSH_X) != 0) {
		kprintf("ksh: bench: no memory for the world-switch probe\n");
		return;
	}
	code[0] = 0xE6; /* out %al, $0x80 */
	code[1] = 0x80;
	probe.id = n_domains; /* its own ASID/VPID, after the domains' */
	probe.desc = NULL;
	v->dom = &probe;
	if (vcpu_ops->vcpu_init(v, &start, probe.npt.root_hpa) != 0) {
		kprintf("ksh: bench: world-switch probe setup failed\n");
		return;
	}
	for (int i = 0; i < ROUNDS; i++) {
		uint64_t t0, t1;

		vcpu_ops->set_rip(v, 0);
		t0 = arch_cycles();
		vcpu_ops->run(v, &e);
		t1 = arch_cycles();
		if (e.reason != VMEXIT_IO) {
			kprintf("ksh: bench: world-switch probe exited with "
				"reason %u (code %lx)\n",
				e.reason, e.raw);
			return;
		}
		total += t1 - t0;
		if (t1 - t0 < best)
			best = t1 - t0;
	}
	kprintf("ksh: bench: bare world switch (entry + exit on OUT, no "
		"handling): best %lu cycles, mean %lu cycles = %lu ns (%u "
		"rounds)\n",
		best, total / ROUNDS,
		(uint64_t)(total / ROUNDS * 1000000000ull / arch_tsc_hz()),
		ROUNDS);
}
