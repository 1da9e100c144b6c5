/* SPDX-License-Identifier: MIT */
/*
 * BearSSL's headers include <string.h>; native domains have no C
 * library, so this shim (found before /usr/include, which the keystore
 * guest adds with -idirafter for bearssl.h only) hands them the native
 * runtime's declarations.
 */
#ifndef KSH_BEARSSL_SHIM_STRING_H
#define KSH_BEARSSL_SHIM_STRING_H
#include <ksh/rt/string.h>
#endif
