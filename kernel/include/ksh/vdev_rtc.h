/* SPDX-License-Identifier: MIT */
/*
 * Emulated MC146818 real-time clock and CMOS RAM behind the PC/AT
 * index/data ports 0x70/0x71 (bit 7 of the index write masks NMI). The
 * clock runs from the time source; its interrupt (periodic, alarm,
 * update-ended) drives IRQ8.
 */
#ifndef KSH_VDEV_RTC_H
#define KSH_VDEV_RTC_H

#include <ksh/vdev.h>

struct vrtc_config {
	int64_t epoch_s;       /* wall time at init, seconds since 1970 UTC */
	uint64_t ram_below_4g; /* guest RAM bytes below 4 GiB */
	uint64_t ram_above_4g; /* guest RAM bytes above 4 GiB */
};

struct vrtc {
	struct vdev dev;
	unsigned int irq;
	uint8_t index;
	bool nmi_masked;
	uint8_t cmos[128]; /* RAM bytes; registers A, B live here too */
	uint8_t held[10];  /* time registers while SET = 1 */
	uint8_t flags;	   /* register C bits 6-4: PF, AF, UF */
	bool irq_level;
	int64_t base_s; /* guest wall time at base_ns (SET = 0) */
	uint64_t base_ns;
	uint64_t seen_s;  /* whole seconds since base_ns already processed */
	uint64_t seen_pf; /* periodic periods already processed */
};

int vrtc_init(struct vrtc *rtc, struct vdev_env *env,
	      const struct vrtc_config *cfg);

/* Guest wall time now (seconds since 1970), as the registers show it. */
int64_t vrtc_time(struct vrtc *rtc);

#endif
