// SPDX-License-Identifier: MIT
/*
 * The ksh channel device of Linux domains (ksh/chan_dev.h).
 *
 * Memory: BAR1 is a descriptor page (read-only to the guest) and a
 * message buffer (read/write), both kernel pages; BAR2 is the channel's
 * window object itself, with the rights of the domain's endpoint
 * mapping (the reader's is read-only, so a write exits as a nested page
 * fault: AMD APM vol. 2 15.25.10; Intel SDM vol. 3C 29.3.3.2). They are
 * placed in the nested page tables wherever the guest's BARs decode, and
 * moved when the guest moves a BAR (old place unmapped first, guest
 * translations flushed before it runs again: AMD APM vol. 2 15.16.1;
 * Intel SDM vol. 3C 29.4.3.1).
 *
 * The table pages a placement needs come from the domain's own BAR
 * reserve, never from the kernel pool others need: carved from the pool
 * when the domain's first channel device is built, sized from the tables
 * as one worst-case placement of every BAR of every channel device of
 * the domain (npt_place_bound; a BAR is aligned to its size, so e.g. a
 * 62 MiB + 4 KiB window costs at most 32 PTs + a PD + a PDPT = 34
 * pages). npt_unmap gives the tables a move empties back to the
 * reserve, so the pages in use never exceed what the current placements
 * need, which that bound covers: any number of moves fits, and a guest
 * can neither exhaust the pool nor touch another domain's reserve.
 *
 * Commands reach the channel code through chan_kbuf_call: the same
 * policy lookup, flow machine, queues and audit as a native domain's
 * hypercalls, with this domain as subject and the message buffer as the
 * caller's buffer. The channel code's notifications latch the receiving
 * device's status and raise INTA# through that domain's virtual 8259A.
 */
#include <arch/arch.h>
#include <ksh/chan_dev.h>
#include <ksh/chan_kernel.h>
#include <ksh/domain.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>
#include <ksh/nospec.h>
#include <ksh/vdev_chan.h>

#include <string.h>

#define DEV_REFUSALS_LOGGED 8 /* per device; the rest are only counted */
#define DEV_WIN_MAX	    0x10000000ull /* largest window BAR2 can show */
#define DEV_IO_BASE	    0xC000u
#define DEV_IO_STEP	    0x40u
#define DEV_MMIO_LO	    0xE0000000ull /* the PCI hole firmware would use */
#define DEV_MMIO_HI	    0xFEC00000ull /* I/O APIC and up stay free */
#define DEV_SLOT	    3		  /* first PCI device number used */
#define DESC_PAGE	    KSH_CHANDEV_DESC_SIZE
#define VEC_GP		    13
#define EV_EXCEPTION	    3

struct chan_dev {
	struct vchan vc;
	struct vchan_backend be;
	struct domain *d;
	const struct ksh_vdev *v;
	uint32_t channel, handle, role;
	uint8_t *bar1;	       /* descriptor page + message buffer */
	uint64_t bar1_backed;  /* bytes of BAR1 backed by pages */
	uint64_t win_hpa;      /* memory channel window */
	uint64_t win_size;     /* bytes of BAR2 backed by the window */
	uint32_t win_rights;   /* the endpoint's rights, no execute */
	uint64_t mapped[3];    /* where BAR1/BAR2 are in the NPT, 0: nowhere */
	uint64_t bar_size[3];  /* BAR1/BAR2 sizes (and alignments) */
	uint64_t places;       /* placements made */
	uint64_t refused;      /* placements refused */
	uint64_t desc_writes;  /* writes to the descriptor page refused */
	struct kreserve *rsv;  /* the domain's BAR reserve (one per domain) */
	struct kreserve own;   /* that reserve, in the domain's first device */
	struct chan_kbuf kb;   /* the message buffer as a call buffer */
	struct chan_dev *next; /* all channel devices */
};

static struct chan_dev *devs;

static uint64_t pow2_at_least(uint64_t v)
{
	uint64_t p = 4096;

	while (p < v)
		p <<= 1;
	return p;
}

static uint64_t buf_bytes(const struct ksh_channel *c)
{
	uint64_t b = c->kind == KSH_CHANNEL_MESSAGE ? c->size : 0;

	b = (b + KPAGE_SIZE - 1) & ~(KPAGE_SIZE - 1);
	return b != 0 ? b : KPAGE_SIZE;
}

