/* SPDX-License-Identifier: MIT */
/*
 * PCI for emulated devices: a configuration-space model (type 0 header,
 * BARs sized by writing all ones, read-only / writable / write-1-to-clear
 * bits, capability list) that every emulated PCI device embeds, and a
 * host bridge with configuration mechanism #1 at 0xCF8/0xCFC that routes
 * configuration cycles on bus 0 to the devices added to it.
 */
#ifndef KSH_VDEV_PCI_H
#define KSH_VDEV_PCI_H

#include <ksh/vdev.h>

#define VPCI_CFG_SIZE 256
#define VPCI_NUM_BARS 6

/* BAR type bits (PCI 3.0, 6.2.5.1), passed to vpci_cfg_set_bar. */
#define VPCI_BAR_IO	  0x01u
#define VPCI_BAR_MEM64	  0x04u
#define VPCI_BAR_PREFETCH 0x08u

/* Command and status register bits (PCI 3.0, 6.2.2). */
#define VPCI_CMD_IO	      0x0001u
#define VPCI_CMD_MEM	      0x0002u
#define VPCI_CMD_MASTER	      0x0004u
#define VPCI_CMD_PARITY	      0x0040u
#define VPCI_CMD_SERR	      0x0100u
#define VPCI_CMD_INTX_DISABLE 0x0400u
#define VPCI_STATUS_INTX      0x0008u
#define VPCI_STATUS_CAP_LIST  0x0010u

struct vpci_cfg {
	uint8_t data[VPCI_CFG_SIZE];
	uint8_t wmask[VPCI_CFG_SIZE];	  /* bits software may write */
	uint8_t w1c[VPCI_CFG_SIZE];	  /* bits a written 1 clears */
	uint64_t bar_size[VPCI_NUM_BARS]; /* 0: no BAR (or upper half) */
	uint8_t cap_end;		  /* where the next capability goes */
	uint8_t cap_last; /* last capability's offset, 0 if none */
};

/*
 * A type 0 header: IDs and class read-only; command bits I/O, memory,
 * bus master, parity, SERR and INTx disable writable; status error bits
 * write-1-to-clear; cache line size, latency timer and interrupt line
 * writable. class_code is the 24-bit base/sub/programming interface.
 */
void vpci_cfg_init(struct vpci_cfg *c, uint16_t vendor, uint16_t device,
		   uint32_t class_code, uint8_t revision);
/* Declares BAR `bar` of `size` bytes (a power of two, >= 4 for I/O,
 * >= 16 for memory; 64-bit BARs take bar and bar + 1). Returns 0 or
 * -VDEV_EINVAL. */
int vpci_cfg_set_bar(struct vpci_cfg *c, unsigned int bar, uint64_t size,
		     unsigned int type);
/* Appends a capability of `len` bytes (header included) with ID `id`;
 * returns its offset or -VDEV_ENOSPC. Its body is read-only until the
 * device widens wmask. */
int vpci_cfg_add_cap(struct vpci_cfg *c, uint8_t id, unsigned int len);
/* Interrupt pin (1 = INTA#) and the initial interrupt line. */
void vpci_cfg_set_irq(struct vpci_cfg *c, uint8_t pin, uint8_t line);

/* Little-endian access of 1, 2 or 4 bytes at `off` (off + size <= 256;
 * out of range reads return all ones and writes are dropped). */
uint32_t vpci_cfg_read(const struct vpci_cfg *c, unsigned int off,
		       unsigned int size);
void vpci_cfg_write(struct vpci_cfg *c, unsigned int off, unsigned int size,
		    uint32_t val);

uint16_t vpci_cfg_command(const struct vpci_cfg *c);
/* The address BAR `bar` holds (both halves of a 64-bit BAR). */
uint64_t vpci_cfg_bar_addr(const struct vpci_cfg *c, unsigned int bar);
/* Fills a vdev range for BAR `bar`: its address and size if the BAR
 * exists, is programmed (non-zero) and its space is enabled in the
 * command register, else a disabled range (len 0). */
void vpci_cfg_bar_range(const struct vpci_cfg *c, unsigned int bar,
			struct vdev_range *r, uint8_t sizes);

/* A PCI function on the emulated bus. cfg_written (may be NULL) is called
 * after every configuration write so the device can follow BAR and
 * command changes. */
struct vpci_dev {
	struct vpci_cfg cfg;
	void (*cfg_written)(struct vpci_dev *d, unsigned int off,
			    unsigned int size);
	uint8_t devfn; /* device << 3 | function */
	struct vpci_dev *next;
};

struct vpci_host {
	struct vdev dev;
	uint32_t config_address; /* CONFIG_ADDRESS at 0xCF8 */
	uint8_t rcr;		 /* PIIX reset control register at 0xCF9 */
	struct vpci_dev bridge;	 /* 00:00.0 */
	struct vpci_dev *devs;	 /* bus 0, bridge first */
	uint64_t resets;	 /* reset requests seen at 0xCF9 */
};

/* Claims 0xCF8-0xCFF and puts the host bridge at 00:00.0. */
int vpci_host_init(struct vpci_host *h, struct vdev_env *env);
/* Adds a function on bus 0; -VDEV_EBUSY if devfn is taken,
 * -VDEV_EINVAL if already on a bus. */
int vpci_host_add(struct vpci_host *h, struct vpci_dev *d, uint8_t devfn);

#endif
