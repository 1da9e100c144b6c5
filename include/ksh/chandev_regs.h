/* SPDX-License-Identifier: MIT */
/*
 * The ksh channel device: the guest-visible contract between the emulated
 * PCI function (kernel/devices, driven by the kernel) and the code in a
 * Linux guest that uses it from user space (images/linux: libkshchan and
 * the `kshchan` tool). Plain C with fixed-width types and nothing else, so
 * both sides include it unchanged.
 *
 * One PCI function per `device channel NAME { channel C; ... }` in the
 * system description: it gives its domain's endpoint on channel C. A
 * Linux guest needs no driver: user space finds the function in
 * /sys/bus/pci/devices by vendor/device ID, reads and writes the register
 * block through sysfs `resource0` (pread/pwrite of 4 bytes at a register
 * offset; Linux's pci-sysfs turns them into IN/OUT on the I/O BAR), and
 * maps the other BARs through `resource1` / `resource2` with mmap.
 *
 * Why the registers are in I/O space: an I/O access exits with its port,
 * size and direction already decoded by the CPU (AMD APM vol. 2 15.10.2,
 * EXITINFO1; Intel SDM vol. 3C 28.2.1, exit qualification for I/O
 * instructions), so the kernel never has to decode a guest instruction
 * for them. The data paths (message buffer, shared window) are memory
 * BARs backed by RAM and never exit.
 *
 * PCI configuration (type 0 header, PCI 3.0 ch. 6):
 *   vendor KSH_CHANDEV_VENDOR, device KSH_CHANDEV_DEVICE,
 *   class 0xFF0000 (unassigned class: no stock driver binds to it),
 *   subsystem ID = the channel kind (KSH_CHANDEV_KIND_*),
 *   INTA# routed to the device's `irq` (interrupt line register).
 *   BAR0: I/O, KSH_CHANDEV_REGS_SIZE bytes: the registers below.
 *   BAR1: memory, KSH_CHANDEV_DESC_SIZE + message buffer (a multiple of
 *         4 KiB): first the read-only descriptor page (struct
 *         ksh_chandev_desc), then the domain-private message buffer the
 *         SEND and RECV commands copy from and to.
 *   BAR2: memory channels only: the channel's shared window, mapped with
 *         the endpoint's rights at the nested-paging level (writer
 *         read/write, reader read-only). Absent on message channels.
 */
#ifndef KSH_CHANDEV_REGS_H
#define KSH_CHANDEV_REGS_H

#include <stdint.h>

#define KSH_CHANDEV_VENDOR 0x4B53u /* "KS" */
#define KSH_CHANDEV_DEVICE 0x4348u /* "CH" */
#define KSH_CHANDEV_CLASS  0xFF0000u

#define KSH_CHANDEV_KIND_MEMORY	 1u /* = KSH_CHANNEL_MEMORY */
#define KSH_CHANDEV_KIND_MESSAGE 2u /* = KSH_CHANNEL_MESSAGE */

#define KSH_CHANDEV_REGS_SIZE 64u
#define KSH_CHANDEV_DESC_SIZE 4096u

/*
 * BAR0 registers: 32-bit, little-endian, accessed with 4-byte IN/OUT at
 * 4-byte aligned offsets. Other sizes or offsets read all ones and are
 * ignored on write (and counted by the device as a guest error).
 */
