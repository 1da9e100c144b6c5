// SPDX-License-Identifier: MIT
/* Host unit tests of the pure parts of the VMX backend: capability
 * checks and control adjustment, exit decoding, EPT entries. */
#include <criterion/criterion.h>
#include <string.h>

#include <ksh/tables.h>

#include "../../kernel/arch/x86_64/vmx/vmx.h"
#include "vmx_caps_fixture.h"

static const char *refusal(const struct vmx_caps *c)
{
	struct vmx_config cfg;
	const char *why = NULL;

	if (vmx_caps_check(c, &cfg, &why) == 0)
		return NULL;
	cr_assert_not_null(why);
	return why;
}

Test(vmx_caps, ctl_adjust_applies_allowed0_and_allowed1)
{
	uint32_t out = 0xdead;

	/* allowed-0 bits 1,2 forced on; allowed-1 only bits 0-3 */
	cr_assert(vmx_ctl_adjust(0x0000000f00000006ull, 0x1, &out));
	cr_assert_eq(out, 0x7);
	out = 0xdead;
	cr_assert_not(vmx_ctl_adjust(0x0000000f00000006ull, 0x10, &out));
	cr_assert_eq(out, 0xdead, "left alone on failure");
}

Test(vmx_caps, skylake_is_accepted_with_the_needed_controls)
{
	struct vmx_caps c = skylake();
	struct vmx_config cfg;
	const char *why = NULL;

	cr_assert_eq(vmx_caps_check(&c, &cfg, &why), 0, "refused: %s", why);
	cr_assert_eq(cfg.revision, 0x2b);
	cr_assert((cfg.pin & 0x9) == 0x9, "ext-int and NMI exiting");
	cr_assert(cfg.proc & (1u << 7), "HLT exiting");
	cr_assert(cfg.proc & (1u << 11), "RDPMC exiting");
	cr_assert(cfg.proc & (1u << 10), "MWAIT exiting");
	cr_assert(cfg.proc & (1u << 29), "MONITOR exiting");
	cr_assert(cfg.proc & (1u << 25), "I/O bitmaps");
	cr_assert(cfg.proc & (1u << 28), "MSR bitmaps");
	cr_assert(cfg.proc & (1u << 31), "secondary controls");
	cr_assert((cfg.proc & (3u << 19)) == 3u << 19,
		  "CR8 load/store exiting");
	cr_assert(cfg.proc & (1u << 23), "MOV-DR exiting");
	cr_assert((cfg.proc & 0x20000400u) == 0x20000400u,
		  "MWAIT and MONITOR exiting");
	cr_assert_eq(cfg.proc & (3u << 15), 0,
		     "TRUE_ MSR lets CR3 exiting stay off");
	cr_assert_eq(cfg.proc & (1u << 2), 0, "no interrupt window yet");
	cr_assert((cfg.proc2 & 0xa2) == 0xa2, "EPT, VPID, UG");
	cr_assert((cfg.exit & 0x3c0200) == 0x3c0200, "host 64, EFER, PAT");
	cr_assert((cfg.entry & 0xc000) == 0xc000, "load EFER and PAT");
	cr_assert_eq(cfg.entry & (1u << 9), 0, "IA-32e chosen per vCPU");
	cr_assert(cfg.exec_only && cfg.invept_single && cfg.invvpid_single);
}

