// SPDX-License-Identifier: MIT
/* Unit tests for the hypercall argument checks (kernel/chan/hcall_decode.c
 * over gmap.c): buffers must lie inside the caller's mappings with the
 * rights the call needs, wrap-around and over-long lengths are refused,
 * unknown numbers give ENOSYS, guest user mode EPERM. */
#include <criterion/criterion.h>
#include <ksh/gmap.h>
#include <ksh/hcall.h>
#include <ksh/hypercall.h>

static const struct ksh_memobj objs[] = {
    {.name = "ram",
     .kind = KSH_MEMOBJ_RAM,
     .size = 0x200000,
     .align = 0x200000},
    {.name = "ro",
     .kind = KSH_MEMOBJ_SHARED,
     .owner = KSH_NONE,
     .size = 0x1000,
     .align = 0x1000},
    {.name = "ram2",
     .kind = KSH_MEMOBJ_RAM,
     .owner = 1,
     .size = 0x1000,
     .align = 0x1000},
};
/* Domain 0: RAM 0..2M RWX, then a read-only page right after it, so a
 * buffer may span both. Domain 1 (user hypercalls allowed): one page. */
static const struct ksh_mapping maps[] = {
    {.domain = 0,
     .memobj = 0,
     .gpa = 0,
     .size = 0x200000,
     .rights = KSH_R | KSH_W | KSH_X},
    {.domain = 0,
     .memobj = 1,
     .gpa = 0x200000,
     .size = 0x1000,
     .rights = KSH_R},
    {.domain = 1,
     .memobj = 2,
     .gpa = 0,
     .size = 0x1000,
     .rights = KSH_R | KSH_W},
};
static const struct ksh_domain doms[] = {
    {.name = "d0", .first_mapping = 0, .n_mappings = 2},
    {.name = "d1",
     .flags = KSH_DOMF_USER_HYPERCALLS,
     .first_mapping = 2,
     .n_mappings = 1},
};
static const struct ksh_tables t = {
    .domains = doms,
    .n_domains = 2,
    .memobjs = objs,
    .n_memobjs = 3,
    .mappings = maps,
    .n_mappings = 3,
};

static int call(uint32_t dom, uint64_t nr, uint64_t a0, uint64_t a1,
		uint32_t cpl, struct hc_op *op)
{
	struct hc_call c = {.nr = nr, .arg = {a0, a1, 0, 0}, .cpl = cpl};

	return hc_decode(&t, dom, &c, op);
}

Test(hcall, console_write_inside_ram)
{
	struct hc_op op;

	cr_assert_eq(call(0, KSH_HC_CONSOLE_WRITE, 0x1000, 100, 0, &op), 0);
	cr_assert_eq(op.nr, KSH_HC_CONSOLE_WRITE);
	cr_assert_eq(op.gpa, 0x1000);
	cr_assert_eq(op.len, 100);
}

Test(hcall, console_write_across_mappings_needs_only_read)
{
	struct hc_op op;

	cr_assert_eq(call(0, KSH_HC_CONSOLE_WRITE, 0x1FFF00, 0x200, 0, &op), 0);
}

Test(hcall, console_write_outside_is_efault)
{
	struct hc_op op;

	cr_assert_eq(call(0, KSH_HC_CONSOLE_WRITE, 0x201000, 1, 0, &op),
		     -KSH_EFAULT);
	cr_assert_eq(call(0, KSH_HC_CONSOLE_WRITE, 0x200F00, 0x200, 0, &op),
		     -KSH_EFAULT);
	cr_assert_eq(call(1, KSH_HC_CONSOLE_WRITE, 0x1000, 1, 0, &op),
		     -KSH_EFAULT);
}

Test(hcall, wrap_around_is_efault)
{
	struct hc_op op;

	cr_assert_eq(
	    call(0, KSH_HC_CONSOLE_WRITE, 0xFFFFFFFFFFFFFF00ull, 0x200, 0, &op),
	    -KSH_EFAULT);
	cr_assert_eq(gmap_check(&t, 0, 0x100, UINT64_MAX, KSH_R), -KSH_EFAULT);
}

Test(hcall, over_long_is_einval)
{
	struct hc_op op;

	/* mapped but longer than one call may print */
	cr_assert_eq(
	    call(0, KSH_HC_CONSOLE_WRITE, 0, HC_CONSOLE_MAX + 1, 0, &op),
	    -KSH_EINVAL);
	/* not mapped: the address is what is wrong */
	cr_assert_eq(call(0, KSH_HC_CONSOLE_WRITE, 0, UINT64_MAX, 0, &op),
		     -KSH_EFAULT);
	cr_assert_eq(call(0, KSH_HC_CONSOLE_WRITE, 0x1000, 1ull << 62, 0, &op),
		     -KSH_EFAULT);
}

Test(hcall, domain_info_needs_write_and_room)
{
	struct hc_op op;
	uint64_t sz = sizeof(struct ksh_domain_info);

	cr_assert_eq(call(0, KSH_HC_DOMAIN_INFO, 0x2000, sz, 0, &op), 0);
	cr_assert_eq(op.len, sz);
	cr_assert_eq(call(0, KSH_HC_DOMAIN_INFO, 0x2000, sz - 1, 0, &op),
		     -KSH_EINVAL);
	/* read-only page: the kernel would write there */
	cr_assert_eq(call(0, KSH_HC_DOMAIN_INFO, 0x200000, sz, 0, &op),
		     -KSH_EFAULT);
	cr_assert_eq(call(0, KSH_HC_DOMAIN_INFO, 0x200000 - 8, sz, 0, &op),
		     -KSH_EFAULT);
}

Test(hcall, unknown_is_enosys)
{
	struct hc_op op;

	cr_assert_eq(call(0, 0, 0, 0, 0, &op), -KSH_ENOSYS);
	cr_assert_eq(call(0, 12345, 0, 0, 0, &op), -KSH_ENOSYS);
	cr_assert_eq(call(0, UINT64_MAX, 0, 0, 0, &op), -KSH_ENOSYS);
	/* 2^32 + a valid number must not alias it */
	cr_assert_eq(call(0, (1ull << 32) | KSH_HC_YIELD, 0, 0, 0, &op),
		     -KSH_ENOSYS);
}

Test(hcall, user_mode_refused_unless_allowed)
{
	struct hc_op op;

	cr_assert_eq(call(0, KSH_HC_YIELD, 0, 0, 3, &op), -KSH_EPERM);
	cr_assert_eq(call(1, KSH_HC_YIELD, 0, 0, 3, &op), 0);
}

Test(hcall, simple_calls)
{
	struct hc_op op;

	cr_assert_eq(call(0, KSH_HC_YIELD, 0, 0, 0, &op), 0);
	cr_assert_eq(call(0, KSH_HC_TIME, 0, 0, 0, &op), 0);
	cr_assert_eq(call(0, KSH_HC_EXIT, 42, 0, 0, &op), 0);
	cr_assert_eq(op.value, 42);
}

Test(hcall, gmap_hpa_runs)
{
	const uint64_t hpa[] = {0x1000000, 0x5000000, 0x6000000};
	uint64_t run;

	cr_assert_eq(gmap_hpa(&t, hpa, 0, 0x1FF000, &run), 0x11FF000);
	cr_assert_eq(run, 0x1000);
	cr_assert_eq(gmap_hpa(&t, hpa, 0, 0x200010, &run), 0x5000010);
	cr_assert_eq(run, 0xFF0);
	cr_assert_eq(gmap_hpa(&t, hpa, 0, 0x201000, &run), 0);
	cr_assert_eq(run, 0);
}
