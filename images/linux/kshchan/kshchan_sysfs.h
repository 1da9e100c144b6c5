/* SPDX-License-Identifier: MIT */
/*
 * libkshchan on Linux: finds ksh channel devices in sysfs and attaches
 * them with no driver (include/ksh/chandev_regs.h):
 *   DEV/vendor, DEV/device, DEV/class   identify the function;
 *   DEV/enable                           "1" turns on I/O and memory
 *                                        decoding (pci_enable_device);
 *   DEV/resource0  the I/O BAR: pread/pwrite of 4 bytes at a register
 *                  offset become IN/OUT (drivers/pci/pci-sysfs.c,
 *                  pci_resource_io);
 *   DEV/resource1  descriptor page + message buffer, mmap'ed shared;
 *   DEV/resource2  a memory channel's window: mmap'ed read/write for the
 *                  writer, read-only for the reader (the nested page
 *                  tables give the reader no write right anyway).
 * ROOT is the folder of PCI devices, "/sys/bus/pci/devices" when NULL
 * (the tests point it at a fake tree).
 */
#ifndef KSHCHAN_SYSFS_H
#define KSHCHAN_SYSFS_H

#include "kshchan.h"

#define KSHCHAN_SYSFS_ROOT "/sys/bus/pci/devices"
#define KSHCHAN_SLOT_MAX   64u

struct kshchan_dev {
	struct kshchan ch;
	char slot[KSHCHAN_SLOT_MAX]; /* e.g. "0000:00:03.0" */
	int regs_fd;
	void *bar1;
	size_t bar1_size;
	void *bar2;
	size_t bar2_size;
};

/* Register ops over an open resource0 (ctx: pointer to the fd). */
extern const struct kshchan_ops kshchan_sysfs_ops;

/*
 * Names of the ksh channel functions under ROOT (vendor, device and class
 * match), sorted, into slots (at most MAX). Returns how many there are
 * (may exceed MAX), or -KSHCHAN_EIO when ROOT cannot be read.
 */
int kshchan_sysfs_scan(const char *root, char (*slots)[KSHCHAN_SLOT_MAX],
		       size_t max);

/* Opens and attaches the function SLOT under ROOT: 0 or -error (errno
 * kept for -KSHCHAN_EIO). On error nothing stays open. */
int kshchan_dev_open_slot(struct kshchan_dev *d, const char *root,
			  const char *slot);

/* Opens the channel device whose channel name (or, failing that, device
 * name in the .ksh) is NAME: 0, -KSHCHAN_ENOCHAN or another -error. */
int kshchan_dev_open(struct kshchan_dev *d, const char *root, const char *name);

void kshchan_dev_close(struct kshchan_dev *d);

#endif /* KSHCHAN_SYSFS_H */
