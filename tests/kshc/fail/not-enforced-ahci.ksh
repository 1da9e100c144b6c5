// The AHCI disk model exists in runtime/devices, but the kernel does not
// attach it to a Linux domain (kernel/core/linux_dom.c).
system "t" { platform { cpus 1; } schedule { major 10ms; cpu 0 { lx 10ms; } } }
domain lx : linux {
	memory 64M; kernel "bzImage"; initrd "initrd.cpio";
	device pic pic0; device pit pit0; device pci_host pci0;
	device uart com1 { port 0x3f8; irq 4; }
	device ahci sata0 { disk "disk.img"; }
}
