// ring_linux: a Linux domain reads the record ring (ksh/rt/ring.h) that a
// native writer streams into a memory channel, with `kshchan ring-read`
// (libkshchan runs runtime/ring/ring.c, the writer's own code). The
// writer is ev_producer of tests/boot/ev_stream.ksh: handles 0 pipe
// (writer), 1 credit (receiver), doorbell event bell. Linux never sends
// credit, so the writer fills the 64 KiB window without lapping position
// 0 and then waits: the first records stay intact for Linux to read.
// Booted by tests/kshchan/ring_linux.sh.

system "ring_linux" {
	platform { cpus 1; memory 512M; iommu optional; }
	schedule {
		major 10ms;
		cpu 0 { linux 8ms; producer 2ms; }
	}
}

level low;
type ev_t;

domain linux : linux {
	memory 128M; type ev_t; level low;
	kernel "vmlinuz";
	initrd "initramfs.cpio.gz";
	cmdline "console=ttyS0 nolapic noapic acpi=off ksh.run=kshchan%20list ksh.run=kshchan%20ring-read%20--timeout%2030000%20-x%20pipe%203 ksh.run=reboot%20-f";
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; }
	device channel pipedev { channel pipe; irq 10; }
}

domain producer : native "ev_producer.elf" {
	memory 4M; type ev_t; level low;
}

event bell : producer -> linux;

channel pipe : memory producer -> linux {
	size 64K;
	event bell;
	at producer 0x40000000;
}

channel credit : message linux -> producer {
	size 16;
	methods { pos(bytes); }
}

policy {
	allow ev_t ev_t : credit { pos };
}
