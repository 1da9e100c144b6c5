// SPDX-License-Identifier: MIT
/*
 * Bochs test of the VMX backend on its own, before and apart from the
 * kernel: a UEFI application that drives vmx_ops through probe,
 * cpu_enable, vcpu_init (a 64-bit and a 32-bit guest), run, inject and
 * flush_npt, with an EPT it builds through vmx_ops.npt, and checks every
 * exit; then what a Linux domain needs (irq_pending, msr_access,
 * interrupt windows, re-injection, MOV DR, CR8/CR0/CR4, SYSCALL MSRs)
 * with a guest that has its own IDT. Results go to COM1 and port 0xE9 as TAP lines, then "KSH-DONE".
 */
#include <efi.h>
#include <efilib.h>

#include <arch/vcpu.h>
#include <ksh/domain.h>
#include <ksh/tables.h>

#include "vmxtest.h"

/* What the kernel would provide: the guest GPRs of a vCPU (the kernel's
 * vcpu glue), and the tables and memory-object addresses the backend's
 * instruction fetch reads guest memory through (vmx_insn.c). One domain
 * with one mapping: guest RAM at GPA 0. */
struct vcpu_regs *vmx_guest_regs(struct vcpu *v);
struct vcpu_regs *vmx_guest_regs(struct vcpu *v)
{
	return &v->regs;
}

const struct ksh_tables *tables;
const uint64_t *memobj_hpa;
static uint64_t test_memobj_hpa[1];
static struct ksh_mapping test_mapping = {.domain = 0,
					  .memobj = 0,
					  .offset = 0,
					  .gpa = 0,
					  .size = 0x400000,
					  .rights = KSH_R | KSH_W | KSH_X};
static struct ksh_domain test_domain_desc = {
    .name = "vmxtest", .first_mapping = 0, .n_mappings = 1};
static struct ksh_tables test_tables = {.domains = &test_domain_desc,
					.n_domains = 1,
					.mappings = &test_mapping,
					.n_mappings = 1};
static struct domain test_domain = {.id = 0, .desc = &test_domain_desc};

extern const uint8_t guest64_begin[], guest64_end[];
extern const uint8_t guest32_begin[], guest32_end[];
extern const uint8_t guestx_begin[], guestx_end[];

static int test_no;
static int test_failed;

static void check(bool ok, const char *what)
{
	test_no++;
	if (!ok)
		test_failed++;
	t_puts(ok ? "ok " : "not ok ");
	t_putu(test_no);
	t_puts(" - ");
	t_puts(what);
	t_puts("\n");
}

static void *alloc_pages(UINTN n)
{
	EFI_PHYSICAL_ADDRESS a = 0;

	if (uefi_call_wrapper(BS->AllocatePages, 4, AllocateAnyPages,
			      EfiLoaderData, n, &a) != EFI_SUCCESS)
		return NULL;
	for (UINTN i = 0; i < n * 4096; i++)
		((uint8_t *)(uintptr_t)a)[i] = 0;
	return (void *)(uintptr_t)a;
}

/* Guest RAM: 4 MiB at a 2 MiB aligned host address. */
#define GUEST_RAM  0x400000ull
#define HOLE_GPA   0x300000ull
#define RO_GPA	   0x301000ull
#define CODE64_GPA 0x10000ull
#define CODE32_GPA 0x20000ull
#define CODEX_GPA  0x30000ull
#define STACK_GPA  0x80000ull

static uint8_t *ram;
static uint64_t *ept_pml4, *ept_pdpt, *ept_pd, *ept_pt;
static uint8_t *hole_page; /* host page mapped into the hole later */