enum ksh_chandev_reg {
	KSH_CHANDEV_ID = 0x00,	       /* RO: KSH_CHANDEV_MAGIC */
	KSH_CHANDEV_INFO = 0x04,       /* RO: version, kind, role, n_methods */
	KSH_CHANDEV_MAX_MSG = 0x08,    /* RO: largest message (message channel),
				     * window size in bytes (memory channel) */
	KSH_CHANDEV_STATUS = 0x0C,     /* RO: KSH_CHANDEV_ST_* */
	KSH_CHANDEV_IRQ_MASK = 0x10,   /* RW: STATUS bits that assert INTA# */
	KSH_CHANDEV_IRQ_ACK = 0x14,    /* WO: write 1s to clear latched
				      * KSH_CHANDEV_ST_EVENT / _RX bits */
	KSH_CHANDEV_METHOD = 0x18,     /* RW: method index for SEND; after a
				      * successful RECV the received method */
	KSH_CHANDEV_LENGTH = 0x1C,     /* RW: bytes in the message buffer for
				      * SEND; after RECV the received length */
	KSH_CHANDEV_COMMAND = 0x20,    /* WO: KSH_CHANDEV_CMD_*, runs at once */
	KSH_CHANDEV_RESULT = 0x24,     /* RO: result of the last command: 0, or
				      * a negative KSH_E* (ksh/hypercall.h)
				      * as a two's-complement int32 */
	KSH_CHANDEV_FLOW_STATE = 0x28, /* RO: the channel's flow state as
					* the policy sees it, ~0 if none */
	KSH_CHANDEV_QUEUED = 0x2C,     /* RO: messages waiting (receiver) */
};

#define KSH_CHANDEV_MAGIC 0x4348534Bu /* "KSHC" in little-endian bytes */

/* KSH_CHANDEV_INFO fields. */
#define KSH_CHANDEV_INFO_VERSION(v)   ((v)&0xFFu) /* 1 */
#define KSH_CHANDEV_INFO_KIND(v)      (((v) >> 8) & 0xFu)
#define KSH_CHANDEV_INFO_ROLE(v)      (((v) >> 12) & 0xFu) /* ksh_endpoint_role */
#define KSH_CHANDEV_INFO_N_METHODS(v) (((v) >> 16) & 0xFFu)
#define KSH_CHANDEV_VERSION	      1u

/* KSH_CHANDEV_STATUS bits. */
#define KSH_CHANDEV_ST_RX    0x1u /* receiver: a message is queued (live) */
#define KSH_CHANDEV_ST_TX    0x2u /* sender: the queue has room (live) */
#define KSH_CHANDEV_ST_EVENT 0x4u /* memory channel doorbell rang (latched) */
#define KSH_CHANDEV_ST_IRQ   0x8u /* INTA# is asserted */

/*
 * Commands. Each is one policy-checked operation with this domain as the
 * subject, exactly as the hypercall of the same name from a native domain
 * (same decision table, flow machine and audit records):
 *   SEND:   CHAN_SEND of LENGTH bytes from the message buffer, METHOD.
 *   RECV:   CHAN_RECV into the message buffer; sets METHOD and LENGTH.
 *   SIGNAL: ring the memory channel's doorbell (EVENT_SIGNAL).
 * RESULT holds the outcome; -KSH_EAGAIN means queue full (SEND) or empty
 * (RECV), and nothing was lost.
 */
enum ksh_chandev_cmd {
	KSH_CHANDEV_CMD_SEND = 1,
	KSH_CHANDEV_CMD_RECV = 2,
	KSH_CHANDEV_CMD_SIGNAL = 3,
};

/*
 * The read-only descriptor page at the start of BAR1, filled by the
 * kernel when the domain starts: how user space finds a channel by name
 * and a method's index by name. Strings are NUL-terminated and NUL-padded.
 */
#define KSH_CHANDEV_NAME_MAX	64u
#define KSH_CHANDEV_METHODS_MAX 48u

struct ksh_chandev_desc {
	uint32_t magic;	     /* KSH_CHANDEV_MAGIC */
	uint32_t version;    /* KSH_CHANDEV_VERSION */
	uint32_t kind;	     /* KSH_CHANDEV_KIND_* */
	uint32_t role;	     /* enum ksh_endpoint_role (ksh/tables.h) */
	uint32_t max_msg;    /* as the MAX_MSG register */
	uint32_t buf_offset; /* message buffer offset in BAR1 */
	uint32_t buf_size;   /* message buffer size in bytes */
	uint32_t n_methods;  /* entries used in methods[] */
	char channel[KSH_CHANDEV_NAME_MAX]; /* channel name in the .ksh */
	char device[KSH_CHANDEV_NAME_MAX];  /* device name in the .ksh */
	char methods[KSH_CHANDEV_METHODS_MAX][KSH_CHANDEV_NAME_MAX];
};

#endif /* KSH_CHANDEV_REGS_H */
