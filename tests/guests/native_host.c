// SPDX-License-Identifier: MIT
/*
 * native_host: runs a native domain ELF inside a Linux process, so the
 * runtime and the test guests are exercised on the build machine before
 * (and independently of) the kernel. Not a hypervisor and not a security
 * boundary: the guest runs at CPL 3 in this process.
 *
 * How: the ELF is checked and loaded by the kernel's own loader_native
 * (kernel/loader/native.c) into a buffer, which is then copied to a
 * mapping at the guest-physical addresses themselves (guest-physical ==
 * this process's virtual), so the guest runs at the addresses it was
 * linked for, from the loader's RIP and RSP. Every VMMCALL (0f 01 d9) and VMCALL
 * (0f 01 c1) in the executable segments is replaced by UD2; NOP (0f 0b 90)
 * in the loaded copy, because in user mode on a machine that is itself a
 * virtual machine the real instructions go to that machine's hypervisor
 * (KVM answers them with -KVM_EPERM) instead of trapping. The SIGILL of a
 * patched site is a hypercall: the handler applies the ABI
 * (include/ksh/hypercall.h) to the saved registers and resumes
 * after it. Any other fault (a privileged instruction at CPL 3, an access
 * outside the mapping) stops the guest, like the kernel would.
 *
 * Differences from the kernel, all visible in the output:
 *  - RAM below NH_RAM_LOW (64 KiB) is not mapped (Linux refuses low
 *    mappings to unprivileged processes): ranges touching it are -EFAULT
 *    and struct ksh_native_info is at NH_RAM_LOW, not at 0x1000;
 *  - one domain only: channel, event and audit calls are -KSH_ENOSYS;
 *  - the guest runs at CPL 3, so privileged instructions stop it, except
 *    the runtime's WRMSR of IA32_FS_BASE, which is skipped: FS stays the
 *    process's, so %fs:0x28 (the stack protector's canary) is glibc's.
 *
 * Output (stdout): the guest's console bytes, and the harness's own lines:
 *   HARNESS patched <n> hypercall sites
 *   HARNESS exit <status>                 KSH_HC_EXIT
 *   HARNESS stopped signal=<sig> rip=0x<rip>
 *   HARNESS timeout
 *   HARNESS error: <why>                  refused before starting (rc 2)
 *
 * Usage: native_host [--ram MiB] [--name NAME] [--id N] [--bad-magic] ELF
 *        native_host --multiboot [--ram MiB] [--cmdline TEXT] ELF32
 *        native_host --check-multiboot 1|2 ELF   (header check only)
 *
 * --multiboot runs a 32-bit Multiboot kernel the same way (loaded by
 * loader_multiboot, run in compatibility mode; hypercall arguments are
 * EAX, EDI, ESI); see nh_run_multiboot for its one requirement.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ksh/hypercall.h>
#include <ksh/loader.h>
#include <ksh/native.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <sched.h>

#define NH_RAM_LOW 0x10000ull
/* Longest console write, as the kernel has it (kernel/chan/hcall_decode.c:
 * longer is -KSH_EINVAL). */
#define NH_CONSOLE_MAX 4096u
#define NH_MB_LOW                                                              \
	0x1000ull /* Multiboot: the loader's GDT page, info at 0x2000 */

static uint64_t nh_ram;		     /* RAM size: guest-physical [0, nh_ram) */
static uint64_t nh_low = NH_RAM_LOW; /* lowest mapped guest-physical */
static int nh_mode32;		     /* running a 32-bit Multiboot kernel */
static struct ksh_native_info nh_info; /* what DOMAIN_INFO reports */
static struct timespec nh_t0;	       /* KSH_HC_TIME origin */

static void nh_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void nh_say(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > 0 &&
	    write(1, line,
		  (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1) < 0)
		_exit(3);
}

static int nh_fail(const char *why)
{
	nh_say("HARNESS error: %s\n", why);
	return 2;
}

/* [gpa, gpa + len) inside the mapped RAM, wrap-around included. */
static int nh_range_ok(uint64_t gpa, uint64_t len)
{
	return gpa >= nh_low && gpa <= nh_ram && len <= nh_ram - gpa;
}