static bool is_chan_dev(const struct ksh_tables *t, const struct ksh_vdev *v)
{
	return v->model == KSH_VDEV_CHANNEL &&
	       t->domains[v->domain].kind == KSH_DOMAIN_LINUX &&
	       v->channel < t->n_channels;
}

/* The window BAR2 shows, in bytes; 0 for none (or one chan_dev_add
 * refuses). */
static uint64_t win_bytes(const struct ksh_tables *t,
			  const struct ksh_channel *c)
{
	uint64_t w;

	if (c->kind != KSH_CHANNEL_MEMORY || c->memobj >= t->n_memobjs)
		return 0;
	w = t->memobjs[c->memobj].size;
	return w <= DEV_WIN_MAX ? w : 0;
}

/* Table pages one placement of each BAR of device v can need: each BAR
 * is aligned to its size, the next power of two of what backs it. */
static uint64_t dev_npt_bound(const struct ksh_tables *t,
			      const struct ksh_vdev *v)
{
	const struct ksh_channel *c = &t->channels[v->channel];
	uint64_t b1 = DESC_PAGE + buf_bytes(c), w = win_bytes(t, c);

	return npt_place_bound(b1, pow2_at_least(b1)) +
	       npt_place_bound(w, pow2_at_least(w));
}

/* The BAR reserve of Linux domain dom: one worst-case placement of
 * every BAR of its channel devices at once (the file's opening). */
static uint64_t dom_npt_reserve(const struct ksh_tables *t, uint32_t dom)
{
	uint64_t n = 0;

	for (uint32_t i = 0; i < t->n_vdevs; i++)
		if (t->vdevs[i].domain == dom && is_chan_dev(t, &t->vdevs[i]))
			n += dev_npt_bound(t, &t->vdevs[i]);
	return n;
}

uint64_t chan_dev_pool_pages(const struct ksh_tables *t)
{
	uint64_t n = 0;

	for (uint32_t i = 0; i < t->n_vdevs; i++) {
		const struct ksh_vdev *v = &t->vdevs[i];

		if (!is_chan_dev(t, v))
			continue;
		n += (sizeof(struct chan_dev) + KPAGE_SIZE - 1) / KPAGE_SIZE;
		n += (DESC_PAGE + buf_bytes(&t->channels[v->channel])) /
		     KPAGE_SIZE;
		n += dev_npt_bound(t, v); /* its share of the BAR reserve */
	}
	return n;
}

/* ---- the backend ------------------------------------------------------ */

static int dev_send(void *ctx, uint32_t method, uint32_t len)
{
	struct chan_dev *cd = ctx;
	struct hc_call call = {
	    .nr = KSH_HC_CHAN_SEND,
	    .arg = {cd->handle, method, 0, len},
	    .cpl = 3,
	};
	int64_t rc = chan_kernel_kbuf_call(cd->d, &call, &cd->kb);

	return rc < 0 ? (int)rc : 0;
}

static int dev_recv(void *ctx, uint32_t *method, uint32_t *len)
{
	struct chan_dev *cd = ctx;
	struct hc_call call = {
	    .nr = KSH_HC_CHAN_RECV,
	    .arg = {cd->handle, 0, cd->kb.size, 1},
	    .cpl = 3,
	};
	int64_t rc = chan_kernel_kbuf_call(cd->d, &call, &cd->kb);

	if (rc < 0)
		return (int)rc;
	*len = (uint32_t)rc;
	*method = cd->kb.method;
	return 0;
}

/* EVENT_SIGNAL names events by rank among those the caller may signal
 * (chan_hcall.c); a channel without a doorbell, or one this domain may
 * not ring, gets a rank no event has, so the call is refused (EBADH) and
 * audited like a native domain's. */
static int dev_signal(void *ctx)
{
	struct chan_dev *cd = ctx;
	uint32_t ev = tables->channels[cd->channel].event;
	uint64_t rank = 1ull << 32;
	struct hc_call call = {.nr = KSH_HC_EVENT_SIGNAL, .cpl = 3};

	if (ev < tables->n_events &&
	    tables->events[ev].signaller == cd->d->id) {
		rank = 0;
		for (uint32_t i = 0; i < ev; i++)
			if (tables->events[i].signaller == cd->d->id)
				rank++;
	}
	call.arg[0] = rank;
	return (int)chan_kernel_kbuf_call(cd->d, &call, &cd->kb);
}

