// SPDX-License-Identifier: MIT
/* Fuzz harness: the 8259A pair and ELCR, with the PIT and UART as interrupt sources. */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0x20,	0x21, 0xa0, 0xa1,  0x4d0,
				 0x4d1, 0x43, 0x40, 0x3f9, 0x3fc};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