static int64_t nh_hypercall(uint64_t nr, uint64_t a0, uint64_t a1)
{
	struct ksh_domain_info *di;
	const struct ksh_native_info *ni;
	struct timespec t;

	switch (nr) {
	case KSH_HC_CONSOLE_WRITE:
		if (a1 > NH_CONSOLE_MAX)
			return -KSH_EINVAL;
		if (!nh_range_ok(a0, a1))
			return -KSH_EFAULT;
		if (a1 && write(1, (const void *)(uintptr_t)a0, a1) < 0)
			_exit(3);
		return (int64_t)a1;
	case KSH_HC_YIELD:
		sched_yield();
		return 0;
	case KSH_HC_DOMAIN_INFO:
		if (a1 < sizeof(*di))
			return -KSH_EINVAL;
		if (!nh_range_ok(a0, sizeof(*di)))
			return -KSH_EFAULT;
		di = (struct ksh_domain_info *)(uintptr_t)a0;
		ni = &nh_info;
		memset(di, 0, sizeof(*di));
		di->domain_id = ni->domain_id;
		di->n_domains = 1;
		di->n_handles = ni->n_handles;
		di->vcpus = 1;
		di->ram_size = ni->ram_size;
		memcpy(di->name, ni->name, sizeof(di->name));
		return 0;
	case KSH_HC_TIME:
		clock_gettime(CLOCK_MONOTONIC, &t);
		return (int64_t)(t.tv_sec - nh_t0.tv_sec) * 1000000000 +
		       (t.tv_nsec - nh_t0.tv_nsec);
	case KSH_HC_EXIT:
		nh_say("HARNESS exit %d\n", (int)a0);
		_exit((int)a0 & 0xff);
	default:
		return -KSH_ENOSYS;
	}
}

static void nh_on_signal(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	greg_t *r = uc->uc_mcontext.gregs;
	const uint8_t *ip = (const uint8_t *)(uintptr_t)r[REG_RIP];
	uint64_t rip = (uint64_t)r[REG_RIP];

	(void)si;
	if (sig == SIGALRM) {
		nh_say("HARNESS timeout\n");
		_exit(124);
	}
	if (sig == SIGILL && rip >= NH_RAM_LOW && rip + 3 <= nh_ram &&
	    ip[0] == 0x0f && ip[1] == 0x0b && ip[2] == 0x90) {
		r[REG_RAX] =
		    nh_hypercall((uint64_t)r[REG_RAX], (uint64_t)r[REG_RDI],
				 (uint64_t)r[REG_RSI]);
		r[REG_RIP] += 3;
		return;
	}
	/* WRMSR IA32_FS_BASE from the runtime's stack-guard set-up
	 * (ksh/rt/stack_guard.h): skipped, FS stays this process's. */
	if (sig == SIGSEGV && rip >= NH_RAM_LOW && rip + 2 <= nh_ram &&
	    ip[0] == 0x0f && ip[1] == 0x30 &&
	    (uint32_t)r[REG_RCX] == 0xC0000100u) {
		r[REG_RIP] += 2;
		return;
	}
	nh_say("HARNESS stopped signal=%d rip=0x%llx\n", sig,
	       (unsigned long long)rip);
	_exit(128 + sig);
}

/* Every fault and the timeout to nh_on_signal, on a stack of its own. */
static int nh_signals(void)
{
	struct sigaction sa;
	stack_t alt;

	alt.ss_sp = malloc(1 << 16);
	alt.ss_size = 1 << 16;
	alt.ss_flags = 0;
	if (!alt.ss_sp || sigaltstack(&alt, NULL))
		return nh_fail("sigaltstack");
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = nh_on_signal;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	for (int s = 1; s < 32; s++)
		if (s != SIGKILL && s != SIGSTOP && s != SIGCHLD &&
		    s != SIGPIPE)
			sigaction(s, &sa, NULL);
	alarm(60);
	clock_gettime(CLOCK_MONOTONIC, &nh_t0);
	return 0;
}