static void dev_query(void *ctx, struct vchan_live *l)
{
	struct chan_dev *cd = ctx;
	const struct ksh_channel *c = &tables->channels[cd->channel];
	uint32_t count = 0, state = KSH_NONE;

	chan_kernel_state(cd->channel, &count, &state);
	l->flow_state = state;
	if (c->kind != KSH_CHANNEL_MESSAGE)
		return;
	l->rx = cd->role == KSH_ROLE_RECEIVER && count != 0;
	l->tx = cd->role == KSH_ROLE_SENDER && count < c->queue_depth;
	l->queued = cd->role == KSH_ROLE_RECEIVER ? count : 0;
}

/* Leaves BAR bar's place: its entries go, the tables that empties go
 * back to the reserve, and the guest's cached translations of the old
 * place are dropped before it runs again (flush_npt: TLB_CONTROL for
 * its ASID at the next VMRUN, AMD APM vol. 2 15.16.1, which also drops
 * nested paging-structure caches; INVEPT single-context, Intel SDM vol.
 * 3C 29.4.3.1, for the guest-physical and combined mappings). Without
 * the flush the old address would still reach the window through the
 * TLB, and a freed table reused for the new place could be walked under
 * its old meaning. QEMU flushes on every VMRUN, so only the manual, not
 * a test there, can show this is right. */
static void unmap(struct chan_dev *cd, unsigned int bar)
{
	uint64_t size = bar == 1 ? cd->bar1_backed : cd->win_size;

	if (cd->mapped[bar] == 0)
		return;
	/* Same range as mapped, so no 2 MiB leaf is cut: cannot fail. */
	if (npt_unmap(&cd->d->npt, cd->mapped[bar], size) != 0)
		panic("device %s: BAR%u at %lx does not unmap", cd->v->name,
		      bar, cd->mapped[bar]);
	cd->mapped[bar] = 0;
	vcpu_ops->flush_npt(&cd->d->vcpu);
}

static int map_bar(struct chan_dev *cd, unsigned int bar, uint64_t gpa)
{
	struct npt *n = &cd->d->npt;
	uint64_t hpa = (uint64_t)(uintptr_t)cd->bar1;
	int rc;

	if (bar == 2)
		return npt_map(n, gpa, cd->win_hpa, cd->win_size,
			       cd->win_rights);
	rc = npt_map(n, gpa, hpa, DESC_PAGE, KSH_R);
	if (rc != 0)
		return rc;
	rc = npt_map(n, gpa + DESC_PAGE, hpa + DESC_PAGE,
		     cd->bar1_backed - DESC_PAGE, KSH_R | KSH_W);
	if (rc != 0) {
		/* Never seen by the guest; its tables go back all the same. */
		npt_unmap(n, gpa, DESC_PAGE);
		vcpu_ops->flush_npt(&cd->d->vcpu);
	}
	return rc;
}

static void refused(struct chan_dev *cd, unsigned int bar, uint64_t gpa, int rc)
{
	/* A guest can ask again and again: log a few, count them all. */
	if (++cd->refused > DEV_REFUSALS_LOGGED)
		return;
	kprintf("ksh: domain %s: device %s: BAR%u at %lx refused (%s): left "
		"unbacked%s\n",
		cd->d->desc->name, cd->v->name, bar, gpa,
		rc == -NPT_EEXIST   ? "overlaps guest memory"
		: rc == -NPT_ENOMEM ? "BAR reserve used up"
				    : "bad address",
		cd->refused == DEV_REFUSALS_LOGGED
		    ? "; further refusals are counted, not logged"
		    : "");
}

