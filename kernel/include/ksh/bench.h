/* SPDX-License-Identifier: MIT */
#ifndef KSH_BENCH_H
#define KSH_BENCH_H

/* Measures and logs the cost of a bare guest entry + exit (bench.c). */
void bench_world_switch(void);

#endif /* KSH_BENCH_H */
