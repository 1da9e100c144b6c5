// SPDX-License-Identifier: MIT
/*
 * Linux domains on emulated PC devices (ksh/vdom.h). The domain's vdevs
 * from the tables become device models (kernel/devices, ksh/vdev.h) on
 * one port bus per domain, plus the two pieces every PC has and that
 * Linux touches unconditionally: port 0x80 (I/O delay, outb_p) and the
 * i8042 (reset line, PS/2 probe). Their interrupts go through the
 * domain's virtual 8259A pair; their timers are ticked before each entry
 * and bound how long the guest runs before the next tick.
 *
 * Ports no model claims behave as an undriven ISA bus does (reads all
 * ones, writes dropped; vdev.h) and are logged once each: a stock kernel
 * probes legacy ports (serial ports 2-4, VGA, floppy) it finds empty on
 * real machines too. Nothing reaches the hardware.
 */
#include <arch/arch.h>
#include <arch/x86.h>
#include <ksh/chan_dev.h>
#include <ksh/console_in.h>
#include <ksh/domain.h>
#include <ksh/exit.h>
#include <ksh/gmap.h>
#include <ksh/kmem.h>
#include <ksh/kprintf.h>
#include <ksh/vdev.h>
#include <ksh/vdev_legacy.h>
#include <ksh/vdev_pci.h>
#include <ksh/vdev_pic.h>
#include <ksh/vdev_pit.h>
#include <ksh/vdev_rtc.h>
#include <ksh/vdev_uart.h>
#include <ksh/vdom.h>

#include <string.h>

#define VDOM_MAX_UARTS	  4
#define VDOM_PORTS_LOGGED 24 /* distinct unclaimed ports logged */
#define VDOM_MSRS_LOGGED  16 /* distinct refused MSRs logged */
#define N_REASONS	  (VMEXIT_RDPRU + 1)

struct vdom {
	struct domain *d;
	struct vdev_env env;
	struct vdev_bus bus;
	struct vpic pic;
	struct vpit pit;
	struct vrtc rtc;
	struct vpci_host pci;
	struct vpost post;
	struct vkbc kbc;
	struct vuart uart[VDOM_MAX_UARTS];
	struct vuart_chr uart_chr;
	struct vuart *console; /* the UART granted console input, or NULL */
	uint32_t n_uart;
	bool has_pic, has_pit, has_rtc, has_pci;
	bool halted;	     /* HLT with IF=1: wait for an interrupt */
	bool reset;	     /* a device asked for a system reset */
	uint32_t ports_seen; /* unclaimed ports logged so far */
	uint16_t port_log[VDOM_PORTS_LOGGED];
	uint64_t unclaimed; /* accesses to unclaimed ports */
	uint32_t msrs_seen;
	uint32_t msr_log[VDOM_MSRS_LOGGED];
	uint64_t msr_gp; /* #GP injected for refused MSR accesses */
	uint64_t irqs;	 /* interrupts handed to the vCPU */
	uint64_t exits[N_REASONS];
	uint64_t start_ns;
	uint64_t dr[8]; /* debug registers: storage only */
};

static uint64_t pages_for(uint64_t bytes)
{
	return (bytes + KPAGE_SIZE - 1) / KPAGE_SIZE;
}

uint64_t vdom_pool_pages(const struct ksh_tables *t)
{
	uint64_t n = 0;

	for (uint32_t i = 0; i < t->n_domains; i++)
		if (t->domains[i].kind == KSH_DOMAIN_LINUX)
			n += pages_for(sizeof(struct vdom));
	return n + chan_dev_pool_pages(t);
}

/* ---- services for the models (vdev_env_ops) ---------------------------- */

static uint64_t env_now(void *host)
{
	(void)host;
	return arch_time_ns();
}

/* Guest memory only through the domain's own mappings, with the right
 * the direction needs (gmap.c, unit-tested there): a model can never
 * write through a reader's read-only channel window or past a mapping
 * into what is not the domain's. */
static int env_mem_read(void *host, uint64_t gpa, void *dst, size_t len)
{
	const struct domain *d = host;

	if (gmap_read(tables, memobj_hpa, d->id, gpa, dst, len) != 0)
		return -VDEV_EFAULT;
	return 0;
}

static int env_mem_write(void *host, uint64_t gpa, const void *src, size_t len)
{
	const struct domain *d = host;

	if (gmap_write(tables, memobj_hpa, d->id, gpa, src, len) != 0)
		return -VDEV_EFAULT;
	return 0;
}

static void env_reset(void *host)
{
	struct domain *d = host;

	d->vdom->reset = true;
}

