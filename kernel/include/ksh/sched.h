/* SPDX-License-Identifier: MIT */
#ifndef KSH_SCHED_H
#define KSH_SCHED_H

/* Takes CPU 0's minor frames from the tables. Returns 0 or -1. */
int sched_init(void);
/* Runs the cyclic plan; stops the machine when no domain is left. */
__attribute__((noreturn)) void sched_run(void);

#endif /* KSH_SCHED_H */
