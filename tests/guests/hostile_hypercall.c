// SPDX-License-Identifier: MIT
/*
 * hostile_hypercall: bad hypercall numbers and arguments. Each must come
 * back with the documented error (include/ksh/hypercall.h), touch
 * nothing, and leave the domain and the kernel running.
 *
 * Serial lines, in order: one "PASS <check>" or
 * "FAIL <check>: got <g>, want <w> (<file>:<line>)" per check, then
 *   HOSTILE-HC DONE failures=<n>
 * Exit status = the number of failures.
 *
 * Checks (RAM = the domain's ram_size; buf = a buffer in .data):
 *   enosys-0            number 0                              -> -KSH_ENOSYS
 *   enosys-12           first unassigned number               -> -KSH_ENOSYS
 *   enosys-trunc        0x100000001 (1 if cut to 32 bits)     -> -KSH_ENOSYS
 *   enosys-high         0x8000000000000001                    -> -KSH_ENOSYS
 *   console-ok          console write of a valid buffer       -> its length
 *   console-long        ksh_console_write of 4224 bytes (33 lines
 *                       "HOSTILE-HC long <nn> ....") -> 4224: the runtime
 *                       splits what the kernel would refuse whole (> 4 KiB)
 *   efault-outside-ram  console write at RAM + 4 KiB          -> -KSH_EFAULT
 *   efault-cross-end    console write at RAM - 8, 16 bytes    -> -KSH_EFAULT
 *   efault-len-wrap     buf, len = 2^64 - buf + 16 (end wraps)-> -KSH_EFAULT *
 *   efault-ptr-wrap     0xfffffffffffffff0, 32 bytes          -> -KSH_EFAULT
 *   efault-huge-len     buf, 2^62 bytes                       -> -KSH_EFAULT *
 *     * or -KSH_EINVAL: a kernel may refuse a length above its console
 *       limit as a malformed range before looking at the mapping (ours
 *       does, above 4 KiB); anything else, success above all, is a FAIL
 *       (the line then says "want -2")
 *   einval-info-small   DOMAIN_INFO into 4 bytes              -> -KSH_EINVAL
 *   info-small-untouched  ... and those 4 bytes are unchanged
 *   efault-info-outside DOMAIN_INFO at RAM + 4 KiB            -> -KSH_EFAULT
 *   efault-info-cross   DOMAIN_INFO at RAM - 8                -> -KSH_EFAULT
 *   info-ok             DOMAIN_INFO, full size                -> 0
 *   info-domain-id / info-ram-size / info-name: agree with ksh_native_info
 *   cpl3-setup          own GDT/TSS/IDT/page tables for ring 3 installed
 *   cpl3-eperm          console write issued at CPL 3         -> -KSH_EPERM
 *                       (the domain must not have KSH_DOMF_USER_HYPERCALLS)
 *   alive-after         console write at CPL 0 still works    -> its length
 * CPL 3 comes last because it replaces the loader's GDT and page tables:
 * if the kernel cannot cope with that, the earlier results are already out.
 */
#include "guest_user.h"
#include <ksh/rt/rt.h>

static const char hc_ok_text[] = "HOSTILE-HC console ok\n";
static const char hc_cpl3_text[] = "FAIL cpl3: printed from CPL 3\n";
static char hc_buf[64] = "x";
static char hc_long[33 * 128];

/* 33 lines of 128 bytes: "HOSTILE-HC long NN " padded with dots. */
static uint64_t hc_long_text(void)
{
	for (int l = 0; l < 33; l++) {
		char *p = hc_long + l * 128;

		ksh_memset(p, '.', 127);
		ksh_snprintf(p, 20, "HOSTILE-HC long %02d ", l);
		p[19] = '.'; /* overwrite snprintf's NUL */
		p[127] = '\n';
	}
	return sizeof(hc_long);
}

/* -KSH_EFAULT, or -KSH_EINVAL for an over-long length (see the top). */
static void hc_refused(const char *name, int64_t r)
{
	ksh_check_eq(name, r, r == -KSH_EINVAL ? -KSH_EINVAL : -KSH_EFAULT,
		     __FILE__, __LINE__);
}

