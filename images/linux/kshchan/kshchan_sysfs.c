// SPDX-License-Identifier: MIT
/*
 * libkshchan sysfs glue (see kshchan_sysfs.h): discovery by PCI IDs,
 * register access through resource0, BAR mappings through resource1/2.
 */
#include "kshchan_sysfs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ksh/tables.h>

static uint32_t sysfs_read32(void *ctx, uint32_t reg)
{
	uint32_t v;

	/* pci-sysfs turns a 4-byte pread at offset REG into inl(base+REG). */
	if (pread(*(int *)ctx, &v, sizeof(v), reg) != (ssize_t)sizeof(v))
		return ~0u;
	return v;
}

static void sysfs_write32(void *ctx, uint32_t reg, uint32_t value)
{
	/* A failed write reads back as an error in RESULT (all ones). */
	if (pwrite(*(int *)ctx, &value, sizeof(value), reg) !=
	    (ssize_t)sizeof(value))
		return;
}

static uint64_t sysfs_now_ms(void *ctx)
{
	struct timespec ts;

	(void)ctx;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sysfs_sleep_ms(void *ctx, uint32_t ms)
{
	struct timespec ts = {.tv_sec = ms / 1000u,
			      .tv_nsec = (long)(ms % 1000u) * 1000000L};

	(void)ctx;
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

const struct kshchan_ops kshchan_sysfs_ops = {
    .read32 = sysfs_read32,
    .write32 = sysfs_write32,
    .now_ms = sysfs_now_ms,
    .sleep_ms = sysfs_sleep_ms,
};

/* Reads a sysfs attribute holding one hex number ("0x4b53\n"). */
static int read_hex_attr(const char *root, const char *slot, const char *attr,
			 unsigned long *out)
{
	char path[512], text[32], *end;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s/%s", root, slot, attr);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	errno = 0;
	*out = strtoul(text, &end, 16);
	if (errno || end == text || (*end != '\0' && *end != '\n'))
		return -1;
	return 0;
}

static int is_chandev(const char *root, const char *slot)
{
	unsigned long vendor, device, class;

	return read_hex_attr(root, slot, "vendor", &vendor) == 0 &&
	       read_hex_attr(root, slot, "device", &device) == 0 &&
	       read_hex_attr(root, slot, "class", &class) == 0 &&
	       vendor == KSH_CHANDEV_VENDOR && device == KSH_CHANDEV_DEVICE &&
	       class == KSH_CHANDEV_CLASS;
}

static int slot_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

int kshchan_sysfs_scan(const char *root, char (*slots)[KSHCHAN_SLOT_MAX],
		       size_t max)
{
	struct dirent *e;
	size_t n = 0;
	DIR *dir;

	root = root ? root : KSHCHAN_SYSFS_ROOT;
	dir = opendir(root);
	if (!dir)
		return -KSHCHAN_EIO;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' ||
		    strlen(e->d_name) >= KSHCHAN_SLOT_MAX ||
		    !is_chandev(root, e->d_name))
			continue;
		if (n < max)
			memcpy(slots[n], e->d_name, strlen(e->d_name) + 1);
		n++;
	}
	closedir(dir);
	/* readdir order is the file system's: sort for stable output. */
	qsort(slots, n < max ? n : max, KSHCHAN_SLOT_MAX, slot_cmp);
	return n > 0x7fffffff ? 0x7fffffff : (int)n;
}

/* Maps DEV/resourceN whole; *size gets the BAR size (sysfs gives it as
 * the file size). Returns NULL with errno set when it cannot. */
static void *map_resource(const char *root, const char *slot, int bar,
			  int writable, size_t *size)
{
	char path[512];
	struct stat st;
	void *p;
	int fd, saved;

	snprintf(path, sizeof(path), "%s/%s/resource%d", root, slot, bar);
	fd = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || st.st_size <= 0) {
		saved = errno ? errno : ENODEV;
		close(fd);
		errno = saved;
		return NULL;
	}
	p = mmap(NULL, (size_t)st.st_size,
		 PROT_READ | (writable ? PROT_WRITE : 0), MAP_SHARED, fd, 0);
	saved = errno;
	close(fd); /* the mapping keeps the file */
	if (p == MAP_FAILED) {
		errno = saved;
		return NULL;
	}
	*size = (size_t)st.st_size;
	return p;
}

