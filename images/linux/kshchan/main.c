// SPDX-License-Identifier: MIT
/*
 * `kshchan`: the tool of kshchan_cli.h bound to the channel devices in
 * sysfs. KSHCHAN_SYSFS in the environment replaces /sys/bus/pci/devices
 * (the host tests point it at a fake tree).
 */
#include <stdlib.h>

#include "kshchan_cli.h"
#include "kshchan_sysfs.h"

static struct kshchan_dev the_dev;
static const char *sysfs_root;

static int be_open(void *ctx, const char *name, struct kshchan **ch)
{
	int r = kshchan_dev_open(&the_dev, sysfs_root, name);

	(void)ctx;

	*ch = r == 0 ? &the_dev.ch : NULL;
	return r;
}

static void be_close(void *ctx, struct kshchan *ch)
{
	(void)ctx;
	(void)ch;
	kshchan_dev_close(&the_dev);
}

static int be_list(void *ctx, kshchan_list_fn *each, void *arg)
{
	char slots[32][KSHCHAN_SLOT_MAX];
	int n = kshchan_sysfs_scan(sysfs_root, slots, 32), r;

	(void)ctx;
	if (n < 0)
		return n;
	for (int i = 0; i < n && i < 32; i++) {
		r = kshchan_dev_open_slot(&the_dev, sysfs_root, slots[i]);
		each(arg, slots[i], r == 0 ? &the_dev.ch : NULL, r);
		if (r == 0)
			kshchan_dev_close(&the_dev);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct kshchan_backend be = {
	    .open = be_open, .close = be_close, .list = be_list};
	struct kshchan_cli_io io = {.in = stdin, .out = stdout, .err = stderr};

	sysfs_root = getenv("KSHCHAN_SYSFS");
	return kshchan_cli_main(argc, argv, &be, &io);
}
