/* SPDX-License-Identifier: MIT */
/*
 * Internal interfaces of the UEFI entry (kernel/boot/).
 */
#ifndef KSH_BOOT_H
#define KSH_BOOT_H

#include <stdint.h>

/* SHA-256 of data (BearSSL). */
void boot_sha256(const void *data, uint64_t len, uint8_t out[32]);

#ifdef KSH_EFI_TYPES
#include <efi.h>

#include <ksh/boot_info.h>

/* Reads the memory map into the entry's static buffer. Returns the
 * status, with *key set for ExitBootServices. */
EFI_STATUS efi_memory_map(UINTN *key);
/* Summarises the map into bi (max_phys, conventional_bytes). */
void efi_memory_summary(struct boot_info *bi);
/* Allocates pages (EfiLoaderData) aligned to align bytes (4 KiB or
 * 2 MiB), zeroed. Returns 0 and *hpa, or -1. */
int efi_alloc(uint64_t bytes, uint64_t align, uint64_t *hpa);
/* Gives back what efi_alloc returned for bytes at hpa. */
void efi_free(uint64_t hpa, uint64_t bytes);
/* Verifies and loads each domain's payloads into its RAM object; a domain
 * whose payload fails is marked refused, the others go on. */
void boot_load_domains(struct boot_info *bi);
#endif

#endif /* KSH_BOOT_H */
