// Every construct of the language the runtime enforces at least once
// (dsl/reference.md); the refused ones (a second CPU, iommu required,
// pass-through, networks and filters, event vectors, NE2000/IDE/AHCI, devices
// in native or Multiboot domains) each have a case in
// tests/kshc/fail/not-enforced-*.ksh.
include "full-labels.inc";

const GUEST_RAM = 64M;
const SLICE = 2ms;

system "full" {
	platform { cpus 1; memory 512M; iommu optional; }
	schedule {
		major 20ms;
		cpu 0 {
			corp 6ms; keystore SLICE; idle 1ms; filter 1ms;
			personal 8ms; legacy SLICE;
		}
	}
}

domain corp : linux {
	memory GUEST_RAM; vcpus 1; affinity 0; budget 5ms;
	kernel "bzImage";
	initrd "initrd.cpio";
	cmdline "console=ttyS0 quiet \"quoted\"";
	type linux_t; level internal; categories work;
	property owner = "it-department";
	property tier = 2;
	flags fault_on_violation, user_hypercalls;
	device uart com1 { port 0x3f8; irq 4; }
	device pic pic0;
	device pit pit0;
	device rtc rtc0;
	device pci_host host0;
	device channel crypto_dev { channel crypto; pci 00:05.0; irq 10; }
}

domain personal : linux {
	memory 32M; affinity 0;
	kernel "bzImage" sha256 "4b6a7565301208d8ba4bb61aee4196d067e0892eaa66eea3a07efe9486dfd347";
	type linux_t; level public; categories home;
}

domain keystore : native "hello.elf" {
	memory 4M; type keystore_t; level secret; categories work, home;
	flags audit_reader;
}

domain filter : native "hello.elf" {
	memory 2M; type filter_t; level secret; categories work, home;
}

domain legacy : multiboot "hello.elf" {
	memory 16M; type linux_t; level public; categories home;
	cmdline "legacy=1";
}

channel crypto : message corp -> keystore {
	size 64K;
	depth 4;
	methods { unlock(pin); sign(key_id, data); lock(); }
}

event logged : keystore -> filter;

channel audit_log : memory keystore -> filter {
	size 2M;
	event logged;
	at filter 0x80000000;
}

shared scratch {
	size 16K;
	map corp rw;
	map keystore r;
	map filter rx at 0x90000000;
}

policy {
	mls warn;
	allow linux_t keystore_t : crypto { unlock, sign, lock } audit;
	deny corp keystore : crypto { lock };
	flow session on crypto {
		states locked, unlocked;
		initial locked;
		locked -unlock-> unlocked;
		unlocked -sign-> unlocked;
		in locked allow unlock;
	}
	neverallow untrusted keystore_t : * { lock };
	neverflow secret -> public;
	neverflow filter -> corp;
}
