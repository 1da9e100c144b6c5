// SPDX-License-Identifier: MIT
/* Fuzz harness: the MC146818 RTC/CMOS (index, data, clock advances, IRQ8). */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0x70, 0x71, 0x70, 0x71, 0xa1, 0x21};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