/* Without a driver nobody has set I/O and memory decoding in the PCI
 * command register: writing "1" to DEV/enable does (pci_enable_device).
 * Best effort: a device that decodes already needs nothing. */
static void enable_device(const char *root, const char *slot)
{
	char path[512], c = '0';
	int fd;

	snprintf(path, sizeof(path), "%s/%s/enable", root, slot);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return;
	if (read(fd, &c, 1) == 1 && c == '0' && pwrite(fd, "1", 1, 0) != 1)
		c = '0';
	close(fd);
}

void kshchan_dev_close(struct kshchan_dev *d)
{
	if (d->bar2)
		munmap(d->bar2, d->bar2_size);
	if (d->bar1)
		munmap(d->bar1, d->bar1_size);
	if (d->regs_fd >= 0)
		close(d->regs_fd);
	d->bar1 = d->bar2 = NULL;
	d->regs_fd = -1;
}

int kshchan_dev_open_slot(struct kshchan_dev *d, const char *root,
			  const char *slot)
{
	const struct ksh_chandev_desc *desc;
	char path[512];
	int r, saved;

	root = root ? root : KSHCHAN_SYSFS_ROOT;
	memset(d, 0, sizeof(*d));
	d->regs_fd = -1;
	if (strlen(slot) >= sizeof(d->slot) || !is_chandev(root, slot))
		return -KSHCHAN_ENOCHAN;
	memcpy(d->slot, slot, strlen(slot) + 1);
	enable_device(root, slot);
	snprintf(path, sizeof(path), "%s/%s/resource0", root, slot);
	d->regs_fd = open(path, O_RDWR | O_CLOEXEC);
	if (d->regs_fd < 0)
		goto io_error;
	d->bar1 = map_resource(root, slot, 1, 1, &d->bar1_size);
	if (!d->bar1)
		goto io_error;
	/* The window's rights follow the role (checked again by attach). */
	desc = d->bar1;
	if (d->bar1_size >= KSH_CHANDEV_DESC_SIZE &&
	    desc->kind == KSH_CHANDEV_KIND_MEMORY) {
		d->bar2 =
		    map_resource(root, slot, 2, desc->role == KSH_ROLE_WRITER,
				 &d->bar2_size);
		if (!d->bar2)
			goto io_error;
	}
	r = kshchan_attach(&d->ch, &kshchan_sysfs_ops, &d->regs_fd, d->bar1,
			   d->bar1_size, d->bar2, d->bar2_size);
	if (r < 0)
		kshchan_dev_close(d);
	return r;
io_error:
	saved = errno;
	kshchan_dev_close(d);
	errno = saved;
	return -KSHCHAN_EIO;
}

int kshchan_dev_open(struct kshchan_dev *d, const char *root, const char *name)
{
	char slots[32][KSHCHAN_SLOT_MAX];
	int n, r, by_device = -1, first_err = 0, opened = 0;

	n = kshchan_sysfs_scan(root, slots, 32);
	if (n < 0)
		return n;
	if (n > 32)
		n = 32;
	for (int i = 0; i < n; i++) {
		r = kshchan_dev_open_slot(d, root, slots[i]);
		if (r < 0) {
			first_err = first_err ? first_err : r;
			continue;
		}
		opened++;
		if (strcmp(d->ch.channel, name) == 0)
			return 0;
		if (by_device < 0 && strcmp(d->ch.device, name) == 0)
			by_device = i;
		kshchan_dev_close(d);
	}
	if (by_device >= 0)
		return kshchan_dev_open_slot(d, root, slots[by_device]);
	/* Say why when the only candidates were broken. */
	return first_err && !opened ? first_err : -KSHCHAN_ENOCHAN;
}
