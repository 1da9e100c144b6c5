// SPDX-License-Identifier: MIT
/* Fuzz harness: port 0x80 and the i8042 (commands, output port, reset). */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0x60, 0x64, 0x80, 0x21, 0xa1};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