static int dev_place(void *ctx, unsigned int bar, uint64_t gpa)
{
	struct chan_dev *cd = ctx;
	int rc;

	if (bar != 1 && bar != 2)
		return -1;
	bar = (unsigned int)ksh_index_nospec(bar, 3); /* ksh/nospec.h */
	unmap(cd, bar);
	if (gpa == 0)
		return 0;
	/* The reserve's bound counts on BARs aligned to their size (PCI
	 * 3.0 6.2.5.1), which the config space model enforces. */
	rc = (gpa & (cd->bar_size[bar] - 1)) != 0 ? -NPT_EINVAL
						  : map_bar(cd, bar, gpa);
	if (rc != 0) {
		refused(cd, bar, gpa, rc);
		return -1;
	}
	cd->mapped[bar] = gpa;
	/* Now and then, what moves cost: the pages in use stay within the
	 * reserve however often BARs move. */
	if (++cd->places >= 16 && (cd->places & (cd->places - 1)) == 0)
		kprintf("ksh: domain %s: device %s: %lu BAR placements; BAR "
			"reserve %lu pages, %lu in use, peak %lu\n",
			cd->d->desc->name, cd->v->name, cd->places,
			cd->rsv->pages, cd->rsv->in_use, cd->rsv->peak);
	return 0;
}

/* The nested-paging pager of a Linux domain once its channel devices
 * exist: table pages from, and back to, its BAR reserve. */
static void *rsv_alloc(void *ctx, uint64_t *hpa)
{
	return kreserve_alloc(ctx, hpa);
}

static uint64_t *rsv_ptr(void *ctx, uint64_t hpa)
{
	(void)ctx;
	return (uint64_t *)(uintptr_t)hpa; /* identity-mapped host memory */
}

static uint64_t rsv_avail(void *ctx)
{
	return kreserve_avail(ctx);
}

static bool rsv_free(void *ctx, uint64_t hpa)
{
	return kreserve_free(ctx, hpa) == 0;
}

/* ---- building a device --------------------------------------------------- */

static void put_name(char *dst, const char *src)
{
	size_t n = src != NULL ? strlen(src) : 0;

	if (n > KSH_CHANDEV_NAME_MAX - 1)
		n = KSH_CHANDEV_NAME_MAX - 1;
	memcpy(dst, src, n);
}

/* The descriptor page (ksh/chandev_regs.h); the page came zeroed. */
static void fill_desc(struct chan_dev *cd, const struct vchan_config *cfg)
{
	const struct ksh_channel *c = &tables->channels[cd->channel];
	struct ksh_chandev_desc *ds = (struct ksh_chandev_desc *)cd->bar1;
	uint32_t n = c->n_methods < KSH_CHANDEV_METHODS_MAX
			 ? c->n_methods
			 : KSH_CHANDEV_METHODS_MAX;

	ds->magic = KSH_CHANDEV_MAGIC;
	ds->version = KSH_CHANDEV_VERSION;
	ds->kind = cfg->kind;
	ds->role = cd->role;
	ds->max_msg = cfg->max_msg;
	ds->buf_offset = DESC_PAGE;
	ds->buf_size = (uint32_t)cd->kb.size;
	ds->n_methods = n;
	put_name(ds->channel, c->name);
	put_name(ds->device, cd->v->name);
	for (uint32_t i = 0; i < n; i++)
		put_name(ds->methods[i],
			 tables->methods[c->first_method + i].name);
}

/* This domain's handle on channel ch (its index among the domain's
 * endpoints), or KSH_NONE. */
static uint32_t handle_of(const struct domain *d, uint32_t ch)
{
	for (uint32_t h = 0; h < d->desc->n_endpoints; h++)
		if (tables->endpoints[d->desc->first_endpoint + h].channel ==
		    ch)
			return h;
	return KSH_NONE;
}

static int refuse(const struct domain *d, const struct ksh_vdev *v,
		  const char *why)
{
	kprintf("ksh: domain %s not started: device %s: %s\n", d->desc->name,
		v->name, why);
	return -1;
}

/* Where the next device's BARs go: I/O ports and the PCI hole, each BAR
 * aligned to its size (PCI 3.0 6.2.5.1). */
struct layout {
	const struct domain *d;
	uint32_t n;	      /* channel devices of d placed so far */
	uint64_t cursor;      /* next free address in the hole */
	struct kreserve *rsv; /* d's BAR reserve, once made */
};

static uint64_t take(struct layout *l, uint64_t size)
{
	uint64_t at = (l->cursor + size - 1) & ~(size - 1);

	if (at + size > DEV_MMIO_HI)
		return 0;
	l->cursor = at + size;
	return at;
}

static struct layout layout;

/* Carves d's BAR reserve out of the pool (into its first device, cd)
 * and makes it the pager of d's nested page tables: every table page a
 * BAR placement needs from now on comes from there and goes back there. */