int main(const struct ksh_native_info *info)
{
	uint64_t ram = info->ram_size;
	uint64_t buf = ksh_rt_gpa(hc_buf);
	struct ksh_domain_info di;
	int64_t r;

	/* Unknown numbers: the whole 64-bit RAX selects the call. */
	KSH_EXPECT_EQ("enosys-0", ksh_hypercall(0, 0, 0, 0, 0), -KSH_ENOSYS);
	KSH_EXPECT_EQ("enosys-12", ksh_hypercall(12, 0, 0, 0, 0), -KSH_ENOSYS);
	KSH_EXPECT_EQ("enosys-trunc",
		      ksh_hypercall(0x100000001ull, buf, 1, 0, 0), -KSH_ENOSYS);
	KSH_EXPECT_EQ("enosys-high",
		      ksh_hypercall(0x8000000000000001ull, buf, 1, 0, 0),
		      -KSH_ENOSYS);

	/* Console write: the range is checked whole, wrap-around included. */
	KSH_EXPECT_EQ("console-ok",
		      ksh_hc_console_write(hc_ok_text, sizeof(hc_ok_text) - 1),
		      sizeof(hc_ok_text) - 1);
	KSH_EXPECT_EQ("console-long",
		      ksh_console_write(hc_long, hc_long_text()),
		      sizeof(hc_long));
	KSH_EXPECT_EQ("efault-outside-ram",
		      ksh_hypercall(KSH_HC_CONSOLE_WRITE, ram + 4096, 16, 0, 0),
		      -KSH_EFAULT);
	KSH_EXPECT_EQ("efault-cross-end",
		      ksh_hypercall(KSH_HC_CONSOLE_WRITE, ram - 8, 16, 0, 0),
		      -KSH_EFAULT);
	hc_refused("efault-len-wrap", ksh_hypercall(KSH_HC_CONSOLE_WRITE, buf,
						    0 - buf + 16, 0, 0));
	KSH_EXPECT_EQ("efault-ptr-wrap",
		      ksh_hypercall(KSH_HC_CONSOLE_WRITE, 0xfffffffffffffff0ull,
				    32, 0, 0),
		      -KSH_EFAULT);
	hc_refused("efault-huge-len",
		   ksh_hypercall(KSH_HC_CONSOLE_WRITE, buf, 1ull << 62, 0, 0));

	/* DOMAIN_INFO: too small a buffer is refused before anything is
	 * written (check first, then act). */
	ksh_memset(&di, 0xa5, sizeof(di));
	KSH_EXPECT_EQ("einval-info-small", ksh_hc_domain_info(&di, 4),
		      -KSH_EINVAL);
	KSH_EXPECT_EQ("info-small-untouched", di.domain_id, 0xa5a5a5a5u);
	KSH_EXPECT_EQ(
	    "efault-info-outside",
	    ksh_hypercall(KSH_HC_DOMAIN_INFO, ram + 4096, sizeof(di), 0, 0),
	    -KSH_EFAULT);
	KSH_EXPECT_EQ(
	    "efault-info-cross",
	    ksh_hypercall(KSH_HC_DOMAIN_INFO, ram - 8, sizeof(di), 0, 0),
	    -KSH_EFAULT);
	r = ksh_hc_domain_info(&di, sizeof(di));
	KSH_EXPECT_EQ("info-ok", r, 0);
	KSH_EXPECT_EQ("info-domain-id", di.domain_id, info->domain_id);
	KSH_EXPECT_EQ("info-ram-size", di.ram_size, info->ram_size);
	KSH_EXPECT_EQ("info-name",
		      ksh_strncmp(di.name, info->name, sizeof(di.name)), 0);

	/* CPL 3. */
	r = guest_user_setup(ram);
	KSH_EXPECT_EQ("cpl3-setup", r, 0);
	if (r == 0)
		KSH_EXPECT_EQ("cpl3-eperm",
			      guest_user_hypercall(KSH_HC_CONSOLE_WRITE,
						   ksh_rt_gpa(hc_cpl3_text),
						   sizeof(hc_cpl3_text) - 1, 0,
						   ksh_rt_hc_uses_vmcall()),
			      -KSH_EPERM);
	KSH_EXPECT_EQ("alive-after",
		      ksh_hc_console_write(hc_ok_text, sizeof(hc_ok_text) - 1),
		      sizeof(hc_ok_text) - 1);

	ksh_printf("HOSTILE-HC DONE failures=%u\n", ksh_check_failures);
	return (int)ksh_check_failures;
}