Test(vmx_caps, refusals_name_the_first_missing_feature)
{
	struct vmx_caps c;

	c = skylake();
	c.cpuid_vmx = false;
	cr_assert_str_eq(refusal(&c), "VMX");

	c = skylake();
	c.feature_control = 0x1; /* locked, VMXON outside SMX off */
	cr_assert(strstr(refusal(&c), "IA32_FEATURE_CONTROL"));

	c = skylake();
	c.feature_control = 0x5; /* locked and enabled: fine */
	cr_assert_null(refusal(&c));

	/* No secondary controls at all (Core 2 without EPT) */
	c = skylake();
	c.proc &= ~(1ull << 63);
	c.proc2 = 0;
	c.ept_vpid = 0;
	cr_assert_str_eq(refusal(&c), "EPT");

	c = skylake();
	c.proc2 &= ~(1ull << 33);
	cr_assert_str_eq(refusal(&c), "EPT");

	c = skylake();
	c.proc2 &= ~(1ull << 39);
	cr_assert_str_eq(refusal(&c), "unrestricted guest");

	c = skylake();
	c.proc2 &= ~(1ull << 37);
	cr_assert_str_eq(refusal(&c), "VPID");

	c = skylake();
	c.ept_vpid &= ~(1ull << 6);
	cr_assert_str_eq(refusal(&c), "EPT 4-level page walk");

	c = skylake();
	c.ept_vpid &= ~(1ull << 16);
	cr_assert_str_eq(refusal(&c), "EPT 2 MiB pages");

	c = skylake();
	c.ept_vpid &= ~(1ull << 20);
	cr_assert_str_eq(refusal(&c), "INVEPT");

	c = skylake();
	c.ept_vpid &= ~(1ull << 32);
	cr_assert_str_eq(refusal(&c), "INVVPID");

	c = skylake();
	c.pin &= ~(1ull << 32);
	cr_assert_str_eq(refusal(&c), "external-interrupt exiting");

	c = skylake();
	c.proc &= ~(1ull << (32 + 7));
	cr_assert_str_eq(refusal(&c), "HLT exiting");

	c = skylake();
	c.proc &= ~(1ull << (32 + 11));
	cr_assert_str_eq(refusal(&c), "RDPMC exiting");

	c = skylake();
	c.proc &= ~(1ull << (32 + 2));
	cr_assert_str_eq(refusal(&c), "interrupt-window exiting");

	c = skylake();
	c.proc &= ~(1ull << (32 + 23));
	cr_assert_str_eq(refusal(&c), "MOV-DR exiting");

	c = skylake();
	c.proc &= ~(1ull << (32 + 19));
	cr_assert_str_eq(refusal(&c), "CR8-load exiting");

	c = skylake();
	c.exit &= ~(1ull << (32 + 21));
	cr_assert_str_eq(refusal(&c), "load IA32_EFER on exit");

	c = skylake();
	c.basic |= 1ull << 48;
	cr_assert_str_eq(refusal(&c), "64-bit VMCS addresses");

	c = skylake();
	c.basic &= ~(0xfull << 50);
	cr_assert_str_eq(refusal(&c), "write-back VMCS memory type");
}

Test(vmx_caps, legacy_controls_keep_default1_bits)
{
	struct vmx_caps c = skylake();
	struct vmx_config cfg;
	const char *why;

	/* Without TRUE_ MSRs the legacy MSR forces CR3 exiting on (A.3.2):
	 * the adjustment must keep it rather than build an invalid VMCS. */
	c.basic &= ~(1ull << 55);
	c.proc = 0xfff9fffe0401e172ull;
	cr_assert_eq(vmx_caps_check(&c, &cfg, &why), 0);
	cr_assert_eq(cfg.proc & (3u << 15), 3u << 15);
}

Test(vmx_caps, insn_error_names)
{
	cr_assert_str_eq(vmx_insn_error_name(7),
			 "VM entry with invalid control field(s)");
	cr_assert_str_eq(vmx_insn_error_name(14),
			 "unknown VM-instruction error");
	cr_assert_str_eq(vmx_insn_error_name(1000),
			 "unknown VM-instruction error");
}

static struct vm_exit decode(struct vmx_exit_raw r)
{
	struct vm_exit e;

	memset(&e, 0xa5, sizeof(e));
	vmx_exit_decode(&r, &e);
	return e;
}

Test(vmx_decode, io_qualification)
{
	/* IN AX, DX from port 0x1f0 with REP INS: size 2 (1), IN (bit 3),
	 * string (4), rep (5) */
	struct vm_exit e = decode((struct vmx_exit_raw){
	    .reason = 30, .qual = 0x01f00039, .rip = 0x1000, .insn_len = 2});
	cr_assert_eq(e.reason, VMEXIT_IO);
	cr_assert_eq(e.u.io.port, 0x1f0);
	cr_assert_eq(e.u.io.size, 2);
	cr_assert(e.u.io.in && e.u.io.string && e.u.io.rep);
	cr_assert_eq(e.next_rip, 0x1002);

	e = decode((struct vmx_exit_raw){
	    .reason = 30, .qual = 0x00800003, .rip = 0x10, .insn_len = 1});
	cr_assert_eq(e.u.io.port, 0x80);
	cr_assert_eq(e.u.io.size, 4);
	cr_assert(!e.u.io.in && !e.u.io.string && !e.u.io.rep);
}

