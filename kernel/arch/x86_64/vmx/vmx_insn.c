// SPDX-License-Identifier: MIT
/*
 * AMD's VMMCALL in an Intel guest. VMX has no exit for it: it raises #UD
 * (SDM vol. 2, "VMCALL"; VMMCALL is not an Intel instruction), which the
 * backend intercepts. The hypercall ABI accepts both instructions on both
 * vendors (ksh/hypercall.h), so a #UD on the bytes 0F 01 D9 becomes a
 * hypercall here, as the SVM backend does for VMCALL.
 */
#include <string.h>

#include <ksh/domain.h>
#include <ksh/gmap.h>
#include <ksh/gwalk.h>
#include <ksh/insn.h>

#include "vmx_cpu.h"
#include "vmx_hw.h"

/* Guest-physical reads only through the domain's own mappings. */
static int vmx_guest_read(void *ctx, uint64_t gpa, void *buf, uint32_t len)
{
	struct domain *d = ctx;
	uint64_t run, hpa = gmap_hpa(tables, memobj_hpa, d->id, gpa, &run);

	if (hpa == 0 || run < len)
		return -1;
	memcpy(buf, (const void *)(uintptr_t)hpa, len);
	return 0;
}

uint64_t vmx_vmmcall_next_rip(struct vcpu *v)
{
	struct gwalk_mode m = {
	    .cr0 = vmx_read(VMCS_GUEST_CR0),
	    .cr3 = vmx_read(VMCS_GUEST_CR3),
	    .cr4 = vmx_read(VMCS_GUEST_CR4),
	    .efer = vmx_read(VMCS_GUEST_IA32_EFER),
	};
	uint64_t rip = vmx_read(VMCS_GUEST_RIP), lin = rip;
	/* 64-bit code: IA-32e mode and CS.L (SDM 25.4.1, AR bit 13). */
	bool long64 =
	    (m.efer & EFER_LMA) && (vmx_read(VMCS_GUEST_CS_AR) & (1u << 13));
	uint8_t buf[15];
	uint32_t n, first;
	int len;

	if (!v->dom)
		return 0;
	if (!long64)
		lin = (rip + vmx_read(VMCS_GUEST_CS_BASE)) & 0xFFFFFFFFull;
	/* At most 15 bytes, without crossing into a page that may not be
	 * mapped unless the first one ends early. */
	first = 0x1000u - (uint32_t)(lin & 0xFFFu);
	n = first < 15 ? first : 15;
	if (gwalk_fetch(&m, lin, buf, n, vmx_guest_read, v->dom) != 0)
		return 0;
	if (n < 15 && gwalk_fetch(&m, lin + n, buf + n, 15 - n, vmx_guest_read,
				  v->dom) == 0)
		n = 15;
	len = insn_len(buf, n, INSN_VMMCALL, long64);
	return len < 0 ? 0 : rip + (uint64_t)len;
}