static int make_reserve(struct domain *d, struct chan_dev *cd)
{
	uint64_t pages = dom_npt_reserve(tables, d->id);
	struct npt_pager pager = {
	    .alloc = rsv_alloc,
	    .ptr = rsv_ptr,
	    .ctx = &cd->own,
	    .avail = rsv_avail,
	    .free = rsv_free,
	};

	if (kreserve_init(&cd->own, &kernel_pool, pages) != 0)
		return -1;
	npt_set_pager(&d->npt, &pager);
	layout.rsv = &cd->own;
	kprintf("ksh: domain %s: BAR reserve of %lu nested-paging pages (one "
		"placement of every channel device BAR; moves give pages "
		"back)\n",
		d->desc->name, pages);
	return 0;
}

int chan_dev_add(struct domain *d, struct vdev_env *env, struct vdev_bus *bus,
		 struct vpci_host *pci, const struct ksh_vdev *v)
{
	const struct ksh_channel *c;
	const struct ksh_endpoint *ep;
	struct vchan_config cfg = {0};
	struct chan_dev *cd;
	uint64_t bar1_at, bar2_at = 0, buf;
	uint32_t slot;

	if (layout.d != d) {
		layout.d = d;
		layout.n = 0;
		layout.cursor = DEV_MMIO_LO;
		layout.rsv = NULL;
	}
	if (v->channel >= tables->n_channels)
		return refuse(d, v, "no channel");
	c = &tables->channels[v->channel];
	if (v->irq > 15)
		return refuse(d, v, "needs an IRQ below 16");
	if (d->desc->ram_size > DEV_MMIO_LO)
		return refuse(d, v, "RAM reaches into the PCI hole");
	if (layout.n >= (0x10000u - DEV_IO_BASE) / DEV_IO_STEP)
		return refuse(d, v, "too many channel devices");
	cd = kpage_alloc((sizeof(*cd) + KPAGE_SIZE - 1) / KPAGE_SIZE, NULL);
	buf = buf_bytes(c);
	if (cd == NULL || (cd->bar1 = kpage_alloc(
			       (DESC_PAGE + buf) / KPAGE_SIZE, NULL)) == NULL)
		return refuse(d, v, "kernel pool too small");
	if (layout.rsv == NULL && make_reserve(d, cd) != 0)
		return refuse(d, v,
			      "kernel pool too small for its BAR reserve");
	cd->rsv = layout.rsv;
	cd->d = d;
	cd->v = v;
	cd->channel = v->channel;
	cd->handle = handle_of(d, v->channel);
	if (cd->handle == KSH_NONE)
		return refuse(d, v, "the domain holds no end of its channel");
	ep = &tables->endpoints[d->desc->first_endpoint + cd->handle];
	cd->role = ep->role;
	cd->bar1_backed = DESC_PAGE + buf;
	cd->kb.data = cd->bar1 + DESC_PAGE;
	cd->kb.size = buf;
	cfg.kind = c->kind == KSH_CHANNEL_MEMORY ? KSH_CHANDEV_KIND_MEMORY
						 : KSH_CHANDEV_KIND_MESSAGE;
	cfg.role = cd->role;
	cfg.n_methods = c->n_methods > 0xFF ? 0xFF : c->n_methods;
	cfg.max_msg = c->size > 0xFFFFFFFFull ? 0xFFFFFFFFu : (uint32_t)c->size;
	cfg.bar1_size = (uint32_t)pow2_at_least(DESC_PAGE + buf);
	cfg.irq = v->irq;
	if (c->kind == KSH_CHANNEL_MEMORY) {
		if (ep->mapping >= tables->n_mappings)
			return refuse(d, v, "its window is not mapped");
		cd->win_hpa = memobj_hpa[c->memobj];
		cd->win_size = tables->memobjs[c->memobj].size;
		cd->win_rights =
		    tables->mappings[ep->mapping].rights & (KSH_R | KSH_W);
		if (cd->win_size == 0 || cd->win_size > DEV_WIN_MAX)
			return refuse(d, v, "window size not usable as a BAR");
		cfg.bar2_size = (uint32_t)pow2_at_least(cd->win_size);
	}
	cd->bar_size[1] = cfg.bar1_size;
	cd->bar_size[2] = cfg.bar2_size;
	cd->be = (struct vchan_backend){dev_send,  dev_recv,  dev_signal,
					dev_query, dev_place, cd};
	bar1_at = take(&layout, cfg.bar1_size);
	if (cfg.bar2_size)
		bar2_at = take(&layout, cfg.bar2_size);
	if (bar1_at == 0 || (cfg.bar2_size && bar2_at == 0))
		return refuse(d, v, "no room in the PCI hole");
	slot = v->pci_bdf != KSH_NONE && (v->pci_bdf >> 8) == 0
		   ? v->pci_bdf & 0xFF
		   : (DEV_SLOT + layout.n) << 3;
	if (vchan_init(&cd->vc, env, &cfg, &cd->be) != 0 ||
	    vpci_host_add(pci, &cd->vc.pci, (uint8_t)slot) != 0 ||
	    vdev_bus_attach(bus, &cd->vc.dev) != 0)
		return refuse(d, v, "cannot attach the PCI function");
	fill_desc(cd, &cfg);
	vchan_assign(&cd->vc, (uint16_t)(DEV_IO_BASE + DEV_IO_STEP * layout.n),
		     (uint32_t)bar1_at, (uint32_t)bar2_at);
	if (cd->mapped[1] == 0 || (cfg.bar2_size && cd->mapped[2] == 0))
		return refuse(d, v, "its BARs cannot be mapped");
	layout.n++;
	cd->next = devs;
	devs = cd;
	kprintf("ksh: domain %s: channel device %s: %s end of %s at "
		"00:%02x.%u, ports %x, BAR1 %lx%s\n",
		d->desc->name, v->name,
		cd->role == KSH_ROLE_SENDER	? "sending"
		: cd->role == KSH_ROLE_RECEIVER ? "receiving"
		: cd->role == KSH_ROLE_WRITER	? "writing"
						: "reading",
		c->name, slot >> 3, slot & 7,
		DEV_IO_BASE + DEV_IO_STEP * (layout.n - 1), bar1_at,
		cfg.bar2_size ? ", BAR2 window" : "");
	return 0;
}

