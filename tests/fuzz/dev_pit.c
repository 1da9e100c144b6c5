// SPDX-License-Identifier: MIT
/* Fuzz harness: the 8254 PIT and port 0x61, IRQ0 into the PIC. */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0x40, 0x41, 0x42, 0x43, 0x61, 0x20, 0x21};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
