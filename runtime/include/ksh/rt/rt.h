/* SPDX-License-Identifier: MIT */
/*
 * The native-domain runtime (libksh-native.a, linker script native.ld).
 * A native program defines
 *     int main(const struct ksh_native_info *info);
 * The entry code (runtime/native/crt0.S) is started by the kernel as
 * include/ksh/native.h describes, picks the hypercall instruction,
 * loads the stack protector's canary (ksh/rt/stack_guard.h, which a
 * program includes itself to read it), calls main
 * and stops the domain with KSH_HC_EXIT(main's return value).
 */
#ifndef KSH_RT_RT_H
#define KSH_RT_RT_H

#include <ksh/native.h>
#include <ksh/hypercall.h>
#include <ksh/rt/check.h>
#include <ksh/rt/console.h>
#include <ksh/rt/cpu.h>
#include <ksh/rt/format.h>
#include <ksh/rt/handle.h>
#include <ksh/rt/hypercall.h>
#include <ksh/rt/string.h>

int main(const struct ksh_native_info *info);

/* Bounds of the loaded image (from native.ld): RAM from the end of the
 * image up to the stack region is free for the program. */
extern char __ksh_image_start[], __ksh_image_end[];

/* Entry from crt0: does not return. */
__attribute__((noreturn)) void ksh_rt_start(const struct ksh_native_info *);

#endif /* KSH_RT_RT_H */
