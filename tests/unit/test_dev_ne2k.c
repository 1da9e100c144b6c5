// SPDX-License-Identifier: MIT
/* NE2000 (DP8390 core on PCI): checked against the DP8390D datasheet
 * and the RTL8029AS datasheet sections named in each test, driven the
 * way Linux's ne2k-pci and 8390 drivers drive it. */
#include <criterion/criterion.h>

#include <ksh/vdev_ne2k.h>

#include "test_dev_env.h"

#define IO 0xc000

static struct tenv t;
static struct vpci_host host;
static struct vne2k ne;
static const uint8_t mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
static uint8_t sent[1600];
static size_t sent_len;
static unsigned int sent_count;

static void net_tx(void *opaque, const uint8_t *frame, size_t len)
{
	(void)opaque;
	memcpy(sent, frame, len);
	sent_len = len;
	sent_count++;
}

static const struct vnet_backend net = {.tx = net_tx};

static void cfg_write(unsigned int reg, unsigned int size, uint32_t v)
{
	tout(&t, 0xcf8, 4, 0x80000000u | 3u << 11 | (reg & 0xfc));
	tout(&t, (uint16_t)(0xcfc + (reg & 3)), size, v);
}

static uint32_t cfg_read(unsigned int reg, unsigned int size)
{
	tout(&t, 0xcf8, 4, 0x80000000u | 3u << 11 | (reg & 0xfc));
	return tin(&t, (uint16_t)(0xcfc + (reg & 3)), size);
}

static void setup(void)
{
	tenv_init(&t, true);
	sent_count = 0;
	cr_assert_eq(vpci_host_init(&host, &t.env), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &host.dev), 0);
	cr_assert_eq(vne2k_init(&ne, &t.env, mac, 11, &net), 0);
	cr_assert_eq(vpci_host_add(&host, &ne.pci, 3 << 3), 0);
	cr_assert_eq(vdev_bus_attach(&t.bus, &ne.dev), 0);
	cfg_write(0x10, 4, IO);
	cfg_write(0x04, 2, VPCI_CMD_IO);
}

static void reg(unsigned int r, uint8_t v)
{
	toutb(&t, (uint16_t)(IO + r), v);
}

static uint8_t rreg(unsigned int r)
{
	return tinb(&t, (uint16_t)(IO + r));
}

/* Remote DMA of `len` bytes at `addr`, word mode, 16-bit port I/O. */
static void dma_write(uint16_t addr, const uint8_t *p, size_t len)
{
	reg(0x0a, (uint8_t)len);
	reg(0x0b, (uint8_t)(len >> 8));
	reg(0x08, (uint8_t)addr);
	reg(0x09, (uint8_t)(addr >> 8));
	reg(0x00, 0x12); /* remote write, start */
	for (size_t i = 0; i < len; i += 2)
		tout(&t, IO + 0x10, 2, (uint32_t)(p[i] | p[i + 1] << 8));
}

static void dma_read(uint16_t addr, uint8_t *p, size_t len)
{
	reg(0x0a, (uint8_t)len);
	reg(0x0b, (uint8_t)(len >> 8));
	reg(0x08, (uint8_t)addr);
	reg(0x09, (uint8_t)(addr >> 8));
	reg(0x00, 0x0a); /* remote read, start */
	for (size_t i = 0; i < len; i += 2) {
		uint32_t w = tin(&t, IO + 0x10, 2);

		p[i] = (uint8_t)w;
		p[i + 1] = (uint8_t)(w >> 8);
	}
}

/* Linux's NS8390_init ring: 46h-80h, BNRY = stop - 1, CURR = start. */
static void start_rx(uint8_t rcr)
{
	reg(0x00, 0x21); /* page 0, stop, abort DMA */
	reg(0x0e, 0x49); /* DCR: word transfers */
	reg(0x01, 0x46);
	reg(0x02, 0x80);
	reg(0x03, 0x7f);
	reg(0x0f, 0x00);
	reg(0x07, 0xff);
	reg(0x00, 0x61); /* page 1 */
	for (unsigned int i = 0; i < 6; i++)
		reg(1 + i, mac[i]);
	reg(0x07, 0x46);
	reg(0x00, 0x22); /* page 0, start */
	reg(0x0c, rcr);
	reg(0x0d, 0x00);
	reg(0x0f, 0x3f); /* IMR: everything but RST */
}

