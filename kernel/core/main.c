// SPDX-License-Identifier: MIT
/*
 * kernel_main: from a plain boot_info to running domains. Order (ARCHITECTURE.md,
 * "Kernel"): own stack -> take over the CPU -> enable the vendor chosen
 * before ExitBootServices (kernel_choose_backend) -> nested paging and
 * vCPU per domain straight from the tables -> schedule.
 */
#include <arch/arch.h>
#include <arch/vcpu.h>
#include <ksh/bench.h>
#include <ksh/boot_info.h>
#include <ksh/chan_kernel.h>
#include <ksh/domain.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>
#include <ksh/sched.h>
#include <ksh/spec_ctrl.h>
#include <ksh/vdom.h>

/* Vendor needs, as upper bounds: per CPU (host save area, host state,
 * I/O and MSR bitmaps) and per vCPU (control block and friends). */
#define VENDOR_CPU_PAGES   16
#define VENDOR_VCPU_PAGES  4
#define KERNEL_STACK_PAGES 8
/* The world-switch probe: code page, nested tables, control block. */
#define BENCH_PROBE_PAGES (1 + 4 + VENDOR_VCPU_PAGES)

struct kpool kernel_pool;
struct domain *domains;
uint32_t n_domains;
const struct vcpu_ops *vcpu_ops;
const struct ksh_tables *tables;
const uint64_t *memobj_hpa;

static uint64_t pages_for(uint64_t bytes)
{
	return (bytes + KPAGE_SIZE - 1) / KPAGE_SIZE;
}

uint64_t kernel_pool_pages(const struct ksh_tables *t, uint64_t max_phys)
{
	uint64_t pages =
	    paging_pages(max_phys) + KERNEL_STACK_PAGES +
	    3 * 2 /* IST stacks */ + VENDOR_CPU_PAGES +
	    pages_for((uint64_t)t->n_domains * sizeof(struct domain)) +
	    1 /* default schedule */ + chan_pool_pages(t) + vdom_pool_pages(t);

	/* The leaf-size rule (iTLB multihit) changes the nested tables' size. */
	(void)arch_spec_plan();

	for (uint32_t i = 0; i < t->n_domains; i++)
		pages += npt_pages_bound(t, i) +
			 VENDOR_VCPU_PAGES * t->domains[i].vcpus;
	return pages;
}

static void *npt_page_alloc(void *ctx, uint64_t *hpa)
{
	struct domain *d = ctx;
	void *p = kpage_alloc(1, hpa);

	if (p != NULL)
		d->kmem_pages++;
	return p;
}

static uint64_t *npt_page_ptr(void *ctx, uint64_t hpa)
{
	(void)ctx;
	return (uint64_t *)(uintptr_t)hpa; /* identity-mapped host memory */
}

static const char *npt_errors[] = {
    [NPT_ENOMEM] = "kernel pool exhausted",
    [NPT_EEXIST] = "two mappings claim the same guest page",
    [NPT_EINVAL] = "mapping unaligned or beyond the 48-bit guest space",
};

/* Builds one domain's nested page tables and vCPU; on failure the domain
 * is refused with a logged reason and the others go on. */
static void dom_setup(struct boot_info *bi, struct domain *d)
{
	const struct boot_domain *bd = &bi->domains[d->id];
	struct npt_pager pager = {
	    .alloc = npt_page_alloc, .ptr = npt_page_ptr, .ctx = d};
	uint64_t before = kernel_pool.used;
	uint32_t bad;
	int rc;

	d->state = DOM_REFUSED;
	if (bd->status != 0) {
		kprintf("ksh: domain %s not started: %s\n", d->desc->name,
			bd->why);
		return;
	}
	rc = npt_init(&d->npt, vcpu_ops->npt, &pager);
	if (rc == 0)
		rc = npt_map_domain(&d->npt, tables, d->id, bi->memobj_hpa,
				    &bad);
	if (rc != 0) {
		kprintf("ksh: domain %s not started: nested paging: %s\n",
			d->desc->name, npt_errors[-rc]);
		return;
	}
	d->vcpu.dom = d;
	/* A new domain starts from the reset x87/SSE state, never what
	 * the firmware or another domain left in the registers. */
	fpu_area_reset(&d->vcpu.fpu);
	rc = vcpu_ops->vcpu_init(&d->vcpu, &bd->start, d->npt.root_hpa);
	d->kmem_pages = (kernel_pool.used - before) / KPAGE_SIZE;
	if (rc != 0) {
		kprintf("ksh: domain %s not started: vCPU setup failed (%d)\n",
			d->desc->name, rc);
		return;
	}
	if (vdom_setup(d) != 0)
		return;
	d->state = DOM_RUNNABLE;
	kprintf("ksh: domain %s ready: %lu KiB RAM, nested paging %zu "
		"pages (%zu x 2M + %zu x 4K leaves), kernel memory %lu KiB\n",
		d->desc->name, d->desc->ram_size / 1024, d->npt.pages,
		d->npt.leaves_2m, d->npt.leaves_4k, d->kmem_pages * 4);
}