Test(vmx_decode, ept_violation)
{
	/* write (bit 1) to a page mapped read-only (bit 3) */
	struct vm_exit e = decode((struct vmx_exit_raw){.reason = 48,
							.qual = 0x8a,
							.gpa = 0x301008,
							.rip = 0x4000,
							.insn_len = 7});
	cr_assert_eq(e.reason, VMEXIT_NPF);
	cr_assert_eq(e.u.npf.gpa, 0x301008);
	cr_assert(e.u.npf.write && !e.u.npf.read && !e.u.npf.exec);
	cr_assert(e.u.npf.present);
	cr_assert_eq(e.next_rip, 0, "no instruction length for EPT exits");

	/* fetch from nothing */
	e = decode(
	    (struct vmx_exit_raw){.reason = 48, .qual = 0x84, .gpa = 0x900000});
	cr_assert(e.u.npf.exec && !e.u.npf.present);
}

Test(vmx_decode, instruction_exits_and_cpl)
{
	struct vm_exit e = decode((struct vmx_exit_raw){
	    .reason = 18, .rip = 0x100, .insn_len = 3, .ss_ar = 0xc0f3});
	cr_assert_eq(e.reason, VMEXIT_HYPERCALL);
	cr_assert_eq(e.next_rip, 0x103);
	cr_assert_eq(e.cpl, 3);
	cr_assert_eq(e.raw, 18);

	e = decode((struct vmx_exit_raw){
	    .reason = 31, .rcx = 0xc0000080, .rip = 5, .insn_len = 2});
	cr_assert_eq(e.reason, VMEXIT_MSR_READ);
	cr_assert_eq(e.u.msr.index, 0xc0000080);
	e = decode((struct vmx_exit_raw){.reason = 32, .rcx = 0x1b});
	cr_assert_eq(e.reason, VMEXIT_MSR_WRITE);
	cr_assert_eq(e.next_rip, 0, "no length: no next RIP");

	cr_assert_eq(decode((struct vmx_exit_raw){.reason = 10}).reason,
		     VMEXIT_CPUID);
	cr_assert_eq(decode((struct vmx_exit_raw){.reason = 12}).reason,
		     VMEXIT_HLT);
	cr_assert_eq(decode((struct vmx_exit_raw){.reason = 1}).reason,
		     VMEXIT_INTR);
	cr_assert_eq(decode((struct vmx_exit_raw){.reason = 2}).reason,
		     VMEXIT_SHUTDOWN);
	cr_assert_eq(decode((struct vmx_exit_raw){.reason = 49}).reason,
		     VMEXIT_UNHANDLED,
		     "EPT misconfig is ours, not the guest's");
	cr_assert_eq(decode((struct vmx_exit_raw){.reason = 19}).reason,
		     VMEXIT_UNHANDLED, "VMCLEAR in the guest");
}

Test(vmx_decode, entry_failure)
{
	struct vm_exit e =
	    decode((struct vmx_exit_raw){.reason = 0x80000021u, .rip = 7});
	cr_assert_eq(e.reason, VMEXIT_INVALID);
	cr_assert_eq(e.raw, 0x80000021u);
}

Test(vmx_decode, exceptions)
{
	/* #PF with error code 2, address in the qualification */
	struct vm_exit e = decode((struct vmx_exit_raw){.reason = 0,
							.intr_info = 0x80000b0e,
							.intr_err = 2,
							.qual = 0xdead000});
	cr_assert_eq(e.reason, VMEXIT_EXCEPTION);
	cr_assert_eq(e.u.exc.vector, 14);
	cr_assert(e.u.exc.has_error);
	cr_assert_eq(e.u.exc.error_code, 2);
	cr_assert_eq(e.u.exc.cr2, 0xdead000);

	e = decode((struct vmx_exit_raw){.reason = 0, .intr_info = 0x80000306});
	cr_assert_eq(e.u.exc.vector, 6);
	cr_assert_not(e.u.exc.has_error);

	/* A host NMI */
	e = decode((struct vmx_exit_raw){.reason = 0, .intr_info = 0x80000202});
	cr_assert_eq(e.reason, VMEXIT_INTR);
}

