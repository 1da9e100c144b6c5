// SPDX-License-Identifier: MIT
/*
 * Port 0x80, the POST diagnostic port: firmware writes progress codes
 * there and Linux uses it for I/O delays (arch/x86 io_delay "0x80"). It
 * decodes nothing else; the model keeps the last code for the log.
 */
#include <ksh/vdev_legacy.h>

#include "vdev_string.h"

static int post_read(struct vdev *dev, unsigned int idx, uint64_t off,
		     unsigned int size, uint64_t *val)
{
	(void)idx;
	(void)off;
	(void)size;
	*val = ((struct vpost *)dev)->last;
	return 0;
}

static int post_write(struct vdev *dev, unsigned int idx, uint64_t off,
		      unsigned int size, uint64_t val)
{
	struct vpost *p = (struct vpost *)dev;

	(void)idx;
	(void)off;
	(void)size;
	p->last = (uint8_t)val;
	p->writes++;
	return 0;
}

static const struct vdev_ops post_ops = {
    .read = post_read,
    .write = post_write,
};

int vpost_init(struct vpost *p, struct vdev_env *env)
{
	memset(p, 0, sizeof(*p));
	vdev_init(&p->dev, &post_ops, "post", env);
	return vdev_add_range(&p->dev, VDEV_PIO, 0x80, 1, VDEV_SZ1) < 0
		   ? -VDEV_EINVAL
		   : 0;
}