static uint64_t hpa(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* The EPT of the test: GPA 0-2 MiB one large page, 2-4 MiB 4 KiB pages,
 * with a hole at HOLE_GPA and a read-only page at RO_GPA. Entries come
 * from the backend's npt_format. */
static void build_ept(const struct npt_format *f)
{
	ept_pml4[0] = f->table(hpa(ept_pdpt));
	ept_pdpt[0] = f->table(hpa(ept_pd));
	ept_pd[0] = f->leaf(hpa(ram), KSH_R | KSH_W | KSH_X, true);
	ept_pd[1] = f->table(hpa(ept_pt));
	for (int i = 0; i < 512; i++) {
		uint64_t gpa = 0x200000ull + (uint64_t)i * 4096;
		uint32_t rights = KSH_R | KSH_W | KSH_X;
		if (gpa == HOLE_GPA) {
			ept_pt[i] = 0; /* mapped late by a test before */
			continue;
		}
		if (gpa == RO_GPA)
			rights = KSH_R;
		ept_pt[i] = f->leaf(hpa(ram) + gpa, rights, false);
	}
}

/* Identity page tables for the 64-bit guest at GPA 0x1000-0x3fff. */
static void build_guest_pt(void)
{
	uint64_t *pml4 = (uint64_t *)(ram + 0x1000);
	uint64_t *pdpt = (uint64_t *)(ram + 0x2000);
	uint64_t *pd = (uint64_t *)(ram + 0x3000);

	pml4[0] = 0x2000 | 3;
	pdpt[0] = 0x3000 | 3;
	pd[0] = 0x000000 | 0x83; /* P, RW, PS */
	pd[1] = 0x200000 | 0x83;
}

static void copy(void *d, const void *s, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		((uint8_t *)d)[i] = ((const uint8_t *)s)[i];
}

static const struct vcpu_ops *ops;

/* Runs until an exit the loop below does not absorb. Physical
 * interrupts (the firmware timer) are let in with a short STI window;
 * the test's host runs with IF=0 otherwise. */
static void run(struct vcpu *v, struct vm_exit *e)
{
	for (;;) {
		ops->run(v, e);
		if (e->reason != VMEXIT_INTR)
			return;
		__asm__ volatile("sti; nop; cli");
	}
}

static void advance(struct vcpu *v, const struct vm_exit *e)
{
	ops->set_rip(v, e->next_rip);
}

static bool expect_hc(struct vcpu *v, struct vm_exit *e, uint64_t nr,
		      const char *what)
{
	run(v, e);
	bool ok = e->reason == VMEXIT_HYPERCALL && v->regs.rax == nr &&
		  e->next_rip == e->rip + 3;
	if (!ok) {
		t_puts("# exit reason ");
		t_putx(e->reason);
		t_puts(" raw ");
		t_putx(e->raw);
		t_puts(" rax ");
		t_putx(v->regs.rax);
		t_puts(" rip ");
		t_putx(e->rip);
		t_puts("\n");
	}
	check(ok, what);
	return ok;
}

static void test_long64(void)
{
	static struct vcpu v = {.dom = &test_domain};
	struct vm_exit e;
	struct vcpu_start s = {0};
	int rc;

	copy(ram + CODE64_GPA, guest64_begin,
	     (uint64_t)(guest64_end - guest64_begin));
	build_guest_pt();
	s.mode = VCPU_START_LONG64;
	s.rip = CODE64_GPA;
	s.rsp = STACK_GPA;
	s.rflags = 2;
	s.cr3 = 0x1000;
	rc = ops->vcpu_init(&v, &s, hpa(ept_pml4));
	check(rc == 0, "vcpu_init, 64-bit guest");
	if (rc) {
		t_puts("# rc ");
		t_putx((uint64_t)(int64_t)rc);
		t_puts("\n");
		return;
	}

	if (!expect_hc(&v, &e, 1, "64-bit guest: VMCALL 1 exits"))
		return;
	check(v.regs.rdi == 0x1111 && v.regs.rsi == 0x2222 &&
		  v.regs.rdx == 0x3333 && v.regs.r10 == 0x4444,
	      "hypercall arguments in RDI, RSI, RDX, R10");
	check(e.cpl == 0, "CPL 0 from SS.DPL");
	v.regs.rax = 0xabcdef;
	advance(&v, &e);
	if (!expect_hc(&v, &e, 2, "VMRESUME after advancing RIP"))
		return;
	check(v.regs.rdi == 0xabcdef, "result in RAX reaches the guest");
	advance(&v, &e);

	if (!expect_hc(&v, &e, 3, "GPR pattern call"))
		return;
	check(v.regs.rbx == 0x0303030303030303ull &&
		  v.regs.rcx == 0x0404040404040404ull &&
		  v.regs.rdx == 0x0505050505050505ull &&
		  v.regs.rsi == 0x0606060606060606ull &&
		  v.regs.rdi == 0x0707070707070707ull &&
		  v.regs.rbp == 0x0808080808080808ull &&
		  v.regs.r8 == 0x0909090909090909ull &&
		  v.regs.r9 == 0x0a0a0a0a0a0a0a0aull &&
		  v.regs.r10 == 0x0b0b0b0b0b0b0b0bull &&
		  v.regs.r11 == 0x0c0c0c0c0c0c0c0cull &&
		  v.regs.r12 == 0x0d0d0d0d0d0d0d0dull &&
		  v.regs.r13 == 0x0e0e0e0e0e0e0e0eull &&
		  v.regs.r14 == 0x0f0f0f0f0f0f0f0full &&
		  v.regs.r15 == 0x1010101010101010ull,
	      "all guest GPRs saved at the exit");
	advance(&v, &e);
	if (!expect_hc(&v, &e, 4, "GPR check call"))
		return;
	check(v.regs.rdi == 0, "all guest GPRs restored at the entry");
	advance(&v, &e);

	run(&v, &e);
	check(e.reason == VMEXIT_IO && e.u.io.port == 0x80 &&
		  e.u.io.size == 1 && !e.u.io.in && !e.u.io.string &&
		  !e.u.io.rep && v.regs.rax == 0x42 && e.next_rip == e.rip + 2,
	      "OUT 0x80: port, size, direction, next RIP");
	advance(&v, &e);

	run(&v, &e);
	check(e.reason == VMEXIT_CPUID && e.next_rip == e.rip + 2,
	      "CPUID exits with next RIP");
	v.regs.rax = 0;
	advance(&v, &e);

	run(&v, &e);
	check(e.reason == VMEXIT_NPF && e.u.npf.gpa == HOLE_GPA &&
		  e.u.npf.read && !e.u.npf.write && !e.u.npf.exec &&
		  !e.u.npf.present,
	      "EPT violation on an unmapped GPA: address, read, not present");
	/* Map the hole, invalidate, and let the guest retry. */
	*(uint64_t *)hole_page = 0x600dcafe;
	ept_pt[(HOLE_GPA - 0x200000) / 4096] =
	    ops->npt->leaf(hpa(hole_page), KSH_R | KSH_W, false);
	ops->flush_npt(&v);
	if (!expect_hc(&v, &e, 7, "guest retried the access after INVEPT"))
		return;
	check(v.regs.rdi == 0x600dcafe, "guest read the page mapped late");
	advance(&v, &e);

	run(&v, &e);
	check(e.reason == VMEXIT_NPF && e.u.npf.gpa == RO_GPA &&
		  e.u.npf.write && e.u.npf.present,
	      "EPT violation on a read-only page: write, present");
	ept_pt[(RO_GPA - 0x200000) / 4096] =
	    ops->npt->leaf(hpa(ram) + RO_GPA, KSH_R | KSH_W, false);
	ops->flush_npt(&v);
	if (!expect_hc(&v, &e, 8, "write retried after the rights change"))
		return;
	check(*(uint64_t *)(ram + RO_GPA) == 0x5a5a,
	      "the write landed in the page");
	advance(&v, &e);

	run(&v, &e);
	check(e.reason == VMEXIT_HYPERCALL && v.regs.rax == 9 &&
		  e.next_rip == e.rip + 3,
	      "VMMCALL on Intel (a #UD): taken as a hypercall, next RIP");
	advance(&v, &e);
	run(&v, &e);
	check(e.reason == VMEXIT_EXCEPTION && e.u.exc.vector == 6 &&
		  !e.u.exc.has_error,
	      "UD2 stays a #UD exception exit");
	ops->set_rip(&v, e.rip + 2);

	if (!expect_hc(&v, &e, 10, "benchmark start"))
		return;
	enum { N = 500 };
	v.regs.rax = N;
	advance(&v, &e);
	uint64_t t0 = t_rdtsc(), n = 0;
	for (;;) {
		run(&v, &e);
		if (e.reason != VMEXIT_HYPERCALL || v.regs.rax != 11)
			break;
		n++;
		advance(&v, &e);
	}
	uint64_t t1 = t_rdtsc();
	check(n == N && v.regs.rax == 12, "hypercall loop");
	t_puts("# bench vmx hypercall round trip: ");
	t_putu((t1 - t0) / N);
	t_puts(" TSC cycles\n");
	advance(&v, &e);

	run(&v, &e);
	check(e.reason == VMEXIT_HLT && e.next_rip == e.rip + 1, "HLT exits");
	advance(&v, &e);

	/* An exception injected at the next entry: #UD at RIP with no IDT
	 * (limit 0) escalates to #DF (SDM 6.15), which exits: a guest that
	 * double-faults is dead, as on the SVM backend. */
	rc = ops->inject(&v, 6, 3, false, 0);
	run(&v, &e);
	check(rc == 0 && e.reason == VMEXIT_EXCEPTION && e.u.exc.vector == 8 &&
		  e.u.exc.has_error && e.u.exc.error_code == 0,
	      "injected #UD with no guest IDT: #DF exits, error code 0");
}

static void test_prot32(void)
{
	static struct vcpu v = {.dom = &test_domain};
	struct vm_exit e;
	struct vcpu_start s = {0};
	int rc;

	copy(ram + CODE32_GPA, guest32_begin,
	     (uint64_t)(guest32_end - guest32_begin));
	s.mode = VCPU_START_PROT32;
	s.rip = CODE32_GPA;
	s.rsp = STACK_GPA;
	s.rflags = 2;
	s.rax = 0x2BADB002;
	s.rbx = 0x9000;
	rc = ops->vcpu_init(&v, &s, hpa(ept_pml4));
	check(rc == 0, "vcpu_init, 32-bit protected-mode guest");
	if (rc)
		return;
	if (!expect_hc(&v, &e, 21, "32-bit guest: VMCALL exits"))
		return;
	check(v.regs.rdi == 0x2BADB002 && v.regs.rsi == 0x9000,
	      "EAX and EBX from the start state");
	advance(&v, &e);
	run(&v, &e);
	check(e.reason == VMEXIT_IO && e.u.io.port == 0x80 &&
		  (v.regs.rax & 0xff) == 0x3f,
	      "32-bit guest: OUT exits");
	advance(&v, &e);
	expect_hc(&v, &e, 99, "32-bit guest runs on after the OUT");
}

static uint64_t rdmsr64(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static void wrmsr64(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" ::"c"(msr), "a"((uint32_t)v),
			 "d"((uint32_t)(v >> 32)));
}

static uint64_t host_cr8(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr8, %0" : "=r"(v));
	return v;
}

/* RDMSR/WRMSR exits go to the backend's msr_access as the kernel's
 * vdom_msr does (EDX:EAX, next RIP). */
static bool msr_exit(struct vcpu *v, struct vm_exit *e, bool write)
{
	uint64_t val;

	run(v, e);
	val = (v->regs.rdx << 32) | (uint32_t)v->regs.rax;
	if (e->reason != (write ? VMEXIT_MSR_WRITE : VMEXIT_MSR_READ) ||
	    e->u.msr.index != 0xC0000080u ||
	    ops->msr_access(v, e->u.msr.index, write, &val) != 0)
		return false;
	if (!write) {
		v->regs.rax = (uint32_t)val;
		v->regs.rdx = val >> 32;
	}
	advance(v, e);
	return true;
}

/* What a Linux domain needs of the backend beyond a native guest:
 * interrupts through the guest's IDT with interrupt windows and
 * re-injection (inject, irq_pending), EFER (msr_access), the SYSCALL MSRs
 * switched per vCPU, MOV DR decoded, CR8/CR0/CR4 writes emulated. */
static void test_linux_ops(void)
{
	static struct vcpu v = {.dom = &test_domain};
	struct vm_exit e;
	struct vcpu_start s = {0};
	uint64_t val = 0, host_lstar, host_aux;
	int rc;

	copy(ram + CODEX_GPA, guestx_begin,
	     (uint64_t)(guestx_end - guestx_begin));
	build_guest_pt();
	s.mode = VCPU_START_LONG64;
	s.rip = CODEX_GPA;
	s.rsp = STACK_GPA;
	s.rflags = 2;
	s.cr3 = 0x1000;
	if (ops->vcpu_init(&v, &s, hpa(ept_pml4)) != 0) {
		check(false, "vcpu_init, Linux-ops guest");
		return;
	}
	check(ops->irq_pending != NULL && ops->msr_access != NULL,
	      "irq_pending and msr_access are provided");
	if (!expect_hc(&v, &e, 30, "guest IDT and GDT set up"))
		return;
	advance(&v, &e);
	check(!ops->irq_pending(&v), "irq_pending: nothing set yet");
	rc = ops->inject(&v, 0x20, 0, false, 0);
	check(rc == 0 && ops->irq_pending(&v),
	      "external interrupt with IF=0: accepted, pending");
	check(ops->inject(&v, 0x21, 0, false, 0) != 0,
	      "a second one while pending is refused (the PIC keeps it)");
	if (!expect_hc(&v, &e, 31, "IF=0: the guest runs on, no delivery"))
		return;
	check(v.regs.r15 == 0 && ops->irq_pending(&v),
	      "not delivered while IF=0, still pending");
	advance(&v, &e);
	if (!expect_hc(&v, &e, 40,
		       "STI opens the window: delivered through the IDT"))
		return;
	check(!ops->irq_pending(&v) && !(ops->get_rflags(&v) & (1u << 9)),
	      "in the handler: IF=0, nothing pending");
	advance(&v, &e);
	if (!expect_hc(&v, &e, 32, "IRET back"))
		return;
	check(v.regs.rdi == 1, "taken exactly once");
	advance(&v, &e);

	/* EFER through msr_access. */
	check(ops->msr_access(&v, 0xC0000080u, false, &val) == 0 &&
		  (val & 0x500) == 0x500,
	      "msr_access reads EFER: LME and LMA");
	val = 0x400 | 0x800; /* clear LME with paging on */
	check(ops->msr_access(&v, 0xC0000080u, true, &val) == 1,
	      "msr_access: EFER.LME cannot change with paging on (#GP)");
	check(ops->msr_access(&v, 0x1Bu, false, &val) == -1,
	      "msr_access: other MSRs are not the backend's");
	check(msr_exit(&v, &e, false) && msr_exit(&v, &e, true) &&
		  msr_exit(&v, &e, false),
	      "RDMSR/WRMSR EFER exit and go through msr_access");
	if (!expect_hc(&v, &e, 33, "EFER read back"))
		return;
	check(v.regs.rdi == (0x500 | 0x800 | 1),
	      "EFER.SCE set by the guest, LME/LMA/NXE kept");
	advance(&v, &e);

	/* LSTAR: no exit, the guest's own value across exits. */
	if (!expect_hc(&v, &e, 34, "WRMSR LSTAR did not exit"))
		return;
	host_lstar = rdmsr64(0xC0000082u);
	host_aux = rdmsr64(0xC0000103u);
	wrmsr64(0xC0000082u, 0xdead0000ull);
	wrmsr64(0xC0000103u, 0x55);
	advance(&v, &e);
	if (!expect_hc(&v, &e, 35, "RDMSR LSTAR did not exit"))
		return;
	check(v.regs.rdi == 0xffff800012345678ull,
	      "LSTAR is the guest's after an exit (MSR areas)");
	advance(&v, &e);
	if (!expect_hc(&v, &e, 44, "RDTSCP runs in the guest"))
		return;
	check(v.regs.rdi == 0x77,
	      "TSC_AUX is the guest's after an exit (RDTSCP enabled)");
	wrmsr64(0xC0000082u, host_lstar);
	wrmsr64(0xC0000103u, host_aux);
	advance(&v, &e);

	/* MOV DR. */
	run(&v, &e);
	check(e.reason == VMEXIT_DR && e.u.dr.dr == 7 && e.u.dr.gpr == 0 &&
		  e.u.dr.write && e.next_rip == e.rip + 3,
	      "MOV DR7, RAX exits: DR 7, GPR 0, write, next RIP");
	advance(&v, &e);
	run(&v, &e);
	check(e.reason == VMEXIT_DR && e.u.dr.dr == 6 && e.u.dr.gpr == 1 &&
		  !e.u.dr.write,
	      "MOV RCX, DR6 exits: DR 6, GPR 1, read");
	v.regs.rcx = 0xFFFF0FF0ull;
	advance(&v, &e);
	if (!expect_hc(&v, &e, 36, "runs on after the DR exits"))
		return;
	check(v.regs.rdi == 0xFFFF0FF0ull, "the host's DR6 value reached RCX");
	advance(&v, &e);

	/* Control registers. */
	if (!expect_hc(&v, &e, 37, "MOV CR8 emulated without an exit"))
		return;
	check(v.regs.rdi == 9 && host_cr8() == 0,
	      "CR8 reads back 9; the host's TPR is untouched");
	advance(&v, &e);
	if (!expect_hc(&v, &e, 38, "MOV CR0 clearing NE emulated"))
		return;
	check(!(v.regs.rdi & 0x20) && (v.regs.rdi & 0x80000001u) == 0x80000001u,
	      "CR0 reads back NE=0 (shadow), PE and PG kept");
	advance(&v, &e);
	if (!expect_hc(&v, &e, 41, "CR4.VMXE write: #GP in the guest"))
		return;
	check(v.regs.rdi == 0, "#GP error code 0");
	advance(&v, &e);

	/* Re-injection: the delivery faults on an unmapped stack page. */
	if (!expect_hc(&v, &e, 42, "stack moved into the EPT hole"))
		return;
	advance(&v, &e);
	rc = ops->inject(&v, 0x20, 0, false, 0);
	run(&v, &e);
	check(rc == 0 && e.reason == VMEXIT_NPF && e.u.npf.write &&
		  (e.u.npf.gpa & ~0xFFFull) == HOLE_GPA,
	      "interrupt delivery faults on the stack (EPT violation)");
	check(ops->irq_pending(&v),
	      "the interrupted event is set for re-injection (irq_pending)");
	ept_pt[(HOLE_GPA - 0x200000) / 4096] =
	    ops->npt->leaf(hpa(hole_page), KSH_R | KSH_W, false);
	ops->flush_npt(&v);
	if (!expect_hc(&v, &e, 40, "re-injected: the handler runs"))
		return;
	advance(&v, &e);
	if (!expect_hc(&v, &e, 43, "IRET back"))
		return;
	check(v.regs.rdi == 2, "taken exactly twice in all");
	advance(&v, &e);
	expect_hc(&v, &e, 99, "Linux-ops guest done");
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st);
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st)
{
	const char *missing = "?";

	InitializeLib(image, st);
	t_puts("vmxtest: start\n");
	__asm__ volatile("cli");
	ops = &vmx_ops;
	if (!ops->probe(&missing)) {
		t_puts("KSH-VMX-REFUSED: ");
		t_puts(missing);
		t_puts("\n");
		t_puts("KSH-DONE refused\n");
		t_shutdown();
		return EFI_UNSUPPORTED;
	}
	check(true, "probe: VMX with EPT, unrestricted guest, VPID");
	check(t_install_tss() == 0, "GDT with a TSS loaded, TR != 0");
	check(ops->cpu_enable() == 0, "cpu_enable: VMXON");

	uint8_t *raw = alloc_pages((GUEST_RAM + 0x200000) / 4096);
	ept_pml4 = alloc_pages(1);
	ept_pdpt = alloc_pages(1);
	ept_pd = alloc_pages(1);
	ept_pt = alloc_pages(1);
	hole_page = alloc_pages(1);
	if (!raw || !ept_pml4 || !ept_pdpt || !ept_pd || !ept_pt ||
	    !hole_page) {
		check(false, "memory for the guest");
		goto out;
	}
	ram = (uint8_t *)(((uintptr_t)raw + 0x1FFFFF) & ~(uintptr_t)0x1FFFFF);
	test_memobj_hpa[0] = hpa(ram);
	memobj_hpa = test_memobj_hpa;
	tables = &test_tables;
	build_ept(ops->npt);
	test_long64();
	build_ept(ops->npt);
	test_prot32();
	build_ept(ops->npt);
	test_linux_ops();
out:
	t_puts(test_failed ? "KSH-DONE fail\n" : "KSH-DONE pass\n");
	t_shutdown();
	return EFI_SUCCESS;
}
