/* generated — do not edit.
 * kshc 0.1.0 from examples/linux.ksh; the format is include/ksh/tables.h. */
/* Indices a native domain uses to name things: its domain id,
 * its channel handles and each channel's method numbers. */
#ifndef KSH_GENERATED_TABLES_H
#define KSH_GENERATED_TABLES_H

#define KSH_SYSTEM_NAME "linux"
#define KSH_N_DOMAINS 1u
#define KSH_N_CHANNELS 0u

#define KSH_DOMAIN_LINUX 0u


#endif /* KSH_GENERATED_TABLES_H */
