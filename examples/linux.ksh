// linux: Debian 12's stock kernel (the bzImage exactly as shipped) with
// the busybox initramfs of `make linux-image`, in one ksh domain on
// emulated PC devices: 8259A pair, 8254, 16550A on COM1 (its output goes
// to the ksh console as "[linux] ..."), CMOS/RTC, PCI host bridge (plus
// port 0x80 and the i8042, which every Linux domain gets).
//
// No local APIC, I/O APIC or ACPI tables are emulated yet: the command
// line says so (nolapic noapic acpi=off) and CPUID hides the APIC.
// ksh.run= commands are percent-encoded (images/linux/README.md).
//
// Build:  kshc examples/linux.ksh -L build/images/linux -o build/linux.efi

system "linux" {
	platform {
		cpus 1;
		memory 512M;
		iommu optional;
	}
	schedule {
		major 10ms;
		cpu 0 {
			linux 10ms;
		}
	}
}

domain linux : linux {
	memory 128M;
	kernel "vmlinuz";
	initrd "initramfs.cpio.gz";
	// Commands: uname; shell arithmetic; CPU flags CPUID must hide (grep
	// finds none: rc=1); reboot, which the i8042 turns into a reset
	// request that stops the domain (and the machine, the last domain).
	cmdline "console=ttyS0 nolapic noapic acpi=off ksh.run=uname%20-a ksh.run=echo%20%24%28%286%2A7%29%29 ksh.run=grep%20-woE%20%27apic%7Cx2apic%7Cmtrr%7Cmonitor%7Csvm%7Cvmx%27%20/proc/cpuinfo ksh.run=reboot%20-f";
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; }
}