/* ---- notifications and faults -------------------------------------------- */

void chan_dev_notify(void *ctx, enum chan_notify what, uint32_t index)
{
	(void)ctx;
	for (struct chan_dev *cd = devs; cd != NULL; cd = cd->next) {
		if (what == CHAN_NOTIFY_EVENT) {
			if (tables->channels[cd->channel].event == index &&
			    tables->events[index].waiter == cd->d->id)
				vchan_notify_event(&cd->vc);
			continue;
		}
		if (cd->channel != index)
			continue;
		if (what == CHAN_NOTIFY_MESSAGE)
			vchan_notify_rx(&cd->vc);
		else
			vchan_refresh(&cd->vc);
	}
}

bool chan_dev_npf(struct vcpu *v, const struct vm_exit *e)
{
	uint64_t gpa = e->u.npf.gpa;

	if (!e->u.npf.write || !e->u.npf.present)
		return false;
	for (struct chan_dev *cd = devs; cd != NULL; cd = cd->next) {
		bool win, desc;

		if (cd->d != v->dom)
			continue;
		win = cd->mapped[2] != 0 && gpa >= cd->mapped[2] &&
		      gpa - cd->mapped[2] < cd->win_size &&
		      !(cd->win_rights & KSH_W);
		desc = cd->mapped[1] != 0 && gpa >= cd->mapped[1] &&
		       gpa - cd->mapped[1] < DESC_PAGE;
		if (!win && !desc)
			continue;
		if (win)
			chan_kernel_audit_window(v->dom, cd->channel,
						 cd->handle);
		else if (++cd->desc_writes <= DEV_REFUSALS_LOGGED)
			/* Each line costs serial time: log a few. */
			kprintf("ksh: domain %s: device %s: write to the "
				"read-only descriptor page at rip %lx "
				"refused: #GP%s\n",
				v->dom->desc->name, cd->v->name, e->rip,
				cd->desc_writes == DEV_REFUSALS_LOGGED
				    ? "; further ones are not logged"
				    : "");
		/* The write is not carried out; the guest gets #GP(0) at
		 * the writing instruction (a user process: SIGSEGV). */
		vcpu_ops->inject(v, VEC_GP, EV_EXCEPTION, true, 0);
		return true;
	}
	return false;
}
