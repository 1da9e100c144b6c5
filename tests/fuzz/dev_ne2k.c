// SPDX-License-Identifier: MIT
/* Fuzz harness: the NE2000 (DP8390 registers, remote DMA, reset port,
 * frames from the network, its PCI function). */
#include "dev_fuzz.h"

static const uint16_t ports[] = {0xc100, 0xc101, 0xc102, 0xc103, 0xc104, 0xc105,
				 0xc106, 0xc107, 0xc108, 0xc109, 0xc10a, 0xc10b,
				 0xc10c, 0xc10d, 0xc10e, 0xc10f, 0xc110, 0xc110,
				 0xc110, 0xc11f, 0xcf8,	 0xcfc,	 0xa1};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz_run(data, size, ports, sizeof(ports) / sizeof(ports[0]));
	return 0;
}
