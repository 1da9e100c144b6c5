/* generated — do not edit.
 * kshc 0.1.0 from examples/hello.ksh; the format is include/ksh/tables.h. */
/* Indices a native domain uses to name things: its domain id,
 * its channel handles and each channel's method numbers. */
#ifndef KSH_GENERATED_TABLES_H
#define KSH_GENERATED_TABLES_H

#define KSH_SYSTEM_NAME "hello"
#define KSH_N_DOMAINS 2u
#define KSH_N_CHANNELS 1u

#define KSH_DOMAIN_HELLO_A 0u
#define KSH_HANDLE_HELLO_A_GREET 0u
#define KSH_DOMAIN_HELLO_B 1u
#define KSH_HANDLE_HELLO_B_GREET 0u

#define KSH_METHOD_GREET_HELLO 0u

#endif /* KSH_GENERATED_TABLES_H */
