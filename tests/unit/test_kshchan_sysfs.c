// SPDX-License-Identifier: MIT
/* libkshchan's sysfs glue (kshchan_sysfs.h) over a fake sysfs tree of
 * regular files: discovery by vendor/device/class, sorted; open by
 * channel or device name; registers through pread/pwrite of resource0;
 * BAR1/BAR2 mapped shared, the reader's window read-only; enable set. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ksh/tables.h>

#include "kshchan_sysfs.h"

static char root[64];

static void put(const char *slot, const char *name, const void *data,
		size_t len)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s/%s", root, slot, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert_geq(fd, 0, "%s: %s", path, strerror(errno));
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static void put_text(const char *slot, const char *name, const char *text)
{
	put(slot, name, text, strlen(text));
}

/* A function with the given IDs; when channel is set, a chandev with
 * registers, descriptor and (memory channel) window. */
static void make_fn(const char *slot, const char *vendor, const char *class,
		    const char *channel, const char *device, uint32_t kind,
		    uint32_t role)
{
	static uint8_t bar1[KSH_CHANDEV_DESC_SIZE + 4096];
	struct ksh_chandev_desc *d = (struct ksh_chandev_desc *)(void *)bar1;
	uint32_t regs[KSH_CHANDEV_REGS_SIZE / 4] = {0};
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, slot);
	cr_assert_eq(mkdir(path, 0755), 0);
	put_text(slot, "vendor", vendor);
	put_text(slot, "device", "0x4348\n");
	put_text(slot, "class", class);
	put_text(slot, "enable", "0\n");
	if (!channel)
		return;
	memset(bar1, 0, sizeof(bar1));
	d->magic = KSH_CHANDEV_MAGIC;
	d->version = KSH_CHANDEV_VERSION;
	d->kind = kind;
	d->role = role;
	d->max_msg = 4096;
	d->buf_offset = KSH_CHANDEV_DESC_SIZE;
	d->buf_size = 4096;
	d->n_methods = kind == KSH_CHANDEV_KIND_MESSAGE ? 2 : 0;
	strcpy(d->channel, channel);
	strcpy(d->device, device);
	strcpy(d->methods[0], "unlock");
	strcpy(d->methods[1], "sign");
	regs[KSH_CHANDEV_ID / 4] = KSH_CHANDEV_MAGIC;
	regs[KSH_CHANDEV_INFO / 4] =
	    KSH_CHANDEV_VERSION | kind << 8 | role << 12 | d->n_methods << 16;
	regs[KSH_CHANDEV_MAX_MSG / 4] = 4096;
	put(slot, "resource0", regs, sizeof(regs));
	put(slot, "resource1", bar1, sizeof(bar1));
	if (kind == KSH_CHANDEV_KIND_MEMORY)
		put(slot, "resource2", bar1, 4096);
}

