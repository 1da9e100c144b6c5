/* SPDX-License-Identifier: MIT */
/*
 * The contract between kshc and the runtime: which features of the table
 * format (ksh/tables.h) this runtime enforces. One list, three readers:
 *
 *  - the kernel's table validator (kernel/core/tables_check.c) refuses
 *    tables that use a feature whose bit is not in KSH_FEATURES_ENFORCED,
 *    naming the feature;
 *  - kshc compiles the same mask in for --check and --emit-*, and refuses
 *    each construct outside it at its source location (check
 *    `not-enforced`, ksh-compiler/checks_contract.c);
 *  - the build writes it out as lib/ksh/contract.json next to the kernel
 *    library (mk/gen_contract.c), which `kshc -o` reads from
 *    the runtime it links against.
 *
 * The rule: a feature is switched on here (enforced 1) only in the change
 * that makes the kernel enforce it, together with the boot test that
 * proves it. A table entry nobody enforces would be a promise the running
 * machine does not keep.
 *
 * KSH_FEATURES(X) expands X(ID, bit, "name", enforced, "what") per feature.
 * Bits are stable (the contract file names them); never reuse one.
 */
#ifndef KSH_FEATURES_H
#define KSH_FEATURES_H

#include <stdint.h>

#include <ksh/tables.h>

/* Version of the contract file's layout (contract.json). */
#define KSH_CONTRACT_FORMAT 1u

/* Device models by domain kind: bit KSH_FEAT_DEV_BASE + (kind - 1) *
 * KSH_FEAT_DEV_MODELS + (model - 1), kind and model as in tables.h. */
#define KSH_FEAT_DEV_BASE   8u
#define KSH_FEAT_DEV_MODELS 9u /* KSH_VDEV_UART .. KSH_VDEV_CHANNEL */
#define KSH_FEAT_DEV(kind, model)                                              \
	(KSH_FEAT_DEV_BASE + ((kind)-1u) * KSH_FEAT_DEV_MODELS + ((model)-1u))

/* clang-format off */
#define KSH_FEATURES(X)                                                        \
	X(SMP, 0, "smp", 0,                                                    \
	  "more than one CPU: platform cpus > 1, schedule plans for CPUs "     \
	  "other than 0")                                                      \
	X(VCPUS, 1, "vcpus", 0, "domains with more than one vCPU")            \
	X(AFFINITY, 2, "affinity", 0, "domain affinity to CPUs other than 0") \
	X(IOMMU, 3, "iommu", 0,                                                \
	  "iommu required: DMA remapping (VT-d, AMD-Vi)")                      \
	X(PASSTHROUGH, 4, "passthrough", 0,                                    \
	  "physical PCI functions given to a domain")                         \
	X(NETWORK, 5, "network", 0, "networks joining emulated NICs")         \
	X(NETWORK_FILTER, 6, "network-filter", 0,                              \
	  "filter rules applied to a network's traffic")                       \
	X(EVENT_VECTOR, 7, "event-vector", 0,                                  \
	  "events delivered as a virtual interrupt vector")                    \
	X(DEV_NATIVE_UART, 8, "device-uart-native", 0,                         \
	  "16550A UART in a native domain")                                    \
	X(DEV_NATIVE_PIC, 9, "device-pic-native", 0,                           \
	  "8259A PIC pair in a native domain")                                 \
	X(DEV_NATIVE_PIT, 10, "device-pit-native", 0,                          \
	  "8254 PIT in a native domain")                                       \
	X(DEV_NATIVE_RTC, 11, "device-rtc-native", 0,                          \
	  "RTC/CMOS in a native domain")                                       \
	X(DEV_NATIVE_PCI_HOST, 12, "device-pci_host-native", 0,                \
	  "PCI host bridge in a native domain")                                \
	X(DEV_NATIVE_NE2000, 13, "device-ne2000-native", 0,                    \
	  "NE2000 NIC in a native domain")                                     \
	X(DEV_NATIVE_IDE, 14, "device-ide-native", 0,                          \
	  "IDE disk in a native domain")                                       \
	X(DEV_NATIVE_AHCI, 15, "device-ahci-native", 0,                        \
	  "AHCI disk in a native domain")                                      \
	X(DEV_NATIVE_CHANNEL, 16, "device-channel-native", 0,                  \
	  "channel PCI device in a native domain")                             \
	X(DEV_LINUX_UART, 17, "device-uart-linux", 1,                          \
	  "16550A UART in a Linux domain")                                     \
	X(DEV_LINUX_PIC, 18, "device-pic-linux", 1,                            \
	  "8259A PIC pair in a Linux domain")                                  \
	X(DEV_LINUX_PIT, 19, "device-pit-linux", 1,                            \
	  "8254 PIT in a Linux domain")                                        \
	X(DEV_LINUX_RTC, 20, "device-rtc-linux", 1,                            \
	  "RTC/CMOS in a Linux domain")                                        \
	X(DEV_LINUX_PCI_HOST, 21, "device-pci_host-linux", 1,                  \
	  "PCI host bridge in a Linux domain")                                 \
	X(DEV_LINUX_NE2000, 22, "device-ne2000-linux", 0,                      \
	  "NE2000 NIC in a Linux domain")                                      \
	X(DEV_LINUX_IDE, 23, "device-ide-linux", 0,                            \
	  "IDE disk in a Linux domain")                                        \
	X(DEV_LINUX_AHCI, 24, "device-ahci-linux", 0,                          \
	  "AHCI disk in a Linux domain")                                       \
	X(DEV_LINUX_CHANNEL, 25, "device-channel-linux", 1,                    \
	  "channel PCI device in a Linux domain")                              \
	X(DEV_MULTIBOOT_UART, 26, "device-uart-multiboot", 0,                  \
	  "16550A UART in a Multiboot domain")                                 \
	X(DEV_MULTIBOOT_PIC, 27, "device-pic-multiboot", 0,                    \
	  "8259A PIC pair in a Multiboot domain")                              \
	X(DEV_MULTIBOOT_PIT, 28, "device-pit-multiboot", 0,                    \
	  "8254 PIT in a Multiboot domain")                                    \
	X(DEV_MULTIBOOT_RTC, 29, "device-rtc-multiboot", 0,                    \
	  "RTC/CMOS in a Multiboot domain")                                    \
	X(DEV_MULTIBOOT_PCI_HOST, 30, "device-pci_host-multiboot", 0,          \
	  "PCI host bridge in a Multiboot domain")                             \
	X(DEV_MULTIBOOT_NE2000, 31, "device-ne2000-multiboot", 0,              \
	  "NE2000 NIC in a Multiboot domain")                                  \
	X(DEV_MULTIBOOT_IDE, 32, "device-ide-multiboot", 0,                    \
	  "IDE disk in a Multiboot domain")                                    \
	X(DEV_MULTIBOOT_AHCI, 33, "device-ahci-multiboot", 0,                  \
	  "AHCI disk in a Multiboot domain")                                   \
	X(DEV_MULTIBOOT_CHANNEL, 34, "device-channel-multiboot", 0,            \
	  "channel PCI device in a Multiboot domain")