Test(vmx_ept, entry_formats)
{
	const struct npt_format *f = &vmx_ept_format;

	vmx_ept_set_exec_only(false);
	cr_assert_str_eq(f->name, "ept");
	cr_assert_eq(f->table(0x123456789000ull), 0x123456789007ull);
	cr_assert_eq(f->leaf(0x200000, KSH_R | KSH_W | KSH_X, true),
		     0x200000 | 0x7 | (6u << 3) | 0x80);
	cr_assert_eq(f->leaf(0x5000, KSH_R, false), 0x5000 | 0x1 | (6u << 3));
	cr_assert_eq(f->leaf(0x5000, KSH_R | KSH_X, false),
		     0x5000 | 0x5 | (6u << 3));
	/* Misconfigurations never: W alone and X alone (no exec-only)
	 * become not present. */
	cr_assert_eq(f->leaf(0x5000, KSH_W, false), 0);
	cr_assert_eq(f->leaf(0x5000, KSH_X, false), 0);
	vmx_ept_set_exec_only(true);
	cr_assert_eq(f->leaf(0x5000, KSH_X, false), 0x5000 | 0x4 | (6u << 3));
	cr_assert_eq(f->leaf(0x5000, KSH_W | KSH_X, false),
		     0x5000 | 0x4 | (6u << 3));
	vmx_ept_set_exec_only(false);
	cr_assert_eq(f->rights(f->leaf(0x5000, KSH_R | KSH_W, false)),
		     KSH_R | KSH_W);
	cr_assert_eq(f->rights(0), 0);
	/* Address bits above 51 and below 12 never leak into entries. */
	cr_assert_eq(f->leaf(0xfff0000000005fffull, KSH_R, false),
		     0x5000 | 0x1 | (6u << 3));
	cr_assert_eq(vmx_eptp(0x7000), 0x7000 | 0x18 | 6);
}

Test(vmx_decode, mov_dr)
{
	/* MOV DR7, R9: DR 7, to DR (bit 4 = 0), GPR 9 (bits 11:8). */
	struct vm_exit e = decode((struct vmx_exit_raw){
	    .reason = 29, .qual = 0x907, .rip = 0x2000, .insn_len = 3});
	cr_assert_eq(e.reason, VMEXIT_DR);
	cr_assert_eq(e.u.dr.dr, 7);
	cr_assert_eq(e.u.dr.gpr, 9);
	cr_assert(e.u.dr.write);
	cr_assert_eq(e.next_rip, 0x2003);

	/* MOV RAX, DR6: from DR (bit 4), GPR 0. */
	e = decode((struct vmx_exit_raw){
	    .reason = 29, .qual = 0x016, .rip = 0x10, .insn_len = 3});
	cr_assert_eq(e.reason, VMEXIT_DR);
	cr_assert_eq(e.u.dr.dr, 6);
	cr_assert_eq(e.u.dr.gpr, 0);
	cr_assert_not(e.u.dr.write);
	/* MOV RSP, DR0: GPR 4 is RSP in the instruction's numbering. */
	e = decode((struct vmx_exit_raw){.reason = 29, .qual = 0x410});
	cr_assert_eq(e.u.dr.gpr, 4);
}

static struct vmx_config skylake_cfg(void)
{
	struct vmx_caps c = skylake();
	struct vmx_config cfg;
	const char *why;

	cr_assert_eq(vmx_caps_check(&c, &cfg, &why), 0);
	return cfg;
}

#define PE  0x1ull
#define ET  0x10ull
#define NE  0x20ull
#define NW  (1ull << 29)
#define CD  (1ull << 30)
#define PG  (1ull << 31)
#define PAE 0x20ull
#define LME (1ull << 8)
#define LMA (1ull << 10)

