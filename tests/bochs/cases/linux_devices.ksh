// A Linux domain on emulated PC devices, booting lxtick (a tiny bzImage,
// tests/bochs/lxtick/) instead of the stock kernel, which takes many
// minutes under Bochs: the Linux boot protocol, the PCI host bridge
// (i440FX ID 8086:1237), EFER through the vendor's msr_access, debug
// registers as storage, then the 8259A pair and 8254 programmed by the
// guest and ten timer interrupts injected through its IDT (interrupt
// windows, HLT waits). The same image on VMX and on SVM.
// boot-expect: ksh: domain lx: PC devices: 8259A pair, 8254, RTC/CMOS, PCI host bridge, 1 UART(s), port 0x80, i8042
// boot-expect: [lx] LXTICK start
// boot-expect: [lx] LXTICK pci 0x12378086
// boot-expect: [lx] LXTICK efer 0x500
// boot-expect: [lx] LXTICK dr0 0x1234
// boot-expect: [lx] LXTICK ticks 10
// boot-expect: [lx] LXTICK DONE
// boot-expect: ksh: domain lx stopped: halted with interrupts disabled
// boot-expect: ksh: no domain left to run: stopping
// boot-reject: FAIL
// boot-reject: PANIC
// boot-reject: not started
system "linux_devices" {
	platform { cpus 1; memory 64M; iommu optional; }
	schedule { major 10ms; cpu 0 { lx 10ms; } }
}
domain lx : linux {
	memory 16M;
	kernel "lxtick.bzimage";
	cmdline "console=ttyS0";
	device pic pic0 { }
	device pit pit0 { }
	device rtc rtc0 { }
	device pci_host pci0 { }
	device uart com1 { port 0x3f8; irq 4; }
}