static const struct vdev_env_ops env_ops = {
    .now_ns = env_now,
    .mem_read = env_mem_read,
    .mem_write = env_mem_write,
    .reset = env_reset,
};

/* UART transmit: the kernel console, one "[name] " line at a time. The
 * guest's CR of CR-LF line ends is dropped: the console ends lines. */
static bool uart_tx(void *opaque, uint8_t byte)
{
	char c = (char)byte;

	if (c != '\r')
		dom_console(opaque, &c, 1);
	return true;
}

/* ---- building the devices ---------------------------------------------- */

/* Models whose ports are fixed by the PC platform: the table entry must
 * name those (kshc's defaults, dsl/reference.md). */
static bool fixed_ports(const struct ksh_vdev *v, uint16_t base, uint16_t n)
{
	return v->port_base == base && v->port_count == n;
}

static int attach(struct vdom *vd, const char *name, struct vdev *dev, int rc)
{
	if (rc == 0)
		rc = vdev_bus_attach(&vd->bus, dev);
	if (rc != 0) {
		kprintf("ksh: domain %s not started: device %s: cannot "
			"attach (%d)\n",
			vd->d->desc->name, name, rc);
		return -1;
	}
	return 0;
}

static int add_vdev(struct vdom *vd, const struct ksh_vdev *v)
{
	const char *dn = vd->d->desc->name;
	struct vuart *u;

	switch (v->model) {
	case KSH_VDEV_UART:
		if (vd->n_uart == VDOM_MAX_UARTS || v->port_count != 8 ||
		    v->irq > 15) {
			kprintf("ksh: domain %s not started: uart %s needs 8 "
				"ports and an IRQ below 16 (at most %u "
				"UARTs)\n",
				dn, v->name, VDOM_MAX_UARTS);
			return -1;
		}
		u = &vd->uart[vd->n_uart++];
		if (attach(vd, v->name, &u->dev,
			   vuart_init(u, &vd->env, v->port_base, v->irq,
				      &vd->uart_chr)) != 0)
			return -1;
		if (!(v->flags & KSH_VDEVF_CONSOLE_IN))
			return 0;
		vd->console = u;
		return console_in_grant(u, vd->d, v->name);
	case KSH_VDEV_PIC:
		if (vd->has_pic || !fixed_ports(v, 0x20, 2))
			break;
		vd->has_pic = true;
		if (attach(vd, v->name, &vd->pic.dev,
			   vpic_init(&vd->pic, &vd->env)) != 0)
			return -1;
		vd->env.irq = &vd->pic.chip;
		return 0;
	case KSH_VDEV_PIT:
		if (vd->has_pit || !fixed_ports(v, 0x40, 4))
			break;
		vd->has_pit = true;
		return attach(vd, v->name, &vd->pit.dev,
			      vpit_init(&vd->pit, &vd->env));
	case KSH_VDEV_RTC: {
		/* No trusted wall clock in the kernel yet: the guest's
		 * RTC starts at the epoch. CMOS reports the RAM size. */
		struct vrtc_config cfg = {
		    .epoch_s = 0,
		    .ram_below_4g = vd->d->desc->ram_size,
		};

		if (vd->has_rtc || !fixed_ports(v, 0x70, 2))
			break;
		vd->has_rtc = true;
		return attach(vd, v->name, &vd->rtc.dev,
			      vrtc_init(&vd->rtc, &vd->env, &cfg));
	}
	case KSH_VDEV_PCI_HOST:
		if (vd->has_pci || !fixed_ports(v, 0xCF8, 8))
			break;
		vd->has_pci = true;
		return attach(vd, v->name, &vd->pci.dev,
			      vpci_host_init(&vd->pci, &vd->env));
	case KSH_VDEV_CHANNEL:
		if (!vd->has_pci) {
			kprintf("ksh: domain %s not started: device %s needs "
				"a PCI host bridge\n",
				dn, v->name);
			return -1;
		}
		return chan_dev_add(vd->d, &vd->env, &vd->bus, &vd->pci, v);
	default:
		/* NE2000, IDE, AHCI: their ports stay unclaimed
		 * (and are logged when touched). */
		kprintf("ksh: domain %s: device %s: model not attached to "
			"Linux domains yet\n",
			dn, v->name);
		return 0;
	}
	kprintf("ksh: domain %s not started: device %s: a second one, or "
		"not at its fixed PC ports\n",
		dn, v->name);
	return -1;
}

