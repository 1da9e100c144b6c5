// SPDX-License-Identifier: MIT
/* Fuzz harness: the 16550A UART (rx injection, backend stalls, loopback). */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0x3f8, 0x3f9, 0x3fa, 0x3fb, 0x3fc,
				 0x3fd, 0x3fe, 0x3ff, 0x21};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