int kernel_choose_backend(const char **why)
{
	vcpu_ops = vcpu_select(why);
	return vcpu_ops != NULL ? 0 : -1;
}

int kernel_anything_to_run(const struct boot_info *bi, const char **why)
{
	for (uint32_t i = 0; i < bi->tables->n_domains; i++)
		if (bi->domains[i].status == 0)
			return 0;
	*why = bi->tables->n_domains == 0
		   ? "the system has no domains"
		   : "no domain can start (each was refused above)";
	return -1;
}

/*
 * What is still refused here, after ExitBootServices, stops the machine
 * (there is no firmware left to return to). Each needs what only exists
 * from now on:
 * - arch_init: the kernel's own GDT/IDT/page tables and the W^X self-test
 *   that faults on them on purpose, and the PIT calibration of the APIC
 *   timer (its CPUID needs were checked before, by vcpu_select);
 * - cpu_enable: EFER.SVME or VMXON, which the firmware must never see set;
 * - per domain, nested paging and the vCPU (such a domain alone is
 *   refused; "no domain left to run" follows when none is left).
 */
static __attribute__((noreturn)) void kernel_main_on_stack(void *arg)
{
	struct boot_info *bi = arg;
	const char *why = NULL;
	uint64_t pool_shared;

	if (arch_init(bi, &kernel_pool, &why) != 0)
		panic("taking over the CPU failed: %s", why);
	/* Chosen by the entry before ExitBootServices. */
	if (vcpu_ops == NULL)
		panic("no virtualization backend was chosen before "
		      "kernel_main");
	kprintf("ksh: virtualization backend: %s\n", vcpu_ops->name);
	if (vcpu_ops->cpu_enable() != 0) {
		kprintf("ksh: refusing to start: enabling %s on this CPU "
			"failed\n",
			vcpu_ops->name);
		arch_stop_machine(2);
	}
	n_domains = tables->n_domains;
	domains = kpage_alloc(
	    pages_for((uint64_t)n_domains * sizeof(struct domain)), NULL);
	if (domains == NULL && n_domains != 0)
		panic("kernel pool too small for the domain array");
	pool_shared = kernel_pool.used;
	for (uint32_t i = 0; i < n_domains; i++) {
		domains[i].id = i;
		domains[i].desc = &tables->domains[i];
		dom_setup(bi, &domains[i]);
	}
	chan_kernel_init();
	if (sched_init() != 0)
		panic("kernel pool too small for the schedule");
	kprintf("ksh: footprint: image %lu KiB, kernel pool %lu of %lu KiB "
		"used (%lu KiB shared), %zu bytes of state per domain\n",
		bi->image_size / 1024, kernel_pool.used / 1024,
		kernel_pool.size / 1024, pool_shared / 1024,
		sizeof(struct domain));
	bench_world_switch();
	sched_run();
}

void kernel_main(struct boot_info *bi)
{
	uint8_t *stack;

	kernel_pool.base = bi->pool_base;
	kernel_pool.size = bi->pool_size;
	kernel_pool.used = 0;
	tables = bi->tables;
	memobj_hpa = bi->memobj_hpa;
	/* Leave the firmware's stack (boot-services memory) first. */
	stack = kpage_alloc(KERNEL_STACK_PAGES, NULL);
	if (stack == NULL)
		panic("kernel pool too small for the kernel stack");
	arch_call_on_stack(stack + KERNEL_STACK_PAGES * KPAGE_SIZE,
			   kernel_main_on_stack, bi);
}
