// SPDX-License-Identifier: MIT
/* C side of the native entry: init, main, exit (see ksh/rt/rt.h). */
#include <ksh/rt/rt.h>
#include <ksh/rt/stack_guard.h>

void ksh_rt_start(const struct ksh_native_info *info)
{
	ksh_rt_hc_init();
	/* A loader that did not follow native.h would hand us garbage: say so
	 * instead of running main on it. Exit status 126 marks it. */
	if (!info || info->magic != KSH_NATIVE_INFO_MAGIC) {
		ksh_printf("ksh-rt: bad native info at %p\n",
			   (const void *)info);
		ksh_hc_exit(126);
	}
	/* Before main: from here on, code built with the stack protector
	 * checks a real canary, not the 0 at guest address 0x28. */
	ksh_rt_stack_guard_init(info->domain_id, (uint64_t)(uintptr_t)info);
	ksh_hc_exit(main(info));
}
