// SPDX-License-Identifier: MIT
/* Fuzz harness: configuration mechanism #1, the config-space model and moving BARs. */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0xcf8, 0xcf9, 0xcfa, 0xcfb,  0xcfc,
				 0xcfd, 0xcfe, 0xcff, 0xc000, 0xc004};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
