/* SPDX-License-Identifier: MIT */
/*
 * Payload loaders: pure functions that place a payload into a domain's RAM
 * and say how its first vCPU must start. They touch nothing but the RAM
 * buffer they are given (the domain's RAM object, contiguous, guest-physical
 * 0 .. size), so they run unchanged in the kernel and in host unit tests,
 * and a hostile payload can at worst produce a refusal.
 *
 * Every loader validates the whole payload before writing anything
 * (check first, then act) and returns 0 or a negative LOADER_E* code, with
 * a static message in *why.
 */
#ifndef KSH_LOADER_H
#define KSH_LOADER_H

#include <stddef.h>
#include <stdint.h>

/* A domain's RAM as the loader sees it. */
struct guest_ram {
	uint8_t *base; /* host pointer to guest-physical 0 */
	uint64_t size; /* bytes */
};

/* The CPU mode the vCPU starts in. */
enum vcpu_start_mode {
	VCPU_START_LONG64 = 1,	/* native domains: paging on, identity map */
	VCPU_START_PROT32 = 2,	/* Multiboot: flat 32-bit, paging off */
	VCPU_START_LINUX64 = 3, /* Linux 64-bit boot protocol entry */
};

/* Initial register state. Segment state follows from the mode: flat
 * segments, 64-bit CS for LONG64/LINUX64, 32-bit CS for PROT32. */
struct vcpu_start {
	uint32_t mode; /* enum vcpu_start_mode */
	uint64_t rip, rsp, rflags;
	uint64_t rax, rbx, rsi, rdi;
	uint64_t cr3;	   /* LONG64/LINUX64: guest page tables (GPA) */
	uint64_t gdt_base; /* GPA of a flat GDT the loader wrote, or 0 */
	uint16_t gdt_limit;
};

/* Selectors of the flat GDT every loader writes (at gdt_base): CS is a
 * 64-bit code segment for LONG64/LINUX64 and a 32-bit one for PROT32; DS is
 * flat read/write data, for DS/ES/FS/GS/SS. The values are the Linux boot
 * protocol's __BOOT_CS/__BOOT_DS, so Linux can keep using them. */
#define LOADER_GDT_CS 0x10
#define LOADER_GDT_DS 0x18

enum loader_err {
	LOADER_EFORMAT = 1,	 /* not the expected format / corrupt headers */
	LOADER_ERANGE = 2,	 /* a segment or structure falls outside RAM */
	LOADER_EUNSUPPORTED = 3, /* valid file, feature we do not implement */
	LOADER_ESPACE = 4, /* RAM too small for payload + boot structures */
};

/* Native 64-bit ELF domain (ksh/native.h describes the contract). Writes
 * the segments, the identity-mapped page tables in the reserved top of
 * RAM, and struct ksh_native_info, whose handle descriptions are the
 * first KSH_NATIVE_HANDLES_MAX of handles[0..n_handles) (NULL when
 * n_handles is 0). */
struct ksh_native_handle;
int loader_native(const struct guest_ram *ram, const void *elf, size_t len,
		  uint32_t domain_id, const char *name,
		  const struct ksh_native_handle *handles, uint32_t n_handles,
		  struct vcpu_start *start, const char **why);

/* Describes domain dom's handles from the tables into out[0..max), in
 * handle order; returns how many it wrote (min(endpoints, max)). The
 * tables must have passed the validator (indices in range). */
struct ksh_tables;
uint32_t loader_native_handles(const struct ksh_tables *t, uint32_t dom,
			       struct ksh_native_handle *out, uint32_t max);

/* Multiboot v1 or v2 kernel (ELF32/ELF64 or a.out kludge): loads it, builds
 * the info structure (memory map from RAM size, command line, loader name)
 * and starts in 32-bit protected mode with EAX = the magic, EBX = info. */
int loader_multiboot(const struct guest_ram *ram, const void *image, size_t len,
		     const char *cmdline, struct vcpu_start *start,
		     const char **why);

/* Linux bzImage by the x86 boot protocol (Documentation/arch/x86/boot.rst):
 * setup header checks, boot_params (zero page) with an e820 map of RAM,
 * command line, initrd placed below the kernel's initrd_addr_max, 64-bit
 * entry at code32_start + 0x200 with RSI = boot_params. */
int loader_linux(const struct guest_ram *ram, const void *bzimage, size_t len,
		 const void *initrd, size_t initrd_len, const char *cmdline,
		 struct vcpu_start *start, const char **why);

#endif /* KSH_LOADER_H */