int vdom_setup(struct domain *d)
{
	const struct ksh_domain *desc = d->desc;
	struct vdom *vd;

	if (desc->kind != KSH_DOMAIN_LINUX)
		return 0;
	if (vcpu_ops->irq_pending == NULL) {
		kprintf("ksh: domain %s not started: the %s backend cannot "
			"deliver virtual interrupts yet\n",
			desc->name, vcpu_ops->name);
		return -1;
	}
	vd = kpage_alloc(pages_for(sizeof(*vd)), NULL);
	if (vd == NULL) {
		kprintf("ksh: domain %s not started: kernel pool too small "
			"for its devices\n",
			desc->name);
		return -1;
	}
	memset(vd, 0, sizeof(*vd));
	vd->d = d;
	d->vdom = vd;
	vd->env.ops = &env_ops;
	vd->env.host = d;
	vd->uart_chr.tx = uart_tx;
	vd->uart_chr.opaque = d;
	vdev_bus_init(&vd->bus, &vd->env);
	/* The PIC first: the others raise lines on it from their init;
	 * channel devices last: they sit on the PCI host bridge. */
	for (int pass = 0; pass < 3; pass++)
		for (uint32_t i = 0; i < desc->n_vdevs; i++) {
			const struct ksh_vdev *v =
			    &tables->vdevs[desc->first_vdev + i];
			int want = v->model == KSH_VDEV_PIC	  ? 0
				   : v->model == KSH_VDEV_CHANNEL ? 2
								  : 1;

			if (want != pass)
				continue;
			if (add_vdev(vd, v) != 0) {
				d->vdom = NULL;
				return -1;
			}
		}
	if (attach(vd, "port80", &vd->post.dev,
		   vpost_init(&vd->post, &vd->env)) != 0 ||
	    attach(vd, "i8042", &vd->kbc.dev, vkbc_init(&vd->kbc, &vd->env)) !=
		0) {
		d->vdom = NULL;
		return -1;
	}
	vd->start_ns = arch_time_ns();
	vd->dr[6] = 0xFFFF0FF0ull; /* reset values (SDM vol. 3B 18.2) */
	vd->dr[7] = 0x400ull;
	kprintf("ksh: domain %s: PC devices: %s%s%s%s%u UART(s), port 0x80, "
		"i8042\n",
		desc->name, vd->has_pic ? "8259A pair, " : "",
		vd->has_pit ? "8254, " : "", vd->has_rtc ? "RTC/CMOS, " : "",
		vd->has_pci ? "PCI host bridge, " : "", vd->n_uart);
	return 0;
}

/* ---- exits -------------------------------------------------------------- */

static void log_unclaimed(struct vdom *vd, const struct vm_exit *e)
{
	vd->unclaimed++;
	for (uint32_t i = 0; i < vd->ports_seen; i++)
		if (vd->port_log[i] == e->u.io.port)
			return;
	if (vd->ports_seen == VDOM_PORTS_LOGGED)
		return;
	vd->port_log[vd->ports_seen++] = e->u.io.port;
	kprintf("ksh: domain %s: %s port %x: no device (floating bus)%s\n",
		vd->d->desc->name, e->u.io.in ? "in from" : "out to",
		e->u.io.port,
		vd->ports_seen == VDOM_PORTS_LOGGED ? "; further ports not "
						      "logged"
						    : "");
}

static enum exit_action stop_reset(struct vcpu *v)
{
	dom_stop(v->dom, "the guest asked for a system reset (reboot is "
			 "not offered)");
	vdom_report(v->dom);
	return EXIT_STOP;
}

enum exit_action vdom_io(struct vcpu *v, const struct vm_exit *e)
{
	struct vdom *vd = v->dom->vdom;
	uint32_t mask = e->u.io.size == 4   ? 0xFFFFFFFFu
			: e->u.io.size == 2 ? 0xFFFFu
					    : 0xFFu;
	uint32_t val = 0;
	int rc;

	if (e->u.io.string) {
		/* No modelled device needs INS/OUTS (IDE is not attached). */
		dom_stop(v->dom, "string port I/O (%s port %x) at rip %lx",
			 e->u.io.in ? "ins" : "outs", e->u.io.port, e->rip);
		vdom_report(v->dom);
		return EXIT_STOP;
	}
	if (e->u.io.in) {
		rc = vdev_bus_pio_read(&vd->bus, e->u.io.port, e->u.io.size,
				       &val);
		/* IN to EAX zero-extends into RAX; to AL/AX it keeps the
		 * other bits (Intel SDM vol. 1 3.4.1.1). */
		if (e->u.io.size == 4)
			v->regs.rax = val;
		else
			v->regs.rax =
			    (v->regs.rax & ~(uint64_t)mask) | (val & mask);
	} else {
		rc = vdev_bus_pio_write(&vd->bus, e->u.io.port, e->u.io.size,
					(uint32_t)v->regs.rax & mask);
	}
	if (rc == -VDEV_ENOENT)
		log_unclaimed(vd, e);
	exit_skip(v, e);
	if (vd->reset)
		return stop_reset(v);
	return EXIT_RESUME;
}