Test(vmx_cr, cr0_writes)
{
	struct vmx_config cfg = skylake_cfg();
	struct vmx_cr_write w;

	/* A 32-bit guest sets NE (a fixed-1 bit the mask owns): the guest
	 * reads what it wrote, the CPU keeps NE. */
	cr_assert_eq(vmx_cr0_write(&cfg, PE | ET | NE, 0, 0, &w), 0);
	cr_assert_eq(w.shadow, PE | ET | NE);
	cr_assert_eq(w.guest, PE | ET | NE);
	/* Clearing NE: the shadow says 0, the CPU still runs with 1. */
	cr_assert_eq(vmx_cr0_write(&cfg, PE | ET, 0, 0, &w), 0);
	cr_assert_eq(w.shadow, PE | ET);
	cr_assert_eq(w.guest, PE | ET | NE);
	/* Real mode stays possible (unrestricted guest): PE is not forced. */
	cr_assert_eq(vmx_cr0_write(&cfg, ET, 0, 0, &w), 0);
	cr_assert_eq(w.guest & (PE | PG), 0);

	/* #GP: reserved high bits, PG without PE, NW without CD. */
	cr_assert_eq(vmx_cr0_write(&cfg, PE | (1ull << 32), 0, 0, &w), 1);
	cr_assert_eq(vmx_cr0_write(&cfg, PG, 0, 0, &w), 1);
	cr_assert_eq(vmx_cr0_write(&cfg, PE | NW, 0, 0, &w), 1);
	cr_assert_eq(vmx_cr0_write(&cfg, PE | NW | CD, 0, 0, &w), 0);
}

Test(vmx_cr, cr0_paging_and_long_mode)
{
	struct vmx_config cfg = skylake_cfg();
	struct vmx_cr_write w;

	/* PG with LME and PAE: IA-32e mode, LMA set. */
	cr_assert_eq(vmx_cr0_write(&cfg, PE | NE | PG, PAE, LME, &w), 0);
	cr_assert_eq(w.efer, LME | LMA);
	/* Without PAE: #GP. */
	cr_assert_eq(vmx_cr0_write(&cfg, PE | NE | PG, 0, LME, &w), 1);
	/* Paging off leaves IA-32e mode. */
	cr_assert_eq(vmx_cr0_write(&cfg, PE | NE, PAE, LME | LMA, &w), 0);
	cr_assert_eq(w.efer, LME);
	/* Legacy paging: no LMA. */
	cr_assert_eq(vmx_cr0_write(&cfg, PE | PG, 0, 0, &w), 0);
	cr_assert_eq(w.efer, 0);
}

Test(vmx_cr, cr4_writes)
{
	struct vmx_config cfg = skylake_cfg();
	struct vmx_cr_write w;

	/* VMXE is the host's: the CPU keeps it, the guest may not set it. */
	cr_assert_eq(vmx_cr4_write(&cfg, PAE | 0x80, LMA, &w), 0);
	cr_assert_eq(w.shadow, PAE | 0x80);
	cr_assert_eq(w.guest, PAE | 0x80 | (1ull << 13));
	cr_assert_eq(vmx_cr4_write(&cfg, PAE | (1ull << 13), LMA, &w), 1);
	/* A bit outside IA32_VMX_CR4_FIXED1 (bit 22 here): #GP. */
	cr_assert_eq(vmx_cr4_write(&cfg, PAE | (1ull << 22), LMA, &w), 1);
	/* PAE cannot go in IA-32e mode. */
	cr_assert_eq(vmx_cr4_write(&cfg, 0, LMA, &w), 1);
	cr_assert_eq(vmx_cr4_write(&cfg, 0, 0, &w), 0);
}

Test(vmx_cr, cr8_and_efer)
{
	uint64_t tpr = 3, efer;

	cr_assert_eq(vmx_cr8_write(0xf, &tpr), 0);
	cr_assert_eq(tpr, 0xf);
	cr_assert_eq(vmx_cr8_write(0x10, &tpr), 1, "bits 63:4 reserved");
	cr_assert_eq(tpr, 0xf, "a refused write changes nothing");

	/* SCE and NXE in long mode; LMA is kept whatever is written. */
	cr_assert_eq(vmx_efer_write(LME | LMA, 0x801 | LME, PG, &efer), 0);
	cr_assert_eq(efer, 0x801 | LME | LMA);
	/* LME cannot change with paging on. */
	cr_assert_eq(vmx_efer_write(LME | LMA, 0, PG, &efer), 1);
	cr_assert_eq(vmx_efer_write(0, LME, 0, &efer), 0);
	cr_assert_eq(efer, LME);
	/* SVME (bit 12) and other bits not offered: #GP. */
	cr_assert_eq(vmx_efer_write(0, 1ull << 12, 0, &efer), 1);
	cr_assert_eq(vmx_efer_write(0, 1ull << 63, 0, &efer), 1);
}