static void *nh_read_file(const char *path, size_t *len)
{
	struct stat st;
	void *p;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || st.st_size <= 0) {
		close(fd);
		return NULL;
	}
	p = malloc((size_t)st.st_size);
	if (p && read(fd, p, (size_t)st.st_size) != st.st_size) {
		free(p);
		p = NULL;
	}
	close(fd);
	*len = (size_t)st.st_size;
	return p;
}

/* VMMCALL (0f 01 d9) / VMCALL (0f 01 c1) -> UD2; NOP in n bytes of code. */
static int nh_patch(uint8_t *code, uint64_t n)
{
	int patched = 0;

	for (uint64_t o = 0; o + 3 <= n; o++) {
		if (code[o] == 0x0f && code[o + 1] == 0x01 &&
		    (code[o + 2] == 0xd9 || code[o + 2] == 0xc1)) {
			code[o + 1] = 0x0b;
			code[o + 2] = 0x90;
			patched++;
		}
	}
	return patched;
}

/* Loads the ELF with the kernel's own loader (kernel/loader/native.c)
 * into a scratch RAM buffer, copies the result to the fixed mapping, moves
 * the info block to NH_RAM_LOW and patches the hypercall instructions of
 * the executable segments. */
static int nh_load(const uint8_t *f, size_t len, const char *name,
		   unsigned int id, int bad_magic, struct vcpu_start *start)
{
	struct guest_ram scratch = {NULL, nh_ram};
	const Elf64_Ehdr *eh = (const void *)f;
	struct ksh_native_info *info;
	const char *why = "";
	int patched = 0, rc;

	scratch.base = mmap(NULL, nh_ram, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (scratch.base == MAP_FAILED)
		return nh_fail("cannot allocate the loader's RAM buffer");
	rc = loader_native(&scratch, f, len, id, name, NULL, 0, start, &why);
	if (rc) {
		nh_say("HARNESS error: loader_native %d: %s\n", rc, why);
		return 2;
	}
	memcpy((void *)(uintptr_t)NH_RAM_LOW, scratch.base + NH_RAM_LOW,
	       nh_ram - NH_RAM_LOW);
	info = (struct ksh_native_info *)(uintptr_t)NH_RAM_LOW;
	memcpy(info, scratch.base + KSH_NATIVE_INFO_GPA, sizeof(*info));
	if (bad_magic)
		info->magic = 0;
	nh_info = *info;
	munmap(scratch.base, nh_ram);

	/* loader_native accepted the headers, so they are in bounds. */
	for (int i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph =
		    (const void *)(f + eh->e_phoff + i * sizeof(*ph));
		uint8_t *dst = (uint8_t *)(uintptr_t)ph->p_paddr;

		if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
			continue;
		patched += nh_patch(dst, ph->p_filesz);
	}
	nh_say("HARNESS patched %d hypercall sites\n", patched);
	return 0;
}

/* Multiboot header check: v1 (spec 0.6.96 3.1.1) magic 0x1BADB002 in the
 * first 8 KiB, 4-byte aligned, magic + flags + checksum == 0; v2 (spec 2.0
 * 3.1.1) magic 0xE85250D6 in the first 32 KiB, 8-byte aligned, magic +
 * arch + length + checksum == 0, tags inside the header ending with an end
 * tag. And the file must be an ELF32 i386 executable. */
static int nh_check_multiboot(int version, const uint8_t *f, size_t len)
{
	const Elf32_Ehdr *eh = (const void *)f;
	size_t limit = version == 1 ? 8192 : 32768, step = version == 1 ? 4 : 8;
	uint32_t magic = version == 1 ? 0x1BADB002u : 0xE85250D6u;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_machine != EM_386 ||
	    eh->e_type != ET_EXEC)
		return nh_fail("not an ELF32 i386 executable");
	if (limit > len)
		limit = len;
	for (size_t o = 0; o + 16 <= limit; o += step) {
		uint32_t w[4];

		memcpy(w, f + o, sizeof(w));
		if (w[0] != magic)
			continue;
		if (version == 1) {
			if ((uint32_t)(w[0] + w[1] + w[2]) != 0)
				return nh_fail("MB1 checksum");
			if (w[1] & 0x10000)
				return nh_fail("MB1 a.out kludge set");
			nh_say("MB1 header at %zu flags=0x%x\n", o, w[1]);
			return 0;
		}
		if (w[1] != 0 || w[2] < 24 || o + w[2] > len ||
		    (uint32_t)(w[0] + w[1] + w[2] + w[3]) != 0)
			return nh_fail("MB2 header fields or checksum");
		for (size_t t = o + 16; t + 8 <= o + w[2];) {
			uint16_t type, flags;
			uint32_t size;

			memcpy(&type, f + t, 2);
			memcpy(&flags, f + t + 2, 2);
			memcpy(&size, f + t + 4, 4);
			if (size < 8 || t + size > o + w[2])
				return nh_fail("MB2 tag outside the header");
			if (type == 0) {
				if (size != 8 || t + 8 != o + w[2])
					return nh_fail("MB2 end tag");
				nh_say("MB2 header at %zu length=%u\n", o,
				       w[2]);
				return 0;
			}
			t += (size + 7) & ~7u;
		}
		return nh_fail("MB2 header has no end tag");
	}
	return nh_fail("no Multiboot header in the search window");
}