enum exit_action vdom_hlt(struct vcpu *v, const struct vm_exit *e)
{
	exit_skip(v, e);
	/* With IF=0 only an NMI or reset wakes a halted CPU (SDM vol. 2A
	 * HLT); neither comes: the vCPU is dead (Linux's halt and power-off
	 * without ACPI end here). */
	if (!(vcpu_ops->get_rflags(v) & RFLAGS_IF)) {
		dom_stop(v->dom, "halted with interrupts disabled at rip %lx",
			 e->rip);
		vdom_report(v->dom);
		return EXIT_STOP;
	}
	v->dom->vdom->halted = true;
	return EXIT_RESUME;
}

/* A triple fault (AMD APM vol. 2, the SHUTDOWN intercept, exit code
 * 0x7F; Intel SDM vol. 3 appendix C, basic exit reason 2) would reset a
 * PC; reboot is not offered, so the domain stops as on a reset request,
 * with its exit counts, while the other domains go on. */
enum exit_action vdom_shutdown(struct vcpu *v, const struct vm_exit *e)
{
	dom_stop(v->dom, "guest shutdown (triple fault) at rip %lx", e->rip);
	vdom_report(v->dom);
	return EXIT_STOP;
}

/* RDMSR/WRMSR: the vendor's MSRs (EFER), then the emulated set
 * (msr_emul.c); the rest gets #GP(0) as on a CPU without the MSR (SDM
 * vol. 2B RDMSR), logged once per MSR. */
enum exit_action vdom_msr(struct vcpu *v, const struct vm_exit *e)
{
	struct vdom *vd = v->dom->vdom;
	bool write = e->reason == VMEXIT_MSR_WRITE;
	uint32_t idx = e->u.msr.index;
	uint64_t val = (v->regs.rdx << 32) | (uint32_t)v->regs.rax;
	int rc = -1;

	if (vcpu_ops->msr_access != NULL)
		rc = vcpu_ops->msr_access(v, idx, write, &val);
	if (rc < 0)
		rc = write ? msr_emul_write(idx, val)
			   : msr_emul_read(idx, arch_cycles(), &val);
	if (rc != 0) {
		uint32_t i;

		vd->msr_gp++;
		for (i = 0; i < vd->msrs_seen && vd->msr_log[i] != idx; i++)
			;
		if (i == vd->msrs_seen && i < VDOM_MSRS_LOGGED) {
			vd->msr_log[vd->msrs_seen++] = idx;
			kprintf("ksh: domain %s: %s MSR %x refused: #GP\n",
				v->dom->desc->name, write ? "wrmsr" : "rdmsr",
				idx);
		}
		vcpu_ops->inject(v, 13, 3, true, 0);
		return EXIT_RESUME;
	}
	if (!write) {
		v->regs.rax = (uint32_t)val;
		v->regs.rdx = val >> 32;
	}
	exit_skip(v, e);
	return EXIT_RESUME;
}

/* Debug registers are storage only: DR0-3 are not switched by VMRUN (a
 * guest's breakpoints would be another's), so the guest's DR7 in the
 * control block stays at its reset value and no hardware breakpoint
 * fires; reads give back what was written (DR4/5 alias DR6/7, SDM vol.
 * 3B 18.2.2). */
enum exit_action vdom_dr(struct vcpu *v, const struct vm_exit *e)
{
	struct vdom *vd = v->dom->vdom;
	uint64_t *gpr[16] = {
	    &v->regs.rax, &v->regs.rcx, &v->regs.rdx, &v->regs.rbx,
	    NULL,	  &v->regs.rbp, &v->regs.rsi, &v->regs.rdi,
	    &v->regs.r8,  &v->regs.r9,	&v->regs.r10, &v->regs.r11,
	    &v->regs.r12, &v->regs.r13, &v->regs.r14, &v->regs.r15,
	};
	uint8_t n = e->u.dr.dr;