/* clang-format on */

enum ksh_feature {
#define KSH_FEAT_ENUM_(id, bit, name, on, what) KSH_FEAT_##id = (bit),
	KSH_FEATURES(KSH_FEAT_ENUM_)
#undef KSH_FEAT_ENUM_
};

#define KSH_FEAT_BIT(f) (1ull << (f))

/* Every feature the format can express, and those this runtime enforces. */
#define KSH_FEAT_ALL_(id, bit, name, on, what) | KSH_FEAT_BIT(bit)
#define KSH_FEAT_ON_(id, bit, name, on, what)                                  \
	| ((on) ? KSH_FEAT_BIT(bit) : 0ull)
#define KSH_FEATURES_KNOWN    (0ull KSH_FEATURES(KSH_FEAT_ALL_))
#define KSH_FEATURES_ENFORCED (0ull KSH_FEATURES(KSH_FEAT_ON_))

/*
 * ksh_tables_features - the features a table set uses, as a mask of
 * KSH_FEAT_BIT()s. Only for tables ksh_tables_validate() has found
 * structurally sound (it calls this last). Defined in tables_check.c.
 */
uint64_t ksh_tables_features(const struct ksh_tables *t);

/* ksh_feature_name - "smp", "device-ne2000-linux", ...; NULL if unknown. */
static inline const char *ksh_feature_name(unsigned f)
{
	switch (f) {
#define KSH_FEAT_NAME_(id, bit, name, on, what)                                \
	case bit:                                                              \
		return name;
		KSH_FEATURES(KSH_FEAT_NAME_)
#undef KSH_FEAT_NAME_
	}
	return 0;
}

/* ksh_feature_what - one line saying what the feature is, or NULL. */
static inline const char *ksh_feature_what(unsigned f)
{
	switch (f) {
#define KSH_FEAT_WHAT_(id, bit, name, on, what)                                \
	case bit:                                                              \
		return what;
		KSH_FEATURES(KSH_FEAT_WHAT_)
#undef KSH_FEAT_WHAT_
	}
	return 0;
}

#endif /* KSH_FEATURES_H */