static size_t make_frame(uint8_t *f, const uint8_t *dst, size_t len)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, "\x02\x00\x00\x00\x00\x01", 6);
	f[12] = 0x08;
	f[13] = 0x00;
	for (size_t i = 14; i < len; i++)
		f[i] = (uint8_t)i;
	return len;
}

Test(dev_ne2k, pci_function)
{
	setup();
	cr_assert_eq(cfg_read(0x00, 4), 0x802910ec);
	cr_assert_eq(cfg_read(0x08, 4) >> 8, 0x020000, "Ethernet");
	cr_assert_eq(cfg_read(0x3d, 1), 1, "INTA#");
	cr_assert_eq(cfg_read(0x3c, 1), 11);
	cfg_write(0x10, 4, 0xffffffff);
	cr_assert_eq(cfg_read(0x10, 4), 0xffffffe1, "32-byte I/O BAR");
	cfg_write(0x10, 4, IO);
	cr_assert_eq(rreg(0x0a), 0x50, "RTL8029 ID 'P'");
	cr_assert_eq(rreg(0x0b), 0x43, "'C'");
	cfg_write(0x04, 2, 0);
	cr_assert_eq(rreg(0x0a), 0xff, "I/O decode off");
	cfg_write(0x04, 2, VPCI_CMD_IO);
	cfg_write(0x10, 4, 0xd000);
	cr_assert_eq(tinb(&t, 0xd00a), 0x50, "BAR moved");
	cr_assert_eq(tinb(&t, IO + 0x0a), 0xff);
}

/* Reading the reset port resets: ISR RST, CR stopped. */
Test(dev_ne2k, reset_port)
{
	setup();
	reg(0x00, 0x22);
	cr_assert_eq(rreg(0x07) & 0x80, 0, "started");
	toutb(&t, IO + 0x1f, rreg(0x1f));
	cr_assert_eq(rreg(0x07) & 0x80, 0x80);
	cr_assert_eq(rreg(0x00) & 0x01, 0x01);
}

/* ne2k-pci's probe: 32 byte reads of the PROM in word mode give the
 * station address in bytes 0-5 and 57h at 14-15. */
Test(dev_ne2k, station_address_prom)
{
	static const uint8_t seq[][2] = {
	    {0x21, 0x00}, {0x49, 0x0e}, {0x00, 0x0a}, {0x00, 0x0b},
	    {0x00, 0x0f}, {0xff, 0x07}, {0x20, 0x0c}, {0x02, 0x0d},
	    {32, 0x0a},	  {0x00, 0x0b}, {0x00, 0x08}, {0x00, 0x09},
	    {0x0a, 0x00},
	};
	uint8_t prom[32];

	setup();
	for (size_t i = 0; i < sizeof(seq) / sizeof(seq[0]); i++)
		reg(seq[i][1], seq[i][0]);
	for (unsigned int i = 0; i < 32; i++)
		prom[i] = tinb(&t, IO + 0x10);
	cr_assert_arr_eq(prom, mac, 6);
	cr_assert_eq(prom[14], 0x57);
	cr_assert_eq(prom[15], 0x57);
	cr_assert_eq(rreg(0x07) & 0x40, 0x40, "remote DMA complete");
}

/* 10.0: remote write then read of buffer memory; RDC when the count
 * reaches zero; CRDA follows. */
Test(dev_ne2k, remote_dma)
{
	uint8_t in[64], out[64];

	setup();
	reg(0x0e, 0x49);
	for (unsigned int i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7);
	dma_write(0x4000, in, sizeof(in));
	cr_assert_eq(rreg(0x07) & 0x40, 0x40);
	reg(0x07, 0x40);
	cr_assert_eq(rreg(0x07) & 0x40, 0);
	dma_read(0x4000, out, sizeof(out));
	cr_assert_arr_eq(in, out, sizeof(in));
	cr_assert_eq(rreg(0x08), 0x40, "CRDA0");
	cr_assert_eq(rreg(0x09), 0x40, "CRDA1");
	/* byte mode moves one byte per access */
	reg(0x0e, 0x48);
	reg(0x0a, 2);
	reg(0x0b, 0);
	reg(0x08, 0x01);
	reg(0x09, 0x40);
	reg(0x00, 0x0a);
	cr_assert_eq(tinb(&t, IO + 0x10), in[1]);
	cr_assert_eq(tinb(&t, IO + 0x10), in[2]);
}