static void setup(void)
{
	strcpy(root, "/tmp/kshchan-sysfs-XXXXXX");
	cr_assert_not_null(mkdtemp(root));
	make_fn("0000:00:05.0", "0x4b53\n", "0xff0000\n", "reply", "answers",
		KSH_CHANDEV_KIND_MESSAGE, KSH_ROLE_RECEIVER);
	make_fn("0000:00:03.0", "0x4b53\n", "0xff0000\n", "crypto", "keys",
		KSH_CHANDEV_KIND_MESSAGE, KSH_ROLE_SENDER);
	make_fn("0000:00:04.0", "0x4b53\n", "0xff0000\n", "frames", "fb",
		KSH_CHANDEV_KIND_MEMORY, KSH_ROLE_READER);
	/* Not ours: another vendor; our IDs with another class. */
	make_fn("0000:00:01.0", "0x8086\n", "0xff0000\n", NULL, NULL, 0, 0);
	make_fn("0000:00:02.0", "0x4b53\n", "0x020000\n", NULL, NULL, 0, 0);
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(kshchan_sysfs, .init = setup, .fini = teardown);

Test(kshchan_sysfs, scan_finds_only_channel_functions_sorted)
{
	char slots[4][KSHCHAN_SLOT_MAX];

	cr_assert_eq(kshchan_sysfs_scan(root, slots, 4), 3);
	cr_assert_str_eq(slots[0], "0000:00:03.0");
	cr_assert_str_eq(slots[1], "0000:00:04.0");
	cr_assert_str_eq(slots[2], "0000:00:05.0");
	/* More than fit: the count says so, the array is not overrun. */
	cr_assert_eq(kshchan_sysfs_scan(root, slots, 1), 3);
	cr_assert_eq(kshchan_sysfs_scan("/nonexistent/kshchan", slots, 4),
		     -KSHCHAN_EIO);
}

Test(kshchan_sysfs, open_by_channel_or_device_name)
{
	struct kshchan_dev d;

	cr_assert_eq(kshchan_dev_open(&d, root, "reply"), 0);
	cr_assert_str_eq(d.slot, "0000:00:05.0");
	cr_assert_eq(d.ch.role, KSH_ROLE_RECEIVER);
	cr_assert_eq(kshchan_method_index(&d.ch, "sign"), 1);
	/* Registers come from resource0 at their offsets. */
	cr_assert_eq(kshchan_sysfs_ops.read32(&d.regs_fd, KSH_CHANDEV_MAX_MSG),
		     4096);
	kshchan_sysfs_ops.write32(&d.regs_fd, KSH_CHANDEV_LENGTH, 0xabcd);
	cr_assert_eq(kshchan_sysfs_ops.read32(&d.regs_fd, KSH_CHANDEV_LENGTH),
		     0xabcd);
	/* Past the end of the register block: all ones. */
	cr_assert_eq(kshchan_sysfs_ops.read32(&d.regs_fd, 0x1000), ~0u);
	kshchan_dev_close(&d);
	cr_assert_eq(d.regs_fd, -1);

	cr_assert_eq(kshchan_dev_open(&d, root, "keys"), 0);
	cr_assert_str_eq(d.ch.channel, "crypto");
	kshchan_dev_close(&d);
	cr_assert_eq(kshchan_dev_open(&d, root, "nope"), -KSHCHAN_ENOCHAN);
	cr_assert_eq(kshchan_dev_open(&d, "/nonexistent/kshchan", "crypto"),
		     -KSHCHAN_EIO);
}

Test(kshchan_sysfs, opening_turns_on_decoding)
{
	struct kshchan_dev d;
	char path[256], c = 0;
	int fd;

	cr_assert_eq(kshchan_dev_open_slot(&d, root, "0000:00:03.0"), 0);
	kshchan_dev_close(&d);
	snprintf(path, sizeof(path), "%s/0000:00:03.0/enable", root);
	fd = open(path, O_RDONLY);
	cr_assert_eq(read(fd, &c, 1), 1);
	close(fd);
	cr_assert_eq(c, '1');
}

/* The mapping's permissions, from /proc/self/maps ("r--s", "rw-s"). */
static void perms_of(const void *p, char perms[5])
{
	char line[512];
	unsigned long lo, hi;
	FILE *f = fopen("/proc/self/maps", "r");

	perms[0] = '\0';
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3 &&
		    (unsigned long)p >= lo && (unsigned long)p < hi)
			break;
		else
			perms[0] = '\0';
	if (f)
		fclose(f);
}

Test(kshchan_sysfs, reader_window_is_mapped_read_only)
{
	struct kshchan_dev d;
	char perms[5];
	size_t size;

	cr_assert_eq(kshchan_dev_open(&d, root, "frames"), 0);
	cr_assert_not_null(kshchan_window(&d.ch, &size));
	cr_assert_eq(size, 4096);
	perms_of(d.bar2, perms);
	cr_assert_str_eq(perms, "r--s");
	perms_of(d.bar1, perms);
	cr_assert_str_eq(perms, "rw-s");
	kshchan_dev_close(&d);
}

Test(kshchan_sysfs, broken_function_is_reported_not_used)
{
	char slots[4][KSHCHAN_SLOT_MAX];
	struct kshchan_dev d;
	uint32_t zero = 0;
	char path[256];

	/* The ID register of crypto reads 0: not a ksh channel device. */
	put("0000:00:03.0", "resource0", &zero, sizeof(zero));
	cr_assert_eq(kshchan_dev_open_slot(&d, root, "0000:00:03.0"),
		     -KSHCHAN_EBADDEV);
	cr_assert_eq(d.regs_fd, -1);
	cr_assert_eq(kshchan_dev_open(&d, root, "crypto"), -KSHCHAN_ENOCHAN);
	cr_assert_eq(kshchan_dev_open(&d, root, "reply"), 0);
	kshchan_dev_close(&d);
	/* Only broken candidates: their error, not "no such channel". */
	cr_assert_eq(kshchan_sysfs_scan(root, slots, 4), 3);
	put("0000:00:04.0", "resource0", &zero, sizeof(zero));
	put("0000:00:05.0", "resource0", &zero, sizeof(zero));
	cr_assert_eq(kshchan_dev_open(&d, root, "crypto"), -KSHCHAN_EBADDEV);
	/* Another vendor's function is never opened. */
	cr_assert_eq(kshchan_dev_open_slot(&d, root, "0000:00:01.0"),
		     -KSHCHAN_ENOCHAN);
	/* Our IDs but no register BAR: a system call error, nothing kept. */
	snprintf(path, sizeof(path), "%s/0000:00:05.0/resource0", root);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(kshchan_dev_open_slot(&d, root, "0000:00:05.0"),
		     -KSHCHAN_EIO);
	cr_assert_eq(errno, ENOENT);
	cr_assert_null(d.bar1);
}
