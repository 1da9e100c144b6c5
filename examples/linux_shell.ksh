// linux_shell: examples/linux.ksh made interactive. The domain's UART is
// granted the console's input (`console;`), so what is typed on the ksh
// serial console reaches the guest's 16550A; after the ksh.run command,
// /init gives a shell on ttyS0. Only one UART in a system may have
// `console;`; without one, typed input is discarded.
//
// Build:  kshc examples/linux_shell.ksh -L build/images/linux -o shell.efi
// Boot it with QEMU's serial port on a terminal (-serial stdio or
// -nographic) and type at the "/ #" prompt. tests/boot/linux_shell.py
// types commands into it; ksh.shelltest= is a word only /proc/cmdline
// can show (the test never types it).
system "linux_shell" {
	platform { cpus 1; memory 512M; iommu optional; }
	schedule {
		major 10ms;
		cpu 0 { linux 10ms; }
	}
}
domain linux : linux {
	memory 128M;
	kernel "vmlinuz";
	initrd "initramfs.cpio.gz";
	cmdline "console=ttyS0 nolapic noapic acpi=off ksh.shelltest=7f3a91 ksh.run=echo%20KSH-RUN-DONE";
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; console; }
}