/* 8.0: TPSR/TBCR/TXP send the frame; PTX in TSR and ISR; the PCI INTx
 * line follows ISR & IMR; writing 1 clears ISR bits. */
Test(dev_ne2k, transmit)
{
	uint8_t f[100];
	static const uint8_t dst[6] = {1, 2, 3, 4, 5, 6};

	setup();
	start_rx(0x04);
	make_frame(f, dst, sizeof(f));
	dma_write(0x4000, f, sizeof(f));
	reg(0x07, 0xff);
	reg(0x04, 0x40);
	reg(0x05, sizeof(f));
	reg(0x06, 0);
	reg(0x00, 0x26); /* start, transmit, no DMA */
	cr_assert_eq(sent_count, 1);
	cr_assert_eq(sent_len, sizeof(f));
	cr_assert_arr_eq(sent, f, sizeof(f));
	cr_assert_eq(rreg(0x00) & 0x04, 0, "TXP clears when done");
	cr_assert_eq(rreg(0x04) & 0x01, 0x01, "TSR PTX");
	cr_assert_eq(rreg(0x07), 0x02);
	cr_assert(t.level[11]);
	cr_assert_eq(cfg_read(0x06, 2) & 0x08, 0x08, "interrupt status");
	cfg_write(0x04, 2, VPCI_CMD_IO | VPCI_CMD_INTX_DISABLE);
	cr_assert_not(t.level[11], "INTx disabled");
	cr_assert_eq(cfg_read(0x06, 2) & 0x08, 0x08);
	cfg_write(0x04, 2, VPCI_CMD_IO);
	cr_assert(t.level[11]);
	reg(0x07, 0x02);
	cr_assert_not(t.level[11]);
	/* a length that is not a frame aborts */
	reg(0x05, 0xff);
	reg(0x06, 0x07);
	reg(0x00, 0x26);
	cr_assert_eq(sent_count, 1);
	cr_assert_eq(rreg(0x07) & 0x08, 0x08, "TXE");
	cr_assert_eq(rreg(0x04) & 0x08, 0x08, "TSR ABT");
}

/* 6.0: a received frame lands at CURR with its 4-byte header (status,
 * next page, length including the header); CURR moves on; PRX. */
Test(dev_ne2k, receive_into_ring)
{
	uint8_t f[300], hdr[4], body[300];

	setup();
	start_rx(0x04);
	make_frame(f, mac, sizeof(f));
	cr_assert_eq(vne2k_rx(&ne, f, sizeof(f)), 0);
	cr_assert(t.level[11]);
	cr_assert_eq(rreg(0x07) & 0x01, 0x01);
	reg(0x00, 0x62);
	cr_assert_eq(rreg(0x07), 0x48, "CURR after 2 pages");
	reg(0x00, 0x22);
	dma_read(0x4600, hdr, 4);
	cr_assert_eq(hdr[0], 0x01, "RSR: received intact");
	cr_assert_eq(hdr[1], 0x48);
	cr_assert_eq(hdr[2] | hdr[3] << 8, 304);
	dma_read(0x4604, body, sizeof(body));
	cr_assert_arr_eq(body, f, sizeof(f));
	cr_assert_eq(rreg(0x0c), 0x01);
}

/* Short frames are padded to 60 bytes, as on the wire. */
Test(dev_ne2k, short_frame_padded)
{
	uint8_t f[20], hdr[4];

	setup();
	start_rx(0x04);
	make_frame(f, mac, sizeof(f));
	cr_assert_eq(vne2k_rx(&ne, f, sizeof(f)), 0);
	dma_read(0x4600, hdr, 4);
	cr_assert_eq(hdr[2] | hdr[3] << 8, 64);
	cr_assert_eq(vne2k_rx(&ne, f, 13), -VDEV_EINVAL);
	cr_assert_eq(vne2k_rx(&ne, f, 1515), -VDEV_EINVAL);
}

/* 7.0 address recognition: own address; broadcast with AB; multicast
 * with AM and the MAR bit chosen by the top 6 CRC bits (01:00:5E:00:00:01
 * hashes to 31); anything with PRO. */