	if (n == 4 || n == 5)
		n += 2;
	if (e->u.dr.write) {
		uint64_t val = gpr[e->u.dr.gpr] != NULL ? *gpr[e->u.dr.gpr]
							: vcpu_ops->get_rsp(v);

		if (n == 6)
			val |= 0xFFFF0FF0ull;
		if (n == 7)
			val = (val & 0xFFFFFFFFull) | 0x400;
		vd->dr[n] = val;
	} else {
		if (gpr[e->u.dr.gpr] == NULL) {
			dom_stop(v->dom, "MOV RSP, DR%u at rip %lx", n, e->rip);
			return EXIT_STOP;
		}
		*gpr[e->u.dr.gpr] = vd->dr[n];
	}
	exit_skip(v, e);
	return EXIT_RESUME;
}

/* DR6's B0-B3 say which breakpoints this #DB is for, so the CPU may
 * clear them; BD, BS and BT are sticky until software clears them (SDM
 * vol. 3A 17.2.3). Delivering a #DB clears DR7.GD, so that the handler
 * can touch the debug registers (17.2.4). */
void vdom_db(struct vcpu *v, uint64_t dr6_bits)
{
	struct vdom *vd = v->dom->vdom;

	vd->dr[6] = (vd->dr[6] & ~0xFull) | (dr6_bits & 0xE00Full);
	vd->dr[7] &= ~(1ull << 13);
}

bool vdom_prepare(struct domain *d, uint64_t *deadline)
{
	struct vdom *vd = d->vdom;
	struct vcpu *v = &d->vcpu;
	uint64_t next;

	/* Typed bytes first, so their interrupt goes in with this entry
	 * (only the granted UART gets any; ksh/console_in.h). */
	console_in_feed(vd->console);
	vdev_bus_tick(&vd->bus);
	/* The INTA cycle happens only when the vCPU has room for the
	 * vector: the PIC keeps the request (and its priority order)
	 * until then (8259A datasheet, "Interrupt sequence"). */
	if (vd->has_pic && !vcpu_ops->irq_pending(v) &&
	    vpic_has_interrupt(&vd->pic)) {
		uint8_t vec = vpic_ack(&vd->pic);

		if (vcpu_ops->inject(v, vec, 0, false, 0) == 0)
			vd->irqs++;
	}
	if (vd->halted && vcpu_ops->irq_pending(v))
		vd->halted = false;
	next = vdev_bus_next_deadline(&vd->bus);
	if (next < *deadline)
		*deadline = next;
	return !vd->halted;
}

void vdom_count_exit(struct vcpu *v, const struct vm_exit *e)
{
	v->dom->vdom
	    ->exits[e->reason < N_REASONS ? e->reason : VMEXIT_UNHANDLED]++;
}

void vdom_report(struct domain *d)
{
	static const char *const names[N_REASONS] = {
	    [VMEXIT_NONE] = "none",	      [VMEXIT_IO] = "io",
	    [VMEXIT_MSR_READ] = "rdmsr",      [VMEXIT_MSR_WRITE] = "wrmsr",
	    [VMEXIT_CPUID] = "cpuid",	      [VMEXIT_HLT] = "hlt",
	    [VMEXIT_HYPERCALL] = "hypercall", [VMEXIT_NPF] = "npf",
	    [VMEXIT_INTR] = "intr",	      [VMEXIT_SHUTDOWN] = "shutdown",
	    [VMEXIT_EXCEPTION] = "exception", [VMEXIT_INVALID] = "invalid",
	    [VMEXIT_UNHANDLED] = "other",     [VMEXIT_DR] = "dr",
	    [VMEXIT_CR4_WRITE] = "cr4",	      [VMEXIT_WBINVD] = "wbinvd",
	    [VMEXIT_RDPRU] = "rdpru",
	};
	struct vdom *vd = d->vdom;
	char buf[320];
	size_t n = 0;

	if (vd == NULL)
		return;
	for (uint32_t i = 0; i < N_REASONS && n < sizeof(buf); i++)
		if (vd->exits[i] != 0)
			n += (size_t)ksnprintf(buf + n, sizeof(buf) - n,
					       " %s=%lu", names[i],
					       vd->exits[i]);
	buf[n < sizeof(buf) ? n : sizeof(buf) - 1] = '\0';
	kprintf("ksh: domain %s: %lu ms, exits:%s; interrupts injected %lu, "
		"PIT IRQ0 edges %lu, unclaimed port accesses %lu, MSR #GP "
		"%lu\n",
		d->desc->name, (arch_time_ns() - vd->start_ns) / 1000000, buf,
		vd->irqs, vd->has_pit ? vd->pit.irq_edges : 0, vd->unclaimed,
		vd->msr_gp);
	if (vd->console != NULL)
		console_in_report();
}
