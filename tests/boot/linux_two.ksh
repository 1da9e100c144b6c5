// Two Linux domains and a native one on one CPU (tests/boot/linux_two.py):
// alpha and beta boot the same stock kernel and initramfs side by side,
// each in its own 128 MiB with its own emulated PC devices; hello runs
// to its end between them. Only alpha's UART is granted the console's
// input. alpha restarts by triple fault (reboot=t: Linux loads an empty
// IDT and executes int3), so its typed `reboot -f` ends in a shutdown
// exit that ksh stops it for. beta keeps printing BETA-TICK lines from a
// background loop, so the test can see it run on after alpha stops.
system "linux_two" {
	platform { cpus 1; memory 512M; iommu optional; }
	schedule {
		major 30ms;
		cpu 0 { alpha 13ms; beta 13ms; hello 4ms; }
	}
}
domain alpha : linux {
	memory 128M;
	kernel "vmlinuz";
	initrd "initramfs.cpio.gz";
	cmdline "console=ttyS0 nolapic noapic acpi=off reboot=t ksh.run=echo%20ALPHA-$((5*5))";
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; console; }
}
domain beta : linux {
	memory 128M;
	kernel "vmlinuz";
	initrd "initramfs.cpio.gz";
	cmdline "console=ttyS0 nolapic noapic acpi=off ksh.run=echo%20BETA-$((7*7)) ksh.run=(while%20sleep%205%3B%20do%20echo%20BETA-TICK%3B%20done)%20%26";
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; }
}
domain hello : native "hello.elf" { memory 2M; }