Test(dev_ne2k, address_filter)
{
	static const uint8_t other[6] = {0x52, 0x54, 0, 0, 0, 9};
	static const uint8_t bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	static const uint8_t mcast[6] = {0x01, 0x00, 0x5e, 0x00, 0x00, 0x01};
	uint8_t f[64], hdr[4];

	setup();
	start_rx(0x00);
	cr_assert_eq(vne2k_rx(&ne, f, make_frame(f, other, 64)), 1);
	cr_assert_eq(vne2k_rx(&ne, f, make_frame(f, bcast, 64)), 1);
	reg(0x0c, 0x04);
	cr_assert_eq(vne2k_rx(&ne, f, make_frame(f, bcast, 64)), 0);
	dma_read(0x4600, hdr, 4);
	cr_assert_eq(hdr[0], 0x21, "PHY: multicast/broadcast");
	reg(0x0c, 0x08);
	cr_assert_eq(vne2k_rx(&ne, f, make_frame(f, mcast, 64)), 1,
		     "hash bit clear");
	reg(0x00, 0x62);
	reg(0x08 + 3, 0x80); /* MAR3 bit 7 = index 31 */
	reg(0x00, 0x22);
	cr_assert_eq(vne2k_rx(&ne, f, make_frame(f, mcast, 64)), 0);
	reg(0x0c, 0x10);
	cr_assert_eq(vne2k_rx(&ne, f, make_frame(f, other, 64)), 0);
	cr_assert_eq(ne.rx_frames, 3);
}

/* 6.2 overflow: when the ring would reach BNRY the frame is missed:
 * OVW, missed-packet tally, nothing overwritten. */
Test(dev_ne2k, ring_overflow)
{
	uint8_t f[1514];
	int rc = 0, n = 0;

	setup();
	start_rx(0x04);
	make_frame(f, mac, sizeof(f));
	while ((rc = vne2k_rx(&ne, f, sizeof(f))) == 0)
		n++;
	cr_assert_eq(rc, -VDEV_ENOSPC);
	cr_assert_eq(n, 9, "58 pages free, 6 per frame");
	cr_assert_eq(rreg(0x07) & 0x10, 0x10);
	cr_assert_eq(rreg(0x0f), 1, "CNTR2: missed");
	cr_assert_eq(rreg(0x0f), 0, "tally cleared by the read");
	/* the driver frees the ring: room again */
	reg(0x00, 0x62);
	uint8_t curr = rreg(0x07);

	reg(0x00, 0x22);
	reg(0x03, (uint8_t)(curr == 0x46 ? 0x7f : curr - 1));
	cr_assert_eq(vne2k_rx(&ne, f, sizeof(f)), 0);
}

/* The ring wraps from PSTOP to PSTART inside a frame; remote DMA reads
 * wrap the same way. */
Test(dev_ne2k, ring_wrap)
{
	uint8_t f[600], hdr[4], body[600];

	setup();
	start_rx(0x04);
	reg(0x00, 0x62);
	reg(0x07, 0x7f);
	reg(0x00, 0x22);
	reg(0x03, 0x46);
	make_frame(f, mac, sizeof(f));
	cr_assert_eq(vne2k_rx(&ne, f, sizeof(f)), -VDEV_ENOSPC,
		     "one page left before BNRY: full");
	reg(0x03, 0x50);
	cr_assert_eq(vne2k_rx(&ne, f, sizeof(f)), 0);
	dma_read(0x7f00, hdr, 4);
	cr_assert_eq(hdr[1], 0x48, "next: 7Fh + 3 pages, wrapped");
	dma_read(0x7f04, body, sizeof(body));
	cr_assert_arr_eq(body, f, sizeof(f));
}

/* Stopped or in loopback the receiver takes nothing from the wire;
 * loopback sends transmitted frames to our own ring. */
Test(dev_ne2k, stopped_and_loopback)
{
	uint8_t f[64], hdr[4];

	setup();
	make_frame(f, mac, sizeof(f));
	cr_assert_eq(vne2k_rx(&ne, f, sizeof(f)), -VDEV_EAGAIN, "stopped");
	start_rx(0x04);
	reg(0x0d, 0x02);
	cr_assert_eq(vne2k_rx(&ne, f, sizeof(f)), -VDEV_EAGAIN);
	dma_write(0x4000, f, sizeof(f));
	reg(0x04, 0x40);
	reg(0x05, sizeof(f));
	reg(0x06, 0);
	reg(0x00, 0x26);
	cr_assert_eq(sent_count, 0);
	cr_assert_eq(rreg(0x07) & 0x03, 0x03, "PTX and PRX");
	dma_read(0x4600, hdr, 4);
	cr_assert_eq(hdr[2], 68);
}
