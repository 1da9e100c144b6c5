/* generated — do not edit.
 * kshc 0.1.0 from examples/keystore_linux.ksh; the format is include/ksh/tables.h. */
/* Indices a native domain uses to name things: its domain id,
 * its channel handles and each channel's method numbers. */
#ifndef KSH_GENERATED_TABLES_H
#define KSH_GENERATED_TABLES_H

#define KSH_SYSTEM_NAME "keystore_linux"
#define KSH_N_DOMAINS 3u
#define KSH_N_CHANNELS 3u

#define KSH_DOMAIN_CLIENT 0u
#define KSH_HANDLE_CLIENT_CRYPTO 0u
#define KSH_HANDLE_CLIENT_REPLY 1u
#define KSH_DOMAIN_KEYSTORE 1u
#define KSH_HANDLE_KEYSTORE_CRYPTO 0u
#define KSH_HANDLE_KEYSTORE_REPLY 1u
#define KSH_HANDLE_KEYSTORE_GUEST_CRYPTO 2u
#define KSH_DOMAIN_INTRUDER 2u
#define KSH_HANDLE_INTRUDER_GUEST_CRYPTO 0u

#define KSH_METHOD_CRYPTO_UNLOCK 0u
#define KSH_METHOD_CRYPTO_SIGN 1u
#define KSH_METHOD_CRYPTO_LOCK 2u
#define KSH_METHOD_REPLY_STATUS 0u
#define KSH_METHOD_REPLY_SIGNATURE 1u
#define KSH_METHOD_GUEST_CRYPTO_SIGN 0u

#endif /* KSH_GENERATED_TABLES_H */
