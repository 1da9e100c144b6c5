// SPDX-License-Identifier: MIT
/*
 * The plug for emulated devices on the port-I/O exit path (ksh/exit.h).
 * No device model is linked into the kernel yet: every claimed port is
 * refused, and exit.c names the device in the log.
 */
#include <ksh/domain.h>
#include <ksh/exit.h>

int vdev_port_io(struct domain *d, uint32_t vdev, struct vcpu *v,
		 const struct vm_exit *e)
{
	(void)d;
	(void)vdev;
	(void)v;
	(void)e;
	return -1;
}