/*
 * Whether this host runs 32-bit user code at all: a child jumps to the
 * Linux 32-bit user code segment (__USER32_CS = 0x23) into a stub at
 * @low that calls the IA-32 exit(42) through int 0x80. Some hosts run
 * without compatibility-mode segments for user space (seen on a
 * paravirtualized sandbox kernel): there the far return faults, and the
 * Multiboot runs are skipped instead of failing for the host's sake.
 */
static int nh_compat_works(uintptr_t low)
{
	static const uint8_t stub[] = {
	    0xb8, 0x01, 0x00, 0x00, 0x00, /* mov $1, %eax (exit) */
	    0xbb, 0x2a, 0x00, 0x00, 0x00, /* mov $42, %ebx */
	    0xcd, 0x80,			  /* int $0x80 */
	};
	int status = 0;
	pid_t pid = fork();

	if (pid < 0)
		return 0;
	if (pid == 0) {
		/* The child's copy of guest RAM is its own (fork copies on
		 * write): the stub does not reach the parent's guest. */
		signal(SIGSEGV, SIG_DFL);
		signal(SIGBUS, SIG_DFL);
		memcpy((void *)low, stub, sizeof(stub));
		__asm__ volatile("pushq $0x23\n\t"
				 "pushq %0\n\t"
				 "lretq"
				 :
				 : "r"((uint64_t)low)
				 : "memory");
		_exit(1);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 42;
}

/* Runs a 32-bit Multiboot kernel: loaded by loader_multiboot, copied to
 * [NH_MB_LOW, ram) (its boot structures start at 0x1000, so this needs a
 * mapping below 64 KiB: allowed when vm.mmap_min_addr <= 4096 or with
 * CAP_SYS_RAWIO; otherwise exit 77 = skipped), entered in compatibility
 * mode through Linux's 32-bit user code segment with EAX and EBX from the
 * loader. */
static int nh_run_multiboot(const uint8_t *f, size_t len, const char *cmdline,
			    int bad_magic)
{
	struct guest_ram scratch = {NULL, nh_ram};
	const Elf32_Ehdr *eh = (const void *)f;
	struct vcpu_start st;
	const char *why = "";
	int patched = 0, rc;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32)
		return nh_fail("not an ELF32 Multiboot kernel");
	scratch.base = mmap(NULL, nh_ram, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (scratch.base == MAP_FAILED)
		return nh_fail("cannot allocate the loader's RAM buffer");
	rc = loader_multiboot(&scratch, f, len, cmdline, &st, &why);
	if (rc) {
		nh_say("HARNESS error: loader_multiboot %d: %s\n", rc, why);
		return 2;
	}
	if (st.mode != VCPU_START_PROT32 || st.rip >= nh_ram)
		return nh_fail("unexpected start state from loader_multiboot");
	if (bad_magic) /* what a loader that forgot the magic would pass */
		st.rax ^= 1;
	nh_low = NH_MB_LOW;
	nh_mode32 = 1;
	if (mmap((void *)(uintptr_t)nh_low, nh_ram - nh_low,
		 PROT_READ | PROT_WRITE | PROT_EXEC,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1,
		 0) != (void *)(uintptr_t)nh_low) {
		nh_say("HARNESS skip: cannot map guest RAM at 0x1000\n");
		return 77;
	}
	memcpy((void *)(uintptr_t)nh_low, scratch.base + nh_low,
	       nh_ram - nh_low);
	munmap(scratch.base, nh_ram);
	if (!nh_compat_works((uintptr_t)nh_low)) {
		nh_say("HARNESS skip: this host runs no 32-bit user code\n");
		return 77;
	}
	for (int i = 0; i < eh->e_phnum; i++) {
		const Elf32_Phdr *ph =
		    (const void *)(f + eh->e_phoff + (size_t)i * sizeof(*ph));

		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X))
			patched += nh_patch((uint8_t *)(uintptr_t)ph->p_paddr,
					    ph->p_filesz);
	}
	nh_say("HARNESS patched %d hypercall sites\n", patched);
	if (nh_signals())
		return 2;
	/* DS/ES must be usable data selectors in compatibility mode (Linux
	 * x86-64: __USER_DS = 0x2b, __USER32_CS = 0x23). */
	__asm__ volatile("movl $0x2b, %%ecx\n\t"
			 "movl %%ecx, %%ds\n\t"
			 "movl %%ecx, %%es\n\t"
			 "pushq $0x23\n\t"
			 "pushq %2\n\t"
			 "lretq"
			 :
			 : "a"(st.rax), "b"(st.rbx), "r"(st.rip)
			 : "rcx", "memory");
	__builtin_unreachable();
}

