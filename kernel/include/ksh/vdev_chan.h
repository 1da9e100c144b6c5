/* SPDX-License-Identifier: MIT */
/*
 * The ksh channel device model: one PCI function per channel endpoint of
 * a Linux domain, whose guest-visible contract is ksh/chandev_regs.h.
 *
 * The model decodes registers and keeps the interrupt state; it decides
 * nothing. SEND, RECV and SIGNAL go to a backend (the kernel), which runs
 * them through the same policy enforcement point as the native
 * hypercalls; the backend owns the BAR memory too (descriptor page,
 * message buffer, shared window), which is RAM mapped into the domain's
 * nested page tables, so the model only tells it where the guest put the
 * memory BARs (`place`).
 */
#ifndef KSH_VDEV_CHAN_H
#define KSH_VDEV_CHAN_H

#include <ksh/chandev_regs.h>
#include <ksh/vdev.h>
#include <ksh/vdev_pci.h>

/* What the backend reports of the channel right now. */
struct vchan_live {
	bool rx;	     /* receiver: a message is queued */
	bool tx;	     /* sender: the queue has room */
	uint32_t queued;     /* messages waiting (receiver), else 0 */
	uint32_t flow_state; /* the channel's flow state, ~0u if none */
};

/*
 * The kernel's side. Each command returns 0 or a negative KSH_E*
 * (ksh/hypercall.h), which the model shows in RESULT:
 *   send:   the message is `len` bytes at the start of the message buffer.
 *   recv:   stores the method and length of the message now in the
 *           message buffer.
 *   signal: ring the memory channel's doorbell.
 * query fills *live. place tells where memory BAR `bar` (1 or 2) is now
 * decoded: gpa 0 when it is not (memory decoding off, or unprogrammed);
 * it returns 0, or -1 if it refused the address (the BAR then stays
 * unbacked and the model counts a guest error).
 */
struct vchan_backend {
	int (*send)(void *ctx, uint32_t method, uint32_t len);
	int (*recv)(void *ctx, uint32_t *method, uint32_t *len);
	int (*signal)(void *ctx);
	void (*query)(void *ctx, struct vchan_live *live);
	int (*place)(void *ctx, unsigned int bar, uint64_t gpa);
	void *ctx;
};

/* The function's fixed properties, from the tables. */
struct vchan_config {
	uint32_t kind;	    /* KSH_CHANDEV_KIND_* */
	uint32_t role;	    /* enum ksh_endpoint_role */
	uint32_t n_methods; /* message channel: methods (< 256) */
	uint32_t max_msg;   /* largest message, or the window size */
	uint32_t bar1_size; /* descriptor page + message buffer */
	uint32_t bar2_size; /* memory channel: window BAR size, else 0 */
	unsigned int irq;   /* INTA# line (< 16) */
};

struct vchan {
	struct vdev dev; /* range 0: BAR0 (I/O registers) */
	struct vpci_dev pci;
	struct vchan_config cfg;
	const struct vchan_backend *be;
	uint32_t irq_mask; /* KSH_CHANDEV_IRQ_MASK */
	uint32_t latched;  /* ST_RX / ST_EVENT raised since the last ack */
	uint32_t method, length;
	int32_t result;
	bool irq_level;
	uint64_t bar_gpa[3]; /* where BAR1/BAR2 are placed (0: nowhere) */
	uint64_t commands;   /* commands run */
	uint64_t bad;	     /* guest errors: bad size/offset/command */
	uint64_t irqs;	     /* INTA# assertions */
};

/* Sets the function up (not yet on a bus: the caller adds &c->pci to the
 * PCI host and &c->dev to the vdev bus). Returns 0 or -VDEV_EINVAL for a
 * configuration the contract cannot express (BAR sizes not powers of
 * two, a window BAR on a message channel, irq >= 16, ...). */
int vchan_init(struct vchan *c, struct vdev_env *env,
	       const struct vchan_config *cfg, const struct vchan_backend *be);

/* Programs BARs 0-2 and enables I/O and memory decoding, as firmware
 * does before an OS boots (addresses from the kernel's PCI hole). */
void vchan_assign(struct vchan *c, uint16_t io_base, uint32_t bar1,
		  uint32_t bar2);

/* The kernel's notifications: a message was queued for this receiver /
 * the doorbell rang for this reader. Latch the status bit and update
 * INTA#. */
void vchan_notify_rx(struct vchan *c);
void vchan_notify_event(struct vchan *c);

/* The channel changed under the device (a peer drained the queue, the
 * flow moved): re-evaluates the live TX bit and INTA#. */
void vchan_refresh(struct vchan *c);

/* STATUS as the guest would read it now. */
uint32_t vchan_status(struct vchan *c);

#endif /* KSH_VDEV_CHAN_H */
