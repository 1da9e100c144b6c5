// A Linux domain beside two native ones on one CPU: hello runs to its
// end, ticker prints a line every 2 s for ever, and the Linux domain
// boots, then crashes its kernel on purpose (sysrq c: an oops, then
// "Kernel panic"). With panic=-1 Linux resets the machine at once
// through the i8042; ksh stops that domain and reports it, and the
// native domains go on (tests/boot/linux_mixed.sh).
system "linux_mixed" {
	platform { cpus 1; memory 512M; iommu optional; }
	schedule {
		major 20ms;
		cpu 0 { linux 12ms; hello 4ms; ticker 4ms; }
	}
}
level low;
type t;
domain linux : linux {
	memory 128M;
	kernel "vmlinuz";
	initrd "initramfs.cpio.gz";
	cmdline "console=ttyS0 nolapic noapic acpi=off panic=-1 ksh.run=echo%20c%20%3E%20/proc/sysrq-trigger";
	type t; level low;
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; }
}
domain hello : native "hello.elf" { memory 2M; type t; level low; }
domain ticker : native "ticker.elf" { memory 2M; type t; level low; }