int main(int argc, char **argv)
{
	uint64_t ram_mib = 4;
	struct vcpu_start start;
	const char *name = "native", *path = NULL;
	unsigned int id = 1;
	int bad_magic = 0, mb = 0;
	const char *cmdline = "";
	int multiboot = 0;
	uint8_t *f;
	size_t len;
	void *ram;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--ram") && i + 1 < argc)
			ram_mib = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--name") && i + 1 < argc)
			name = argv[++i];
		else if (!strcmp(argv[i], "--id") && i + 1 < argc)
			id = (unsigned int)strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--multiboot"))
			multiboot = 1;
		else if (!strcmp(argv[i], "--cmdline") && i + 1 < argc)
			cmdline = argv[++i];
		else if (!strcmp(argv[i], "--bad-magic"))
			bad_magic = 1;
		else if (!strcmp(argv[i], "--check-multiboot") && i + 1 < argc)
			mb = atoi(argv[++i]);
		else if (!path && argv[i][0] != '-')
			path = argv[i];
		else
			return nh_fail("usage: native_host [--ram MiB] [--name "
				       "N] [--id N] [--bad-magic] ELF");
	}
	if (!path)
		return nh_fail("no ELF given");
	f = nh_read_file(path, &len);
	if (!f)
		return nh_fail("cannot read the ELF");
	if (mb == 1 || mb == 2)
		return nh_check_multiboot(mb, f, len);
	if (ram_mib < 2 || ram_mib > 1024)
		return nh_fail("--ram must be 2 .. 1024 MiB");
	nh_ram = ram_mib << 20;
	if (multiboot)
		return nh_run_multiboot(f, len, cmdline, bad_magic);

	ram = mmap((void *)(uintptr_t)NH_RAM_LOW, nh_ram - NH_RAM_LOW,
		   PROT_READ | PROT_WRITE | PROT_EXEC,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (ram != (void *)(uintptr_t)NH_RAM_LOW)
		return nh_fail("cannot map guest RAM at its own addresses");
	if (nh_load(f, len, name, id, bad_magic, &start))
		return 2;

	if (nh_signals())
		return 2;

	/* The loader's entry state: RIP, RSP; RDI = info (moved, see top). */
	__asm__ volatile("movq %0, %%rsp\n\t"
			 "xorl %%ebp, %%ebp\n\t"
			 "jmp *%1"
			 :
			 : "r"(start.rsp), "r"(start.rip), "D"(NH_RAM_LOW)
			 : "memory");
	__builtin_unreachable();
}
