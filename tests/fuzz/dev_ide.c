// SPDX-License-Identifier: MIT
/* Fuzz harness: the IDE channel (taskfile, PIO data in and out, 48-bit
 * registers, reset, master/slave, failing and read-only disks). */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0x1f0, 0x1f0, 0x1f0, 0x1f1, 0x1f2,
				 0x1f3, 0x1f4, 0x1f5, 0x1f6, 0x1f7,
				 0x1f7, 0x3f6, 0xa1};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
