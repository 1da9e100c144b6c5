// SPDX-License-Identifier: MIT
/*
 * Port I/O of a native or Multiboot domain on a port one of its declared
 * devices claims (ksh/exit.h). Device models run for Linux domains only:
 * exit_handle() gives a Linux domain's port exits to vdom_io()
 * (linux_dom.c) before this path. For any other domain the port is
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
